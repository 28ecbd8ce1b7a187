// required-key: a key the site's `postdesk.required` lists is in neither the post nor `defaults:` (no list: nothing is required).
import { filenameDate, formatJekyll, wallToUtc } from '../jekyll/date';
import { fixTitle, msg } from '../messages';
import type { Fix, Severity } from '../types';
import { baseName, yamlOk, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'required-key' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = 'A key the site lists in `postdesk.required` is missing (nothing is required by default).';

/**
 * Reports each key of `postdesk.required` missing from the front matter and from the `defaults:` for this path.
 * Jekyll requires no key (the date comes from the file name, the title from the slug), so without a configured
 * list nothing is required: house style is the site's to state, not Post Desk's to guess.
 */
export function check(ctx: RuleContext, report: Report): void {
  const fm = ctx.parsed.frontMatter;
  const required = ctx.site.postdesk.required;
  if (!required || !fm || !yamlOk(ctx)) return;
  for (const key of required) {
    if (key in ctx.parsed.data || key in ctx.defaults) continue;
    const value = suggest(ctx, key);
    const fixes: Fix[] = value === undefined ? [] : [{ ...fixTitle(msg('Add `{0}: {1}`.', key, value)), edits: [{ start: fm.contentEnd, end: fm.contentEnd, newText: `${key}: ${value}${ctx.parsed.eol}` }] }];
    report(msg('Missing required front matter key `{0}`.', key), fm.start, fm.start + 3, fixes);
  }
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
