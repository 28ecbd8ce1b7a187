// The preview's "As published" mode: the post through its site's layouts (core/published), site CSS as webview URIs.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeHtml, lineOffsets, type RenderResult, type StockMode } from '../core/render';
import { layeredFiles, PublishedCache, renderPublished, rewriteCssUrls } from '../core/published';
import { parseYaml } from '../core/parse';
import { findTheme, nodeSiteFiles } from '../node/site-files';
import { SassCache } from '../node/site-sass';

/** The preview modes (`postdesk.preview.mode`). */
export type PreviewMode = 'article' | 'published';

/** The configured mode for a document. */
export function previewMode(uri: vscode.Uri): PreviewMode {
  return vscode.workspace.getConfiguration('postdesk.preview', uri).get<string>('mode') === 'published' ? 'published' : 'article';
}

/** The bar above the preview that switches modes (a button the webview script turns into a `setMode` message). */
export function modeBar(mode: PreviewMode): string {
  const other: PreviewMode = mode === 'published' ? 'article' : 'published';
  const label = other === 'published' ? vscode.l10n.t('As published') : vscode.l10n.t('Article');
  return `<div id="pd-modebar" class="pd-modebar"><button type="button" data-pd-mode="${other}">${escapeHtml(label)}</button></div>`;
}

/** A published render that has not finished in this long stops rendering templates (the page shows as far as it got). */
export const PUBLISHED_BUDGET_MS = 1000;
/** Where compiled stylesheets are written for the webview (a resource root; file names are content hashes). */
export const CSS_DIR = path.join(os.tmpdir(), `postdesk-published-css-${process.getuid?.() ?? 'u'}`);

/** One site's caches: parsed templates and lists (cleared by a watcher on the site's files) and compiled Sass. */
interface SiteCaches { cache: PublishedCache; sass: SassCache; watcher: vscode.Disposable }
const caches = new Map<string, SiteCaches>();

/** The caches of a site, made on first use; cleared when the workspace's watcher (`onFile`) sees a file of the site change. */
function cachesFor(siteRoot: string, onFile: vscode.Event<vscode.Uri>): SiteCaches {
  let c = caches.get(siteRoot);
  if (c) return c;
  const cache = new PublishedCache();
  const inSite = (u: vscode.Uri) => u.scheme === 'file' && u.fsPath.startsWith(siteRoot + path.sep) && !/[\\/](?:_site|\.git|\.jekyll-cache)[\\/]/.test(u.fsPath.slice(siteRoot.length));
  const watcher = onFile((u) => { if (inSite(u)) cache.clear(); });
  c = { cache, sass: new SassCache(), watcher };
  caches.set(siteRoot, c);
  return c;
}

/** Drops every site's caches and their listeners (extension deactivation, tests). */
export function disposePublishedCaches(): void {
  for (const c of caches.values()) c.watcher.dispose();
  caches.clear();
}

/** Writes `css` under {@link CSS_DIR} (named by its hash, so an unchanged stylesheet keeps its file) and returns the path. */
function cssFile(css: string): string {
  const file = path.join(CSS_DIR, `${createHash('sha256').update(css).digest('hex').slice(0, 32)}.css`);
  if (!fs.existsSync(file)) { fs.mkdirSync(CSS_DIR, { recursive: true }); fs.writeFileSync(file, css); }
  return file;
}

/**
 * Renders the page as published. Stylesheets the page links are served as the site would serve them: static `.css`
 * files of the site (or its theme) through webview URIs, `.scss`/`.sass` pages compiled with Dart Sass and Liquid CSS
 * pages written to {@link CSS_DIR}; remote and missing ones are listed in the bar as not loaded.
 */
export function renderPublishedPreview(text: string, file: string, siteRoot: string, webview: vscode.Webview, stockImages: StockMode, remoteImages: 'allow' | 'block', onFile: vscode.Event<vscode.Uri>): RenderResult & { roots: string[] } {
  const files = nodeSiteFiles(siteRoot);
  const configText = files.read('_config.yml');
  const theme = findTheme(configText);
  const themeFiles = theme.dir ? nodeSiteFiles(theme.dir) : undefined;
  const rel = path.relative(siteRoot, file).split(path.sep).join('/');
  const { cache, sass } = cachesFor(siteRoot, onFile);
  const r = renderPublished({ files, theme: themeFiles, file: rel, text, body: { stockImages, remoteImages }, cache, budgetMs: PUBLISHED_BUDGET_MS });
  const page = r;
  const links: string[] = [];
  const notLoaded: string[] = [];
  const sassErrors: string[] = [];
  const baseurl = String(parseYaml((configText ?? '').replace(/^\uFEFF/, '')).data.baseurl ?? '');
  // A compiled stylesheet is served from CSS_DIR: its relative url()s are pointed at the site's (or theme's) files.
  const fileUri = (p: string) => {
    const d = files.read(p) !== undefined ? siteRoot : themeFiles?.read(p) !== undefined ? theme.dir : undefined;
    return d ? webview.asWebviewUri(vscode.Uri.file(path.join(d, p))).toString() : undefined;
  };
  const served = (css: string, rel: string) => cssFile(rewriteCssUrls(css, `/${rel}`, baseurl, fileUri));
  const link = (p: string) => links.push(`<link rel="stylesheet" href="${escapeHtml(webview.asWebviewUri(vscode.Uri.file(p)).toString())}">`);
  for (const href of page.stylesheets) {
    const src = r.stylesheet(href);
    const dir = 'theme' in src && src.theme ? theme.dir : siteRoot;
    if (src.kind === 'file' && dir) link(path.join(dir, src.rel));
    else if (src.kind === 'css') link(served(src.css, src.rel));
    else if (src.kind === 'sass') {
      const out = sass.compile(layeredFiles(files, themeFiles), src.rel, src.source, parseYaml((configText ?? '').replace(/^\uFEFF/, '')).data);
      if (out.css !== undefined) link(served(out.css, src.rel)); else { notLoaded.push(href); sassErrors.push(out.error); }
    } else notLoaded.push(href);
  }
  const facts = [
    r.layouts.length ? vscode.l10n.t('Layouts: {0}', r.layouts.join(' → ')) : vscode.l10n.t('No layout'),
    ...(r.skipped.length ? [vscode.l10n.t('Plugin tags not run: {0}', r.skipped.join(', '))] : []),
    ...(r.missing.length ? [vscode.l10n.t('Missing: {0}', r.missing.join(', '))] : []),
    ...(notLoaded.length ? [vscode.l10n.t('Stylesheets not loaded: {0}', notLoaded.join(', '))] : []),
    ...sassErrors.map((e) => vscode.l10n.t('Sass error: {0}', e)),
    ...r.errors.map((e) => vscode.l10n.t('Liquid error: {0}', e)),
  ];
  const headerHtml = `<div class="pd-published-bar">${facts.map((f) => `<span>${escapeHtml(f)}</span>`).join(' · ')}</div>`;
  return { headerHtml, bodyHtml: links.join('') + page.body, sourceMap: { lineOffsets: lineOffsets(text), bodyStart: 0 }, roots: [...(theme.dir ? [theme.dir] : []), CSS_DIR] };
}
