// The preview's "As published" mode: the post through its site's layouts (core/published), site CSS as webview URIs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeHtml, lineOffsets, type RenderResult, type StockMode } from '../core/render';
import { renderPublished, splitPage } from '../core/published';
import { findTheme, nodeSiteFiles } from '../node/site-files';
import { trimTrailing } from '../core/text';

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

/**
 * Renders the page as published. Root-relative stylesheets of the site (or its theme) that exist as `.css` files are
 * linked through webview URIs; other stylesheets (remote, or Sass not yet compiled) are listed in the bar as not loaded.
 */
export function renderPublishedPreview(text: string, file: string, siteRoot: string, webview: vscode.Webview, stockImages: StockMode, remoteImages: 'allow' | 'block'): RenderResult & { roots: string[] } {
  const files = nodeSiteFiles(siteRoot);
  const theme = findTheme(files.read('_config.yml'));
  const rel = path.relative(siteRoot, file).split(path.sep).join('/');
  const r = renderPublished({ files, theme: theme.dir ? nodeSiteFiles(theme.dir) : undefined, file: rel, text, body: { stockImages, remoteImages } });
  const page = splitPage(r.html);
  const baseurl = trimTrailing(/^baseurl:\s*["']?([^"'\n]*)/m.exec(files.read('_config.yml') ?? '')?.[1] ?? '', '/');
  const links: string[] = [];
  const notLoaded: string[] = [];
  for (const href of page.stylesheets) {
    const p = href.split(/[?#]/)[0];
    const local = p.startsWith('/') && !p.startsWith('//') ? p.slice(baseurl && p.startsWith(`${baseurl}/`) ? baseurl.length + 1 : 1) : undefined;
    const dir = local === undefined ? undefined : [siteRoot, theme.dir].find((d) => d && fs.existsSync(path.join(d, local)));
    if (dir && local) links.push(`<link rel="stylesheet" href="${escapeHtml(webview.asWebviewUri(vscode.Uri.file(path.join(dir, local))).toString())}">`);
    else notLoaded.push(href);
  }
  const facts = [
    r.layouts.length ? vscode.l10n.t('Layouts: {0}', r.layouts.join(' → ')) : vscode.l10n.t('No layout'),
    ...(r.skipped.length ? [vscode.l10n.t('Plugin tags not run: {0}', r.skipped.join(', '))] : []),
    ...(r.missing.length ? [vscode.l10n.t('Missing: {0}', r.missing.join(', '))] : []),
    ...(notLoaded.length ? [vscode.l10n.t('Stylesheets not loaded: {0}', notLoaded.join(', '))] : []),
    ...r.errors.map((e) => vscode.l10n.t('Liquid error: {0}', e)),
  ];
  const headerHtml = `<div class="pd-published-bar">${facts.map((f) => `<span>${escapeHtml(f)}</span>`).join(' · ')}</div>`;
  return { headerHtml, bodyHtml: links.join('') + page.body, sourceMap: { lineOffsets: lineOffsets(text), bodyStart: 0 }, roots: theme.dir ? [theme.dir] : [] };
}
