// libyaml's scanner, token by token, over what it scans after an indented first document ends (errors only).
import { directiveError } from './stream';
import { scanTag } from './tag-scan';

/** A token error: message and offsets into the YAML text. */
export interface TokenError { message: string; start: number; end: number }

// libyaml 0.2.5 forgets a possible simple key more than 1024 characters on.
const KEY_REACH = 1024;
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
const ANCHOR_END = '?:,]}%@`';
// Escapes libyaml 0.2.5 reads in a double-quoted scalar, and the hex digits \x, \u and \U take.
const ESCAPES = '0abt\tnvfre "/\\N_LP';
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The error libyaml raises after the first document of an indented first line ends at `at` (a line start; see
 * `indentedRootEnd`), undefined when there is none. Psych returns the document as soon as the parser has its end,
 * but libyaml's scanner has scanned further by then: the token at `at` and, while that token may still be a simple
 * key (an anchor, tag, scalar or flow collection not yet followed by `:` and still on its line), the tokens after
 * it; the one that first lies on a later line is scanned too. A scalar is scanned whole (a plain one in a flow
 * collection, or after the end, runs on over lines), a block scalar with its lines. `afterQuote`: the document ended
 * in the middle of a line, right after a quoted scalar (see `quotedRootEnd`), where no simple key may start.
 */
