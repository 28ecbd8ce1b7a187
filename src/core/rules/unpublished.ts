// unpublished: `published: false` keeps the post out of the site.
import { msg } from '../messages';
import type { Severity } from '../types';
import { entry, yamlOk, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'unpublished' satisfies RuleId;
export const severity: Severity = 'info';
export const scope: RuleScope = 'front-matter';
export const docs = '`published: false`: Jekyll does not publish it.';

/** Reports `published: false` (or the same from `defaults:`). */
export function check(ctx: RuleContext, report: Report): void {
  if (!yamlOk(ctx) || !ctx.parsed.frontMatter) return;
  const e = entry(ctx, 'published');
  if (e ? ctx.parsed.data.published !== false : ctx.defaults.published !== false) return;
  const [start, end] = e ? [e.keyStart, e.valueEnd] : [ctx.parsed.frontMatter.start, ctx.parsed.frontMatter.start + 3];
  report(e
    ? msg('`published: false`: Jekyll does not publish this post.')
    : msg('`published: false` (from `defaults:`): Jekyll does not publish this post.'), start, end);
}
