// Where Markdown code is in a post body (fenced and indented blocks, code spans), found in time linear in the body.
import type MarkdownIt from 'markdown-it';

let md: MarkdownIt | undefined;

/** Index of the last element of ascending `xs` that is <= `x`, or -1. */
export function lastAtOrBefore(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}

/**
 * Ranges of Markdown code in the body of `text` (from `bodyStart`): fenced and indented code blocks, and code spans
 * outside raw HTML, sorted and merged.
 */
export function codeRanges(text: string, bodyStart: number): [number, number][] {
  const src = text.slice(bodyStart);
  // Code needs a backtick, a tilde fence or an indented line; most posts have none and skip the parse.
  if (!/[`~]|^(?: {4}|\t)/m.test(src)) return [];
  if (!md) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: only posts that may hold code load it
    const Ctor = require('markdown-it') as typeof MarkdownIt;
    md = new Ctor({ html: true });
  }
  // markdown-it splits lines at CRLF, LF and a lone CR, like this table, so its line numbers map back exactly.
  const starts = [0];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || (c === 13 && src.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const at = (line: number) => bodyStart + (line < starts.length ? starts[line] : src.length);
  const out: [number, number][] = [];
  const scanner = new InlineScanner(text);
  for (const t of md.parse(src, {})) {
    if (!t.map) continue;
    if (t.type === 'fence' || t.type === 'code_block') out.push([at(t.map[0]), at(t.map[1])]);
    // Pushed one by one: a spread of a few hundred thousand spans overflows the call stack.
    else if (t.type === 'inline') for (const r of scanner.codeSpans(at(t.map[0]), at(t.map[1]))) out.push(r);
  }
  // Sorted and merged, for the binary search in findStockBlocks.
  out.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
  }
  return merged;
}

const SPACE = /\s/;
const CLOSE_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\s<>]*>/y;
const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isTagNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 0x2d;
const isAttrStart = (c: number): boolean => isLetter(c) || c === 0x5f || c === 0x3a;
const isAttrChar = (c: number): boolean => isAttrStart(c) || isDigit(c) || c === 0x2e || c === 0x2d;
// `[^\s"'=<>\`]`: a character of an unquoted attribute value.
const isUnquoted = (ch: string): boolean => !SPACE.test(ch) && !'"\'=<>`'.includes(ch);

/**
 * Scans inline text of one post for code spans, skipping raw HTML (comments, tags, autolinks) as CommonMark does.
 * Every "where is the next X" question (a quote, a comment end, a backtick run of a given length) is answered from
 * tables built once per text, so no position is rescanned once per `<` or per backtick run: a body of thousands of
 * unclosed `<!--`, `<a b="` or backtick runs of growing length stays linear.
 */
export class InlineScanner {
  private quotes: Record<string, number[]> | undefined;
  private commentFrom = -1;
  private commentEnd = -1;
  constructor(private readonly text: string) {}

  /** CommonMark code spans in `text[from, to)`: a backtick run up to the next run of the same length. */
  codeSpans(from: number, to: number): [number, number][] {
    const text = this.text;
    const out: [number, number][] = [];
    let runs: Map<number, number[]> | undefined;
    for (let i = from; i < to;) {
      const c = text[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '<') {
        const e = this.htmlEnd(i);
        i = e >= 0 && e <= to ? e : i + 1;
        continue;
      }
      if (c !== '`') { i++; continue; }
      let j = i;
      while (j < to && text[j] === '`') j++;
      runs ??= backtickRuns(text, from, to);
      const same = runs.get(j - i);
      const k = same ? lastAtOrBefore(same, j - 1) + 1 : 0;
      if (same && k < same.length) { const close = same[k] + j - i; out.push([i, close]); i = close; } else i = j;
    }
    return out;
  }

  /** End of the raw HTML (comment, open or closing tag, autolink) starting at `text[i] === '<'`, or -1. */
  private htmlEnd(i: number): number {
    const text = this.text;
    if (text.startsWith('<!--', i)) {
      // The first `-->` from i + 4; positions only grow, so one search serves every comment before it.
      if (i + 4 < this.commentFrom || (this.commentEnd !== Infinity && this.commentEnd < i + 4)) {
        const e = text.indexOf('-->', i + 4);
        this.commentFrom = i + 4;
        this.commentEnd = e < 0 ? Infinity : e;
      }
      return this.commentEnd === Infinity ? -1 : this.commentEnd + 3;
    }
    if (text.charCodeAt(i + 1) === 0x2f) { CLOSE_TAG.lastIndex = i; return CLOSE_TAG.test(text) ? CLOSE_TAG.lastIndex : -1; }
    if (!isLetter(text.charCodeAt(i + 1))) return -1;
    const open = this.openTagEnd(i);
    if (open >= 0) return open;
    AUTOLINK.lastIndex = i;
    return AUTOLINK.test(text) ? AUTOLINK.lastIndex : -1;
  }

  /**
   * End of a CommonMark open tag at `i` (`<name (\s+attr(\s*=\s*value)?)* \s* /? >`), or -1. Written out rather
   * than as a regular expression so that a quoted value finds its closing quote in the table, not by a scan.
   */
  private openTagEnd(i: number): number {
    const text = this.text;
    const n = text.length;
    let p = i + 2;
    while (p < n && isTagNameChar(text.charCodeAt(p))) p++;
    for (;;) {
      let q = p;
      while (q < n && SPACE.test(text[q])) q++;
      if (q === p || q >= n || !isAttrStart(text.charCodeAt(q))) break;
      q++;
      while (q < n && isAttrChar(text.charCodeAt(q))) q++;
      p = q;
      // An optional `\s*=\s*value`; when it does not complete, the attribute has no value.
      while (q < n && SPACE.test(text[q])) q++;
      if (text[q] !== '=') continue;
      q++;
      while (q < n && SPACE.test(text[q])) q++;
      const ch = text[q];
      if (ch === '"' || ch === "'") {
        const close = this.nextQuote(ch, q + 1);
        if (close >= 0) p = close + 1;
      } else if (q < n && isUnquoted(ch)) {
        while (q < n && isUnquoted(text[q])) q++;
        p = q;
      }
    }
    while (p < n && SPACE.test(text[p])) p++;
    if (text[p] === '/') p++;
    return text[p] === '>' ? p + 1 : -1;
  }

  /** The first `quote` at or after `from`, or -1 (positions of both quotes are listed once per text). */
  private nextQuote(quote: string, from: number): number {
    if (!this.quotes) {
      this.quotes = { '"': [], "'": [] };
      for (let k = 0; k < this.text.length; k++) { const c = this.text[k]; if (c === '"' || c === "'") this.quotes[c].push(k); }
    }
    const list = this.quotes[quote];
    const k = lastAtOrBefore(list, from - 1) + 1;
    return k < list.length ? list[k] : -1;
  }
}

/** Start offsets of the maximal backtick runs in `text[from, to)`, by run length. */
function backtickRuns(text: string, from: number, to: number): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  for (let i = from; i < to;) {
    if (text[i] !== '`') { i++; continue; }
    let j = i;
    while (j < to && text[j] === '`') j++;
    const list = runs.get(j - i);
    if (list) list.push(i); else runs.set(j - i, [i]);
    i = j;
  }
  return runs;
}
