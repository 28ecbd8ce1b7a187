// A post's URL and output file as Jekyll 4.3.1 computes them (url.rb, url_drop.rb, utils.rb slugify, configuration.rb).
import { trimTrailing } from '../text';

/** How a site's posts get their URL: the `posts` collection's URL template and the extensions Markdown turns into `.html`. */
export interface PermalinkConfig {
  /** The posts collection's template (`/:categories/:year/:month/:day/:title:output_ext` by default). */
  template: string;
  /** Lower-cased extensions with a dot (`.md`, …) that the Markdown converter turns into `.html`. */
  markdownExts: string[];
}

/** The input of {@link postUrl}: what Jekyll knows about a post when it asks for its URL. */
export interface UrlInput {
  /** Path relative to the collections folder (the site root unless `collections_dir` is set), POSIX: `news/_posts/2021-12-01-x.md`. */
  rel: string;
  /** The post's data as Jekyll merged it (defaults, then front matter): `permalink`, `slug` are read from it. */
  data: Record<string, unknown>;
  /** `post.categories` as Jekyll keeps them. */
  categories: readonly unknown[];
  /** `page.date` as `YYYY-MM-DD HH:MM:SS +ZZZZ` in the site timezone (the build time when Jekyll uses it). */
  date: string;
  /** The front matter read was aborted (YAML error): Jekyll never set `slug` from the file name. */
  readAborted?: boolean;
}

/** A post's URL (`page.url`) and destination (the file it is written to, relative to `_site`), or why Jekyll fails. */
export type UrlResult = { url: string; destination: string } | { error: string };

