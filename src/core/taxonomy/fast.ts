// A fast path for flat front matter (`key: scalar` and plain lists only): the data the YAML parser would give, without it.
import { PsychError, resolvePlain } from '../yaml/resolve';
import { isCloseLine, OPEN_FENCE } from '../yaml/fence';
import { flatKeyEnd, INDICATOR_START, isStringKey } from '../yaml/flat';
import { trimTrailing } from '../text';

/** What the fast path read: data, and the `date:` scalar's source when there is one. */
export interface FastFrontMatter {
  data: Record<string, unknown>;
  /** The `date:` value as written (`raw`, without quotes) and whether it was quoted. */
  date?: { raw: string; quoted: boolean };
}

const BAD_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
// In a plain scalar: a tab, a control or break-like character, or `: ` / a final `:` (a mapping, not a string).
const BAD_PLAIN = /[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|:(?:[ \t]|$)/;
// A flow item also may not hold flow indicators, quotes or `#`.
const BAD_FLOW_ITEM = /[[\]{}#:"'\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Sentinel: the value is not in the subset this fast path reads. */
const NO = Symbol('no');

const isBlank = (c: number) => c === 32 || c === 9;

/** A comment after a value: blanks, `#`, then no character YAML 1.1 might take for a line break. */
const isTrailingComment = (rest: string) => rest === '' || (/^[ \t]+#/.test(rest) && !/[\x85\u2028\u2029]/.test(rest));

/** A quoted scalar `"…"` / `'…'` without escapes, then only a comment; its string or NO. */
function quoted(v: string): string | typeof NO {
  const q = v.charCodeAt(0);
  const close = v.indexOf(q === 34 ? '"' : "'", 1);
  if (close < 0 || (q === 34 && v.lastIndexOf('\\', close) > 0)) return NO;
  if (!isTrailingComment(v.slice(close + 1))) return NO;
  const s = v.slice(1, close);
  return BAD_CHARS.test(s) ? NO : s;
}

/** A block-context plain value without its ` #` comment and trailing blanks; NO when it is not a simple scalar. */
function blockPlain(v: string): string | typeof NO {
  let end = v.length;
  for (let h = v.indexOf('#'); h >= 0; h = v.indexOf('#', h + 1)) {
    if (h > 0 && isBlank(v.charCodeAt(h - 1))) { end = h; break; }
  }
  while (end > 0 && isBlank(v.charCodeAt(end - 1))) end--;
  const plain = end === v.length ? v : v.slice(0, end);
  return INDICATOR_START.test(plain) || BAD_PLAIN.test(plain) ? NO : plain;
}

/** A plain scalar (comment already removed, trimmed) as Psych reads it (the one resolver); NO where Psych raises. */
function plainValue(plain: string): unknown {
  const v = resolvePlain(plain);
  return v instanceof PsychError ? NO : v;
}

/** A one-line flow sequence `[a, b c, "d"]` (then only a comment) of plain or simple quoted scalars; NO otherwise. */
function flowList(v: string): unknown[] | typeof NO {
  const out: unknown[] = [];
  let i = 1;
  const skip = () => { while (v.charCodeAt(i) === 32) i++; };
  skip();
  if (v.charCodeAt(i) === 93) i++;
  else {
    for (;;) {
      skip();
      const c = v.charCodeAt(i);
      if (c === 34 || c === 39) {
        const close = v.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close < 0) return NO;
        const s = v.slice(i + 1, close);
        if ((c === 34 && s.includes('\\')) || BAD_CHARS.test(s)) return NO;
        out.push(s);
        i = close + 1;
        skip();
      } else {
        let j = i;
        while (j < v.length && v.charCodeAt(j) !== 44 && v.charCodeAt(j) !== 93) j++;
        let end = j;
        while (end > i && v.charCodeAt(end - 1) === 32) end--;
        const item = v.slice(i, end);
        if (item === '' || INDICATOR_START.test(item) || BAD_FLOW_ITEM.test(item)) return NO;
        const x = plainValue(item);
        if (x === NO) return NO;
        out.push(x);
        i = j;
      }
      const sep = v.charCodeAt(i++);
      if (sep === 93) break;
      if (sep !== 44) return NO;
      skip();
      // `[a, ]` and `[a,,b]` are left to the parser.
      if (v.charCodeAt(i) === 93 || v.charCodeAt(i) === 44) return NO;
    }
  }
  return isTrailingComment(v.slice(i)) ? out : NO;
}

/** A scalar item or value: quoted, or plain in block context. */
function blockScalar(v: string): unknown {
  const q = v.charCodeAt(0);
  if (q === 34 || q === 39) return quoted(v);
  const plain = blockPlain(v);
  return plain === NO ? NO : plainValue(plain);
}

// The usual keys as constants: a property name sliced from the text costs a string-table lookup at every use.
const KNOWN = ['layout', 'title', 'date', 'categories', 'tags', 'category', 'tag', 'published', 'permalink', 'author', 'description', 'image'];
const KNOWN_BY_LENGTH: string[][] = [];
for (const k of KNOWN) (KNOWN_BY_LENGTH[k.length] ??= []).push(k);

/** The known key spelled by text[s, e), if any. */
function knownKey(text: string, s: number, e: number): string | undefined {
  const ks = KNOWN_BY_LENGTH[e - s];
  if (ks) for (const k of ks) if (text.startsWith(k, s)) return k;
  return undefined;
}

/**
 * Reads front matter made only of top-level `key: scalar` lines, one-line flow lists (`key: [a, b]`) and
 * block lists (`key:` then `  - a` lines) of plain or simply quoted strings (blank and `#` comment lines
 * allowed), the shape of scraper-fed posts, giving exactly the data `parsePost` gives. Anything else —
 * nesting, multi-line scalars, escapes, numbers, anchors, a quote inside a quoted value, a non-date value
 * that might be a number — returns undefined, and the caller uses the full YAML parser.
 */
export function fastFrontMatter(text: string): FastFrontMatter | undefined {
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = OPEN_FENCE.exec(text.slice(at, at + 64));
  if (!open || open[1]) return undefined;
  const data: Record<string, unknown> = Object.create(null);
  const out: FastFrontMatter = { data };
  let pos = at + open[0].length;
  // Lines end at `\n` (a `\r` before it is dropped); a `\r` anywhere else is a line break to YAML: left to the parser.
  let cr = text.indexOf('\r', pos);
  // The current line is text[s, e); `pending`: a block list read it ahead, handle it before reading the next.
  let s = 0;
  let e = 0;
  let pending = false;
  const nextLine = (): boolean => {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return false;
    s = pos;
    e = nl;
    pos = nl + 1;
    if (cr >= 0 && cr < s) cr = text.indexOf('\r', s);
    if (cr >= 0 && cr < e) {
      if (cr !== e - 1) return false;
      e--;
    }
    return true;
  };
  for (;;) {
    if (!pending && !nextLine()) return undefined;
    pending = false;
    const c = text.charCodeAt(s);
    let i = s;
    if (c === 45 || c === 46) return isCloseLine(text, s, e) ? out : undefined;
    if (c === 35) continue;
    // Only spaces make a blank line: libyaml rejects a tab at the start of a line (the full parser reports it).
    while (i < e && text.charCodeAt(i) === 32) i++;
    if (i === e) continue;
    if (i !== s) return undefined;
    i = flatKeyEnd(text, s, e);
    if (i < 0) return undefined;
    if (text.charCodeAt(i) !== 58) return undefined;
    let key = knownKey(text, s, i);
    if (key === undefined) {
      key = text.slice(s, i);
      if (!isStringKey(key)) return undefined;
    }
    if (key in data) return undefined;
    let v = '';
    if (++i < e) {
      if (!isBlank(text.charCodeAt(i))) return undefined;
      let ve = e;
      while (ve > i && isBlank(text.charCodeAt(ve - 1))) ve--;
      while (i < ve && isBlank(text.charCodeAt(i))) i++;
      v = text.slice(i, ve);
    }
    const q = v.charCodeAt(0);
    if (q === 34 || q === 39) {
      const str = quoted(v);
      if (str === NO) return undefined;
      data[key] = str;
      if (key === 'date') out.date = { raw: str, quoted: true };
      continue;
    }
    if (key === 'date') {
      if (v === '') { data[key] = null; continue; }
      // The date is read from its source text by readDate, as the full path does; a leading sign is allowed.
      const plain = blockPlain(v);
      if (plain === NO) {
        if (!/^[-+]\d/.test(v)) return undefined;
        const h = v.search(/[ \t]#/);
        const raw = trimTrailing(h < 0 ? v : v.slice(0, h), ' \t');
        if (BAD_PLAIN.test(raw)) return undefined;
        data[key] = raw;
        out.date = { raw, quoted: false };
        continue;
      }
      const x = /^[-+.0-9]/.test(plain) ? plain : plainValue(plain);
      if (x === NO) return undefined;
      data[key] = x;
      if (x !== null) out.date = { raw: plain, quoted: false };
      continue;
    }
    if (q === 91) {
      const list = flowList(v);
      if (list === NO) return undefined;
      data[key] = list;
      continue;
    }
    if (v === '') {
      // `key:` alone: a block list when the next line is an item (`- x`, all at one indent), else null.
      const items: unknown[] = [];
      let indent = -1;
      for (;;) {
        if (!nextLine()) return undefined;
        let d = s;
        while (d < e && text.charCodeAt(d) === 32) d++;
        if (text.charCodeAt(d) !== 45 || (indent >= 0 && d - s !== indent)) break;
        const after = text.charCodeAt(d + 1);
        if (d + 1 < e && after !== 32 && !(after === 9 && /^[ \t]*$/.test(text.slice(d + 1, e)))) break;
        indent = d - s;
        let j = d + 1;
        while (j < e && isBlank(text.charCodeAt(j))) j++;
        // libyaml does not skip a tab after `-`: the full parser reports it.
        if (text.slice(d + 1, j).includes('\t')) return undefined;
        let ve = e;
        while (ve > j && isBlank(text.charCodeAt(ve - 1))) ve--;
        const x = blockScalar(text.slice(j, ve));
        if (x === NO) return undefined;
        items.push(x);
      }
      data[key] = indent >= 0 ? items : null;
      pending = true;
      continue;
    }
    const x = blockScalar(v);
    if (x === NO) return undefined;
    data[key] = x;
  }
}
