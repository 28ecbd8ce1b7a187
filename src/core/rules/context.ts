// What every rule receives: the parsed post, its site, where it lives, and helpers for exact YAML ranges.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { readDate, type DateResult } from '../jekyll/date';
import type { ParsedPost } from '../parse';
import { dateSource } from '../parse-fast';
import type { FileKind, SiteConfig } from '../site';

/** How a site's layouts are found: `found`, `theme` (not in `_layouts/`, but a theme may provide it) or `missing`. */
export type LayoutLookup = (name: string) => 'found' | 'theme' | 'missing';

/** The input of one rule run over one post. */
export interface RuleContext {
  text: string;
  parsed: ParsedPost;
  site: SiteConfig;
  /** Absolute path, or undefined for an unsaved document. */
  file: string | undefined;
  /** Path relative to the site root (POSIX), or undefined. */
  rel: string | undefined;
  kind: FileKind;
  /** `defaults:` values of `_config.yml` that apply to this file. */
  defaults: Record<string, unknown>;
  /** The current time, UTC milliseconds. */
  now: number;
  layouts: LayoutLookup | undefined;
  invalidUtf8: boolean;
  /** Shared by the rules of this run; a new, empty one for every context (see {@link RuleMemo}). */
  memo: RuleMemo;
}

/** A top-level front matter entry with absolute ranges. */
export interface Entry {
  key: string;
  pair: Pair<Node, Node | null>;
  keyStart: number;
  keyEnd: number;
  /** The value node, or null for `key:` with nothing after it. */
  value: Node | null;
  /** Value range (absolute); an empty range just after the colon when there is no value. */
  valueStart: number;
  valueEnd: number;
}

/** A top-level front matter entry by key (the last one when repeated), or undefined (also when the front matter is not a mapping). */
export function entry(ctx: RuleContext, key: string): Entry | undefined {
  // A repeated key: Jekyll (Psych) keeps the last one.
  const all = entries(ctx);
  for (let i = all.length - 1; i >= 0; i--) if (all[i].key === key) return all[i];
  return undefined;
}

/** What the rules of one run share: the post's entries, date and taxonomy values, worked out once (all read-only). */
export interface RuleMemo {
  entries?: Entry[];
  date?: { tz: string | undefined; date: ReturnType<typeof postDate> };
  values?: Map<Entry, { key: string; values: TaxonomyValue[] | undefined }>;
}

/** An empty memo with every field present, so all memos share one shape (the rules stay monomorphic). */
export function newMemo(): RuleMemo {
  return { entries: undefined, date: undefined, values: undefined };
}

/** All top-level entries in source order (do not modify the array: it is shared by the rules). */
export function entries(ctx: RuleContext): readonly Entry[] {
  const m = ctx.memo;
  return m.entries ??= readEntries(ctx);
}

function readEntries(ctx: RuleContext): Entry[] {
  const { doc, frontMatter } = ctx.parsed;
  if (!doc || !frontMatter || !isMap(doc.contents)) return [];
  const base = frontMatter.contentStart;
  const out: Entry[] = [];
  for (const pair of doc.contents.items as Pair<Node, Node | null>[]) {
    const k = pair.key;
    if (!isScalar(k) || !k.range) continue;
    const keyStart = base + k.range[0];
    const keyEnd = base + k.range[1];
    const v = pair.value && (pair.value as Node).range ? pair.value as Node : null;
    let valueStart: number; let valueEnd: number;
    if (v?.range) { valueStart = base + v.range[0]; valueEnd = base + v.range[1]; } else {
      const colon = ctx.text.indexOf(':', keyEnd);
      valueStart = valueEnd = colon < 0 ? keyEnd : colon + 1;
    }
    out.push({ key: String((k as Scalar).value), pair, keyStart, keyEnd, value: v, valueStart, valueEnd });
  }
  return out;
}

/** Absolute range of any node of the front matter. */
export function rangeOf(ctx: RuleContext, node: Node): [number, number] {
  const base = ctx.parsed.frontMatter?.contentStart ?? 0;
  const r = node.range ?? [0, 0];
  return [base + r[0], base + r[1]];
}

/** Whether the front matter was read as YAML without errors (rules about values need that). */
export function yamlOk(ctx: RuleContext): boolean {
  return ctx.parsed.doc !== null && ctx.parsed.errors.length === 0;
}

/** The file name without folders, or undefined. */
export function baseName(ctx: RuleContext): string | undefined {
  return ctx.file ? ctx.file.slice(Math.max(ctx.file.lastIndexOf('/'), ctx.file.lastIndexOf('\\')) + 1) : undefined;
}

/** The path of a sibling file with another name. */
export function sibling(file: string, name: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(0, i + 1) + name;
}

