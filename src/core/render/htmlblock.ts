// Annotates raw HTML (a markdown-it html_block) with source offsets per top-level element and stock-block markers.

/** A stock-image block, as offsets into the post text. */
export interface StockRange { start: number; end: number }

/** How stock-image blocks appear in the preview. */
export type StockMode = 'mark' | 'show' | 'hide';

/** The secret attribute names of one render (unguessable, so a post cannot forge Post Desk's own markers). */
export interface MarkerAttrs { line: string; offset: string; kind: string }

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
// Elements whose content is text up to their end tag (as browsers and htmlparser2 read them).
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
// A tag name as the scan reads it: `[A-Za-z][A-Za-z0-9-]*`.
const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isNameChar = (c: number): boolean => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** Index just past the `>` closing a tag whose name ends at `from` (quotes respected), or the end of `src`. */
function tagEnd(src: string, from: number): number {
  let q = 0;
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (q) { if (c === q) q = 0; } else if (c === 0x22 || c === 0x27) q = c; else if (c === 0x3e) return i + 1;
  }
  return src.length;
}

interface Insert { pos: number; text: string }

/**
 * Inserts `offset` attributes into each top-level start tag of `src`, and wraps (mark) or drops (hide) stock blocks.
 * @param at maps an index of `src` to its offset in the post text.
 * @param stock stock blocks as `src` indices (only whole blocks inside `src`).
 */
export function annotateHtml(src: string, at: (i: number) => number, attrs: MarkerAttrs, stock: readonly StockRange[], mode: StockMode): string {
  // Tag inserts are found in position order; the few stock wrappers are sorted apart and merged in below.
  const tags: Insert[] = [];
  let depth = 0;
  let i = 0;
  let lower: string | undefined;
  while ((i = src.indexOf('<', i)) >= 0) {
    const next = src.charCodeAt(i + 1);
    if (next === 0x21 && src.startsWith('<!--', i)) { const e = src.indexOf('-->', i + 4); i = e < 0 ? src.length : e + 3; continue; }
    if (next === 0x21 || next === 0x3f) { const e = src.indexOf('>', i); i = e < 0 ? src.length : e + 1; continue; }
    const closing = next === 0x2f;
    const nameStart = closing ? i + 2 : i + 1;
    if (!isLetter(src.charCodeAt(nameStart))) { i++; continue; }
    let nameEnd = nameStart + 1;
    while (nameEnd < src.length && isNameChar(src.charCodeAt(nameEnd))) nameEnd++;
    const end = tagEnd(src, nameEnd);
    if (closing) { depth = Math.max(0, depth - 1); i = end; continue; }
    const name = src.slice(nameStart, nameEnd).toLowerCase();
    if (depth === 0) tags.push({ pos: nameEnd, text: ` ${attrs.offset}="${at(i)}"` });
    if (RAW.has(name)) {
      lower ??= src.toLowerCase();
      const close = lower.indexOf(`</${name}`, end);
      i = close < 0 ? src.length : close;
      depth++;
      continue;
    }
    if (!VOID.has(name)) depth++;
    i = end;
  }
  const wraps: Insert[] = [];
  if (mode === 'mark') {
    for (const b of stock) {
      wraps.push({ pos: b.start, text: `<div ${attrs.offset}="${at(b.start)}" ${attrs.kind}="stock">` });
      wraps.push({ pos: b.end, text: '</div>' });
    }
    // Stable sort: at one position a closing wrapper comes before an opening one (pushed later, so sort by kind).
    wraps.sort((a, b) => a.pos - b.pos || rank(a.text) - rank(b.text));
  }
  const hidden = mode === 'hide' ? [...stock].sort((a, b) => a.start - b.start) : [];
  let out = '';
  let last = 0;
  let w = 0;
  // Merged by position; on a tie the wrappers go first, as one sort ranking them before attributes did.
  for (let t = 0; t <= tags.length; t++) {
    const limit = t < tags.length ? tags[t].pos : Infinity;
    for (; w < wraps.length && wraps[w].pos <= limit; w++) {
      out += cut(src, last, wraps[w].pos, hidden) + wraps[w].text;
      last = wraps[w].pos;
    }
    if (t === tags.length) break;
    const ins = tags[t];
    if (hidden.length && hidden.some((h) => ins.pos > h.start && ins.pos < h.end)) continue;
    out += cut(src, last, ins.pos, hidden) + ins.text;
    last = ins.pos;
  }
  return out + cut(src, last, src.length, hidden);
}

function rank(text: string): number { return text === '</div>' ? 0 : 1; }

/** `src.slice(from, to)` without the hidden ranges. */
function cut(src: string, from: number, to: number, hidden: readonly StockRange[]): string {
  if (!hidden.length) return from < to ? src.slice(from, to) : '';
  let out = '';
  let p = from;
  for (const h of hidden) {
    if (h.end <= p || h.start >= to) continue;
    if (h.start > p) out += src.slice(p, h.start);
    p = Math.max(p, h.end);
  }
  return p < to ? out + src.slice(p, to) : out;
}
