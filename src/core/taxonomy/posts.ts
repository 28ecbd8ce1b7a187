// Jekyll's view of one file in a post folder: published or not, date, categories, tags and title.
import { parsePost, postDateSource, type ParsedPost } from '../parse';
import { dateSource, fastFrontMatter } from '../parse-fast';
import { defaultsFor, fileKind, relativeToSite, type FileKind, type SiteConfig } from '../site';
import { formatJekyll, readDate, type DateResult } from '../jekyll/date';
import { jekyllRead, type JekyllValue } from './jekyll';
import { trimTrailing } from '../text';

/** Why Jekyll does not publish a post. */
export type Unpublished = 'draft' | 'skipped-name' | 'invalid-utf8' | 'published-false' | 'future' | 'invalid-date' | 'not-a-post';

/** One file of a post folder as Jekyll 4.3.1 sees it (the `postdesk posts` entry). */
export interface PostView {
  /** Site-relative path, POSIX separators. */
  file: string;
  published: boolean;
  /** Set when `published` is false. */
  reason?: Unpublished;
  /**
   * `YYYY-MM-DD HH:MM:SS +ZZZZ` in the site timezone; `'build-time'` when Jekyll dates the post at build time
   * (the front matter does not parse, or a post has no date at all: it becomes the newest post at every build);
   * `null` when the date is invalid (then `error` says so).
   */
  date: string | 'build-time' | null;
  /** The instant of `date` in UTC ms (null with `date`). */
  dateMs: number | null;
  categories: JekyllValue[];
  /** `null` only when the read was aborted (Jekyll's nil). */
  tags: JekyllValue[] | null;
  /** The front matter title, else the titleized slug; `null` when the read was aborted. */
  title: unknown;
  /** The date as written, when Jekyll publishes it at another wall time (a YAML timestamp without offset is UTC). */
  written?: string;
  /** What a URL needs beyond the view, set only when present: `permalink`/`slug` data, or a read Jekyll aborted (see `viewUrl`). */
  urlData?: { permalink?: unknown; slug?: unknown; aborted?: true };
  /** A problem Jekyll reports: YAML that does not parse (post kept, no data) or an invalid date (site build fails). */
  error?: string;
}

/** Options of {@link jekyllPostView}. */
export interface PostViewOptions {
  site: SiteConfig;
  /** Absolute or site-relative path of the file. */
  file: string;
  /** Jekyll's `site.time` in UTC ms (defaults to now). */
  now?: number;
  /** The file's mtime: a draft without a date gets it. */
  mtimeMs?: number;
  /** The file is not valid UTF-8 (Jekyll skips it). */
  invalidUtf8?: boolean;
  /** Always use the full YAML parser (the fast path for flat front matter gives the same result). */
  slow?: boolean;
  /** Where `file` is, when the caller worked it out once per folder: it must equal `postPlace(site, file)`. */
  place?: PostPlace;
  /** `parsePost(text)`, when the caller parsed the post already (`postdesk check` validates it too): read from it, not again. */
  parsed?: ParsedPost;
}

/** Where a file is for Jekyll: its site-relative path, what Jekyll makes of it, and its path below `_posts`/`_drafts`. */
export interface PostPlace { rel: string; kind: FileKind; entry: string }

/** The {@link PostPlace} of `file` (absolute or site-relative). */
export function postPlace(site: SiteConfig, file: string): PostPlace {
  const rel = relativeToSite(site, file);
  return { rel, kind: fileKind(site, rel), entry: postFolderPath(rel) };
}

// Jekyll's `(?:.+/)*?(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^.]+)$` and `(?:.+/)*(.*)(\.[^.]+)$` doubled their time
// with each folder (the `(?:.+/)*` loop can split the folders in every way). Both have one possible answer: the
// extension starts at the last dot, so the name starts after the last slash before it; the matchers below find it directly.
const DATE_PART = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-/;
// Characters `.` does not match in a JavaScript regular expression.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Where the file name starts (after the folders), or -1 when the path has no extension as those patterns read it. */
function nameStart(entry: string, breaksInName: boolean): number {
  const dot = entry.lastIndexOf('.');
  if (dot < 0 || dot === entry.length - 1) return -1;
  const slash = dot > 0 ? entry.lastIndexOf('/', dot - 1) : -1;
  // `(?:.+/)` needs a character before each slash and no line break anywhere in the folders.
  const start = slash >= 1 ? slash + 1 : 0;
  if (LINE_BREAK.test(entry.slice(0, breaksInName ? start : dot))) return -1;
  return start;
}

