// Jekyll's Liquid filters that liquidjs lacks or spells differently (Jekyll 4.3 filters.rb, filters/url_filters.rb).
import type { Liquid } from 'liquidjs';
import { slugify } from '../jekyll/permalink';
import { trimChar } from '../text';

/** What the filters need to know about the site. */
export interface FilterSite {
  /** `_config.yml` `baseurl` and `url` (empty when unset). */
  baseurl: string;
  url: string;
  /** Markdown → HTML as the site's converter does it (`markdownify`). */
  markdown: (text: string) => string;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

const leadingSlash = (s: string): string => (s === '' || s.startsWith('/') ? s : `/${s}`);

/** Addressable's `normalize` for the paths these filters build: non-ASCII and spaces percent-encoded, the rest kept. */
function normalizeUri(s: string): string {
  return s.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

const urlOf = (v: unknown): unknown => (v && typeof v === 'object' && 'url' in v ? (v as { url: unknown }).url : v);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** `relative_url`: `baseurl` + the path, slashes squeezed; absolute URLs and nil pass through. */
export function relativeUrl(site: FilterSite, input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const v = str(urlOf(input));
  if (ABSOLUTE.test(v)) return v;
  return normalizeUri([site.baseurl, v].map((p) => leadingSlash(p)).join('').replace(/\/+/g, '/'));
}

/** `absolute_url`: `url` + {@link relativeUrl}; without `url` it is `relative_url`. */
export function absoluteUrl(site: FilterSite, input: unknown): unknown {
  if (input === null || input === undefined) return input;
  const v = str(urlOf(input));
  if (ABSOLUTE.test(v)) return v;
  const rel = relativeUrl(site, v) as string;
  return site.url ? normalizeUri(site.url + rel) : rel;
}

/** SmartyPants as kramdown's `smartify` applies it to plain text: quotes, dashes, ellipses. */
export function smartify(input: unknown): string {
  return str(input)
    .replace(/---/g, '\u2014').replace(/--/g, '\u2013').replace(/\.\.\./g, '\u2026')
    .replace(/(^|[\s([{\u2014\u2013])"/g, '$1\u201c').replace(/"/g, '\u201d')
    .replace(/(^|[\s([{\u2014\u2013])'/g, '$1\u2018').replace(/'/g, '\u2019');
}

/** Registers the Jekyll filters on an engine (liquidjs already has where/where_exp/group_by/sort/jsonify/date_to_*). */
export function registerJekyllFilters(engine: Liquid, site: FilterSite): void {
  engine.registerFilter('relative_url', (v: unknown) => relativeUrl(site, v));
  engine.registerFilter('absolute_url', (v: unknown) => absoluteUrl(site, v));
  engine.registerFilter('markdownify', (v: unknown) => site.markdown(str(v)));
  engine.registerFilter('smartify', (v: unknown) => smartify(v));
  // Jekyll's own slugify (modes none/raw/default/pretty/ascii/latin), shared with the permalink module.
  // Jekyll's groups are {name, items, size}; liquidjs's have no size (`group.size` would count its keys).
  for (const name of ['group_by', 'group_by_exp']) {
    const orig = engine.filters[name] as (this: unknown, ...a: unknown[]) => Generator<unknown, unknown, unknown>;
    engine.registerFilter(name, function* (this: unknown, ...args: unknown[]): Generator<unknown, unknown, unknown> {
      const groups = (yield* orig.apply(this, args)) as { name: unknown; items: unknown[] }[];
      return groups.map((g) => ({ ...g, size: g.items.length }));
    });
  }
  engine.registerFilter('slugify', (v: unknown, mode?: unknown, cased?: unknown) => slugifyMode(str(v), mode === undefined ? 'default' : str(mode), cased === true));
}

/** Jekyll's `slugify` filter modes over the permalink module's `default`/`pretty` slugs. */
export function slugifyMode(s: string, mode: string, cased: boolean): string {
  if (mode === 'none') return cased ? s : s.toLowerCase();
  const lower = (x: string) => (cased ? x : x.toLowerCase());
  if (mode === 'raw') return lower(trimChar(s.replace(/\s+/g, '-'), '-'));
  if (mode === 'ascii') return lower(trimChar(s.replace(/[^a-zA-Z0-9]+/g, '-'), '-'));
  if (mode === 'latin') return lower(trimChar(s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z0-9]+/g, '-'), '-'));
  return slugify(s, mode === 'pretty' ? 'pretty' : 'default', cased);
}
