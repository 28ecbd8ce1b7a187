// One problem for front matter YAML cannot read: the common mistake behind the parser's errors, at the place to fix.
import { applyEdits } from '../edits';
import { fixTitle, msg, type Message } from '../messages';
import { parseYaml, type YamlIssue } from '../parse';
import type { Fix, TextEdit } from '../types';

/** The one problem to show for a front matter's YAML errors: message, absolute range, and fixes. */
export interface Diagnosis { message: Message; start: number; end: number; fixes: Fix[] }

/** A line of the YAML: offsets relative to the YAML text, `end` before its line break. */
interface Line { start: number; end: number; text: string }

/** A suspected mistake on one line: its range (YAML offsets), message, and the repairs that would remove it. */
interface Candidate {
  start: number;
  end: number;
  message: Message;
  /** Tried in order; the first one that makes the parser's first error go past this line proves the diagnosis. */
  repairs: { title: Message; edits: TextEdit[]; guess?: boolean }[];
  /** Certain without a repair when the parser's first error is on this line (a fix is then offered only when a repair holds). */
  certain?: boolean;
}

// Errors that are already one precise problem (from Post Desk's own checks), or not about syntax.
const PRECISE = new Set(['TOO_LARGE', 'CONTROL_CHARACTER', 'BAD_DIRECTIVE', 'TOO_DEEP', 'RESOURCE_EXHAUSTION', 'ALIAS_COUNT', 'BAD_ANCHOR', 'NOT_A_MAP', 'LIBYAML']);
// Each repair is checked by parsing the repaired YAML again: a bounded number per post.
const MAX_REPAIRS = 8;
// Longer lines are not examined (no real front matter line is this long; it keeps every scan cheap).
const MAX_LINE = 4096;

/**
 * The common editing mistake behind a front matter's YAML `errors` (absolute offsets of `text`): a stray or
 * unclosed quote, an unclosed `[`, a tab in the indentation, an unquoted `: ` in a value, a `- ` on its key's
 * line, a key indented by mistake. Each diagnosis is proved by a repair that moves the parser's first error past
 * its line. Undefined when none applies: then the parser's first error is the one to show.
 */
export function diagnoseYaml(text: string, contentStart: number, contentEnd: number, errors: readonly YamlIssue[]): Diagnosis | undefined {
  const first = errors[0];
  if (!first || PRECISE.has(first.code)) return undefined;
  const yaml = text.slice(contentStart, contentEnd);
  const lines = splitLines(yaml);
  const at = first.start - contentStart;
  const errorLine = lines.findIndex((l) => at <= l.end);
  // A mistake shows as an error on its own line, the line before (a value the next line continues) or at the end (an open quote).
  const last = errorLine < 0 ? lines.length - 1 : Math.min(lines.length - 1, errorLine + 1);
  const top = lines.findIndex(isContent);
  let budget = MAX_REPAIRS;
  // A repair proves its diagnosis when the first error it leaves is past both the line and the first error before it.
  const holds = (edits: TextEdit[], lineEnd: number): boolean => {
    if (budget-- <= 0) return false;
    const delta = edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
    const after = parseYaml(applyEdits(yaml, edits)).errors;
    return after.length === 0 || after[0].start > Math.max(lineEnd, at) + delta;
  };
  for (let i = 0; i <= last && budget > 0; i++) {
    if (lines[i].text.length > MAX_LINE) continue;
    for (const detect of DETECTORS) {
      const c = detect(lines, i, top);
      if (!c) continue;
      const repair = c.repairs.find((r) => holds(r.edits, lines[i].end));
      if (!repair && !(c.certain && at >= lines[i].start && at <= lines[i].end)) continue;
      // A repair that guesses what the author meant is offered, not applied by Fix All or on save.
      const fixes: Fix[] = repair ? [{ ...fixTitle(repair.title), edits: repair.edits.map((e) => ({ ...e, start: e.start + contentStart, end: e.end + contentStart })), preferred: !repair.guess }] : [];
      return { message: c.message, start: c.start + contentStart, end: c.end + contentStart, fixes };
    }
  }
  return undefined;
}

