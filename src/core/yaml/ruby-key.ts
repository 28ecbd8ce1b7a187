// A mapping key that is not a string, as Jekyll's Ruby prints it (`to_s`, and `inspect` inside a list or map key).
import { isPair, isScalar, visit, type Document, type Scalar } from 'yaml';
import { DateOnly } from './resolve';

/** A value inside a mapping key as Ruby prints it (`to_s`, `inspect`), where JavaScript's value has lost it. */
export class RubyPrinted {
  constructor(readonly toS: string, readonly inspect: string) {}
}

const NAMED: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 27: '\\e', 34: '\\"', 92: '\\\\' };
// What Ruby 3.1's String#inspect escapes in a UTF-8 string: C0 and DEL, C1 but NEL, the line and paragraph
// separators, unassigned code points and noncharacters (checked against ruby; see test/unit/psych.test.ts).
const ESCAPED = /[\0-\x1f\x7f\x80-\x84\x86-\x9f\u2028\u2029\p{Cn}]/u;

function hex(cp: number): string {
  const h = cp.toString(16).toUpperCase();
  return cp > 0xffff ? `\\u{${h}}` : `\\u${h.padStart(4, '0')}`;
}

function inspectString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (NAMED[cp]) out += NAMED[cp];
    // `#{`, `#$` and `#@` would interpolate in Ruby source: inspect escapes the `#`.
    else if (cp === 35 && /[{$@]/.test(s[i] ?? '')) out += '\\#';
    else out += ESCAPED.test(ch) ? hex(cp) : ch;
  }
  return `${out}"`;
}

/** Ruby's `Float#to_s`: the shortest digits, fixed between 1e-4 and 1e16, else `d.ddde+XX`; always a fraction. */
function rubyFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mant, exp] = Math.abs(n).toExponential().split('e');
  const digits = mant.replace('.', '');
  const decpt = Number(exp) + 1;
  const sign = n < 0 ? '-' : '';
  if (decpt > -4 && decpt < 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    const int = digits.slice(0, decpt).padEnd(decpt, '0');
    return `${sign}${int}.${digits.slice(decpt) || '0'}`;
  }
  const e = decpt - 1;
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function rubyNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? String(n) : rubyFloat(n);
}

/** Ruby's `inspect` of a value Psych read (nested in a key that is a list or a map). */
function inspect(v: unknown, depth: number): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return inspectString(v);
  if (typeof v === 'number') return rubyNumber(v);
  if (v instanceof RubyPrinted) return v.inspect;
  if (depth > 50) return '[...]';
  if (Array.isArray(v)) return `[${v.map((x) => inspect(x, depth + 1)).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${inspect(k, depth + 1)}=>${inspect(x, depth + 1)}`).join(', ')}}`;
  if (v instanceof DateOnly) {
    const jd = Math.floor(v.getTime() / 86400000) + 2440588;
    return `#<Date: ${v.toJSON()} ((${jd}j,0s,0n),+0s,2299161j)>`;
  }
  return String(v);
}

/**
 * A mapping key as Jekyll's data has it once printed: Ruby's `to_s` of what Psych read (`nil` is empty, a float
 * keeps its fraction, a list or map key is its `inspect`, e.g. `["a", nil]` or `{"a"=>1}`; see {@link withRubyKeys}
 * for whole-number floats and times).
 */
export function rubyKeyString(k: unknown): string {
  if (k === null || k === undefined) return '';
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return rubyNumber(k);
  if (k instanceof RubyPrinted) return k.toS;
  if (Array.isArray(k) || k instanceof Map) return inspect(k, 0);
  return String(k);
}

/**
 * Runs `read` (a `toJS` of `doc`) with each scalar inside a mapping key whose JavaScript value prints otherwise than
 * Ruby's holding a {@link RubyPrinted}: a float with a whole value (`1.0: x` is the key "1.0", `-2.5e+3` "-2500.0")
 * and a time (`2021-01-02 03:04:05 +08:00` prints as written, with its offset: "2021-01-02 03:04:05 +0800"; `Z` is
 * "UTC"; without an offset Psych takes the machine's zone, here UTC, "+0000"). The values are restored after.
 */
export function withRubyKeys<T>(doc: Document, read: () => T): T {
  const changed: [Scalar, unknown][] = [];
  const mark = (n: Scalar) => {
    const v = n.value;
    const src = String(n.source ?? '');
    let printed: RubyPrinted | undefined;
    if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e16 && (n.tag === 'tag:yaml.org,2002:float' || (n.type === 'PLAIN' && src.includes('.')))) {
      printed = new RubyPrinted(rubyFloat(v), rubyFloat(v));
    } else if (v instanceof Date && !(v instanceof DateOnly)) printed = rubyTime(src);
    if (printed) { changed.push([n, v]); n.value = printed; }
  };
  visit(doc, { Pair(_k, pair) {
    if (!isPair(pair) || !pair.key || (isScalar(pair.key) && typeof pair.key.value === 'string')) return;
    if (isScalar(pair.key)) mark(pair.key);
    else visit(pair.key as Parameters<typeof visit>[0], { Scalar(_j, n) { mark(n); } });
  } });
  try {
    return read();
  } finally {
    for (const [n, v] of changed) n.value = v;
  }
}

const pad = (n: string, w: number) => n.padStart(w, '0');

/** Ruby's `Time#to_s` and `#inspect` of the time Psych's parse_time makes of a timestamp scalar. */
function rubyTime(src: string): RubyPrinted | undefined {
  const m = /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?\s*(Z|([-+]?\d{1,2}):?(\d{1,2})?)?$/.exec(src.trim());
  if (!m) return undefined;
  let zone = '+0000';
  if (m[8] === 'Z') zone = 'UTC';
  else if (m[9]) {
    const h = Number(m[9]);
    const off = h * 3600 + (h < 0 || m[9].startsWith('-') ? -1 : 1) * Number(m[10] ?? 0) * 60;
    const abs = Math.abs(off);
    zone = `${off < 0 ? '-' : '+'}${pad(String(Math.floor(abs / 3600)), 2)}${pad(String(Math.floor((abs % 3600) / 60)), 2)}`;
  }
  const clock = `${pad(m[1], 4)}-${pad(m[2], 2)}-${pad(m[3], 2)} ${pad(m[4], 2)}:${m[5]}:${m[6]}`;
  let frac = m[7] ?? '';
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  return new RubyPrinted(`${clock} ${zone}`, `${clock}${frac ? `.${frac}` : ''} ${zone}`);
}
