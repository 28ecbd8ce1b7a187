// The one scalar resolver: a plain YAML scalar as Psych 4 (Jekyll 4.3's YAML) reads it, ported from Psych::ScalarScanner.
import { detachString } from '../detach';

/** A date without a time (`2021-12-08`): Ruby's `Date`. Midnight UTC; its JSON is the `YYYY-MM-DD` Jekyll prints. */
export class DateOnly extends Date {
  /** `YYYY-MM-DD`, as Jekyll's `jsonify` prints a Date. */
  override toJSON(): string { return ymd(this.getUTCFullYear(), this.getUTCMonth() + 1, this.getUTCDate()); }
  override toString(): string { return this.toJSON(); }
}

/** Psych raises while reading this scalar (Jekyll then cannot read the front matter at all). */
export class PsychError {
  constructor(readonly message: string) {}
}

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${y < 0 ? '-' : ''}${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

// Ruby's `\s` and `[[:alpha:]]` (ASCII whitespace only; Unicode letters).
const STRINGY = /^[^\d.:-]?[\p{Alphabetic}_ \t\n\v\f\r!@#$%^&*(){}<>|/\\~;=]+/u;
const TIME = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t\n\v\f\r]+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:[ \t\n\v\f\r]*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const DATE = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/;
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;
const INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;
// Only these can be anything but a string: a scalar without such a first character (and not STRINGY) is a string.
const MAYBE_SPECIAL = /^[-+.:~0-9yYtToOnNfF]/;

/**
 * What Psych's `ScalarScanner#tokenize` makes of a plain (unquoted, untagged) scalar under Jekyll's
 * `safe_load(permitted_classes: [Date, Time])`: null, a boolean (`yes/true/on`, `no/false/off` in any case; not
 * `y`/`n`), an integer (`_`/`,` separators, `0b`, `0x`, leading-zero octal, sexagesimal `12:30` = 45000 as
 * Psych computes it), a float (only with a `.`: `1e5` stays a string), a timestamp (`Date`), a date
 * ({@link DateOnly}), ±infinity/NaN, or the string itself. A {@link PsychError} where Psych raises
 * (`:symbol`, `0x`), which makes Jekyll drop the whole front matter.
 */
export function resolvePlain(s: string): unknown {
  if (s === '') return null;
  // Nearly every post's date: read directly (the general path below gives the same Date, a few times slower).
  if (s.length === 19 || s.length === 25) {
    const t = commonTimestamp(s);
    if (t) return t;
  }
  if (!MAYBE_SPECIAL.test(s)) return s;
  // Values repeat across posts (layouts, tags, booleans): primitives are kept (a Date is mutable, so never).
  const known = cache.get(s);
  if (known !== undefined) return known === NULL ? null : known;
  const v = tokenize(s);
  if (v === null || typeof v !== 'object') {
    if (cache.size >= 5000) cache.clear();
    // The key (and a string value) is cut from a post's text: kept as it is, it would keep the whole post.
    const key = detachString(s);
    cache.set(key, v === null ? NULL : v === s ? key : v);
  }
  return v;
}

const NULL = Symbol('null');
const cache = new Map<string, unknown>();

function tokenize(s: string): unknown {
  if (STRINGY.test(s) || s.includes('\n')) {
    if (s.length > 5 || /^[^ytonf~]/i.test(s)) return s;
    if (s === '~' || /^null$/i.test(s)) return null;
    if (/^(?:yes|true|on)$/i.test(s)) return true;
    if (/^(?:no|false|off)$/i.test(s)) return false;
    return s;
  }
  if (TIME.test(s)) return parseTime(s);
  if (DATE.test(s)) return parseDate(s);
  if (/^\+?\.inf$/i.test(s)) return Infinity;
  if (/^-\.inf$/i.test(s)) return -Infinity;
  if (/^\.nan$/i.test(s)) return NaN;
  if (/^:./.test(s)) return new PsychError(`Tried to load unspecified class: Symbol (${s})`);
  if (SEXAGESIMAL_INT.test(s)) return sexagesimal(s, rubyToI);
  if (SEXAGESIMAL_FLOAT.test(s)) return sexagesimal(s, rubyToF);
  if (FLOAT.test(s)) {
    if (/^[-+]?\.$/.test(s)) return s;
    const n = Number(s.replace(/[,_]|\.([Ee]|$)/g, '$1'));
    return Number.isNaN(n) ? new PsychError(`invalid value for Float(): "${s}"`) : n;
  }
  if (INTEGER.test(s)) return parseInt(s);
  return s;
}

/** Whether Psych reads a plain scalar as exactly this string (so it needs no quotes). */
export function isPlainString(s: string): boolean {
  return resolvePlain(s) === s;
}

/** Psych's sexagesimal: each part times 60^|index-2|, so `12:30` is 12·3600 + 30·60 (not 750). */
function sexagesimal(s: string, num: (x: string) => number): number {
  const parts = s.split(':');
  let total = 0;
  parts.forEach((p, e) => { total += num(p) * 60 ** Math.abs(e - 2); });
  return total;
}

/** Ruby `String#to_i` / `#to_f`: leading sign and digits, single underscores between digits. */
const rubyToI = (s: string): number => Number((/^[-+]?\d+(?:_\d+)*/.exec(s)?.[0] ?? '0').replace(/_/g, ''));
const rubyToF = (s: string): number => Number((/^[-+]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?/.exec(s)?.[0] ?? '0').replace(/_/g, ''));

/** Ruby `Integer(s.gsub(/[,_]/, ''))`: sign, then 0b/0x/0 (octal) prefixes; big values round like `to_f`. */
function parseInt(s: string): number | PsychError {
  const t = s.replace(/[,_]/g, '');
  const m = /^([-+]?)(0b|0x|0(?=.))?(.*)$/.exec(t)!;
  const digits = m[3];
  if (digits === '') return new PsychError(`invalid value for Integer(): "${t}"`);
  const prefix = m[2] === '0b' ? '0b' : m[2] === '0x' ? '0x' : m[2] === '0' ? '0o' : '';
  const big = BigInt(prefix + digits);
  const n = Number(m[1] === '-' ? -big : big);
  return n;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Ruby `Date.strptime(s, '%Y-%m-%d')`: a real calendar day, else Psych keeps the string. */
function parseDate(s: string): DateOnly | string {
  const [y, m, d] = s.split('-').map(Number);
  if (m < 1 || m > 12 || d < 1 || d > (m === 2 && isLeap(y) ? 29 : DAYS[m - 1])) return s;
  return atUtc(DateOnly, y, m, d, 0, 0, 0, 0) as DateOnly;
}

function atUtc(C: DateConstructor | typeof DateOnly, y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number): Date {
  const date = new C(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, ms);
  return date;
}

/** The number written by the two digits at s[i], or NaN. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** `YYYY-MM-DD HH:MM:SS`, optionally ` +HHMM` / ` -HHMM`, all fields in their usual ranges: what parseTime gives; else undefined. */
function commonTimestamp(s: string): Date | undefined {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const y = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const mo = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const h = twoDigits(s, 11);
  const mi = twoDigits(s, 14);
  const sec = twoDigits(s, 17);
  // NaN (not a digit) fails every comparison.
  // A day past the month's end is left to parseTime (Ruby's Time.new moves it oddly under a negative offset).
  if (!(y >= 1000 && mo >= 1 && mo <= 12 && day >= 1 && (day <= 28 || day <= (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1])) && h <= 23 && mi <= 59 && sec <= 59)) return undefined;
  let offset = 0;
  if (s.length === 25) {
    const sign = s.charCodeAt(20);
    const oh = twoDigits(s, 21);
    const om = twoDigits(s, 23);
    // Real offsets only (−11:59 … +14:59).
    if (s.charCodeAt(19) !== 32 || !(sign === 43 ? oh <= 14 : sign === 45 && oh <= 11) || !(om <= 59)) return undefined;
    // As parseTime: the minutes take the sign of the hours, and `-00MM` counts as positive (Ruby's "-00".to_i is 0).
    offset = (sign === 45 ? -oh : oh) * 3600;
    offset += offset < 0 ? -om * 60 : om * 60;
  }
  // Days since 1970-01-01 by the civil-calendar formula (Date.UTC is several times slower; the day is valid: no roll-over).
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + day - 1;
  const days = era * 146097 + doe - 719468;
  return new Date((((days * 24 + h) * 60 + mi) * 60 + sec - offset) * 1000);
}

/** Psych's `parse_time`: `Time.utc` ranges (day ≤ 31 rolls over, hour 24 only at :00:00, second 60), then the offset. */
function parseTime(s: string): Date | string | PsychError {
  const sp = /[ tT]/.exec(s);
  // Psych splits date and time on a space or `t`/`T` only; a tab there makes it call a method on nil.
  if (!sp) return new PsychError("undefined method `match' for nil:NilClass");
  const [y, mo, d] = /^(-?\d{4})-(\d{1,2})-(\d{1,2})/.exec(s)!.slice(1).map(Number);
  // Anchored after the separator's blanks: the text already matched the timestamp pattern, so the time starts there.
  const md = /^[ \t\n\v\f\r]*(\d+:\d+:\d+)(?:\.(\d*))?[ \t\n\v\f\r]*(Z|[-+]\d+(?::\d\d)?)?/.exec(s.slice(sp.index + 1));
  if (!md) return new PsychError("undefined method `[]' for nil:NilClass");
  const [h, mi, sec] = md[1].split(':').map(Number);
  const frac = md[2] ?? '';
  const ms = Number((frac + '000').slice(0, 3));
  const sub = /[1-9]/.test(frac);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 60 || (h === 24 && (mi > 0 || sec > 0 || sub))) return s;
  let offset = 0;
  if (md[3] && md[3] !== 'Z') {
    const tz = /^([+-]?\d{1,2}):?(\d{1,2})?$/.exec(md[3]);
    if (!tz) return new PsychError("undefined method `[]' for nil:NilClass");
    const hours = Number(tz[1]);
    const mins = tz[2] === undefined ? 0 : Number(tz[2]);
    offset = hours * 3600;
    offset += offset < 0 ? -mins * 60 : mins * 60;
    if (Math.abs(offset) >= 86400) return s;
  }
  const t = atUtc(Date, y, mo, d, h, mi, sec, ms);
  t.setTime(t.getTime() - offset * 1000);
  return t;
}
