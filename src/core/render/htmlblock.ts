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
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;

/** Index just past the `>` closing a tag whose name ends at `from` (quotes respected), or the end of `src`. */
function tagEnd(src: string, from: number): number {
  let q = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (q) { if (c === q) q = ''; } else if (c === '"' || c === '\'') q = c; else if (c === '>') return i + 1;
  }
  return src.length;
}

/**
 * Inserts `offset` attributes into each top-level start tag of `src`, and wraps (mark) or drops (hide) stock blocks.
 * @param at maps an index of `src` to its offset in the post text.
 * @param stock stock blocks as `src` indices (only whole blocks inside `src`).
 */
export function annotateHtml(src: string, at: (i: number) => number, attrs: MarkerAttrs, stock: readonly StockRange[], mode: StockMode): string {
  const inserts: { pos: number; text: string }[] = [];
  let depth = 0;
  let i = 0;
  let lower: string | undefined;
  while ((i = src.indexOf('<', i)) >= 0) {
    if (src.startsWith('<!--', i)) { const e = src.indexOf('-->', i + 4); i = e < 0 ? src.length : e + 3; continue; }
    if (src[i + 1] === '!' || src[i + 1] === '?') { const e = src.indexOf('>', i); i = e < 0 ? src.length : e + 1; continue; }
    TAG.lastIndex = i;
    const m = TAG.exec(src);
    if (!m) { i++; continue; }
    const nameEnd = i + m[0].length;
    const end = tagEnd(src, nameEnd);
    const name = m[2].toLowerCase();
    if (m[1]) { depth = Math.max(0, depth - 1); i = end; continue; }
    if (depth === 0) inserts.push({ pos: nameEnd, text: ` ${attrs.offset}="${at(i)}"` });
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
  if (mode === 'mark') {
    for (const b of stock) {
      inserts.push({ pos: b.start, text: `<div ${attrs.offset}="${at(b.start)}" ${attrs.kind}="stock">` });
      inserts.push({ pos: b.end, text: '</div>' });
    }
  }
  // Stable sort: at one position a closing wrapper comes before an opening one (pushed later, so sort by kind).
  inserts.sort((a, b) => a.pos - b.pos || rank(a.text) - rank(b.text));
  const hidden = mode === 'hide' ? [...stock].sort((a, b) => a.start - b.start) : [];
  let out = '';
  let last = 0;
  for (const ins of inserts) {
    if (hidden.some((h) => ins.pos > h.start && ins.pos < h.end)) continue;
    out += cut(src, last, ins.pos, hidden) + ins.text;
    last = ins.pos;
  }
  return out + cut(src, last, src.length, hidden);
}

function rank(text: string): number { return text === '</div>' ? 0 : text.startsWith('<div') ? 1 : 2; }

/** `src.slice(from, to)` without the hidden ranges. */
function cut(src: string, from: number, to: number, hidden: readonly StockRange[]): string {
  let out = '';
  let p = from;
  for (const h of hidden) {
    if (h.end <= p || h.start >= to) continue;
    if (h.start > p) out += src.slice(p, h.start);
    p = Math.max(p, h.end);
  }
  return p < to ? out + src.slice(p, to) : out;
}
