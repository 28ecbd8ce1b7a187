// renderPublished: a post through its layout chain with Liquid in Jekyll's dialect, then parsed and sanitized as a page.
import { Liquid } from 'liquidjs';
import { markdown } from '../render/markdown';
import { renderPost, type RenderOptions } from '../render';
import { trimTrailing } from '../text';
import { tzOffsetMinutes } from '../jekyll/date';
import { cleanPath, layeredFiles, type SiteFiles } from './files';
import { PublishedCache } from './cache';
import { registerJekyllFilters } from './filters';
import { registerJekyllTags, registerPluginTags, type TagSite } from './tags';
import { linkNeighbours, newestFirst, pageDrop, readPost, siteData, siteDrop, sitePosts, siteModel, type PostRead } from './drops';
import { sitePages } from './pages';
import { sanitizeAndSplit } from './dom';

/** How to render one post as published. */
export interface PublishedOptions {
  /** The site's files (the root holds `_config.yml`). */
  files: SiteFiles;
  /** A gem theme's files (`theme:` in `_config.yml`), read after the site's own. */
  theme?: SiteFiles;
  /** Site-relative path of the post. */
  file: string;
  /** The post's text (the editor's unsaved text); read from `files` when omitted. */
  text?: string;
  /** Jekyll's `site.time` in UTC ms (default now). */
  now?: number;
  /** Options of the article body render (stock images, remote images, image resolver). */
  body?: Omit<RenderOptions, 'header' | 'site' | 'path'>;
  /** The site's render cache, kept by the caller between renders (a fresh one per render when omitted). */
  cache?: PublishedCache;
  /** Past this many milliseconds no further template is rendered (the page is shown as far as it got, with an error). */
  budgetMs?: number;
}

/** The page and what the renderer could not do. */
export interface PublishedResult {
  /** The whole page, parsed as a browser does and sanitized with the page allow-list. */
  html: string;
  /** The inner HTML of the page's `<body>` and the stylesheets the page links (in order), from the same parse. */
  body: string;
  stylesheets: string[];
  /** Layouts applied, innermost first. */
  layouts: string[];
  /** Plugin tags rendered as nothing (`seo`, `feed_meta`, …). */
  skipped: string[];
  /** Layouts, includes and linked posts found neither in the site nor in the theme. */
  missing: string[];
  /** Liquid errors (Jekyll would stop the build); the page is rendered without the failing layout. */
  errors: string[];
  /** Where a stylesheet the page links comes from on the published site (a file, a Sass or Liquid CSS page, remote, missing). */
  stylesheet: (href: string) => StylesheetSource;
  /** How long the render took (ms). */
  ms: number;
}

