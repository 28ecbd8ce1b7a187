// Jekyll 4.3's reading of post dates: YAML timestamps are UTC without an offset, strings use the site timezone.
import { trimChar } from '../text';

/** A date as Jekyll publishes it. */
export interface JekyllDate {
  /** The instant, in UTC milliseconds. */
  utcMs: number;
  /** `YYYY-MM-DD HH:MM:SS +ZZZZ` in the site timezone, as Jekyll shows `page.date`. */
  published: string;
  /** Whether the written value carried an offset or zone (`+0800`, `Z`, `CST`). */
  hasZone: boolean;
  /** How Jekyll got it: a YAML timestamp (UTC when no offset), a YAML date, or a string parsed in the site timezone. */
  source: 'timestamp' | 'date' | 'string';
}

/** The result of reading a date: the date, or why Jekyll refuses it (which fails the whole site build). */
export type DateResult = { ok: true; date: JekyllDate } | { ok: false; reason: string };

/** Offset of `tz` from UTC in minutes at the instant `utcMs` (UTC when no timezone is configured or it is unknown). */
export function tzOffsetMinutes(tz: string | undefined, utcMs: number): number {
  if (!tz) return 0;
  // formatToParts is slow and a 20,000-post site asks per post. A day whose first and last minute share an offset
  // has no transition (zones change at most once a day), so one answer serves the whole day; on a transition day
  // one lookup per quarter hour is exact, as transitions fall on quarter hours.
  let zone = offsets.get(tz);
  if (!zone) {
    if (offsets.size > 100) offsets.clear();
    zone = new Map();
    offsets.set(tz, zone);
  }
  const day = Math.floor(utcMs / DAY);
  let hit = zone.get(day);
  if (hit === undefined) {
    if (zone.size > 50000) zone.clear();
    const first = computeOffset(tz, day * DAY);
    hit = first === computeOffset(tz, day * DAY + DAY - 60000) ? first : NaN;
    zone.set(day, hit);
  }
  if (!Number.isNaN(hit)) return hit;
  const quarter = -1 - Math.floor(utcMs / 900000);
  let q = zone.get(quarter);
  if (q === undefined) { q = computeOffset(tz, utcMs); zone.set(quarter, q); }
  return q;
}
const DAY = 86400000;
/** Per zone: day number → offset (NaN on a transition day), and −1 − quarter-hour number → offset on those days. */
const offsets = new Map<string, Map<number, number>>();

function computeOffset(tz: string, utcMs: number): number {
  const fmt = formatter(tz);
  // Jekyll sets TZ to the name; where the system has no such zone, Ruby (glibc) keeps UTC and the build goes on.
  if (!fmt) return 0;
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The formatter of zone `tz`, or null when the runtime does not know the zone. */
function formatter(tz: string): Intl.DateTimeFormat | null {
  let fmt = formatters.get(tz);
  if (fmt === undefined) {
    if (formatters.size > 100) formatters.clear();
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      fmt = null;
    }
    formatters.set(tz, fmt);
  }
  return fmt;
}

/** Whether `tz` is a timezone name this runtime knows (an unknown one is read as UTC, as Jekyll's Ruby does). */
export function isValidTimezone(tz: string): boolean {
  return formatter(tz) !== null;
}

/** UTC instant of a wall-clock time in `tz` (fields may overflow, as Ruby's Time does). */
export function wallToUtc(tz: string | undefined, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall - tzOffsetMinutes(tz, wall) * 60000;
  guess = wall - tzOffsetMinutes(tz, guess) * 60000;
  return guess;
}

