// Jekyll's Liquid view of a post (`page`) and of the site (`site`): data built from our reader, lists computed lazily.
import { parseDocument } from 'yaml';
import { parsePost, parseYaml, YAML_OPTIONS, MAX_ALIAS_COUNT } from '../parse';
import { defaultsFor, parseSiteConfig, type SiteConfig } from '../site';
import { formatJekyll } from '../jekyll/date';
import { jekyllPostView, type PostView } from '../taxonomy/posts';
import { permalinkConfig, postUrl, type PermalinkConfig } from '../jekyll/permalink';
import type { SiteFiles } from './files';

/** The pseudo root the renderer gives the core's site model (paths in SiteFiles are relative to it). */
export const ROOT = '/site';

/** A Ruby `Time` as Liquid sees it: a JS Date (for the date filters) that prints as Jekyll prints times. */
export class RubyTime extends Date {
  constructor(ms: number, private readonly tz: string | undefined) { super(ms); }
  override toString(): string { return formatJekyll(this.getTime(), this.tz); }
  override toJSON(): string { return this.toString(); }
}

/** A site as the renderer sees it: files, parsed `_config.yml`, the core's site model and the permalink settings. */
export interface SiteModel {
  files: SiteFiles;
  raw: Record<string, unknown>;
  config: SiteConfig;
  permalink: PermalinkConfig;
  now: number;
}

/** Reads `_config.yml` through `files` into a {@link SiteModel}. */
export function siteModel(files: SiteFiles, now: number): SiteModel {
  const text = files.read('_config.yml') ?? '';
  const raw = parseYaml(text.replace(/^\uFEFF/, '')).data;
  return { files, raw, config: parseSiteConfig(text, ROOT), permalink: permalinkConfig(raw), now };
}

/** One post read for Liquid: Jekyll's view, merged data and URL. */
export interface PostRead {
  rel: string;
  view: PostView;
  data: Record<string, unknown>;
  url: string;
  body: string;
  /** Where the front matter block ends in the text (its closing fence included), or undefined without one. */
  frontMatterEnd: number | undefined;
  date: RubyTime;
}

/** Reads a post the way Jekyll does (defaults, front matter, date, categories, tags, title, url). */
export function readPost(site: SiteModel, rel: string, text: string): PostRead {
  const parsed = parsePost(text);
  const tz = site.config.timezone;
  const view = jekyllPostView(text, { site: site.config, file: `${ROOT}/${rel}`, now: site.now, slow: true });
  const data: Record<string, unknown> = { ...defaultsFor(site.config, rel, 'posts'), ...(parsed.errors.length ? {} : parsed.data) };
  const ms = view.dateMs ?? site.now;
  const dir = site.config.collectionsDir;
  const r = postUrl({ rel: dir && rel.startsWith(`${dir}/`) ? rel.slice(dir.length + 1) : rel, data, categories: view.categories, date: view.date ?? formatJekyll(ms, tz), readAborted: parsed.errors.length > 0 }, site.permalink);
  return { rel, view, data, url: 'url' in r ? r.url : '', body: text.slice(parsed.body.start), frontMatterEnd: parsed.frontMatter?.end, date: new RubyTime(ms, tz) };
}

/** The `page` object of a post: every front-matter key, then Jekyll's own keys. */
export function pageDrop(post: PostRead, content: string, excerpt: string): Record<string, unknown> {
  const name = post.rel.split('/').pop() ?? '';
  const ext = /\.[^.]*$/.exec(name)?.[0] ?? '';
  const slug = /^\d+-\d+-\d+-(.*)\.[^.]*$/.exec(name)?.[1] ?? name.replace(/\.[^.]*$/, '');
  const dirUrl = post.url.replace(/\/[^/]*$/, '');
  return {
    ...post.data,
    title: post.view.title, date: post.date, categories: post.view.categories, tags: post.view.tags ?? [],
    url: post.url, id: `${dirUrl}/${typeof post.data.slug === 'string' ? post.data.slug : slug}`,
    content, excerpt, path: post.rel, relative_path: post.rel, slug, ext, collection: 'posts', draft: false,
    output: null, next: null, previous: null,
  };
}