/** `[path, year, month, day, slug, ext]` of a dated post path (Jekyll's DATE_FILENAME_MATCHER), in one pass. */
function matchDated(entry: string): string[] | null {
  const start = nameStart(entry, true);
  if (start < 0) return null;
  const dot = entry.lastIndexOf('.');
  const d = DATE_PART.exec(entry.slice(start, dot + 1));
  if (!d) return null;
  return [entry, d[1], d[2], d[3], entry.slice(start + d[0].length, dot), entry.slice(dot)];
}

/** `[path, name, ext]` of an undated path, in one pass. */
function matchDateless(entry: string): string[] | null {
  const start = nameStart(entry, false);
  if (start < 0) return null;
  const dot = entry.lastIndexOf('.');
  return [entry, entry.slice(start, dot), entry.slice(dot)];
}

const SPECIAL = /^[._#~]/;
const NO_DEFAULTS: Record<string, unknown> = Object.freeze(Object.create(null));

const YAML_EXT = /\.ya?ml$/i;
// Jekyll's default `markdown_ext` and HTML: with one of these, a dateless name directly in `_posts` is almost always a post by mistake.
const PAGE_EXT = /\.(?:md|markdown|mkdown|mkdn|mkd|html?)$/i;

/** The path below the first `_posts` / `_drafts` folder of a site-relative path (the whole path when there is none). */
export function postFolderPath(rel: string): string {
  const segs = rel.split('/');
  const magic = segs.findIndex((s) => s === '_posts' || s === '_drafts');
  return magic >= 0 ? segs.slice(magic + 1).join('/') : rel;
}

/**
 * What Jekyll 4.3.1 does with `entry`, a path below a `_posts` (`kind` post) or `_drafts` (draft) folder: `post` or
 * `draft` (read as one), `never` (a dateless Markdown or HTML file directly in `_posts`: skipped, almost always by
 * mistake) or `ignored` (skipped on purpose: a dateless fragment in a `_posts` subfolder, a file inside a folder named
 * like a post, a `.yml` / `.yaml` file, whose content Jekyll leaves nil, or a name `EntryFilter` drops).
 */
export function entryKind(kind: 'post' | 'draft', entry: string): 'post' | 'draft' | 'never' | 'ignored' {
  return kindOfEntry(kind, entry, isFilteredEntry(entry), kind === 'post' && matchDated(entry) !== null);
}

/** {@link entryKind} with `isFilteredEntry(entry)` and (for a post) whether `matchDated(entry)` matched, already known. */
function kindOfEntry(kind: 'post' | 'draft', entry: string, filtered: boolean, dated: boolean): 'post' | 'draft' | 'never' | 'ignored' {
  if (filtered || YAML_EXT.test(entry)) return 'ignored';
  // Drafts match Jekyll's DATELESS_FILENAME_MATCHER: any name with an extension.
  if (kind === 'draft') return /\.[^./]+$/.test(entry) ? 'draft' : 'ignored';
  if (dated) return 'post';
  return !entry.includes('/') && PAGE_EXT.test(entry) ? 'never' : 'ignored';
}

/** Ruby's `Utils.titleize_slug`: `hello-world` → `Hello World`. */
export function titleizeSlug(slug: string): string {
  const parts = slug.split('-');
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/** Whether Jekyll's `EntryFilter` drops an entry (path relative to `_posts`/`_drafts`). */
export function isFilteredEntry(entry: string): boolean {
  const base = entry.slice(entry.lastIndexOf('/') + 1);
  return SPECIAL.test(entry) || SPECIAL.test(base) || entry.endsWith('~') || entry.endsWith('.');
}

/** Jekyll's reading of a `date:` source, or 'not a date' without a scalar. */
function dateFrom(src: { raw: string; quoted: boolean } | undefined, tz: string | undefined): DateResult {
  return src ? readDate(src.raw, src.quoted, tz) : { ok: false, reason: 'not a date' };
}

function dateFromValue(v: unknown, tz: string | undefined): DateResult {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? readDate(iso.slice(0, 10), false, tz) : readDate(`${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`, false, tz);
  }
  return readDate(v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v), true, tz);
}

/**
 * How Jekyll 4.3.1 reads one file of a post folder: whether it is published (drafts, skipped names, invalid
 * UTF-8, `published: false`/null, future dates unless `future: true`), its date in the site timezone, its
 * categories and tags (folder categories and defaults included) and its title (falling back to the
 * titleized slug). Front matter that does not parse: Jekyll keeps the post with no data and the build time
 * as its date; that is `date: 'build-time'` with `error` set. `text` may be only the front matter prefix.
 */
