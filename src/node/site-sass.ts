// A site's `.scss`/`.sass` pages compiled as jekyll-sass-converter does (load paths: `_sass`, then the theme's), with Dart Sass, cached.
import type * as Sass from 'sass';
import { cleanPath, type SiteFiles } from '../core/published/files';

/** The outcome of compiling one stylesheet page: the CSS, or Sass's error message. */
export type SassResult = { css: string; error?: undefined } | { css?: undefined; error: string };

const SCHEME = 'site:';
const MAX_CSS = 8 * 1024 * 1024;
let sassLib: typeof Sass | undefined;
/** Dart Sass, loaded on first use (3 MB of JavaScript: the extension bundles it as dist/sass.js, not into activation). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = (): typeof Sass => (sassLib ??= require('sass') as typeof Sass);
const activeDeprecations = () => Object.values(lib().deprecations).filter((d) => d.status === 'active' && d.id !== 'user-authored');

/** Candidate files for an `@import`/`@use` of `p` (Sass's resolution: partials, `.scss`/`.sass`/`.css`, index files). */
function candidates(p: string): string[] {
  const slash = p.lastIndexOf('/');
  const dir = slash >= 0 ? p.slice(0, slash + 1) : '';
  const base = p.slice(slash + 1);
  if (/\.(s[ac]ss|css)$/i.test(base)) return [p, `${dir}_${base}`];
  const out: string[] = [];
  for (const ext of ['.scss', '.sass', '.css']) out.push(`${p}${ext}`, `${dir}_${base}${ext}`);
  for (const ext of ['.scss', '.sass', '.css']) out.push(`${p}/index${ext}`, `${p}/_index${ext}`);
  return out;
}

/** The `sass:` settings of `_config.yml` that decide the load paths: `sass_dir` (default `_sass`) and `load_paths`. */
export function sassLoadPaths(config: Record<string, unknown>): string[] {
  const s = config.sass && typeof config.sass === 'object' ? config.sass as Record<string, unknown> : {};
  const dir = typeof s.sass_dir === 'string' && s.sass_dir.trim() ? s.sass_dir : '_sass';
  // Globs in `load_paths` are not expanded (a plain folder is by far the common case).
  const user = (Array.isArray(s.load_paths) ? s.load_paths : typeof s.load_paths === 'string' ? [s.load_paths] : []).map(String);
  return [...user, dir].map((d) => cleanPath(d)).filter((d): d is string => d !== undefined && !d.includes('*'));
}

/**
 * Compiles the stylesheet page `rel` (its text after front matter and Liquid is `source`) with `files` (the site's
 * files layered over the theme's: site `_sass` first, then the theme's, as Jekyll adds the theme's sass path last).
 * `read` records every file the compile read, for the cache.
 */
export function compileSiteSass(files: SiteFiles, rel: string, source: string, config: Record<string, unknown>, read: Map<string, string | undefined> = new Map()): SassResult {
  const loadPaths = sassLoadPaths(config);
  const get = (p: string) => { if (!read.has(p)) read.set(p, files.read(p)); return read.get(p); };
  const find = (p: string | undefined) => (p === undefined ? undefined : candidates(p).find((c) => get(c) !== undefined));
  const sass = lib();
  const importer: Sass.Importer<'sync'> = {
    canonicalize(url) {
      if (url.startsWith(SCHEME)) {
        const hit = find(cleanPath(decodeURIComponent(new URL(url).pathname)));
        return hit === undefined ? null : new URL(`${SCHEME}/${hit.split('/').map(encodeURIComponent).join('/')}`);
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
      for (const dir of loadPaths) {
        const hit = find(cleanPath(`${dir}/${url}`));
        if (hit !== undefined) return new URL(`${SCHEME}/${hit.split('/').map(encodeURIComponent).join('/')}`);
      }
      return null;
    },
    load(canonical) {
      const p = cleanPath(decodeURIComponent(canonical.pathname));
      const text = p === undefined ? undefined : get(p);
      if (text === undefined || p === undefined) return null;
      return { contents: text, syntax: p.endsWith('.sass') ? 'indented' : p.endsWith('.css') ? 'css' : 'scss' };
    },
  };
  try {
    const r = sass.compileString(source, {
      url: new URL(`${SCHEME}/${rel.split('/').map(encodeURIComponent).join('/')}`),
      importer, importers: [importer],
      syntax: rel.endsWith('.sass') ? 'indented' : 'scss',
      style: 'expanded', logger: sass.Logger.silent, charset: false, quietDeps: true,
      // Silenced, not only unlogged: Dart Sass builds each deprecation warning's trace (most of the time on old themes like minima).
      silenceDeprecations: activeDeprecations(),
    });
    return r.css.length > MAX_CSS ? { error: `${rel}: the compiled CSS is larger than ${MAX_CSS} characters` } : { css: r.css };
  } catch (e) {
    return { error: `${rel}: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * Compiled stylesheets kept between renders: an entry is reused while every file its compile read (and the page's own
 * source) reads the same; a change to any partial recompiles. Re-reading a few small files is far cheaper than Sass.
 */
export class SassCache {
  private readonly entries = new Map<string, { source: string; deps: Map<string, string | undefined>; result: SassResult }>();

  /** The CSS of `rel` compiled from `source`, from the cache when nothing it read has changed. */
  compile(files: SiteFiles, rel: string, source: string, config: Record<string, unknown>): SassResult {
    const hit = this.entries.get(rel);
    if (hit && hit.source === source && [...hit.deps].every(([p, t]) => files.read(p) === t)) return hit.result;
    const deps = new Map<string, string | undefined>();
    const result = compileSiteSass(files, rel, source, config, deps);
    this.entries.set(rel, { source, deps, result });
    return result;
  }

  clear(): void { this.entries.clear(); }
}
