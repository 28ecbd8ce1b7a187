// Jekyll's `site.pages` (files with front matter outside `_` folders, then the theme's `assets/`) and their URLs (page.rb).
import { parsePost } from '../parse';
import { defaultsFor } from '../site';
import { escapePath, sanitizeUrl } from '../jekyll/permalink';
import type { SiteFiles } from './files';
import { trimChar } from '../text';

/** Jekyll 4.3's default `exclude:` entries, always added to the site's own. */
const DEFAULT_EXCLUDES = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle', 'vendor/cache', 'vendor/gems', 'vendor/ruby'];
const MAX_DEPTH = 8;
const MAX_PAGES = 5000;
/** Entries looked at while looking for pages: a hostile or huge repository costs a bounded walk. */
const MAX_ENTRIES = 50_000;
/** Files that never start with `---` in practice: not read while looking for pages. */
const BINARY = /\.(?:png|jpe?g|gif|webp|avif|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|woff2?|ttf|otf|eot|mp[34]|m4a|mov|webm|ogg|wav|psd|exe|dll|so|dylib|class|jar)$/i;

/** What {@link sitePages} needs from the site: its config, the Markdown extensions and a reader of files. */
export interface PagesSite {
  raw: Record<string, unknown>;
  config: Parameters<typeof defaultsFor>[0];
  markdownExts: string[];
}

/** A page's output extension: Markdown → `.html`, Sass → `.css`, anything else kept. */
export function pageOutputExt(ext: string, markdownExts: string[]): string {
  const e = ext.toLowerCase();
  if (markdownExts.includes(e)) return '.html';
  if (e === '.scss' || e === '.sass') return '.css';
  return ext;
}

/** Jekyll's `Utils.add_permalink_suffix` for the site's `permalink:` style. */
function permalinkSuffix(style: string): string {
  if (style === 'pretty') return '/';
  if (style === 'date' || style === 'ordinal' || style === 'none') return ':output_ext';
  return style.endsWith('/') ? '/' : style.endsWith(':output_ext') ? ':output_ext' : '';
}

/** A page's `url`: its `permalink:` or the template for its kind (not HTML, an index, or the site's permalink style). */
export function pageUrl(rel: string, data: Record<string, unknown>, site: PagesSite): string {
  const slash = rel.lastIndexOf('/');
  const dir = slash >= 0 ? `/${rel.slice(0, slash)}` : '';
  const name = rel.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const basename = dot > 0 ? name.slice(0, dot) : name;
  const outExt = pageOutputExt(dot > 0 ? name.slice(dot) : '', site.markdownExts);
  const raw = site.raw.permalink;
  const style = raw === undefined || raw === null || raw === false ? 'date' : String(raw);
  const html = ['.html', '.xhtml', '.htm'].includes(outExt);
  const template = typeof data.permalink === 'string' ? data.permalink
    : !html ? '/:path/:basename:output_ext' : basename === 'index' ? '/:path/' : `/:path/:basename${permalinkSuffix(style)}`;
  const values: Record<string, string> = { path: dir, basename, output_ext: outExt };
  const url = template.replace(/:(path|basename|output_ext)/g, (_m, k: string) => escapePath(values[k]));
  return sanitizeUrl(url);
}

/** Whether Jekyll's EntryFilter skips a name (special, backup, or excluded by path). */
function skipped(name: string, rel: string, excludes: string[], includes: string[]): boolean {
  if (includes.includes(name)) return false;
  if (/^[._#]/.test(name) || name.endsWith('~')) return true;
  return excludes.some((e) => rel === e || rel.startsWith(`${e}/`));
}

/** One page as Liquid sees it: data (defaults, then front matter), then `content`, `dir`, `name`, `path`, `url`. */
function pageView(rel: string, text: string, site: PagesSite): Record<string, unknown> | undefined {
  const parsed = parsePost(text);
  if (!parsed.frontMatter) return undefined;
  const data = { ...defaultsFor(site.config, rel, 'pages'), ...(parsed.errors.length ? {} : parsed.data) };
  const url = pageUrl(rel, data, site);
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return { ...data, content: text.slice(parsed.body.start), dir: url.endsWith('/') ? url : url.slice(0, url.lastIndexOf('/') + 1), name, path: typeof data.path === 'string' ? data.path : rel, url };
}

/**
 * `site.pages` in Jekyll's order: the site's pages sorted by file name, then the pages of the theme's `assets/` that the
 * site does not have (ThemeAssetsReader runs after the sort). `theme` is the theme's own files (not layered).
 */
export function sitePages(files: SiteFiles, theme: SiteFiles | undefined, site: PagesSite): Record<string, unknown>[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => trimChar(String(x), '/')) : []);
  const excludes = [...list(site.raw.exclude), ...DEFAULT_EXCLUDES];
  const includes = list(site.raw.include);
  const own: Record<string, unknown>[] = [];
  let seen = 0;
  const walk = (fs: SiteFiles, dir: string, depth: number, out: Record<string, unknown>[], filter: boolean) => {
    if (depth > MAX_DEPTH) return;
    for (const name of fs.list(dir)) {
      if (out.length >= MAX_PAGES || ++seen > MAX_ENTRIES) return;
      const rel = dir ? `${dir}/${name}` : name;
      if (filter && skipped(name, rel, excludes, includes)) continue;
      if (BINARY.test(name)) continue;
      const text = fs.read(rel);
      if (text === undefined) { walk(fs, rel, depth + 1, out, filter); continue; }
      const p = pageView(rel, text, site);
      if (p) out.push(p);
    }
  };
  walk(files, '', 0, own, true);
  own.sort((a, b) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0));
  if (theme) {
    const assets: Record<string, unknown>[] = [];
    walk(theme, 'assets', 1, assets, false);
    for (const p of assets) if (files.read(String(p.path)) === undefined) own.push(p);
  }
  return own;
}
