// markdown-it (html + linkify) with source positions: data-line on Markdown blocks, offsets inside HTML blocks.
import type MarkdownIt from 'markdown-it';
import { annotateHtml, type MarkerAttrs, type StockMode, type StockRange } from './htmlblock';

/** Per-render state handed to markdown-it as `env`. */
export interface MarkdownEnv {
  attrs: MarkerAttrs;
  /** The whole post text and its line starts; the body starts on line `firstLine`. */
  text: string;
  lineOffsets: number[];
  firstLine: number;
  /** Column where the body starts on its first line (a BOM without front matter). */
  firstColumn: number;
  stock: readonly StockRange[];
  stockMode: StockMode;
}

let md: MarkdownIt | undefined;

/** The shared markdown-it instance, created (and the library loaded) on first use. */
export function markdown(): MarkdownIt {
  if (md) return md;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: loaded on the first render, not at activation
  const Ctor = require('markdown-it') as typeof MarkdownIt;
  const m = new Ctor({ html: true, linkify: true });
  m.core.ruler.push('postdesk_lines', (state) => {
    const env = state.env as MarkdownEnv;
    if (!env?.attrs) return;
    for (const t of state.tokens) {
      if (t.map && t.block && t.nesting !== -1 && t.type !== 'html_block' && t.type !== 'inline') t.attrSet(env.attrs.line, String(env.firstLine + t.map[0]));
    }
  });
  m.renderer.rules.html_block = (tokens, idx, _opts, envArg) => {
    const env = envArg as MarkdownEnv;
    const t = tokens[idx];
    if (!env?.attrs || !t.map) return t.content;
    return renderHtmlBlock(t.content, env.firstLine + t.map[0], env);
  };
  md = m;
  return m;
}

/**
 * Maps each index of an HTML block's content to its offset in the post. markdown-it's content is the block's
 * lines joined with `\n`, each possibly shortened at the start (container markers, indentation), so each
 * content line is matched as a suffix of its source line; otherwise its offsets fall back to the line start.
 */
function renderHtmlBlock(content: string, line: number, env: MarkdownEnv): string {
  const starts: number[] = [];
  const bases: number[] = [];
  let ci = 0;
  for (let k = 0; ci <= content.length; k++) {
    const nl = content.indexOf('\n', ci);
    const end = nl < 0 ? content.length : nl;
    const src = lineText(env, line + k);
    const piece = content.slice(ci, end);
    const lineStart = env.lineOffsets[line + k] ?? env.text.length;
    const from = line + k === env.firstLine ? Math.max(lineStart, env.lineOffsets[env.firstLine] + env.firstColumn) : lineStart;
    starts.push(ci);
    bases.push(src.endsWith(piece) ? lineStart + src.length - piece.length - ci : from - ci);
    if (nl < 0) break;
    ci = nl + 1;
  }
  const at = (i: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
    return bases[lo] + i;
  };
  const first = at(0);
  const last = at(content.length);
  const stock: StockRange[] = [];
  for (const b of env.stock) {
    if (b.start < first || b.end > last) continue;
    const s = indexOf(b.start, starts, bases, content.length);
    const e = indexOf(b.end, starts, bases, content.length);
    if (s !== undefined && e !== undefined && s < e) stock.push({ start: s, end: e });
  }
  return annotateHtml(content, at, env.attrs, stock, env.stockMode);
}

/** The content index of post offset `off`, when the mapping reaches it exactly. */
function indexOf(off: number, starts: number[], bases: number[], len: number): number | undefined {
  for (let k = starts.length - 1; k >= 0; k--) {
    const i = off - bases[k];
    if (i >= starts[k] && i <= (k + 1 < starts.length ? starts[k + 1] - 1 : len)) return i;
  }
  return undefined;
}

/** Line `n` of the post without its line break. */
function lineText(env: MarkdownEnv, n: number): string {
  const s = env.lineOffsets[n];
  if (s === undefined) return '';
  const next = env.lineOffsets[n + 1];
  let e = next ?? env.text.length;
  // Drop the line break (CRLF, LF or CR) without a regex scan over a line that may be the whole body.
  if (e > s && env.text.charCodeAt(e - 1) === 0x0a) e--;
  if (e > s && env.text.charCodeAt(e - 1) === 0x0d) e--;
  return env.text.slice(s, e);
}
