// Output that may reach a terminal: control characters from a post, a config or a file name become visible escapes.

/**
 * What is never written raw: C0 controls (ESC starts every terminal sequence; CR and BS overwrite what was
 * printed), DEL, C1 controls (U+009B is a one-character CSI on some terminals), the line and paragraph separators,
 * and the bidi embeddings, overrides and isolates that reorder what a line shows ("Trojan Source"). Tab and line
 * feed are kept only where they are the output's own layout (`keepLayout`). Backslashes are not doubled, so paths
 * stay readable; the zero-width marks (U+200E/F) are left alone, as real right-to-left text uses them.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** How an escaped character is written: `\x1b` (text), `\u001b` (inside JSON strings), `&#x1b;` (HTML). */
export type EscapeForm = 'text' | 'json' | 'html';

const SHORT: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');
const WRITE: Record<EscapeForm, (c: string) => string> = {
  text: (c) => SHORT[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`),
  json: (c) => `\\u${hex(c, 4)}`,
  html: (c) => `&#x${hex(c, 1)};`,
};

/**
 * `s` with every character a terminal could act on escaped (see UNSAFE). The one function for text that goes
 * to a terminal: the CLI applies it to each untrusted value it prints (`keepLayout` false: a file name with a
 * line feed cannot fake a second line) and, as a last guard, to everything it writes (`keepLayout` true).
 * `json` applies to JSON text (only inside its strings can such characters be), `html` to HTML outside raw-text
 * elements; both keep the value the same for a parser.
 */
export function escapeControls(s: string, form: EscapeForm = 'text', keepLayout = false): string {
  const re = keepLayout ? UNSAFE_KEEP_LAYOUT : UNSAFE;
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, WRITE[form]) : s;
}

/** JSON text of `value` (2-space indent) with C1, separator and bidi characters escaped too (JSON.stringify leaves them raw). */
export function jsonText(value: unknown): string {
  return escapeControls(JSON.stringify(value, null, 2), 'json', true);
}