/** Formats an instant as Jekyll prints dates: `YYYY-MM-DD HH:MM:SS +ZZZZ` in the site timezone. */
export function formatJekyll(utcMs: number, tz: string | undefined): string {
  const off = tzOffsetMinutes(tz, utcMs);
  const w = new Date(utcMs + off * 60000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${w.getUTCFullYear()}-${p2(w.getUTCMonth() + 1)}-${p2(w.getUTCDate())} ${p2(w.getUTCHours())}:${p2(w.getUTCMinutes())}:${p2(w.getUTCSeconds())} ${sign}${p2(Math.floor(a / 60))}${p2(a % 60)}`;
}

// Psych's timestamp and date forms (YAML 1.1), matched on a plain (unquoted) scalar's source.
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d\d)?))?$/;
const DATE_ONLY = /^(\d{4})-(\d\d)-(\d\d)$/;

// Ruby's zone abbreviations (Date._parse): CST is US Central, not China.
const ZONES: Record<string, number> = {
  utc: 0, gmt: 0, z: 0, ut: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  jst: 540, cet: 60, cest: 120, eet: 120, eest: 180, wet: 0, west: 60, bst: 60, ist: 330, hst: -600, akst: -540, akdt: -480, sgt: 480, hkt: 480,
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function offsetOf(z: string): number {
  if (/^z$/i.test(z)) return 0;
  const m = /^([-+])(\d{1,2})(?::?(\d\d))?$/.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return ZONES[z.toLowerCase()];
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: number | undefined, tz: string | undefined, source: JekyllDate['source']): DateResult {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || mi > 59 || s > 60) return { ok: false, reason: 'out of range' };
  const utcMs = zone === undefined ? wallToUtc(tz, y, mo, d, h, mi, s) : Date.UTC(y, mo - 1, d, h, mi, s) - zone * 60000;
  return { ok: true, date: { utcMs, published: formatJekyll(utcMs, tz), hasZone: zone !== undefined, source } };
}

/**
 * Reads a front matter `date:` as Jekyll 4.3 does.
 * @param raw the scalar's source text (without quotes), `quoted` whether it was quoted in YAML.
 */
export function readDate(raw: string, quoted: boolean, tz: string | undefined): DateResult {
  const v = raw.trim();
  if (!quoted) {
    const t = TIMESTAMP.exec(v);
    if (t) {
      const zone = t[7] === undefined ? 0 : offsetOf(t[7]);
      const r = build(+t[1], +t[2], +t[3], +t[4], +t[5], +t[6], zone, tz, 'timestamp');
      if (r.ok) r.date.hasZone = t[7] !== undefined;
      return r;
    }
    const d = DATE_ONLY.exec(v);
    if (d) return build(+d[1], +d[2], +d[3], 0, 0, 0, undefined, tz, 'date');
  }
  return parseDateString(v, tz);
}

/** Ruby `Time.parse` as Jekyll calls it on strings: lenient, in the site timezone unless a zone is written. */
export function parseDateString(v: string, tz: string | undefined): DateResult {
  let rest = ` ${v.trim()} `;
  let y: number | undefined; let mo: number | undefined; let d: number | undefined;
  let h = 0; let mi = 0; let s = 0; let zone: number | undefined;
  // `from`: search only after that offset (a zone must follow the time, or `Dec 8 2021 10am` reads `Dec` as a zone).
  const take = (re: RegExp, from = 0): RegExpExecArray | null => {
    const m = re.exec(rest.slice(from));
    if (m) { m.index += from; rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length); }
    return m;
  };
  const time = take(/(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*([ap]\.?m\.?)?(?=[\sZz+-]|$)/i) ?? take(/\b(\d{1,2})\s*([ap])\.?m\.?\b/i);
  if (time) {
    if (time.length === 3) { h = +time[1] % 12 + (/p/i.test(time[2]) ? 12 : 0); } else {
      h = +time[1]; mi = +time[2]; s = time[3] ? +time[3] : 0;
      if (time[4]) h = h % 12 + (/p/i.test(time[4]) ? 12 : 0);
    }
    const z = take(/^\s*(Z|[-+]\d{1,2}(?::?\d\d)?|[A-Za-z]{1,5})(?=\s)/, time.index) ?? take(/\s(Z|[-+]\d{2}:?\d\d|UTC|GMT|[A-Z]{3,4})(?=\s)/);
    if (z) { zone = offsetOf(z[1]); if (zone === undefined) return { ok: false, reason: `unknown zone ${z[1]}` }; }
  }
  const iso = take(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[Tt]?/);
  if (iso) { y = +iso[1]; mo = +iso[2]; d = +iso[3]; } else {
    const named = take(/\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/) ;
    if (named && MONTHS.includes(named[1].toLowerCase())) { mo = MONTHS.indexOf(named[1].toLowerCase()) + 1; d = +named[2]; y = +named[3]; } else {
      const dmy = take(/\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/);
      if (dmy && MONTHS.includes(dmy[2].toLowerCase())) { d = +dmy[1]; mo = MONTHS.indexOf(dmy[2].toLowerCase()) + 1; y = +dmy[3]; }
    }
  }
  if (y === undefined || mo === undefined || d === undefined) return { ok: false, reason: 'no date in it' };
  // What is left may be a weekday between separators (`Sat, `); trimmed by hand, as two adjacent `[\s,]*` backtrack.
  if (!/^(?:[A-Za-z]{3,9})?$/.test(trimChar(rest, /[\s,]/))) return { ok: false, reason: `unreadable "${rest.trim()}"` };
  return build(y, mo, d, h, mi, s, zone, tz, 'string');
}


/** The date in a post file name (`YYYY-MM-DD-slug.ext`, one-digit month and day allowed), as Jekyll reads it. */
export function filenameDate(name: string): { year: number; month: number; day: number; slug: string; ext: string } | undefined {
  const m = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^./]+)$/.exec(name);
  if (!m) return undefined;
  return { year: +m[1], month: +m[2], day: +m[3], slug: m[4], ext: m[5] };
}
