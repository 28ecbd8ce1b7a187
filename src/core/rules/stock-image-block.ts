// stock-image-block: the scraper's EM_StockImg block (a stock chart image) in the body; the fix strips it exactly.
import { findStockBlocks, stripStockBlocks } from '../stock';
import type { Fix, Problem } from '../types';
import type { RuleContext } from './context';

/** Whether the post is Markdown (HTML posts have no code spans to skip). */
export function isMarkdown(ctx: RuleContext): boolean {
  return !ctx.file || !/\.html?$/i.test(ctx.file);
}

/** Reports each stock-image block; fixes strip this block (preferred) or every block of the post. */
export function stockImageBlock(ctx: RuleContext): Problem[] {
  const markdown = isMarkdown(ctx);
  const { blocks } = findStockBlocks(ctx.text, ctx.parsed, { markdown });
  if (!blocks.length) return [];
  const all = stripStockBlocks(ctx.text, undefined, { markdown, parsed: ctx.parsed });
  return blocks.map((b) => {
    const start = b.spacerStart ?? b.start;
    const one = stripStockBlocks(ctx.text, { start, end: b.end }, { markdown, parsed: ctx.parsed });
    const fixes: Fix[] = [{ title: 'Strip this stock-image block', edits: one.edits, preferred: true }];
    if (blocks.length > 1) fixes.push({ title: `Strip all ${blocks.length} stock-image blocks`, edits: all.edits });
    return ctx.problem('stock-image-block', 'Stock-image block (EM_StockImg): a quote chart image from the news source, published as is.', start, b.end, fixes);
  });
}
