// What the flat front-matter scanner (flat.ts) reads: scalars, lists and entries with their ranges, in two modes.

/** How a scalar the scanner read is written (yaml's `Scalar.Type` names). */
export type FlatScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** A scalar as read: its value, how it is written, its text [start, end) and where yaml ends its node (`nodeEnd`). */
export interface FlatScalar { value: unknown; type: FlatScalarType; start: number; end: number; nodeEnd: number }

/** A list as read: flow (`[a, b]`) or block (`- a` lines), its items and its node range. */
export interface FlatList { flow: boolean; items: FlatScalar[]; start: number; end: number; nodeEnd: number }

/**
 * One `key: value` line (with its `- item` lines): the key's range and the value; `key:` alone is a PLAIN null
 * scalar. Document mode: `spaceBefore` / `commentBefore` are what yaml puts on the key of blank and `#` lines above it.
 */
export interface FlatEntry { key: string; start: number; end: number; value: FlatScalar | FlatList; spaceBefore?: true; commentBefore?: string }

/** What {@link scanFlat} read. Offsets are into the scanned text. */
export interface FlatRead {
  /** The data, exactly as the full parser gives it (null-prototype object). */
  data: Record<string, unknown>;
  /** The `date:` value when it is a scalar: what Jekyll's date reading needs (see `dateSourceOf`). */
  date?: FlatScalar;
  /** Document mode only: every entry, in order, with node ranges as yaml composes them. */
  entries?: FlatEntry[];
}

/**
 * `data`: a post's text from `start` (just after the opening fence) up to the closing fence line; blank lines,
 * `#` comment lines, trailing comments and tabs as separators are read. `document`: the whole text is front
 * matter YAML (ends with a line break), entries are kept; empty lines then `#` lines between two entries are read
 * (yaml puts them on the next key); other comments, blank lines and tabs are declined (the parser places them).
 */
export type FlatMode = 'data' | 'document';
