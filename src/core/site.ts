// Site discovery and _config.yml: timezone, defaults, collections and the `postdesk:` rule settings.
import { parseYaml, type YamlIssue } from './parse';
import { trimChar, trimTrailing } from './text';

/** One `defaults:` entry of `_config.yml`. */
export interface DefaultsEntry { scope: { path: string; type?: string }; values: Record<string, unknown> }

/** Rule settings from `_config.yml` `postdesk:` (filled by the validation and taxonomy features). */
export interface PostdeskConfig {
  rules: Record<string, string>;
  required?: string[];
  taxonomy: { categories: string[]; tags: string[] };
}

/** What Post Desk knows about a Jekyll site. */
export interface SiteConfig {
  /** Absolute folder holding `_config.yml` (POSIX separators). */
  root: string;
  timezone: string | undefined;
  defaults: DefaultsEntry[];
  collectionsDir: string;
  /** Collection names (always includes `posts`). */
  collections: string[];
  /** Whether future-dated posts are published (`future: true`). */
  future: boolean;
  postdesk: PostdeskConfig;
  /** The parsed `_config.yml` as a whole, for readers of keys not modelled here (`permalink`, `postdesk.new`). */
  raw?: Readonly<Record<string, unknown>>;
  /** Problems of `_config.yml` itself (YAML errors, bad `postdesk:` values), at offsets of its text. */
  errors: YamlIssue[];
  /** The `_config.yml` text as read (BOM included), for fixes that edit it; absent without a `_config.yml`. */
  text?: string;
}

/** A site with no `_config.yml`: Jekyll's defaults. */
export function defaultSite(root: string): SiteConfig {
  return { root, timezone: undefined, defaults: [], collectionsDir: '', collections: ['posts'], future: false, postdesk: { rules: Object.create(null), taxonomy: { categories: [], tags: [] } }, errors: [] };
}

const strings = (v: unknown): string[] | undefined => Array.isArray(v) && v.every((s) => typeof s === 'string') ? v as string[] : undefined;

/** Reads `_config.yml` text; never throws: problems are returned in `errors`. */
export function parseSiteConfig(text: string, root: string): SiteConfig {
  const site: SiteConfig = { ...defaultSite(root), text };
  const { data, errors, doc } = parseYaml(text.replace(/^\uFEFF/, ''));
  site.errors.push(...errors);
  site.raw = data;
  const where = (key: string): [number, number] => {
    const node = doc.getIn(key.split('.'), true) as { range?: [number, number, number] } | undefined;
    return node?.range ? [node.range[0], node.range[1]] : [0, 0];
  };
  const bad = (key: string, message: string) => { const [start, end] = where(key); site.errors.push({ message, code: 'POSTDESK_CONFIG', start, end }); };
  if (typeof data.timezone === 'string') site.timezone = data.timezone;
  if (data.future === true) site.future = true;
  if (typeof data.collections_dir === 'string') site.collectionsDir = trimChar(data.collections_dir, '/');
  const cols = data.collections;
  if (Array.isArray(cols)) site.collections.push(...cols.filter((c): c is string => typeof c === 'string' && c !== 'posts'));
  else if (cols && typeof cols === 'object') site.collections.push(...Object.keys(cols).filter((c) => c !== 'posts'));
  if (Array.isArray(data.defaults)) {
    for (const d of data.defaults as unknown[]) {
      const e = d as { scope?: { path?: unknown; type?: unknown }; values?: unknown };
      if (!e || typeof e !== 'object' || !e.values || typeof e.values !== 'object') continue;
      site.defaults.push({ scope: { path: typeof e.scope?.path === 'string' ? e.scope.path : '', type: typeof e.scope?.type === 'string' ? e.scope.type : undefined }, values: e.values as Record<string, unknown> });
    }
  }
  const pd = data.postdesk as Record<string, unknown> | undefined;
  if (pd !== undefined && (pd === null || typeof pd !== 'object' || Array.isArray(pd))) bad('postdesk', '`postdesk:` must be a mapping.');
  else if (pd) {
    const levels = ['off', 'error', 'warning', 'info', 'hint'];
    if (pd.rules !== undefined) {
      if (!pd.rules || typeof pd.rules !== 'object' || Array.isArray(pd.rules)) bad('postdesk.rules', '`postdesk.rules` must map rule ids to off|error|warning|info|hint.');
      else for (const [id, level] of Object.entries(pd.rules)) {
        if (typeof level === 'string' && levels.includes(level)) site.postdesk.rules[id] = level;
        else if (level === false) site.postdesk.rules[id] = 'off';
        else bad(`postdesk.rules.${id}`, `Rule level for \`${id}\` must be one of ${levels.join(', ')}.`);
      }
    }
    if (pd.required !== undefined) {
      const req = strings(pd.required);
      if (req) site.postdesk.required = req; else bad('postdesk.required', '`postdesk.required` must be a list of key names.');
    }
    if (pd.taxonomy !== undefined) {
      const t = pd.taxonomy as Record<string, unknown> | null;
      if (!t || typeof t !== 'object') bad('postdesk.taxonomy', '`postdesk.taxonomy` must be a mapping with `categories` and `tags` lists.');
      else for (const k of ['categories', 'tags'] as const) {
        if (t[k] === undefined) continue;
        const list = strings(t[k]);
        if (list) site.postdesk.taxonomy[k] = list; else bad(`postdesk.taxonomy.${k}`, `\`postdesk.taxonomy.${k}\` must be a list of strings.`);
      }
    }
  }
  return site;
}

