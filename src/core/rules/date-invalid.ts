// date-invalid: a `date:` Jekyll cannot parse, which stops the whole site from building.
import { filenameDate, formatJekyll, wallToUtc } from '../jekyll/date';
import { fixTitle, msg } from '../messages';
import type { Fix, Severity } from '../types';
import { baseName, postDate, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'date-invalid' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'A date Jekyll cannot parse: the whole site fails to build.';

/** Reports an unreadable date; offers the file name's date. */
export function check(ctx: RuleContext, report: Report): void {
  const d = postDate(ctx);
  if (!d || d.result.ok) return;
  const { entry: e } = d;
  const shown = d.raw.trim();
  const fixes: Fix[] = [];
  const name = baseName(ctx);
  const fd = name ? filenameDate(name) : undefined;
  if (fd) {
    const value = formatJekyll(wallToUtc(ctx.site.timezone, fd.year, fd.month, fd.day), ctx.site.timezone);
    const start = e.valueStart;
    fixes.push({ ...fixTitle(msg("Use the file name's date: {0}.", value)), edits: [{ start, end: e.valueEnd, newText: `${e.value ? '' : ' '}${value}` }] });
  }
  const start = e.value ? e.valueStart : e.keyStart;
  report(shown
    ? msg('Jekyll cannot read the date `{0}` ({1}): this one post stops the whole site from building ("Invalid date").', shown, d.result.reason)
    : msg('Jekyll cannot read the date `(empty)` ({0}): this one post stops the whole site from building ("Invalid date").', d.result.reason),
    start, Math.max(e.valueEnd, e.keyEnd), fixes);
}
