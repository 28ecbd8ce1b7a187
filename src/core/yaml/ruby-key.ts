// A mapping key that is not a string, as Jekyll's Ruby prints it (`to_s`, and `inspect` inside a list or map key).
import { DateOnly } from './resolve';

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
 * keeps its fraction, a list or map key is its `inspect`, e.g. `["a", nil]` or `{"a"=>1}`). A time keeps JavaScript's
 * form (its offset is not kept by the reader).
 */
export function rubyKeyString(k: unknown): string {
  if (k === null || k === undefined) return '';
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return rubyNumber(k);
  if (Array.isArray(k) || k instanceof Map) return inspect(k, 0);
  return String(k);
}
