// stock-image-unterminated: an EM_StockImg marker that does not form a block (unpaired or nested), left alone by stripping.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';
import { stockScan } from './stock-image-block';

export const id = 'stock-image-unterminated' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'body';
export const docs = 'A stock-image marker that does not form a block.';

/** Reports each stock-image marker without a partner, or in an ambiguous nested run. */
export function check(ctx: RuleContext, report: Report): void {
  const { unterminated } = stockScan(ctx);
  // At most 100 per file: a hostile post with thousands of markers stays readable.
  for (const m of unterminated.slice(0, 100)) report(m.reason === 'nested'
    ? msg('Nested stock-image markers: which `EM_StockImg_End` closes which start cannot be known, so stripping leaves them (and the text between) alone.')
    : m.kind === 'start'
      ? msg('Stock-image start marker with no `EM_StockImg_End` after it: stripping leaves it alone; the image and text after it are published.')
      : msg('Stock-image end marker with no `EM_StockImg_Start` before it: stripping leaves it alone.'), m.start, m.end);
}
