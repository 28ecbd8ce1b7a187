// front-matter-unclosed: an opening `---` with no closing `---` or `...` line.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'front-matter-unclosed' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'The front matter has no closing `---`: Jekyll publishes it as text.';

/** Reports front matter that never closes: Jekyll then reads the whole file as content. */
export function check(ctx: RuleContext, report: Report): void {
  const nf = ctx.parsed.noFrontMatter;
  if (nf?.reason !== 'unclosed') return;
  report(msg('Front matter is not closed: no `---` line follows, so Jekyll reads no front matter.'), nf.start, nf.end);
}
