// Jekyll 4.3.1's reading of categories and tags: front matter defaults, folder categories and merging, exactly.

/** A value in `post.categories` / `post.tags` as Jekyll keeps it (categories may hold a `null` or a number). */
export type JekyllValue = string | number | boolean | null;

/** What Jekyll makes of a post's front matter data (after `merge_defaults`, `read_content` and `read_post_data`). */
export interface JekyllRead {
  /** The merged data (defaults, then front matter), before `populate_*`. */
  data: Record<string, unknown>;
  categories: JekyllValue[];
  /** `null` when the read was aborted and no default gave tags (Jekyll's `post.tags` is then nil). */
  tags: JekyllValue[] | null;
  /** Set when Jekyll's read of the front matter raised (`categories: 5` is a TypeError in `Array#|`). */
  readError?: string;
}

/** Ruby's `String#split` without arguments: awk-style on ASCII whitespace (not U+3000, not NBSP). */
export function rubySplit(s: string): string[] {
  return s.split(/[ \t\n\v\f\r]+/).filter((x) => x !== '');
}

/** Whether a string stays one value under Ruby's whitespace split. */
export function isSpaceFree(s: string): boolean {
  return !/[ \t\n\v\f\r]/.test(s);
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** A YAML value as the Ruby object Jekyll would see, for arrays of taxonomy values (Dates as their `to_s`). */
function rubyValue(v: unknown): JekyllValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return JSON.stringify(v);
}

/** Ruby's `to_s` of a taxonomy value (`nil.to_s` is the empty string). */
function rubyToS(v: JekyllValue): string {
  return v === null ? '' : String(v);
}

/** Ruby `Array#|`: union keeping first occurrences, by `eql?` (so `1` and `"1"` differ). */
function union(a: JekyllValue[], b: JekyllValue[]): JekyllValue[] {
  const seen = new Set<string>();
  const out: JekyllValue[] = [];
  for (const v of [...a, ...b]) {
    const k = `${typeof v}:${String(v)}`;
    if (!seen.has(k)) { seen.add(k); out.push(v); }
  }
  return out;
}

const flatten = (v: unknown): unknown[] => Array.isArray(v) ? v.flatMap(flatten) : [v];

/** Jekyll's `merge_data!`: `merge_categories!` then `deep_merge_hashes!` (a `nil` never overwrites). Throws like Ruby. */
function mergeData(data: Record<string, unknown>, other: Record<string, unknown>): void {
  const o: Record<string, unknown> = Object.assign(Object.create(null), other);
  if ('categories' in o && o.categories !== null && o.categories !== undefined) {
    let c = o.categories;
    if (typeof c === 'string') c = rubySplit(c);
    if (Array.isArray(data.categories)) {
      if (!Array.isArray(c)) throw new TypeError(`no implicit conversion of ${c instanceof Date ? 'Date' : typeof c} into Array`);
      o.categories = union(data.categories as JekyllValue[], c.map(rubyValue));
    } else o.categories = Array.isArray(c) ? c.map(rubyValue) : c;
  }
  deepMerge(data, o);
}

function deepMerge(target: Record<string, unknown>, over: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(over)) {
    if (!(k in target)) target[k] = v;
    else if (v === null || v === undefined) continue;
    else if (isRecord(target[k]) && isRecord(v)) {
      const copy: Record<string, unknown> = Object.assign(Object.create(null), target[k]);
      deepMerge(copy, v);
      target[k] = copy;
    } else target[k] = v;
  }
}

/** Ruby truthiness: only `nil` and `false` are false. */
const truthy = (v: unknown): boolean => v !== null && v !== undefined && v !== false;

/** `Utils.pluralized_array_from_hash`: the singular key's value when truthy, else the plural split/compacted. */
function pluralized(data: Record<string, unknown>, singular: string, plural: string): JekyllValue[] {
  let value: unknown = singular in data ? data[singular] : undefined;
  if (!truthy(value) && plural in data) {
    const p = data[plural];
    value = typeof p === 'string' ? rubySplit(p) : Array.isArray(p) ? p.filter((x) => x !== null && x !== undefined) : undefined;
  }
  return flatten(value).filter((x) => x !== null && x !== undefined).map(rubyValue);
}

