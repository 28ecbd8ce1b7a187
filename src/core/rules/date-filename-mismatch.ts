// date-filename-mismatch: the file name's date differs from the front matter date's day in the site timezone.
import { filenameDate, formatJekyll, wallToUtc } from '../jekyll/date';
import { fixTitle, msg } from '../messages';
import type { Fix, Severity } from '../types';
import { baseName, postDate, sibling, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'date-filename-mismatch' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = "The file name's date differs from the front matter date.";

/** Reports a post whose file name day is not the published day; fixes rename the file or set the date. */
export function check(ctx: RuleContext, report: Report): void {
  if (ctx.kind.kind !== 'post' || !ctx.file) return;
  const name = baseName(ctx)!;
  const fd = filenameDate(name);
  const d = postDate(ctx);
  if (!fd || !d || !d.result.ok) return;
  const tz = ctx.site.timezone;
  // `published` is the date in the site timezone (postDate reads it with ctx.site.timezone): its first 10 characters are the day.
  const { published } = d.result.date;
  const day = published.slice(0, 10);
  const [y, m, dd] = day.split('-').map(Number);
  if (y === fd.year && m === fd.month && dd === fd.day) return;
  const p2 = (n: number) => String(n).padStart(2, '0');
  const fileDay = `${fd.year}-${p2(fd.month)}-${p2(fd.day)}`;
  const newName = `${day}-${fd.slug}${fd.ext}`;
  const time = published.slice(11, 19).split(':').map(Number);
  const newDate = formatJekyll(wallToUtc(tz, fd.year, fd.month, fd.day, time[0], time[1], time[2]), tz);
  const { entry: e } = d;
  const fixes: Fix[] = [
    { ...fixTitle(msg('Rename the file to {0}.', newName)), edits: [], rename: { from: ctx.file, to: sibling(ctx.file, newName) }, preferred: true },
    { ...fixTitle(msg('Set the date to {0}.', newDate)), edits: [{ start: e.valueStart, end: e.valueEnd, newText: newDate }] },
  ];
  report(
    msg('The file name says {0} but Jekyll publishes this post on {1} ({2}); the URL uses the front matter date.', fileDay, day, published),
    e.valueStart, e.valueEnd, fixes);
}
