// stock-image-unterminated: an EM_StockImg marker that does not form a block (unpaired or nested), left alone by stripping.
import { msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';
import { stockScan } from './stock-image-block';

/** Reports each stock-image marker without a partner, or in an ambiguous nested run. */
export function stockImageUnterminated(ctx: RuleContext): Problem[] {
  const { unterminated } = stockScan(ctx);
  // At most 100 per file: a hostile post with thousands of markers stays readable.
  return unterminated.slice(0, 100).map((m) => ctx.problem('stock-image-unterminated', m.reason === 'nested'
    ? msg('Nested stock-image markers: which `EM_StockImg_End` closes which start cannot be known, so stripping leaves them (and the text between) alone.')
    : m.kind === 'start'
      ? msg('Stock-image start marker with no `EM_StockImg_End` after it: stripping leaves it alone; the image and text after it are published.')
      : msg('Stock-image end marker with no `EM_StockImg_Start` before it: stripping leaves it alone.'), m.start, m.end));
}
