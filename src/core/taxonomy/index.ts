// The site taxonomy index: Jekyll's site.categories/site.tags sizes, kept per file and updated incrementally.
import type { SiteConfig } from '../site';
import { jekyllPostView, type PostView } from './posts';

/** `categories` or `tags`. */
export type TaxonomyKey = 'categories' | 'tags';

/** `site.categories` / `site.tags` sizes: value → number of occurrences in published posts. */
export interface TaxonomyCounts { categories: Record<string, number>; tags: Record<string, number> }

/** The fence scanner lives in one place (src/core/yaml/fence.ts); re-exported for the index's callers. */
export { frontMatterEnd, frontMatterSlice } from '../yaml/fence';
import { frontMatterEnd } from '../yaml/fence';
import { DetachedStrings, detachStrings } from '../detach';

/**
 * The bytes of a UTF-8 file that hold its front matter (see {@link frontMatterSlice}); the whole array when
 * the front matter is not closed. Decoding only these bytes keeps the index off the post bodies.
 */
export function frontMatterBytes(bytes: Uint8Array): Uint8Array {
  const end = frontMatterEnd(bytes, bytes.length);
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}

/** `site.categories` / `site.tags` sizes as Maps, values in first-occurrence order (see {@link taxonomyCounts}). */
export interface TaxonomyCountMaps { categories: Map<string, number>; tags: Map<string, number> }

/** Adds the published posts of `views` to `into` (new Maps when not given); the counting of {@link taxonomyCounts}. */
export function countTaxonomy(views: Iterable<PostView>, into: TaxonomyCountMaps = { categories: new Map(), tags: new Map() }): TaxonomyCountMaps {
  for (const v of views) countView(v, into);
  return into;
}

/** Adds one post to `into` when it is published (see {@link countTaxonomy}): a caller can count views as they come. */
export function countView(v: PostView, into: TaxonomyCountMaps): void {
  if (!v.published) return;
  addValues(into.categories, v.categories);
  addValues(into.tags, v.tags);
}

// Maps: a value sliced from post text would cost a string-table lookup at every use as an object key.
function addValues(m: Map<string, number>, values: readonly unknown[] | null): void {
  if (values) for (const value of values) if (typeof value === 'string') m.set(value, (m.get(value) ?? 0) + 1);
}

/** Counts as objects (null prototype); integer-like values come first, as in any object, then first-occurrence order. */
export function countsFromMaps(maps: TaxonomyCountMaps): TaxonomyCounts {
  const obj = (m: Map<string, number>) => { const o: Record<string, number> = Object.create(null); for (const [k, n] of m) o[k] = n; return o; };
  return { categories: obj(maps.categories), tags: obj(maps.tags) };
}

/**
 * Counts categories and tags of published posts the way `site.categories[x].size` does (a duplicate counts
 * twice). Only string values count: a number is a different Ruby hash key that no string lookup reaches.
 */
export function taxonomyCounts(views: Iterable<PostView>): TaxonomyCounts {
  return countsFromMaps(countTaxonomy(views));
}

/** One value offered to the user: its count in published posts and whether `_config.yml` configures it. */
export interface RankedValue { value: string; count: number; configured: boolean }

const collator = new Intl.Collator('zh');

/** Orders values by count (descending), then by `Intl.Collator('zh')`. */
export function compareRanked(a: { value: string; count: number }, b: { value: string; count: number }): number {
  return b.count - a.count || collator.compare(a.value, b.value);
}

/** Every known or configured value of one taxonomy, ranked; `extra` values (e.g. the post's own) are included. */
export function rankValues(counts: Record<string, number>, known: Iterable<string>, configured: readonly string[], extra: Iterable<string> = []): RankedValue[] {
  const conf = new Set(configured);
  const all = new Set<string>([...Object.keys(counts), ...known, ...configured, ...extra]);
  return [...all].map((value) => ({ value, count: counts[value] ?? 0, configured: conf.has(value) })).sort(compareRanked);
}

/** The taxonomy of one site, one entry per post file, updated file by file (add, update, remove). */
export class TaxonomyIndex {
  private readonly entries = new Map<string, PostView>();
  private cached: TaxonomyCounts | undefined;
  /** Each distinct category and tag value, once (cleared with the index). */
  private readonly values = new DetachedStrings();

  /** @param now Jekyll's `site.time` (for future dates); read at each update. */
  constructor(public site: SiteConfig, private readonly now: () => number = Date.now) {}

  /**
   * Adds or updates a file from its text (the front matter prefix is enough, see {@link frontMatterSlice}); returns the
   * held view itself when the new one is equal (callers can tell a change by identity).
   */
  update(file: string, text: string, opts: { mtimeMs?: number; invalidUtf8?: boolean } = {}): PostView {
    const view = jekyllPostView(text, { site: this.site, file, now: this.now(), ...opts });
    // An unchanged view (a keystroke in a body) keeps the held object and the cached counts.
    const held = this.entries.get(file);
    if (held && JSON.stringify(held) === JSON.stringify(view)) return held;
    // Kept until the post changes: its strings must not keep the text they were read from, and a category or tag
    // that 5,000 posts have is one string, not 5,000.
    detachStrings(view);
    for (const list of [view.categories, view.tags]) if (list) for (let i = 0; i < list.length; i++) { const v = list[i]; if (typeof v === 'string') list[i] = this.values.get(v); }
    this.entries.set(file, view);
    this.cached = undefined;
    return view;
  }

  /** Removes a file; true when it was indexed. */
  remove(file: string): boolean {
    this.cached = undefined;
    return this.entries.delete(file);
  }

  /** Drops every entry (e.g. when `_config.yml` changes), optionally with a new site. */
  clear(site?: SiteConfig): void {
    if (site) this.site = site;
    this.entries.clear();
    this.values.clear();
    this.cached = undefined;
  }

  get(file: string): PostView | undefined { return this.entries.get(file); }
  get size(): number { return this.entries.size; }
  /** Every indexed file with its view. */
  files(): IterableIterator<[string, PostView]> { return this.entries.entries(); }

  /** `site.categories` / `site.tags` sizes over the published posts. */
  counts(): TaxonomyCounts {
    return this.cached ??= taxonomyCounts(this.entries.values());
  }

  /** Values of one taxonomy in any indexed file (drafts and future posts too), ranked with configured values. */
  ranked(key: TaxonomyKey, extra: Iterable<string> = []): RankedValue[] {
    const known = new Set<string>();
    for (const v of this.entries.values()) for (const x of v[key] ?? []) if (typeof x === 'string') known.add(x);
    return rankValues(this.counts()[key], known, this.site.postdesk.taxonomy[key], extra);
  }

  /** Files whose Jekyll view holds `value` under `key`, sorted. */
  filesWith(key: TaxonomyKey, value: string): string[] {
    const out: string[] = [];
    for (const [file, v] of this.entries) if ((v[key] ?? []).some((x) => x === value)) out.push(file);
    return out.sort();
  }
}
