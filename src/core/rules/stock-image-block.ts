// stock-image-block: the scraper's EM_StockImg block (a stock chart image) in the body; the fix strips it exactly.
import { applyEdits } from '../edits';
import { fixTitle, msg } from '../messages';
import type { ParsedPost } from '../parse';
import { blockEdits, findStockBlocks, stripStockBlocks, type StockBlock, type StockScan } from '../stock';
import type { Fix, TextEdit, Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'stock-image-block' satisfies RuleId;
export const severity: Severity = 'info';
export const scope: RuleScope = 'body';
export const docs = 'A stock-image (EM_StockImg) block in the body.';

/** Whether the post is Markdown (HTML posts have no code spans to skip). */
export function isMarkdown(ctx: RuleContext): boolean {
  return !ctx.file || !/\.html?$/i.test(ctx.file);
}

// One scan per parsed post, shared by stock-image-block and stock-image-unterminated.
const scans = new WeakMap<ParsedPost, { markdown: boolean; scan: StockScan }>();

/** `findStockBlocks` of the rule context, computed once per parsed post. */
export function stockScan(ctx: RuleContext): StockScan {
  const markdown = isMarkdown(ctx);
  const hit = scans.get(ctx.parsed);
  if (hit && hit.markdown === markdown) return hit.scan;
  const scan = findStockBlocks(ctx.text, ctx.parsed, { markdown });
  scans.set(ctx.parsed, { markdown, scan });
  return scan;
}

/** Reports each stock-image block; fixes strip this block (preferred) or every block of the post. */
export function check(ctx: RuleContext, report: Report): void {
  const markdown = isMarkdown(ctx);
  const { blocks } = stockScan(ctx);
  if (!blocks.length) return;
  const all = blocks.length > 1 ? stripAllEdits(ctx, blocks, markdown) : [];
  for (const b of blocks) {
    const start = b.spacerStart ?? b.start;
    const fixes: Fix[] = [{ ...fixTitle(msg('Strip this stock-image block.')), edits: stripEdits(ctx.text, ctx.parsed, [b]), preferred: true }];
    if (blocks.length > 1) fixes.push({ ...fixTitle(msg('Strip all {0} stock-image blocks.', blocks.length)), edits: all });
    report(msg('Stock-image block (EM_StockImg): a quote chart image from the news source, published as is.'), start, b.end, fixes);
  }
}

/**
 * The edits of `stripStockBlocks(text)` from the scan already made. Its first pass strips exactly these blocks; a
 * second pass can only find more when a marker is left in the stripped text, and then `stripStockBlocks` runs as is.
 */
function stripAllEdits(ctx: RuleContext, blocks: StockBlock[], markdown: boolean): TextEdit[] {
  const edits = stripEdits(ctx.text, ctx.parsed, blocks);
  if (!/EM_StockImg_/i.test(applyEdits(ctx.text, edits))) return edits;
  return stripStockBlocks(ctx.text, undefined, { markdown, parsed: ctx.parsed }).edits;
}

/**
 * The edits of one `stripStockBlocks` pass over `blocks` (all blocks of the scan, or one block), merged where they
 * touch. For one block this equals `stripStockBlocks(text, {start: spacerStart ?? start, end})`: its range is
 * deleted whole, so the next pass looks in an empty range and strips nothing more.
 */
function stripEdits(text: string, parsed: ParsedPost, blocks: readonly StockBlock[]): TextEdit[] {
  const edits = blockEdits(text, parsed, blocks);
  // stripStockBlocks reports the removed spans, so edits that touch come out as one.
  const merged: TextEdit[] = [];
  for (const e of edits) {
    if (e.end <= e.start) continue;
    const last = merged[merged.length - 1];
    if (last && e.start <= last.end) last.end = Math.max(last.end, e.end); else merged.push({ start: e.start, end: e.end, newText: '' });
  }
  return merged;
}