/**
 * Reads a post's data the way Jekyll 4.3.1 does: folder categories, then `_config.yml` defaults, then the
 * front matter (`merge_data!` each), then `populate_categories` / `populate_tags`. Categories are
 * `to_s`-ed and de-duplicated (then unioned with the raw list, so `[x, 1]` gives `x, 1, "1"`); tags keep
 * duplicates and order, the singular `tag` replaces `tags`; a plural string is split on whitespace, a
 * singular one is not; nulls are dropped from tags; a scalar number under `tags` is dropped.
 * @param frontMatter the post's parsed front matter (`{}` when there is none or it does not parse).
 * @param folderCategories folders above `_posts` / `_drafts`, outermost first.
 * @param defaults the `_config.yml` `defaults:` values that apply to the post.
 * @param frontMatterError when the YAML did not parse: Jekyll aborts the read after the defaults.
 */
export function jekyllRead(frontMatter: Record<string, unknown>, folderCategories: readonly string[], defaults: Record<string, unknown> = {}, frontMatterError?: string): JekyllRead {
  if (folderCategories.length === 0 && frontMatterError === undefined) {
    const simple = simpleRead(frontMatter, defaults);
    if (simple) return simple;
  }
  return jekyllReadMerging(frontMatter, folderCategories, defaults, frontMatterError);
}

/** {@link jekyllRead} always through the general merging (its shortcut for the usual post gives the same result). */
export function jekyllReadMerging(frontMatter: Record<string, unknown>, folderCategories: readonly string[], defaults: Record<string, unknown> = {}, frontMatterError?: string): JekyllRead {
  const data: Record<string, unknown> = Object.create(null);
  mergeData(data, { categories: [...folderCategories] });
  const aborted = (message: string): JekyllRead => ({
    data, readError: message,
    categories: Array.isArray(data.categories) ? (data.categories as unknown[]).map(rubyValue) : [],
    tags: Array.isArray(data.tags) ? (data.tags as unknown[]).map(rubyValue) : data.tags === null || data.tags === undefined ? null : [rubyValue(data.tags)],
  });
  try {
    if (Object.keys(defaults).length) mergeData(data, defaults);
  } catch (e) { return aborted((e as Error).message); }
  if (frontMatterError !== undefined) return aborted(frontMatterError);
  try {
    mergeData(data, frontMatter);
  } catch (e) { return aborted((e as Error).message); }
  const own = Array.isArray(data.categories) ? (data.categories as JekyllValue[]) : data.categories === null || data.categories === undefined ? [] : [rubyValue(data.categories)];
  const populated = [...new Set([...own, ...pluralized(data, 'category', 'categories')].map(rubyToS))];
  const categories = Array.isArray(data.categories) ? union(data.categories as JekyllValue[], populated) : populated;
  const tags = pluralized(data, 'tag', 'tags');
  return { data, categories, tags };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const splitValues = (s: string): string[] => (/[ \t\n\v\f\r]/.test(s) ? rubySplit(s) : s === '' ? [] : [s]);

/**
 * {@link jekyllRead} for the usual post (no folder categories, no defaults, no singular keys, categories and tags
 * absent, null, a string or a list of strings), giving the same result without the general merging; undefined
 * for anything else.
 */
function simpleRead(fm: Record<string, unknown>, defaults: Record<string, unknown>): JekyllRead | undefined {
  for (const _ in defaults) return undefined;
  if ('category' in fm || 'tag' in fm) return undefined;
  const c = fm.categories;
  const t = fm.tags;
  if (!(c === undefined || c === null || typeof c === 'string' || isStrings(c))) return undefined;
  if (!(t === undefined || t === null || typeof t === 'string' || isStrings(t))) return undefined;
  // As merge_data! leaves it: categories first (the folder categories' empty list, then the post's, de-duplicated).
  const categories = c === undefined || c === null ? [] : [...new Set(typeof c === 'string' ? splitValues(c) : c)];
  const data: Record<string, unknown> = Object.create(null);
  data.categories = categories;
  for (const k in fm) if (k !== 'categories') data[k] = fm[k];
  const tags = t === undefined || t === null ? [] : typeof t === 'string' ? splitValues(t) : [...t];
  return { data, categories: [...categories], tags };
}

/**
 * `post.categories` and `post.tags` as Jekyll 4.3.1 builds them from front matter `data` and the folder
 * categories (folders first). See {@link jekyllRead} for the full rules and front matter defaults.
 */
export function postCategoriesAndTags(data: Record<string, unknown>, folderCategories: readonly string[], defaults: Record<string, unknown> = {}): { categories: JekyllValue[]; tags: JekyllValue[] } {
  const r = jekyllRead(data, folderCategories, defaults);
  return { categories: r.categories, tags: r.tags ?? [] };
}
