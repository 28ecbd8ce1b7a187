// date-no-offset: a YAML timestamp without an offset is UTC to Jekyll, so the post is published at another time.
import { tzOffsetMinutes } from '../jekyll/date';
import { fixTitle, msg } from '../messages';
import type { Severity } from '../types';
import { postDate, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'date-no-offset' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = 'A date without a UTC offset is read as UTC and published at another time.';

/** `+0800` (or `+08:00` for ISO `T` forms) for an offset in minutes. */
export function offsetText(minutes: number, colon: boolean): string {
  const a = Math.abs(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}${colon ? ':' : ''}${p2(a % 60)}`;
}

/** Reports an offset-less timestamp when the site timezone is not UTC; the message shows the published time. */
export function check(ctx: RuleContext, report: Report): void {
  const d = postDate(ctx);
  if (!d || !d.result.ok) return;
  const { date } = d.result;
  const tz = ctx.site.timezone;
  if (date.source !== 'timestamp' || date.hasZone || !tz) return;
  // The offset the site has at the written wall-clock time (DST-aware), and at the published instant.
  const written = d.raw.trim();
  const wallOffset = tzOffsetMinutes(tz, date.utcMs - tzOffsetMinutes(tz, date.utcMs) * 60000);
  if (wallOffset === 0 && tzOffsetMinutes(tz, date.utcMs) === 0) return;
  const iso = /\dT\d/i.test(written);
  const keep = `${written}${iso ? '' : ' '}${offsetText(wallOffset, iso)}`;
  const { published } = date;
  const { entry: e } = d;
  report(
    msg('`{0}` has no UTC offset: Jekyll reads it as UTC and publishes this post at {1} ({2}), not at {0}.', written, published, tz),
    e.valueStart, e.valueEnd, [
      { ...fixTitle(msg("Add the site's offset: {0}.", keep)), edits: [{ start: e.valueStart, end: e.valueEnd, newText: keep }], preferred: true },
      { ...fixTitle(msg('Keep the published time: {0}.', published)), edits: [{ start: e.valueStart, end: e.valueEnd, newText: published }] },
    ]);
}