/**
 * An indented first line whose document Psych ends at a less indented line (`ParsedPost.dropped`: no error, the
 * lines from there on are silently dropped): the same diagnosis as {@link diagnoseYaml} gives it, with the fix
 * (remove the leading spaces) when the repaired front matter reads without error.
 */
export function diagnoseIndentedStart(text: string, contentStart: number, contentEnd: number): Diagnosis | undefined {
  const yaml = text.slice(contentStart, contentEnd);
  const lines = splitLines(yaml);
  const top = lines.findIndex(isContent);
  const c = top < 0 || lines[top].text.length > MAX_LINE ? undefined : indentedStart(lines, top, top);
  if (!c) return undefined;
  const repair = c.repairs.find((r) => parseYaml(applyEdits(yaml, r.edits)).errors.length === 0);
  const fixes: Fix[] = repair ? [{ ...fixTitle(repair.title), edits: repair.edits.map((e) => ({ ...e, start: e.start + contentStart, end: e.end + contentStart })), preferred: true }] : [];
  return { message: c.message, start: c.start + contentStart, end: c.end + contentStart, fixes };
}

function splitLines(yaml: string): Line[] {
  const out: Line[] = [];
  for (let pos = 0; pos <= yaml.length;) {
    let nl = yaml.indexOf('\n', pos);
    if (nl < 0) nl = yaml.length;
    const end = yaml.charCodeAt(nl - 1) === 13 && nl > pos ? nl - 1 : nl;
    if (pos < yaml.length || out.length === 0) out.push({ start: pos, end, text: yaml.slice(pos, end) });
    pos = nl + 1;
  }
  return out;
}

