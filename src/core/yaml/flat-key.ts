// The rules of a flat front-matter line's key and of its plain scalars (characters, first character, reading), for the flat scanner (flat.ts).
import { PsychError, resolvePlain } from './resolve';

/** A first character of a flat key: an ASCII letter or `_`. */
export const isKeyStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

/** A later character of a flat key: also a digit or `-`. */
export const isKeyChar = (c: number): boolean => isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;

/** A plain scalar may not start with an indicator (`- x`, `? x`, `: x`, flow, alias, anchor, tag, quote, block, directive, reserved). */
export const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The end of the flat key starting at `s` (before `e`): where its `:` must be, or -1 when no key starts there. */
export function flatKeyEnd(text: string, s: number, e: number): number {
  if (!isKeyStart(text.charCodeAt(s))) return -1;
  let i = s + 1;
  while (i < e && isKeyChar(text.charCodeAt(i))) i++;
  return i;
}

/** A key Psych reads as the string it spells (not a bool, null or number), and not `__proto__`. */
export const isStringKey = (name: string): boolean => name !== '__proto__' && resolvePlain(name) === name;

// The usual keys as constants: a property name sliced from the text costs a string-table lookup at every use.
const KNOWN = ['layout', 'title', 'date', 'categories', 'tags', 'category', 'tag', 'published', 'permalink', 'author', 'description', 'image'];
const KNOWN_BY_LENGTH: string[][] = [];
for (const k of KNOWN) (KNOWN_BY_LENGTH[k.length] ??= []).push(k);

/** The usual key spelled by text[s, e) as a constant string, if it is one. */
export function knownKey(text: string, s: number, e: number): string | undefined {
  const ks = KNOWN_BY_LENGTH[e - s];
  if (ks) for (const k of ks) if (text.startsWith(k, s)) return k;
  return undefined;
}

/** Thrown inside the flat scanner when the text leaves the subset; caught by `scanFlat`. */
export const OUT = Symbol('out');
/** Leaves the subset (see {@link OUT}). */
export const out = (): never => { throw OUT; };

// What makes YAML read a line differently (controls, line-break-like characters, BOM): left to the parser. The data
// mode checks each value and comment for them (keys and blanks are checked character by character); a CR not just
// before a LF is found by the line scan.
/** Characters the data mode leaves to the parser in values and comments. */
export const UNUSUAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Characters the Document mode leaves to the parser anywhere in the text (tabs too). */
export const UNUSUAL_DOCUMENT = /[\x00-\x08\t\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Inside a block plain scalar: a tab, an unusual character, or `: ` / a final `:` (a mapping, not a string). */
export const BAD_PLAIN = /[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|:(?:[ \t]|$)/;
/** A flow item also may not hold flow indicators, quotes, `#` or `:`. */
export const BAD_FLOW_ITEM = /[[\]{}#:"'\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** A plain scalar (trimmed) as Psych reads it; out of the subset when it starts with an indicator or matches `bad`. */
export function plainValue(plain: string, bad: RegExp): unknown {
  if (INDICATOR_START.test(plain) || bad.test(plain)) out();
  const v = resolvePlain(plain);
  return v instanceof PsychError ? out() : v;
}
