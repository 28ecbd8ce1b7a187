// unpublished: `published: false` keeps the post out of the site.
import { msg } from '../messages';
import type { Problem } from '../types';
import { entry, yamlOk, type RuleContext } from './context';

/** Reports `published: false` (or the same from `defaults:`). */
export function unpublished(ctx: RuleContext): Problem[] {
  if (!yamlOk(ctx) || !ctx.parsed.frontMatter) return [];
  const e = entry(ctx, 'published');
  if (e ? ctx.parsed.data.published !== false : ctx.defaults.published !== false) return [];
  const [start, end] = e ? [e.keyStart, e.valueEnd] : [ctx.parsed.frontMatter.start, ctx.parsed.frontMatter.start + 3];
  return [ctx.problem('unpublished', e
    ? msg('`published: false`: Jekyll does not publish this post.')
    : msg('`published: false` (from `defaults:`): Jekyll does not publish this post.'), start, end)];
}