const STYLES: Record<string, string> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};
const DEFAULT_MARKDOWN_EXT = 'markdown,mkdown,mkdn,mkd,md';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** Ruby's `to_s` of a YAML scalar as Jekyll sees it. */
const rubyS = (v: unknown): string => v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * The posts permalink settings of a parsed `_config.yml` (Jekyll's `add_default_collections`): `collections.posts.permalink`,
 * else the `permalink:` style (`date` when unset) turned into a template; `collections: ~` keeps `/:collection/:path`.
 */
export function permalinkConfig(config: Readonly<Record<string, unknown>>): PermalinkConfig {
  const md = typeof config.markdown_ext === 'string' ? config.markdown_ext : DEFAULT_MARKDOWN_EXT;
  const markdownExts = md.split(',').map((e) => `.${e.toLowerCase()}`);
  const style = config.permalink === undefined || config.permalink === null || config.permalink === false ? 'date' : rubyS(config.permalink);
  const cols = config.collections;
  if (cols === null) {
    const t = '/:collection/:path';
    return { template: style === 'pretty' ? `${t}/` : ['date', 'ordinal', 'none'].includes(style) ? `${t}:output_ext` : style.endsWith('/') ? `${t}/` : t, markdownExts };
  }
  const posts = isRecord(cols) ? cols.posts : undefined;
  const own = isRecord(posts) && posts.permalink !== undefined && posts.permalink !== null && posts.permalink !== false ? rubyS(posts.permalink) : undefined;
  return { template: own ?? STYLES[style] ?? style, markdownExts };
}

const bySite = new WeakMap<object, PermalinkConfig>();

/** {@link permalinkConfig} of a site's parsed `_config.yml` (`raw`), worked out once per site object. */
export function sitePermalinkConfig(site: { raw?: Readonly<Record<string, unknown>> }): PermalinkConfig {
  let cfg = bySite.get(site);
  if (!cfg) { cfg = permalinkConfig(site.raw ?? {}); bySite.set(site, cfg); }
  return cfg;
}

const ALREADY = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const DEFAULT_RE = /[^\p{M}\p{L}\p{Nd}]+/gu;
const PRETTY_RE = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;

/** Jekyll's `Utils.slugify` in `default` (letters, marks and digits of any script) or `pretty` mode; lower-cased unless `cased`. */
export function slugify(s: string, mode: 'default' | 'pretty' = 'default', cased = false): string {
  // Already a slug (the usual file name): nothing to replace, in either mode.
  if (ALREADY.test(s)) return cased ? s : s.toLowerCase();
  const slug = s.replace(mode === 'pretty' ? PRETTY_RE : DEFAULT_RE, '-').replace(/^-|-$/g, '');
  return cased ? slug : slug.toLowerCase();
}

const SAFE = /^[a-zA-Z0-9./-]+$/;
const UTF8 = new TextEncoder();
const KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

/** Jekyll's `URL.escape_path` (Addressable's encoding): UTF-8 percent-escapes for everything outside a path's safe characters, `#` included. */
export function escapePath(path: string): string {
  if (path === '' || SAFE.test(path)) return path;
  let out = '';
  for (const ch of path) {
    if (KEEP.test(ch)) { out += ch; continue; }
    for (const b of UTF8.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Jekyll's `URL.unescape_path`: percent-escapes decoded (bytes that do not form UTF-8 are kept escaped). */
export function unescapePath(url: string): string {
  if (!url.includes('%')) return url;
  return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try { return decodeURIComponent(run); } catch { return run; }
  });
}

/** Jekyll's `sanitize_url`: one leading slash, `..` and `./` removed, repeated slashes squeezed. */
export function sanitizeUrl(s: string): string {
  return `/${s}`.replace(/\.\./g, '/').replace(/\.\//g, '').replace(/\/+/g, '/');
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** The date placeholders of a `YYYY-MM-DD HH:MM:SS +ZZZZ` wall-clock date (strftime in the site timezone). */
function dateParts(date: string): Record<string, string> {
  const m = /^(-?\d+)-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)/.exec(date);
  const [y, mo, d, h, mi, s] = m ? m.slice(1).map(Number) : [1970, 1, 1, 0, 0, 0];
  const day = Date.UTC(y, mo - 1, d);
  const dow = new Date(day).getUTCDay();
  const yday = Math.round((day - Date.UTC(y, 0, 1)) / 86400000) + 1;
  // ISO 8601 week: the week holding this week's Thursday.
  const thursday = new Date(day + (3 - ((dow + 6) % 7)) * 86400000);
  const wYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(wYear, 0, 1)) / 86400000 / 7) + 1;
  return {
    year: String(y).padStart(4, '0'), month: p2(mo), day: p2(d), hour: p2(h), minute: p2(mi), second: p2(s),
    i_day: String(d), i_month: String(mo), short_month: MONTHS[mo - 1].slice(0, 3), long_month: MONTHS[mo - 1],
    short_year: p2(((y % 100) + 100) % 100), w_year: String(wYear), week: p2(week), w_day: String(dow === 0 ? 7 : dow),
    short_day: DAYS[dow].slice(0, 3), long_day: DAYS[dow], y_day: String(yday).padStart(3, '0'),
  };
}

/** The extension Jekyll gives the output: the permalink's own extension, else `.html` for Markdown, else the file's. */
function outputExt(ext: string, permalink: string | undefined, cfg: PermalinkConfig): string {
  if (permalink !== undefined && !permalink.endsWith('/')) {
    const m = /[^/](\.[^./]*)$/.exec(permalink);
    if (m && m[1] !== '.') return m[1];
  }
  return cfg.markdownExts.includes(ext.toLowerCase()) || ext.toLowerCase() === '.html' ? '.html' : ext;
}

/**
 * A post's `page.url` and output file as Jekyll 4.3.1 computes them: its `permalink:` (front matter or defaults)
 * or the posts template, with each placeholder's value escaped (CJK and spaces become UTF-8 percent-escapes),
 * categories lower-cased and joined by `/`, `:title` the slug in `pretty` mode (case kept), `:slug` in `default`
 * mode. An unknown placeholder or a permalink that is not a string fails the build in Jekyll: then `error`.
 */
export function postUrl(input: UrlInput, cfg: PermalinkConfig): UrlResult {
  const { data, rel } = input;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const raw = data.permalink;
  if (raw !== undefined && raw !== null && raw !== false && typeof raw !== 'string') return { error: 'permalink: must be a string' };
  const permalink = typeof raw === 'string' ? raw : undefined;
  // Jekyll sets `slug` from the file name only when the front matter was read; after an aborted read `title` falls back to the whole base name.
  const slugData = () => data.slug !== undefined && data.slug !== null ? rubyS(data.slug) : input.readAborted ? undefined : fileSlug(base, stem);
  // Ruby's `sub(relative_directory, "")`: the first `_posts` anywhere in the path.
  const cleaned = () => { const relDir = rel.replace('_posts', ''); return trimTrailing(ext ? relDir.slice(0, -ext.length) : relDir, '.'); };
  // Placeholders are worked out only when the template uses them (this runs for every post of the index).
  let date: Record<string, string> | undefined;
  const outExt = outputExt(ext, permalink, cfg);
  const value = (key: string): string | undefined => {
    switch (key) {
      case 'collection': return 'posts';
      case 'path': return cleaned();
      case 'output_ext': return outExt;
      case 'name': return slugify(stem);
      case 'title': return slugify(slugData() ?? stem, 'pretty', true);
      case 'slug': return slugify(slugData() ?? stem);
      case 'categories': return [...new Set(input.categories.map((c) => rubyS(c).toLowerCase()))].join('/');
      case 'slugified_categories': return [...new Set(input.categories.map((c) => slugify(rubyS(c))))].join('/');
      // The usual date fields straight from `YYYY-MM-DD HH:MM:SS`; the rest (weeks, names) through dateParts.
      case 'year': if (/^\d{4}-/.test(input.date)) return input.date.slice(0, 4); break;
      case 'month': if (/^\d{4}-\d\d-/.test(input.date)) return input.date.slice(5, 7); break;
      case 'day': if (/^\d{4}-\d\d-\d\d/.test(input.date)) return input.date.slice(8, 10); break;
    }
    date ??= dateParts(input.date);
    return Object.hasOwn(date, key) ? date[key] : undefined;
  };
  let error: string | undefined;
  const url = (permalink ?? cfg.template).replace(/:([a-z_]+)/g, (_m, name: string) => {
    let key = name;
    let v = value(name);
    if (v === undefined && name.endsWith('_')) { key = name.slice(0, -1); v = value(key); }
    if (v === undefined) { error ??= `The URL template doesn't have ${name} keys. Check your permalink template!`; return ''; }
    return escapePath(v) + name.slice(key.length);
  });
  if (error) return { error };
  const clean = sanitizeUrl(url);
  const file = unescapePath(clean);
  const destination = clean.endsWith('/') ? `${file}index.html` : file.endsWith(outExt) ? file : file + outExt;
  return { url: clean, destination };
}

/** The slug Jekyll takes from a post's file name (`YYYY-MM-DD-slug.ext`, the base name), trailing dots removed. */
function fileSlug(base: string, stem: string): string {
  // Ruby matches the whole relative path, but the date must start a path segment and the slug holds no `/`: the base name decides.
  const m = /^\d{2,4}-\d{1,2}-\d{1,2}-(.*)\.[^.]+$/.exec(base);
  return trimTrailing(m ? m[1] : stem, '.');
}

/**
 * What two destinations must share to be equal, cheap to compare: the destination's last segment, or its last two
 * when it ends in `/index.html`. {@link cheapDestinationKey} gives the same key without building the URL.
 */
export function destinationKey(destination: string): string {
  const last = destination.lastIndexOf('/');
  const end = destination.slice(last + 1);
  return end === 'index.html' && last > 0 ? destination.slice(destination.lastIndexOf('/', last - 1) + 1) : end;
}

// A template whose `:title` segment follows a date placeholder (no date placeholder's value holds a `.`, so sanitizing
// never joins that segment to the one before it): the date, ordinal and weekdate styles, and pretty.
const DATE_THEN_TITLE = /:(?:year|month|day|hour|minute|second|i_day|i_month|short_month|long_month|short_year|w_year|week|w_day|short_day|long_day|y_day)\/:title(:output_ext|\/)$/;
// A `:title` value that escaping, sanitizing and unescaping all leave as it is (no `.`, `/` or `%`).
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]+$/;
const PLAIN_EXT = /^\.[A-Za-z0-9]+$/;

/**
 * `destinationKey(postUrl(input, cfg).destination)` when it can be told from the file name alone, else undefined:
 * a post with no `permalink` or `slug` data, under a template ending in a date placeholder, `/:title` and
 * `:output_ext` or `/`, whose slug and extension are plain. (When `postUrl` fails, the key stands for no destination.)
 */
export function cheapDestinationKey(input: Pick<UrlInput, 'rel' | 'data' | 'readAborted'>, cfg: PermalinkConfig): string | undefined {
  const { data, rel } = input;
  if (data.permalink !== undefined || data.slug !== undefined || input.readAborted) return undefined;
  const tail = DATE_THEN_TITLE.exec(cfg.template);
  if (!tail) return undefined;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = base.slice(dot);
  const title = slugify(fileSlug(base, base.slice(0, dot)), 'pretty', true);
  if (!PLAIN_SEGMENT.test(title)) return undefined;
  if (tail[1] === '/') return `${title}/index.html`;
  const key = title + outputExt(ext, undefined, cfg);
  return key !== 'index.html' && PLAIN_EXT.test(key.slice(title.length)) ? key : undefined;
}