export function jekyllPostView(text: string, opts: PostViewOptions): PostView {
  const { site } = opts;
  const tz = site.timezone;
  const { rel, kind, entry } = opts.place ?? postPlace(site, opts.file);
  const folders = kind.kind === 'post' || kind.kind === 'draft' ? kind.folderCategories : [];
  const dated = matchDated(entry);
  // Only a post without a title needs its slug.
  const slug = () => {
    const dateless = dated ? null : matchDateless(entry);
    return trimTrailing(dated ? dated[4] : dateless ? dateless[1] : rel.slice(rel.lastIndexOf('/') + 1), '.');
  };

  const fast = opts.slow || opts.parsed ? undefined : fastFrontMatter(text);
  let fm: Record<string, unknown>;
  let yamlError: string | undefined;
  let fmDate: () => DateResult;
  if (fast) {
    fm = fast.data;
    const d = fast.date;
    fmDate = () => dateFrom(d && dateSource(text, d.value, d.type, d.start, d.end), tz);
  } else {
    const p = opts.parsed ?? parsePost(text);
    fm = p.data;
    yamlError = p.errors.length ? `front matter does not parse (Jekyll publishes the post dated at build time, without title, layout or categories): ${p.errors[0].message}` : undefined;
    fmDate = () => dateFrom(postDateSource(p), tz);
  }
  const read = jekyllRead(fm, folders, site.defaults.length ? defaultsFor(site, rel, 'posts') : NO_DEFAULTS, yamlError);
  const data = read.data;

  let date: DateResult | 'build-time' = 'build-time';
  if ('date' in data) {
    date = !read.readError && fm.date !== null && fm.date !== undefined ? fmDate() : dateFromValue(data.date, tz);
  } else if (!read.readError && dated) {
    date = readDate(`${dated[1]}-${dated[2]}-${dated[3]}`, true, tz);
  }
  if (date === 'build-time' && kind.kind === 'draft' && opts.mtimeMs !== undefined) {
    date = { ok: true, date: { utcMs: opts.mtimeMs, published: formatJekyll(opts.mtimeMs, tz), hasZone: true, source: 'string' } };
  }
  const view: PostView = {
    file: rel, published: true,
    date: date === 'build-time' ? 'build-time' : date.ok ? date.date.published : null,
    dateMs: date !== 'build-time' && date.ok ? date.date.utcMs : null,
    categories: read.categories, tags: read.tags,
    title: read.readError ? data.title ?? null : data.title !== null && data.title !== undefined && data.title !== false ? data.title : titleizeSlug(slug()),
  };
  if (read.readError) view.error = read.readError;
  if (date !== 'build-time' && date.ok && date.date.source === 'timestamp' && !date.date.hasZone && !date.date.published.endsWith(' +0000')) view.written = formatJekyll(date.date.utcMs, 'UTC').slice(0, 19);
  if ('permalink' in data || 'slug' in data || read.readError !== undefined) view.urlData = { permalink: data.permalink, slug: data.slug, ...(read.readError !== undefined ? { aborted: true as const } : {}) };
  const unpublished = (reason: Unpublished) => { view.published = false; view.reason = reason; };
  const filtered = isFilteredEntry(entry);
  if (kind.kind === 'other' || kind.kind === 'collection' || (!filtered && kindOfEntry(kind.kind, entry, false, dated !== null) === 'ignored')) unpublished('not-a-post');
  else if (kind.kind === 'draft') unpublished('draft');
  else if (filtered || !dated) unpublished('skipped-name');
  else if (date !== 'build-time' && !date.ok) unpublished('invalid-date');
  else if (opts.invalidUtf8) unpublished('invalid-utf8');
  else if ('published' in data && (data.published === false || data.published === null)) unpublished('published-false');
  else if (!site.future && view.dateMs !== null && Math.floor(view.dateMs / 1000) > Math.floor((opts.now ?? Date.now()) / 1000)) unpublished('future');
  // Jekyll never reads drafts (without --drafts) or skipped names, so only a read post's bad date fails the build.
  if (date !== 'build-time' && !date.ok && !['not-a-post', 'draft', 'skipped-name'].includes(view.reason ?? '')) {
    view.error = `Invalid date: ${date.reason} (Jekyll stops the whole site build)`;
  }
  return view;
}