/** The front matter `date:` as Jekyll reads it, with its entry; undefined when there is no `date:` key. */
export function postDate(ctx: RuleContext): { entry: Entry; raw: string; result: DateResult } | undefined {
  const tz = ctx.site.timezone;
  const m = ctx.memo;
  if (m.date && m.date.tz === tz) return m.date.date;
  const date = readPostDate(ctx);
  m.date = { tz, date };
  return date;
}

function readPostDate(ctx: RuleContext): { entry: Entry; raw: string; result: DateResult } | undefined {
  if (!yamlOk(ctx)) return undefined;
  const e = entry(ctx, 'date');
  if (!e) return undefined;
  const v = e.value;
  if (!v || !isScalar(v) || v.value === null) return { entry: e, raw: '', result: { ok: false, reason: 'empty' } };
  if (typeof v.value === 'object' && !(v.value instanceof Date)) return { entry: e, raw: '', result: { ok: false, reason: 'not a date' } };
  const { raw, quoted } = dateSource(ctx.text, v.value, v.type, e.valueStart, e.valueEnd);
  return { entry: e, raw, result: readDate(raw, quoted, ctx.site.timezone) };
}

/** A taxonomy key Jekyll reads: the field it fills and whether a string value is split on whitespace (the plural keys). */
export interface TaxonomyKey { key: 'categories' | 'category' | 'tags' | 'tag'; field: 'categories' | 'tags'; split: boolean }

/** The taxonomy keys Jekyll reads, and whether a string value is split on whitespace. */
export const TAXONOMY_KEYS: readonly TaxonomyKey[] = [
  { key: 'categories', field: 'categories', split: true }, { key: 'category', field: 'categories', split: false },
  { key: 'tags', field: 'tags', split: true }, { key: 'tag', field: 'tags', split: false },
];

/** One category or tag as written: its text and absolute range; `item` is the list item node when in a list. */
export interface TaxonomyValue { value: string; start: number; end: number; item?: Node; seq?: boolean }

/**
 * The values of a taxonomy entry as Jekyll 4.3.1 keeps them (plural strings split on whitespace, numbers and dates
 * under `category`/`tag` or in a `tags` list as their text), or undefined when Jekyll drops or mangles the value
 * (see `taxonomy-type`). Nulls are left out: Jekyll drops them from tags and singular keys.
 */
export function taxonomyValues(ctx: RuleContext, e: Entry, key: TaxonomyKey): TaxonomyValue[] | undefined {
  const cache = ctx.memo.values ??= new Map();
  const hit = cache.get(e);
  if (hit && hit.key === key.key) return hit.values;
  const values = readTaxonomyValues(ctx, e, key);
  cache.set(e, { key: key.key, values });
  return values;
}

function readTaxonomyValues(ctx: RuleContext, e: Entry, key: TaxonomyKey): TaxonomyValue[] | undefined {
  const v = e.value;
  if (!v || (isScalar(v) && v.value === null)) return [];
  if (isScalar(v)) {
    // `category: 2013` is the category "2013" and `tag: 5` the tag 5; under a plural key Jekyll drops or chokes on it.
    if (typeof v.value !== 'string') return !key.split && v.value !== false ? [{ value: scalarText(ctx, v), start: e.valueStart, end: e.valueEnd }] : undefined;
    if (!key.split || v.type !== 'PLAIN' && v.type !== 'QUOTE_SINGLE' && v.type !== 'QUOTE_DOUBLE') return [{ value: v.value, start: e.valueStart, end: e.valueEnd }];
    const inner = v.type === 'PLAIN' ? 0 : 1;
    const src = ctx.text.slice(e.valueStart + inner, e.valueEnd - inner);
    if (src !== v.value) return v.value.split(/\s+/).filter(Boolean).map((s) => ({ value: s, start: e.valueStart, end: e.valueEnd }));
    const out: TaxonomyValue[] = [];
    for (const m of src.matchAll(/\S+/g)) out.push({ value: m[0], start: e.valueStart + inner + m.index!, end: e.valueStart + inner + m.index! + m[0].length });
    return out;
  }
  if (isSeq(v)) {
    // Only a `categories` list mangles nulls and numbers (Jekyll keeps both the value and its text).
    const strict = key.key === 'categories';
    const out: TaxonomyValue[] = [];
    for (const item of v.items as Node[]) {
      if (!isScalar(item)) return undefined;
      if (item.value === null && !strict) continue;
      if (typeof item.value !== 'string' && strict) return undefined;
      const [start, end] = rangeOf(ctx, item);
      out.push({ value: typeof item.value === 'string' ? item.value : scalarText(ctx, item), start, end, item, seq: true });
    }
    return out;
  }
  return undefined;
}

/** The text of a non-string scalar as written (`2013`, `2.5`, `2021-12-08`): what Ruby's `to_s` gives in the usual cases. */
function scalarText(ctx: RuleContext, node: Scalar): string {
  const [start, end] = rangeOf(ctx, node);
  return ctx.text.slice(start, end).trim();
}
