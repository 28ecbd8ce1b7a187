// Where Psych stops reading a front matter: the end of the stream's first document.
import { scanTag } from './view';

// A `%` directive or a `---` / `...` marker at column 0 ends the first document (libyaml's scanner sees a new token there).
const NEXT_DOCUMENT = /^(?:%|(?:---|\.\.\.)(?=[ \t\r\n\x85\u2028\u2029]|$))/m;

/**
 * Offset in `yaml` (the text between Jekyll's fences) where its first YAML document ends: Jekyll calls
 * `Psych.safe_load`, which reads only the first document, so nothing after a column-0 `%` line or `---`/`...`
 * marker line is read or can be an error. `yaml.length` when there is no such line.
 */
export function firstDocumentEnd(yaml: string): number {
  const m = NEXT_DOCUMENT.exec(yaml);
  return m ? m.index : yaml.length;
}

/**
 * The error libyaml raises on the directive line that ends the first document (it scans the line before it
 * ends the document): `%` without a name, a `%YAML` without a `major.minor` version, a `%TAG` without handle and
 * prefix, anything but a comment after them, or any other name (libyaml 0.2.5 knows only YAML and TAG). Undefined when fine.
 */
export function directiveError(line: string): string | undefined {
  const m = /^%([0-9A-Za-z_-]*)/.exec(line);
  if (!m) return undefined;
  if (m[1] === '') return 'could not find expected directive name while scanning a directive';
  const rest = line.slice(m[0].length).replace(/\r$/, '');
  if (m[1] === 'YAML') return /^[ \t]+\d+\.\d+[ \t]*(?:#.*)?$/.test(rest) ? undefined : 'did not find expected comment or line break while scanning a directive';
  if (m[1] === 'TAG') return /^[ \t]+!\S*[ \t]+\S+(?:[ \t]+(?:#.*)?)?$/.test(rest) ? undefined : 'did not find expected comment or line break while scanning a directive';
  return 'found unknown directive name while scanning a directive';
}

/**
 * Where the first YAML document ends when its first content line is indented (`  title: x`): libyaml closes that
 * block collection at the first later line indented less (blank and `#` comment lines aside), and Psych returns the
 * first document there without reading on, so `date: …` below ` title: x` is silently dropped by Jekyll. Undefined
 * when the first content line is not indented, no such line comes before `limit`, or a tab follows the spaces
 * that indent the first line or one indented less (the parser reports that). The caller checks that the lines above do read as a block collection (a quoted scalar or a flow
 * collection may run on past such a line).
 */
export function indentedRootEnd(yaml: string, limit: number): number | undefined {
  let root = -1;
  for (let pos = 0; pos < limit;) {
    let nl = yaml.indexOf('\n', pos);
    if (nl < 0) nl = yaml.length;
    let i = pos;
    // libyaml skips a BOM at the start of a line as one column of indentation (libyamlView makes it a space).
    while (i < nl && (yaml.charCodeAt(i) === 32 || (i === pos && yaml.charCodeAt(i) === 0xfeff))) i++;
    let j = i;
    while (j < nl && (yaml.charCodeAt(j) === 9 || yaml.charCodeAt(j) === 32 || yaml.charCodeAt(j) === 13)) j++;
    const c = yaml.charCodeAt(j);
    if (j < nl && c !== 35) {
      // A tab in the indentation where a line may end the document: the parser reports it (libyaml raises an error).
      if (j !== i && (root < 0 || i - pos < root)) return undefined;
      if (root < 0) {
        if (i === pos) return undefined;
        root = i - pos;
      } else if (i - pos < root) return pos;
    }
    pos = nl + 1;
  }
  return undefined;
}

/** A token error: message and offsets into the YAML text. */
export interface TokenError { message: string; start: number; end: number }

/**
 * The error libyaml raises after the first document of an indented first line ends at `at` (see
 * {@link indentedRootEnd}): it scans the token there before the document ends, and when that token may be a key
 * (a plain or quoted scalar not followed by `:`), the next one too. Undefined when they scan.
 */
export function nextTokenError(yaml: string, at: number): TokenError | undefined {
  const first = tokenError(yaml, at);
  if (first !== undefined) return first;
  let i = at;
  while (yaml.charCodeAt(i) === 32 || (i === at && yaml.charCodeAt(i) === 0xfeff)) i++;
  const c = yaml[i];
  let next: number;
  const nl = yaml.indexOf('\n', i) + 1 || yaml.length;
  if (c === '"' || c === "'") {
    // The scalar closed (tokenError checked it); one that runs over lines is no key (libyaml drops it as stale).
    const m = (c === '"' ? /^"(?:[^"\\]|\\[\s\S])*"/ : /^'(?:[^']|'')*'/).exec(yaml.slice(i))!;
    if (m[0].includes('\n')) return undefined;
    let j = i + m[0].length;
    while (yaml[j] === ' ' || yaml[j] === '\t') j++;
    const d = yaml[j];
    if (d === ':') return undefined;
    if (d !== undefined && d !== '\n' && d !== '\r' && !(d === '#' && j > i + m[0].length)) return tokenError(yaml, j, false);
    next = nl;
  } else if (c !== undefined && c !== '\n' && c !== '\r' && !(/[-?:]/.test(c) && /[ \t\r\n]/.test(yaml[i + 1] ?? '\n')) && !/[[\]{},#&*!|>%@`]/.test(c)) {
    // A plain scalar: a key when `: ` follows on its line; when a comment ends it there, the next token is scanned;
    // else it runs on over later lines and is no key.
    const line = yaml.slice(i, nl);
    const end = /:(?=[ \t\r\n]|$)|[ \t]#/.exec(line);
    if (!end || end[0] === ':') return undefined;
    next = nl;
  } else if (c === '[' || c === '{') return flowLineError(yaml, i);
  else return undefined;
  // The scalar may be a key: the next token is scanned too (blank and comment lines skipped; a tab starting a line is none).
  for (let pos = next; pos < yaml.length;) {
    let nl = yaml.indexOf('\n', pos);
    if (nl < 0) nl = yaml.length;
    let k = pos;
    while (yaml.charCodeAt(k) === 32) k++;
    const d = yaml.charCodeAt(k);
    if (d === 9) return { message: 'found character that cannot start any token while scanning for the next token', start: k, end: k + 1 };
    if (d !== 35 && d !== 13 && k < nl) {
      if (d === 37 && k === pos) {
        const e = directiveError(yaml.slice(pos, nl));
        return e ? { message: e, start: pos, end: pos + 1 } : undefined;
      }
      return tokenError(yaml, pos);
    }
    pos = nl + 1;
  }
  return undefined;
}

/** The error libyaml raises scanning the one token at `at` (after spaces; `lineStart`: `at` starts a line). */
function tokenError(yaml: string, at: number, lineStart = true): TokenError | undefined {
  let i = at;
  while (yaml.charCodeAt(i) === 32 || (lineStart && i === at && yaml.charCodeAt(i) === 0xfeff)) i++;
  const c = yaml[i];
  const err = (message: string) => ({ message, start: i, end: i + 1 });
  if (c === '"' || c === "'") {
    const re = c === '"' ? /^"(?:[^"\\]|\\(?:[0abt\tnvfre "/\\N_LP\n]|\r\n|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))*"/ : /^'(?:[^']|'')*'/;
    if (re.test(yaml.slice(i))) return undefined;
    if (c === '"' && /^"(?:[^"\\]|\\[\s\S])*"/.test(yaml.slice(i))) return err('found unknown escape character while parsing a quoted scalar');
    return err('found unexpected end of stream while scanning a quoted scalar');
  }
  if (c === '@' || c === '`' || (lineStart && c === '\t') || (c === '%' && (i > at || !lineStart))) return err('found character that cannot start any token while scanning for the next token');
  // libyaml 0.2.5: an anchor's name is an ASCII word, then a blank or one of `?:,]}%@\``.
  if ((c === '&' || c === '*') && !/^[0-9A-Za-z_-]+(?:[ \t\r\n?:,\]}%@`]|$)/.test(yaml.slice(i + 1, i + 200))) return err(`did not find expected alphabetic or numeric character while scanning an ${c === '&' ? 'anchor' : 'alias'}`);
  if ((c === '|' || c === '>') && !/^[|>](?:[-+][1-9]?|[1-9][-+]?)?[ \t]*(?:#|\r?\n|$)/.test(yaml.slice(i, i + 8))) return err('did not find expected comment or line break while scanning a block scalar');
  const tag = c === '!' ? scanTag(yaml, i, false) : undefined;
  // An undefined handle is the parser's error, raised only when it reads the node: never here.
  return tag && 'error' in tag && !tag.error.message.startsWith('Found undefined') ? tag.error : undefined;
}

/**
 * A flow collection opened where the document ended: it may be a key, so libyaml scans the tokens after it on
 * its line (until one runs over lines), and one more after it closes. The first error among them, if any.
 */
function flowLineError(yaml: string, at: number): TokenError | undefined {
  const nl = yaml.indexOf('\n', at) < 0 ? yaml.length : yaml.indexOf('\n', at);
  let depth = 0;
  for (let j = at; j < nl;) {
    const ch = yaml[j];
    const err = (message: string) => ({ message, start: j, end: j + 1 });
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === ',') { j++; continue; }
    if (ch === '#' && /[ \t]/.test(yaml[j - 1])) return undefined;
    if (ch === '[' || ch === '{') { depth++; j++; continue; }
    if (ch === ']' || ch === '}') {
      depth--; j++;
      if (depth > 0) continue;
      while (yaml[j] === ' ' || yaml[j] === '\t') j++;
      return j < nl && yaml[j] !== '#' ? tokenError(yaml, j, false) : undefined;
    }
    if (ch === '"' || ch === "'") {
      const e = tokenError(yaml, j, false);
      if (e) return e;
      const m = (ch === '"' ? /^"(?:[^"\\]|\\[\s\S])*"/ : /^'(?:[^']|'')*'/).exec(yaml.slice(j))!;
      if (m[0].includes('\n')) return undefined;
      j += m[0].length;
      continue;
    }
    if (ch === '&' || ch === '*') {
      // libyaml 0.2.5: an ASCII word, then a blank or one of `?:,]}%@\``.
      const m = /^[0-9A-Za-z_-]+/.exec(yaml.slice(j + 1));
      const k = j + 1 + (m ? m[0].length : 0);
      if (!m || !/^(?:[ \t\r\n?:,\]}%@`]|$)/.test(yaml.slice(k, k + 1))) return err(`did not find expected alphabetic or numeric character while scanning an ${ch === '&' ? 'anchor' : 'alias'}`);
      j = k;
      continue;
    }
    if (ch === '!') {
      const tag = scanTag(yaml, j, true);
      if ('error' in tag) return tag.error.message.startsWith('Found undefined') ? undefined : tag.error;
      j = tag.end;
      continue;
    }
    if (ch === '@' || ch === '`' || ch === '%') return err('found character that cannot start any token while scanning for the next token');
    if ((ch === '?' || ch === ':' || ch === '-') && /[ \t\r,[\]{}]/.test(yaml[j + 1] ?? ' ')) { j++; continue; }
    // A plain scalar: to `: `, ` #` or a flow indicator; one that reaches the line's end runs on (no more is scanned).
    let k = j + 1;
    while (k < nl && !/[,[\]{}]/.test(yaml[k]) && !(yaml[k] === ':' && /[ \t\r,[\]{}]/.test(yaml[k + 1] ?? ' ')) && !(yaml[k] === '#' && /[ \t]/.test(yaml[k - 1]))) k++;
    if (k >= nl || (yaml[k] === '#')) return undefined;
    j = k;
  }
  return undefined;
}