const LIQUID = /\{\{|\{%/;
const MAX_LAYOUTS = 20;
/** liquidjs's DoS bounds: template size, render time per template (ms) and memory (characters and array items). */
export const LIMITS = { parseLimit: 4_000_000, renderLimit: 3000, memoryLimit: 64_000_000 };

/**
 * Runs a render with the shared markdown-it instance closer to Jekyll's kramdown (GFM input): no autolinking of bare
 * URLs and domain-like words (`09869.HK` is text to kramdown, a link to linkify-it). Renders are synchronous, so the
 * setting is restored before any other render can run.
 */
function kramdownLike<T>(f: () => T): T {
  const m = markdown();
  const before = m.options.linkify;
  m.set({ linkify: false });
  try { return f(); } finally { m.set({ linkify: before }); }
}

/** A stylesheet a page links, as the site would serve it (see {@link PublishedResult.stylesheet}). */
export type StylesheetSource =
  | { kind: 'file'; rel: string; theme: boolean }
  | { kind: 'sass'; rel: string; theme: boolean; source: string }
  | { kind: 'css'; rel: string; theme: boolean; css: string }
  | { kind: 'remote' | 'missing' };

/** Renders a post the way Jekyll 4.3 publishes it (see docs/published-preview.md for what differs). Never throws on site content. */
export function renderPublished(opts: PublishedOptions): PublishedResult {
  const started = Date.now();
  const deadline = opts.budgetMs === undefined ? Infinity : started + opts.budgetMs;
  const missing = new Set<string>();
  const skipped = new Set<string>();
  const errors: string[] = [];
  const cache = opts.cache ?? new PublishedCache();
  const files = layeredFiles(opts.files, opts.theme);
  const configText = files.read('_config.yml') ?? '';
  if (cache.configText !== configText) { cache.clear(); cache.configText = configText; }
  const site = { ...(cache.site ??= siteModel(files, 0)), now: opts.now ?? Date.now() };
  const text = opts.text ?? files.read(opts.file) ?? '';
  const post = readPost(site, opts.file, text);
  const md = (s: string) => kramdownLike(() => markdown().render(s, {}));
  let posts: PostRead[] | undefined;
  // The site's posts from disk (cached until a file changes), with this post as the editor has it (its date or `published:` may have changed).
  const allPosts = () => (posts ??= [...(cache.posts ??= sitePosts(site)).filter((p) => p.rel !== post.rel), ...(post.view.published ? [post] : [])].sort(newestFirst));
  const tagSite = cache.tagSite ??= { read: () => undefined, dir: '', missing, skipped, postUrl: () => undefined, linkUrl: () => undefined };
  Object.assign(tagSite, {
    read: (rel: string) => files.read(rel), dir: opts.file.slice(0, Math.max(0, opts.file.lastIndexOf('/'))), missing, skipped,
    postUrl: (name: string) => allPosts().find((p) => p.rel.replace(/^.*\//, '').replace(/\.[^.]*$/, '') === name)?.url,
    linkUrl: (p: string) => (files.read(p) !== undefined ? `/${p.replace(/\.(md|markdown)$/i, '.html')}` : undefined),
  } satisfies TagSite);
  const engine = cache.engine ??= siteEngine(site, md, tagSite, cache);
  const isHtml = /\.html?$/i.test(opts.file);
  const render = (src: string, scope: object, name: string): string | undefined => {
    const left = deadline - Date.now();
    if (left <= 0) { errors.push(`${name}: not rendered (the ${opts.budgetMs} ms budget was spent)`); return undefined; }
    try {
      registerPluginTags(engine, src, tagSite);
      return engine.renderSync(cache.parse(engine, src, name), scope, { renderLimit: Math.min(LIMITS.renderLimit, left) });
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  };
  let postDrops: Record<string, unknown>[] | undefined;
  const allDrops = () => (postDrops ??= allPosts().map((p) => pageDrop(p, '', '')));
  const pages = () => (cache.pages ??= sitePages(opts.files, opts.theme, { raw: site.raw, config: site.config, markdownExts: site.permalink.markdownExts }));
  const siteObj = siteDrop(site, allDrops, pages, () => (cache.data ??= siteData(files)));
  const base = { site: siteObj, jekyll: { environment: 'development', version: '4.3.1' }, paginator: null };
  // The body: Liquid first (when it has any), then the converter, as Jekyll renders a post.
  const page0 = pageDrop(post, '', '');
  linkNeighbours(page0, post.rel, allDrops);
  const scope0 = { ...base, page: page0 };
  const body = LIQUID.test(post.body) ? render(post.body, scope0, opts.file) ?? post.body : post.body;
  const sep = typeof post.data.excerpt_separator === 'string' ? post.data.excerpt_separator : typeof site.raw.excerpt_separator === 'string' ? site.raw.excerpt_separator : '\n\n';
  const head = sep && post.body.includes(sep) ? post.body.slice(0, post.body.indexOf(sep)) : post.body;
  // The article region is today's sanitized body (markers for scroll sync); page.content is Jekyll's converter output.
  const articleText = post.frontMatterEnd !== undefined ? text.slice(0, post.frontMatterEnd) + body : body;
  let content = kramdownLike(() => renderPost(articleText, { ...opts.body, header: false, path: opts.file, format: isHtml ? 'html' : 'markdown' }).bodyHtml);
  const page = pageDrop(post, '', '');
  // page.content and page.excerpt are converted when a layout reads them (most print only `content`).
  lazy(page, 'content', () => (isHtml ? body : md(body)));
  lazy(page, 'excerpt', () => {
    const src = LIQUID.test(head) ? render(head, scope0, `${opts.file} (excerpt)`) ?? head : head;
    return isHtml ? src : md(src);
  });
  linkNeighbours(page, post.rel, allDrops);
  const layouts: string[] = [];
  let layoutVar: Record<string, unknown> = {};
  let name = post.data.layout;
  while (typeof name === 'string' && name && name !== 'none' && layouts.length < MAX_LAYOUTS) {
    const file = (cache.layoutNames ??= files.list('_layouts')).find((f) => f.replace(/\.[^.]*$/, '') === name);
    if (!file) { missing.add(`_layouts/${name}.html`); break; }
    const ltext = files.read(`_layouts/${file}`) ?? '';
    const lp = cache.layout(ltext);
    layoutVar = { ...lp.data, ...layoutVar };
    layouts.push(name);
    const out = render(lp.body, { ...base, page, layout: layoutVar, content }, `_layouts/${file}`);
    if (out === undefined) break;
    content = out;
    name = lp.data.layout;
    if (layouts.includes(name as string)) break;
  }
  const stylesheet = (href: string): StylesheetSource => {
    const p = sitePath(href, String(site.raw.baseurl ?? ''), post.url);
    if (p === undefined) return { kind: 'remote' };
    const theme = (rel: string) => opts.files.read(rel) === undefined;
    const pg = pages().find((x) => x.url === `/${p}`);
    if (pg) {
      const rel = String(pg.path);
      const src = String(pg.content ?? '');
      const out = LIQUID.test(src) ? render(src, { ...base, page: pg }, rel) ?? src : src;
      return /\.s[ac]ss$/i.test(rel) ? { kind: 'sass', rel, theme: theme(rel), source: out } : { kind: 'css', rel, theme: theme(rel), css: out };
    }
    return files.read(p) !== undefined ? { kind: 'file', rel: p, theme: theme(p) } : { kind: 'missing' };
  };
  const parts = sanitizeAndSplit(content);
  return { html: parts.html, body: parts.body, stylesheets: parts.stylesheets, layouts, skipped: [...skipped].sort(), missing: [...missing].sort(), errors, stylesheet, ms: Date.now() - started };
}

/** Defines `key` on `obj` as a value worked out on first read. */
function lazy(obj: Record<string, unknown>, key: string, f: () => unknown): void {
  let done = false;
  let v: unknown;
  Object.defineProperty(obj, key, { enumerable: true, configurable: true, get: () => { if (!done) { v = f(); done = true; } return v; } });
}

/** A Liquid engine in Jekyll's dialect for one site (filters and tags registered; bounded against hostile templates). */
function siteEngine(site: ReturnType<typeof siteModel>, md: (s: string) => string, tagSite: TagSite, cache: PublishedCache): Liquid {
  const engine = new Liquid({ timezoneOffset: liquidZone(site.config.timezone), greedy: true, dynamicPartials: false, strictFilters: false, strictVariables: false, ownPropertyOnly: false, ...LIMITS });
  registerJekyllFilters(engine, { baseurl: String(site.raw.baseurl ?? ''), url: String(site.raw.url ?? ''), markdown: md });
  registerJekyllTags(engine, tagSite, (src, name) => cache.parse(engine, src, name));
  return engine;
}

/**
 * The zone for liquidjs's date filter. liquidjs works a named zone's offset out with two `toLocaleString` calls per
 * date printed (about a millisecond each); a zone with one offset in every January and July of 2000–2037 is given as
 * that number of minutes instead, the same for every date a site prints. Zones with summer time stay named.
 */
export function liquidZone(tz: string | undefined): string | number {
  if (!tz) return 0;
  const at = (y: number, m: number) => tzOffsetMinutes(tz, Date.UTC(y, m, 1));
  const first = at(2000, 0);
  for (let y = 2000; y <= 2037; y++) if (at(y, 0) !== first || at(y, 6) !== first) return tz;
  // liquidjs counts minutes west of UTC, as Date#getTimezoneOffset does.
  return -first;
}

/** The site path a stylesheet `href` names on the published site (baseurl removed, relative ones against the page URL); undefined for remote ones. */
export function sitePath(href: string, baseurl: string, pageUrl: string): string | undefined {
  const h = href.split(/[?#]/)[0];
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || /^[/\\]{2}/.test(h)) return undefined;
  let abs = h.startsWith('/') ? h : `${pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1)}${h}`;
  const b = trimTrailing(baseurl, '/');
  if (b && (abs === b || abs.startsWith(`${b}/`))) abs = abs.slice(b.length);
  let dec = abs;
  try { dec = decodeURIComponent(abs); } catch { /* kept as written */ }
  return cleanPath(dec);
}