/** `indent`, `- ` items, `key:` and the spaces after it; the item prefix is matched atomically (no backtracking). */
const KEY_LINE = /^( *)(?=((?:- +)*))\2("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|(?:[^\s#'"[\]{},&*!|>%@`-]|-(?=\S))[^\t]*?):(?=[ \t]|$)[ \t]*/;
interface KeyLine { indent: number; key: string; keyStart: number; keyEnd: number; colonEnd: number; value: string; valueStart: number; valueEnd: number }

function keyLine(line: Line): KeyLine | undefined {
  const m = KEY_LINE.exec(line.text);
  if (!m) return undefined;
  const keyStart = line.start + m[1].length + m[2].length;
  const valueStart = line.start + m[0].length;
  const value = line.text.slice(m[0].length).trimEnd();
  return { indent: m[1].length, key: m[3], keyStart, keyEnd: keyStart + m[3].length, colonEnd: keyStart + m[3].length + 1, value, valueStart, valueEnd: valueStart + value.length };
}

const isContent = (l: Line) => /^\s*[^\s#]/.test(l.text);
const indentOf = (l: Line) => /^ */.exec(l.text)![0].length;

/** Looks at line `i`; `top` is the index of the first line with content. */
type Detector = (lines: Line[], i: number, top: number) => Candidate | undefined;

/** A tab in the indentation (of this line and the tab-indented lines right after it). */
const tabIndent: Detector = (lines, i) => {
  const m = /^ *\t[ \t]*/.exec(lines[i].text);
  if (!m) return undefined;
  let j = i;
  while (j + 1 < lines.length && /^[ \t]*\t/.test(lines[j + 1].text)) j++;
  const run = lines.slice(i, j + 1);
  const reindent = (f: (ws: string) => string) => run.map((l) => { const ws = /^[ \t]*/.exec(l.text)![0]; return { start: l.start, end: l.start + ws.length, newText: f(ws) }; });
  const tab = lines[i].start + m[0].indexOf('\t');
  return {
    start: tab, end: tab + 1, certain: true,
    message: msg('A tab indents this line, and YAML allows only spaces for indentation: indent it with spaces. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.'),
    repairs: [
      { title: msg('Replace the tab with spaces.'), edits: reindent((ws) => ws.replace(/\t/g, '  ')) },
      { title: msg('Remove the tab.'), edits: reindent(() => ''), guess: true },
    ],
  };
};

/** The first line of the front matter is indented and a later one is not: Psych reads only the lines above that one. */
const indentedStart: Detector = (lines, i, top) => {
  if (i !== top) return undefined;
  const n = indentOf(lines[i]);
  const k = keyLine(lines[i]);
  if (n === 0 || !k) return undefined;
  const out = lines.findIndex((l, j) => j > i && isContent(l) && indentOf(l) < n);
  if (out < 0) return undefined;
  const rest = keyLine(lines[out]);
  const edits = lines.slice(i, out).map((l) => ({ start: l.start, end: l.start + Math.min(n, indentOf(l)), newText: '' }));
  return {
    start: lines[i].start, end: k.keyEnd,
    message: msg('The first line of the front matter is indented and the line of `{0}` is not: Jekyll reads only the lines above `{0}` and silently drops the rest of the front matter. Remove the leading spaces.', rest ? rest.key : lines[out].text.trim().slice(0, 40)),
    repairs: [{ title: msg('Remove the leading spaces.'), edits }],
  };
};

/** A key indented under a key that already has a value on its line: YAML reads it as more of that value. */
const strayIndent: Detector = (lines, i) => {
  const k = keyLine(lines[i]);
  if (!k || k.indent === 0 || /^ *- /.test(lines[i].text)) return undefined;
  let p = i - 1;
  while (p >= 0 && !isContent(lines[p])) p--;
  const prev = p >= 0 ? keyLine(lines[p]) : undefined;
  if (!prev || prev.indent >= k.indent || !prev.value || /^[#|>]/.test(prev.value) || /^[&!]\S*$/.test(prev.value)) return undefined;
  const width = prev.keyStart - lines[p].start;
  return {
    start: lines[i].start, end: k.keyEnd,
    message: msg('`{0}` is indented more than the line above it, which already has a value, so YAML reads it as part of that value: remove the leading spaces. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', k.key),
    repairs: [{ title: msg('Remove the leading spaces.'), edits: [{ start: lines[i].start, end: lines[i].start + k.indent, newText: ' '.repeat(width) }] }],
  };
};

/** A quoted value that ends before the end of its line (a stray quote inside), or is never closed. */
const quoted: Detector = (lines, i) => {
  const k = keyLine(lines[i]);
  const q = k?.value[0];
  if (!k || (q !== '"' && q !== "'")) return undefined;
  const v = k.value;
  const close = closingQuote(v, q);
  if (close < 0) {
    return {
      start: k.valueStart, end: k.valueEnd,
      message: msg('This `{0}` starts a quoted value that is never closed: add a `{0}` at the end of the value. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', q),
      repairs: [{ title: msg('Close the quoted value.'), edits: [{ start: k.valueEnd, end: k.valueEnd, newText: q }] }],
    };
  }
  const rest = v.slice(close + 1);
  if (!rest.trim() || /^\s+#/.test(rest)) return undefined;
  const inner = v.endsWith(q) && close < v.length - 1;
  const escape = q === '"' ? '\\"' : "''";
  return {
    start: k.valueStart + close, end: k.valueEnd,
    message: msg('This quoted value ends at this `{0}`, so the text after it is left over: write each `{0}` inside the value as `{1}`, or put the whole value in other quotes. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', q, escape),
    repairs: [
      ...(inner ? [{ title: msg('Escape the `{0}` inside the quoted value.', q), edits: escapeInner(v, q, k.valueStart) }] : []),
      { title: msg('Quote the whole value.'), edits: [requote(v, k.valueStart)], guess: true },
    ],
  };
};

/** A value that opens a flow list `[` (or mapping `{`) and never closes it, or has text after its `]`. */
const flow: Detector = (lines, i) => {
  const k = keyLine(lines[i]);
  if (!k || (k.value[0] !== '[' && k.value[0] !== '{')) return undefined;
  const v = k.value;
  const stack: string[] = [];
  let valueEnd = v.length;
  for (let j = 0; j < v.length; j++) {
    const c = v[j];
    if ((c === '"' || c === "'") && /[[{,:\s]/.test(v[j - 1] ?? '')) { j = closingQuote(v, c, j); if (j < 0) return undefined; continue; }
    if (c === '[' || c === '{') stack.push(c === '[' ? ']' : '}');
    else if (c === ']' || c === '}') {
      if (stack.pop() !== c) return undefined;
      if (stack.length === 0) {
        const rest = v.slice(j + 1);
        if (!rest.trim() || /^\s*#/.test(rest) || v[0] !== '[') return undefined;
        return {
          start: k.valueStart, end: k.valueEnd,
          message: msg('A value that starts with `[` is read as a list, and the text after its `]` is left over: put the whole value in quotes. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.'),
          repairs: [{ title: msg('Quote the whole value.'), edits: [requote(v, k.valueStart)] }],
        };
      }
    } else if (c === '#' && /\s/.test(v[j - 1] ?? '')) { valueEnd = v.slice(0, j).trimEnd().length; break; }
  }
  if (!stack.length) return undefined;
  const closers = stack.reverse().join('');
  const at = k.valueStart + valueEnd;
  return {
    start: k.valueStart, end: k.valueStart + 1,
    message: msg('This `{0}` is never closed: add `{1}` at the end of the value. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', v[0], closers),
    repairs: [{ title: msg('Add `{0}` at the end of the value.', closers), edits: [{ start: at, end: at, newText: closers }] }],
  };
};

/** `key: - item`: a block list item on its key's own line. */
const dashOnKeyLine: Detector = (lines, i) => {
  const k = keyLine(lines[i]);
  if (!k || !/^-(?: |$)/.test(k.value)) return undefined;
  const col = k.keyStart - lines[i].start;
  const next = lines[i + 1] ? /^( *)- /.exec(lines[i + 1].text) : null;
  const indent = next && next[1].length >= col ? next[1].length : col + 2;
  const eol = lines[i + 1] && lines[i].end < lines[i + 1].start - 1 ? '\r\n' : '\n';
  return {
    start: k.valueStart, end: k.valueStart + 1,
    message: msg('A list item cannot start on the line of its key `{0}`: put `- {1}` on the next line, indented. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', k.key, k.value.slice(2)),
    repairs: [{ title: msg('Move the list item to its own line.'), edits: [{ start: k.colonEnd, end: k.valueStart, newText: `${eol}${' '.repeat(indent)}` }] }],
  };
};

/** A plain value with `: ` inside (or ending in `:`): YAML reads a key there. */
const colonInValue: Detector = (lines, i) => {
  const k = keyLine(lines[i]);
  if (!k || !k.value || /^[-"'[\]{}|>&*!%@`#?,]/.test(k.value)) return undefined;
  const comment = /\s#/.exec(k.value);
  const v = comment ? k.value.slice(0, comment.index).trimEnd() : k.value;
  const colon = /:(?:[ \t]|$)/.exec(v);
  if (!colon) return undefined;
  return {
    start: k.valueStart, end: k.valueStart + v.length,
    message: msg('The `: ` inside this value makes YAML read it as a new key: put the whole value in quotes. Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.'),
    repairs: [{ title: msg('Quote the whole value.'), edits: [requote(v, k.valueStart)] }],
  };
};

const DETECTORS: readonly Detector[] = [tabIndent, indentedStart, strayIndent, quoted, flow, dashOnKeyLine, colonInValue];

/** Index of the quote that closes the quoted scalar starting at `s[from]`, or -1 when it is not closed in `s`. */
function closingQuote(s: string, q: string, from = 0): number {
  for (let i = from + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') { i++; continue; }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return -1;
}

/** Escapes for the quotes between the first and the last one of `v` (a `"` gets `\`, a lone `'` is doubled). */
function escapeInner(v: string, q: string, at: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = 1; i < v.length - 1; i++) {
    if (q === '"' && v[i] === '\\') { i++; continue; }
    if (v[i] !== q) continue;
    if (q === "'" && v[i + 1] === "'" && i + 1 < v.length - 1) { i++; continue; }
    edits.push({ start: at + i, end: at + i, newText: q === '"' ? '\\' : "'" });
  }
  return edits;
}

/** `v` as one quoted scalar: single quotes (inner `'` doubled), which keep every other character as written. */
function requote(v: string, at: number): TextEdit {
  return { start: at, end: at + v.length, newText: `'${v.replace(/'/g, "''")}'` };
}