/**
 * The folder of the nearest `_config.yml` at or above `file`'s folder, or undefined.
 * `exists` is injected so the core stays free of I/O.
 */
export function findSiteRoot(file: string, exists: (path: string) => boolean): string | undefined {
  const parts = file.replace(/\\/g, '/').split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const dir = parts.slice(0, i).join('/') || '/';
    if (exists(`${dir === '/' ? '' : dir}/_config.yml`)) return dir;
  }
  return undefined;
}

/** The path of `file` relative to the site root, with POSIX separators. */
export function relativeToSite(site: SiteConfig, file: string): string {
  const f = file.replace(/\\/g, '/');
  const root = trimTrailing(site.root.replace(/\\/g, '/'), '/');
  return f.startsWith(`${root}/`) ? f.slice(root.length + 1) : f;
}

/** What Jekyll makes of a file: a post, a draft, a document of another collection, or anything else. */
export type FileKind = { kind: 'post' | 'draft'; folderCategories: string[] } | { kind: 'collection'; collection: string } | { kind: 'other' };

/** Classifies a site-relative path the way Jekyll's reader does (`a/b/_posts/x.md` is a post with folder categories a, b). */
export function fileKind(site: SiteConfig, rel: string): FileKind {
  const dir = site.collectionsDir ? `${site.collectionsDir}/` : '';
  const inside = dir && rel.startsWith(dir) ? rel.slice(dir.length) : rel;
  const segs = inside.split('/');
  for (let i = 0; i < segs.length - 1; i++) {
    if (segs[i] === '_posts' || segs[i] === '_drafts') {
      const folders = segs.slice(0, i);
      if (folders.some((s) => s.startsWith('_') || s.startsWith('.'))) return { kind: 'other' };
      const kind = segs[i] === '_posts' ? 'post' : 'draft';
      return { kind, folderCategories: categoriesFromPath(inside, kind) };
    }
  }
  for (const c of site.collections) if (c !== 'posts' && segs.length > 1 && segs[0] === `_${c}`) return { kind: 'collection', collection: c };
  return { kind: 'other' };
}

/**
 * Jekyll 4.3's `Document#categories_from_path` for a post or draft (path relative to the site, or to
 * `collections_dir`): everything from the first `_posts` on (a substring: `my_posts/_posts/x.md` gives `["my"]`)
 * is cut to the end of its line, and the rest split on `/`, without empty parts, the special folder and the file
 * name. Drafts cut at `_drafts` instead, unless the path has `_posts` anywhere (Jekyll's `draft?` test).
 */
export function categoriesFromPath(rel: string, kind: 'post' | 'draft'): string[] {
  const special = kind === 'draft' && !rel.includes('_posts') ? '_drafts' : '_posts';
  if (rel.startsWith(special)) return [];
  const at = rel.indexOf(special);
  // Ruby's `.` stops at a line feed: `/_posts.*/` removes the rest of that line only.
  const nl = at < 0 ? -1 : rel.indexOf('\n', at);
  const rest = at < 0 ? rel : rel.slice(0, at) + (nl < 0 ? '' : rel.slice(nl));
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  return rest.split('/').filter((c) => c !== '' && c !== special && c !== base);
}

/** The `defaults:` values that apply to a site-relative path and Jekyll type (`posts`, `drafts`, `pages`, …), later entries winning. */
export function defaultsFor(site: SiteConfig, rel: string, type: string): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const d of site.defaults) {
    const p = trimChar(d.scope.path, '/');
    if (p && !(rel === p || rel.startsWith(`${p}/`) || globMatch(p, rel))) continue;
    if (d.scope.type && d.scope.type !== type) continue;
    Object.assign(out, d.values);
  }
  return out;
}

/**
 * Whether a `defaults:` scope path with `*` matches `rel` or a folder above it: `*` is any run of characters
 * within one path segment (as the former `[^/]*` regular expression said), nothing else is special.
 *
 * Written out rather than compiled to a regular expression (or picomatch, which compiles `*` to `[^/]*?` too):
 * `_posts/*a*a*a*a*b` against a long name backtracks in time polynomial in the name. Here each segment is matched
 * with the leftmost occurrence of each literal piece, which is exact when `*` cannot cross a slash, and the time is
 * linear in the path (times the pattern's length, in the string search).
 */
function globMatch(pattern: string, rel: string): boolean {
  if (!pattern.includes('*')) return false;
  const pat = pattern.split('/');
  const path = rel.split('/');
  // `^pattern(?:/|$)`: the pattern covers the first segments of the path exactly.
  if (path.length < pat.length) return false;
  return pat.every((p, i) => segmentMatch(p, path[i]));
}

/** Whether `name` (one path segment) matches `pattern`, where `*` is any run of characters. */
function segmentMatch(pattern: string, name: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === name;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let pos = first.length;
  const end = name.length - last.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const at = name.indexOf(pieces[k], pos);
    if (at < 0 || at + pieces[k].length > end) return false;
    pos = at + pieces[k].length;
  }
  return true;
}
