// renderPost: a post's text → header HTML, sanitized body HTML and a source map (shared by the preview and the CLI).
import { parsePost } from '../parse';
import type { SiteConfig } from '../site';
import { renderHeader } from './header';
import { annotateHtml, type StockMode, type StockRange } from './htmlblock';
import { findStockBlocks } from '../stock';
import { markdown, type MarkdownEnv } from './markdown';
import { sanitizeBody } from './sanitize';
import { lineAt, lineOffsets, type SourceMap } from './sourcemap';

export { previewCsp, type CspOptions } from './csp';
export { lineAt, lineOffsets, type SourceMap } from './sourcemap';
export { escapeHtml } from './header';
export type { StockMode, StockRange } from './htmlblock';

/** How to render one post. */
export interface RenderOptions {
  /** The post's site (timezone, defaults, folder categories); the header is still drawn without one. */
  site?: SiteConfig;
  /** Absolute path of the post (defaults, folder categories, the file-name date). */
  path?: string;
  /** Draw the header (default true; the preview turns it off for Markdown files outside a site). */
  header?: boolean;
  /** Problem count for the header; omitted when undefined. */
  problems?: number;
  /** Stock-image blocks: outlined and labelled (`mark`, default), left as they are (`show`) or removed (`hide`). */
  stockImages?: StockMode;
  /** `block` drops the source of http(s) images (they show as a placeholder). Default `allow`. */
  remoteImages?: 'allow' | 'block';
  /** Resolves root-relative image paths (`/assets/x.png`) to a URL the viewer can load; undefined drops it. */
  resolveImage?: (path: string) => string | undefined;
  /** `html` renders the body as raw HTML, as Jekyll does for `.html` posts; default from `path` (else markdown). */
  format?: 'markdown' | 'html';
  /** Finds stock-image blocks as offsets into the post text (default: core/stock's finder, spacer included). */
  findStockBlocks?: (text: string) => readonly StockRange[];
}

/** What a render produces. */
export interface RenderResult {
  headerHtml: string;
  bodyHtml: string;
  sourceMap: SourceMap;
}

/** Renders a post as Jekyll would show it, sanitized for a webview or a static page. Never throws on post content. */
export function renderPost(text: string, options: RenderOptions = {}): RenderResult {
  const parsed = parsePost(text);
  const offsets = lineOffsets(text);
  const bodyStart = parsed.body.start;
  const firstLine = lineAt(offsets, bodyStart);
  // An unguessable attribute prefix per render, so markers cannot be forged by the post.
  const key = Math.random().toString(36).slice(2, 10).replace(/[^a-z0-9]/g, '') || 'k';
  const attrs = { line: `data-pdl${key}`, offset: `data-pdo${key}`, kind: `data-pdk${key}` };
  const format = options.format ?? (options.path && /\.html?$/i.test(options.path) ? 'html' : 'markdown');
  const stockMode = options.stockImages ?? 'mark';
  const found = stockMode === 'show' ? [] : options.findStockBlocks ? options.findStockBlocks(text)
    : findStockBlocks(text, parsed, { markdown: format === 'markdown' }).blocks.map((b) => ({ start: b.spacerStart ?? b.start, end: b.end }));
  const stock = found.filter((b) => b.start >= bodyStart);
  let raw: string;
  if (format === 'html') {
    const body = text.slice(bodyStart);
    raw = annotateHtml(body, (i) => bodyStart + i, attrs, stock.map((b) => ({ start: b.start - bodyStart, end: b.end - bodyStart })), stockMode);
  } else {
    const env: MarkdownEnv = { attrs, text, lineOffsets: offsets, firstLine, firstColumn: bodyStart - offsets[firstLine], stock, stockMode };
    raw = markdown().render(text.slice(bodyStart), env);
  }
  const bodyHtml = sanitizeBody(raw, { attrs, remoteImages: options.remoteImages ?? 'allow', resolveImage: options.resolveImage });
  const headerHtml = options.header === false ? '' : renderHeader({ parsed, site: options.site, path: options.path, problems: options.problems });
  return { headerHtml, bodyHtml, sourceMap: { lineOffsets: offsets, bodyStart } };
}

/** The article as a standalone HTML fragment: header then body (what `postdesk render` prints). */
export function articleHtml(r: RenderResult): string {
  return `<article class="pd-article">${r.headerHtml}<div class="pd-body">${r.bodyHtml}</div></article>\n`;
}
