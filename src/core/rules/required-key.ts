// required-key: a key the site requires (default layout, title, date, categories, tags) is in neither the post nor `defaults:`.
import { filenameDate, formatJekyll, wallToUtc } from '../jekyll/date';
import { fixTitle, msg } from '../messages';
import type { Fix, Problem } from '../types';
import { baseName, yamlOk, type RuleContext } from './context';

/** Keys required when `postdesk.required` is not set. */
export const DEFAULT_REQUIRED = ['layout', 'title', 'date', 'categories', 'tags'];

/** Reports each required key missing from the front matter and from the `defaults:` for this path. */
export function requiredKey(ctx: RuleContext): Problem[] {
  const fm = ctx.parsed.frontMatter;
  if (!fm || !yamlOk(ctx)) return [];
  // The default list is about posts; other collections' documents only get a list the site configures.
  if (ctx.kind.kind === 'collection' && !ctx.site.postdesk.required) return [];
  const required = ctx.site.postdesk.required ?? DEFAULT_REQUIRED;
  const out: Problem[] = [];
  for (const key of required) {
    if (key in ctx.parsed.data || key in ctx.defaults) continue;
    const value = suggest(ctx, key);
    const fixes: Fix[] = value === undefined ? [] : [{ ...fixTitle(msg('Add `{0}: {1}`', key, value)), edits: [{ start: fm.contentEnd, end: fm.contentEnd, newText: `${key}: ${value}${ctx.parsed.eol}` }] }];
    out.push(ctx.problem('required-key', msg('Missing required front matter key `{0}`.', key), fm.start, fm.start + 3, fixes));
  }
  return out;
}

/** What Jekyll would use when the key is absent: the file name's date and titleized slug. */
function suggest(ctx: RuleContext, key: string): string | undefined {
  const name = baseName(ctx);
  const fd = name ? filenameDate(name) : undefined;
  if (!fd) return undefined;
  if (key === 'date') return formatJekyll(wallToUtc(ctx.site.timezone, fd.year, fd.month, fd.day), ctx.site.timezone);
  if (key === 'title') return JSON.stringify(fd.slug.split('-').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' '));
  return undefined;
}