/**
 * Sets `page.next` / `page.previous` as getters (worked out on first read): the post after and before this one in the
 * posts collection sorted by date then path (Jekyll's Document order); `posts` is newest first, as {@link sitePosts} gives.
 */
export function linkNeighbours(page: Record<string, unknown>, rel: string, posts: () => Record<string, unknown>[]): void {
  const at = (d: number) => () => {
    const list = posts();
    const i = list.findIndex((p) => p.path === rel);
    return i < 0 ? null : list[i - d] ?? null;
  };
  Object.defineProperty(page, 'next', { enumerable: true, get: at(1) });
  Object.defineProperty(page, 'previous', { enumerable: true, get: at(-1) });
}

/** Jekyll's post order reversed (`site.posts`): newest first, then by path descending. */
export const newestFirst = (a: PostRead, b: PostRead): number => b.date.getTime() - a.date.getTime() || (a.rel < b.rel ? 1 : a.rel > b.rel ? -1 : 0);

/** The site's posts (all `_posts` folders below the root), published ones only, newest first. Read lazily and once. */
export function sitePosts(site: SiteModel): PostRead[] {
  const out: PostRead[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    for (const name of site.files.list(dir)) {
      const rel = dir ? `${dir}/${name}` : name;
      if (name === '_posts') {
        for (const f of site.files.list(rel)) {
          const text = site.files.read(`${rel}/${f}`);
          if (text === undefined) continue;
          const p = readPost(site, `${rel}/${f}`, text);
          if (p.view.published) out.push(p);
        }
      } else if (!name.startsWith('_') && !name.startsWith('.') && !/\.[^.]+$/.test(name) && name !== 'node_modules') walk(rel, depth + 1);
    }
  };
  walk(site.config.collectionsDir, 0);
  return out.sort(newestFirst);
}

/** One `_data` file's value (any YAML or JSON document; nothing when it does not parse). */
function dataFile(text: string): unknown {
  try {
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), YAML_OPTIONS);
    return doc.errors.length ? null : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch { return null; }
}

/** `site.data`: every `.yml`/`.yaml`/`.json` file of `_data/` (folders nest), keyed by base name. */
export function siteData(files: SiteFiles, dir = '_data', depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth > 4) return out;
  for (const name of files.list(dir)) {
    const m = /^(.*)\.(ya?ml|json)$/i.exec(name);
    if (m) {
      const text = files.read(`${dir}/${name}`);
      if (text !== undefined) out[m[1]] = dataFile(text);
    } else if (!name.includes('.')) out[name] = siteData(files, `${dir}/${name}`, depth + 1);
  }
  return out;
}

/** The `site` object: config keys, `time`, and `posts`/`pages`/`categories`/`tags`/`data` computed on first use. */
export function siteDrop(site: SiteModel, posts: () => Record<string, unknown>[], pages: () => Record<string, unknown>[] = () => [], data: () => Record<string, unknown> = () => siteData(site.files)): Record<string, unknown> {
  const drop: Record<string, unknown> = { baseurl: '', url: '', ...site.raw, time: new RubyTime(site.now, site.config.timezone), static_files: [], collections: [], documents: [] };
  const memo = <T>(key: string, f: () => T) => {
    let v: T | undefined;
    Object.defineProperty(drop, key, { enumerable: true, get: () => (v ??= f()) });
  };
  memo('posts', posts);
  memo('pages', pages);
  memo('html_pages', () => (drop.pages as Record<string, unknown>[]).filter((p) => /\.html?$/i.test(String(p.url)) || String(p.url).endsWith('/')));
  const group = (key: 'categories' | 'tags') => {
    const out: Record<string, unknown[]> = {};
    for (const p of drop.posts as Record<string, unknown>[]) for (const v of (p[key] as unknown[]) ?? []) (out[String(v)] ??= []).push(p);
    return out;
  };
  memo('categories', () => group('categories'));
  memo('tags', () => group('tags'));
  memo('data', data);
  return drop;
}
