// future-date: Jekyll does not publish a post dated in the future unless the site sets `future: true`.
import { msg } from '../messages';
import type { Severity } from '../types';
import { postDate, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'future-date' satisfies RuleId;
export const severity: Severity = 'info';
export const scope: RuleScope = 'front-matter';
export const docs = 'Dated in the future: Jekyll skips it without --future.';

/** Reports a date after now when the site does not publish future posts. */
export function check(ctx: RuleContext, report: Report): void {
  if (ctx.site.future || ctx.kind.kind === 'draft') return;
  const d = postDate(ctx);
  if (!d || !d.result.ok || d.result.date.utcMs <= ctx.now) return;
  report(msg('Dated in the future ({0}): Jekyll skips this post until then, unless built with --future.', d.result.date.published), d.entry.valueStart, d.entry.valueEnd);
}
