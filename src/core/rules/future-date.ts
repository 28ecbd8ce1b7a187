// future-date: Jekyll does not publish a post dated in the future unless the site sets `future: true`.
import { msg } from '../messages';
import type { Problem } from '../types';
import { postDate, type RuleContext } from './context';

/** Reports a date after now when the site does not publish future posts. */
export function futureDate(ctx: RuleContext): Problem[] {
  if (ctx.site.future || ctx.kind.kind === 'draft') return [];
  const d = postDate(ctx);
  if (!d || !d.result.ok || d.result.date.utcMs <= ctx.now) return [];
  return [ctx.problem('future-date', msg('Dated in the future ({0}): Jekyll skips this post until then, unless built with --future.', d.result.date.published), d.entry.valueStart, d.entry.valueEnd)];
}