export function nextTokenError(yaml: string, at: number, afterQuote = false): TokenError | undefined {
  const len = yaml.length;
  let i = at;
  let lineStart = afterQuote ? yaml.lastIndexOf('\n', at - 1) + 1 : at;
  let line = 0;
  let flow = 0;
  // libyaml's simple_key_allowed; a line start in block context allows one, a quoted scalar's end does not.
  let allowed = !afterQuote;
  // The simple key the first token may start (libyaml saves it at flow level 0).
  let key: { possible: boolean; line: number; index: number } | undefined;
  const err = (message: string, at: number): TokenError => ({ message: `${message} (libyaml, and so Jekyll, stops here)`, start: at, end: at + 1 });
  const breakLength = (k: number): number => {
    const c = yaml.charCodeAt(k);
    if (c === 13) return yaml.charCodeAt(k + 1) === 10 ? 2 : 1;
    return c === 10 || c === 0x85 || c === 0x2028 || c === 0x2029 ? 1 : 0;
  };
  const blank = (k: number) => yaml[k] === ' ' || yaml[k] === '\t';
  const blankz = (k: number) => k >= len || blank(k) || breakLength(k) > 0;
  const newLine = (k: number) => { i = k + breakLength(k); line++; lineStart = i; };
  const docIndicator = (k: number) => k === lineStart && (yaml.startsWith('---', k) || yaml.startsWith('...', k)) && blankz(k + 3);

  /** Quoted scalar at `i`: moves past it, or the error. */
  const quoted = (): TokenError | undefined => {
    const q = yaml[i];
    const start = i;
    i++;
    for (;;) {
      if (docIndicator(i)) return err('found unexpected document indicator while scanning a quoted scalar', i);
      if (i >= len) return err('found unexpected end of stream while scanning a quoted scalar', start);
      while (!blankz(i)) {
        const c = yaml[i];
        if (q === "'" && c === "'" && yaml[i + 1] === "'") { i += 2; continue; }
        if (c === q) { i++; return undefined; }
        if (q === '"' && c === '\\') {
          if (breakLength(i + 1)) { newLine(i + 1); break; }
          const e = yaml[i + 1] ?? '';
          const digits = HEX_DIGITS[e];
          if (digits) {
            if (!new RegExp(`^[0-9A-Fa-f]{${digits}}`).test(yaml.slice(i + 2, i + 2 + digits))) return err('did not find expected hexdecimal number while parsing a quoted scalar', i);
            const code = parseInt(yaml.slice(i + 2, i + 2 + digits), 16);
            if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return err('found invalid Unicode character escape code while parsing a quoted scalar', i);
            i += 2 + digits;
            continue;
          }
          if (!ESCAPES.includes(e) || e === '') return err('found unknown escape character while parsing a quoted scalar', i);
          i += 2;
          continue;
        }
        i++;
      }
      while (blank(i) || breakLength(i)) { if (blank(i)) i++; else newLine(i); }
    }
  };

  /** Plain scalar at `i`: moves past it and the blanks and line breaks after it (libyaml looks for more lines). */
  const plain = (): TokenError | undefined => {
    for (;;) {
      if (docIndicator(i) || yaml[i] === '#') return undefined;
      while (!blankz(i)) {
        const c = yaml[i];
        if (flow > 0 && c === ':' && ',?[]{}'.includes(yaml[i + 1] ?? 'x')) return err("found unexpected ':' while scanning a plain scalar", i);
        if ((c === ':' && blankz(i + 1)) || (flow > 0 && ',[]{}'.includes(c))) return undefined;
        i++;
      }
      if (!blank(i) && !breakLength(i)) return undefined;
      while (blank(i) || breakLength(i)) { if (blank(i)) i++; else { newLine(i); allowed = true; } }
    }
  };

  /** Block scalar at `i` (the document's indentation is gone: its own indicator, or its first line, sets it). */
  const block = (): TokenError | undefined => {
    const header = /^[|>](?:([-+])([0-9])?|([0-9])([-+])?)?/.exec(yaml.slice(i, i + 3))!;
    const digit = header[2] ?? header[3];
    if (digit === '0') return err('found an indentation indicator equal to 0 while scanning a block scalar', i);
    i += header[0].length;
    while (blank(i)) i++;
    if (yaml[i] === '#') while (i < len && !breakLength(i)) i++;
    if (i < len && !breakLength(i)) return err('did not find expected comment or line break while scanning a block scalar', i);
    if (i >= len) return undefined;
    newLine(i);
    let indent = digit ? Number(digit) : 0;
    // libyaml's scan_block_scalar_breaks: blank lines, then the first content line fixes an undetected indentation.
    const breaks = (): TokenError | undefined => {
      let max = 0;
      for (;;) {
        while ((!indent || i - lineStart < indent) && yaml[i] === ' ') i++;
        max = Math.max(max, i - lineStart);
        if ((!indent || i - lineStart < indent) && yaml[i] === '\t') return err('found a tab character where an indentation space is expected while scanning a block scalar', i);
        if (!breakLength(i)) break;
        newLine(i);
      }
      if (!indent) indent = Math.max(max, 1);
      return undefined;
    };
    let e = breaks();
    while (!e && i < len && i - lineStart === indent) {
      while (i < len && !breakLength(i)) i++;
      if (i >= len) break;
      newLine(i);
      e = breaks();
    }
    return e;
  };

  /** Scans one token at `i`: an error, 'stop' when libyaml scans no further, or undefined. */
  const token = (): TokenError | 'stop' | undefined => {
    if (i >= len) return 'stop';
    const c = yaml[i];
    const removeKey = () => { if (flow === 0 && key) key.possible = false; };
    const saveKey = () => { if (!key && allowed) key = { possible: true, line, index: i }; };
    if (c === '%' && i === lineStart) {
      const nl = yaml.indexOf('\n', i);
      const e = directiveError(yaml.slice(i, nl < 0 ? len : nl));
      return e ? err(e, i) : 'stop';
    }
    if (docIndicator(i)) return 'stop';
    if (c === '[' || c === '{') { saveKey(); flow++; allowed = true; i++; return undefined; }
    if (c === ']' || c === '}') { removeKey(); if (flow > 0) flow--; allowed = false; i++; return undefined; }
    if (c === ',') { removeKey(); allowed = true; i++; return undefined; }
    if ((c === '-' && blankz(i + 1)) || ((c === '?' || c === ':') && (flow > 0 || blankz(i + 1)))) {
      if (c === ':' && flow === 0 && key?.possible) return 'stop';
      if (flow === 0 && !allowed) return err(c === '-' ? 'block sequence entries are not allowed in this context' : c === '?' ? 'mapping keys are not allowed in this context' : 'mapping values are not allowed in this context', i);
      if (c !== ':') removeKey();
      allowed = c === '-' || flow === 0;
      i++;
      return undefined;
    }
    if (c === '&' || c === '*') {
      saveKey();
      allowed = false;
      let j = i + 1;
      while (j < len && /[0-9A-Za-z_-]/.test(yaml[j])) j++;
      if (j === i + 1 || !(blankz(j) || ANCHOR_END.includes(yaml[j]))) return err(`did not find expected alphabetic or numeric character while scanning an ${c === '&' ? 'anchor' : 'alias'}`, i);
      i = j;
      return undefined;
    }
    if (c === '!') {
      saveKey();
      allowed = false;
      const tag = scanTag(yaml, i, flow > 0);
      // An undefined handle is the parser's error, raised only when it reads the node: never here.
      if ('error' in tag) return tag.error.message.startsWith('Found undefined') ? 'stop' : tag.error;
      i = tag.end;
      return undefined;
    }
    if ((c === '|' || c === '>') && flow === 0) { removeKey(); allowed = true; return block() ?? 'stop'; }
    if (c === "'" || c === '"') { saveKey(); allowed = false; return quoted(); }
    if ((!blankz(i) && !INDICATORS.includes(c)) || (c === '-' && !blank(i + 1)) || (flow === 0 && (c === '?' || c === ':') && !blankz(i + 1))) {
      saveKey();
      allowed = false;
      return plain();
    }
    return err('found character that cannot start any token while scanning for the next token', i);
  };

  /** libyaml's scan_to_next_token: blanks (a tab only where no simple key may start), comments, line breaks. */
  const skip = () => {
    for (;;) {
      if (i === lineStart && yaml.charCodeAt(i) === 0xfeff) i++;
      while (yaml[i] === ' ' || ((flow > 0 || !allowed) && yaml[i] === '\t')) i++;
      if (yaml[i] === '#') while (i < len && !breakLength(i)) i++;
      if (i >= len || !breakLength(i)) return;
      newLine(i);
      if (flow === 0) allowed = true;
    }
  };
  const stale = () => { if (key && (key.line < line || key.index + KEY_REACH < i)) key.possible = false; };

  for (let first = true; first || key?.possible; first = false) {
    skip();
    stale();
    const r = token();
    if (r === 'stop') return undefined;
    if (r) return r;
    // fetch_more_tokens: the key is forgotten once the scanner's mark is on a later line.
    stale();
  }
  return undefined;
}
