// renderPublished: a post through its layout chain with Liquid in Jekyll's dialect, then parsed and sanitized as a page.
import { Liquid } from 'liquidjs';
import { parsePost } from '../parse';
import { markdown } from '../render/markdown';
import { renderPost, type RenderOptions } from '../render';
import { layeredFiles, type SiteFiles } from './files';
import { registerJekyllFilters } from './filters';
import { registerJekyllTags, registerPluginTags, type TagSite } from './tags';
import { pageDrop, readPost, siteDrop, sitePosts, siteModel, type PostRead } from './drops';
import { sanitizePage } from './dom';

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
}

/** The page and what the renderer could not do. */
export interface PublishedResult {
  /** The whole page, parsed as a browser does and sanitized with the page allow-list. */
  html: string;
  /** Layouts applied, innermost first. */
  layouts: string[];
  /** Plugin tags rendered as nothing (`seo`, `feed_meta`, …). */
  skipped: string[];
  /** Layouts, includes and linked posts found neither in the site nor in the theme. */
  missing: string[];
  /** Liquid errors (Jekyll would stop the build); the page is rendered without the failing layout. */
  errors: string[];
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

/** Renders a post the way Jekyll 4.3 publishes it (see docs/published-preview.md for what differs). Never throws on site content. */
export function renderPublished(opts: PublishedOptions): PublishedResult {
  const missing = new Set<string>();
  const skipped = new Set<string>();
  const errors: string[] = [];
  const files = layeredFiles(opts.files, opts.theme);
  const site = siteModel(files, opts.now ?? Date.now());
  const text = opts.text ?? files.read(opts.file) ?? '';
  const post = readPost(site, opts.file, text);
  const tz = site.config.timezone;
  const md = (s: string) => kramdownLike(() => markdown().render(s, {}));
  // Bounds for hostile sites: an endless loop or a self-including include ends in an error, never a hang.
  const engine = new Liquid({ timezoneOffset: tz ?? 0, greedy: true, dynamicPartials: false, strictFilters: false, strictVariables: false, ownPropertyOnly: false, ...LIMITS });
  registerJekyllFilters(engine, { baseurl: String(site.raw.baseurl ?? ''), url: String(site.raw.url ?? ''), markdown: md });
  let posts: PostRead[] | undefined;
  const allPosts = () => (posts ??= sitePosts(site));
  const tagSite: TagSite = {
    read: (rel) => files.read(rel), dir: opts.file.slice(0, Math.max(0, opts.file.lastIndexOf('/'))), missing, skipped,
    postUrl: (name) => allPosts().find((p) => p.rel.replace(/^.*\//, '').replace(/\.[^.]*$/, '') === name)?.url,
    linkUrl: (p) => (files.read(p) !== undefined ? `/${p.replace(/\.(md|markdown)$/i, '.html')}` : undefined),
  };
  registerJekyllTags(engine, tagSite);
  const isHtml = /\.html?$/i.test(opts.file);
  const render = (src: string, scope: object, name: string): string | undefined => {
    try {
      registerPluginTags(engine, src, tagSite);
      return engine.parseAndRenderSync(src, scope);
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  };
  const siteObj = siteDrop(site, () => allPosts().map((p) => pageDrop(p, '', '')));
  const base = { site: siteObj, jekyll: { environment: 'development', version: '4.3.1' }, paginator: null };
  // The body: Liquid first (when it has any), then the converter, as Jekyll renders a post.
  const scope0 = { ...base, page: pageDrop(post, '', '') };
  const body = LIQUID.test(post.body) ? render(post.body, scope0, opts.file) ?? post.body : post.body;
  const converted = isHtml ? body : md(body);
  const sep = typeof post.data.excerpt_separator === 'string' ? post.data.excerpt_separator : typeof site.raw.excerpt_separator === 'string' ? site.raw.excerpt_separator : '\n\n';
  const head = sep && post.body.includes(sep) ? post.body.slice(0, post.body.indexOf(sep)) : post.body;
  const excerptSrc = LIQUID.test(head) ? render(head, scope0, `${opts.file} (excerpt)`) ?? head : head;
  const excerpt = isHtml ? excerptSrc : md(excerptSrc);
  // The article region is today's sanitized body (markers for scroll sync); page.content is Jekyll's converter output.
  const fm = parsePost(text).frontMatter;
  const articleText = fm ? text.slice(0, fm.end) + body : body;
  let content = kramdownLike(() => renderPost(articleText, { ...opts.body, header: false, path: opts.file, format: isHtml ? 'html' : 'markdown' }).bodyHtml);
  const page = pageDrop(post, converted, excerpt);
  const layouts: string[] = [];
  let layoutVar: Record<string, unknown> = {};
  let name = post.data.layout;
  while (typeof name === 'string' && name && name !== 'none' && layouts.length < MAX_LAYOUTS) {
    const file = files.list('_layouts').find((f) => f.replace(/\.[^.]*$/, '') === name);
    if (!file) { missing.add(`_layouts/${name}.html`); break; }
    const ltext = files.read(`_layouts/${file}`) ?? '';
    const lp = parsePost(ltext);
    layoutVar = { ...lp.data, ...layoutVar };
    layouts.push(name);
    const out = render(ltext.slice(lp.body.start), { ...base, page, layout: layoutVar, content }, `_layouts/${file}`);
    if (out === undefined) break;
    content = out;
    name = lp.data.layout;
    if (layouts.includes(name as string)) break;
  }
  return { html: sanitizePage(content), layouts, skipped: [...skipped].sort(), missing: [...missing].sort(), errors };
}
