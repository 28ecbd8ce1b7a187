// Node side of the taxonomy: every file of a site's post folders, read whole or only up to the end of its front matter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../core/parse';
import { fileKind, findSiteRoot, relativeToSite, type SiteConfig } from '../core/site';
import { frontMatterBytes } from '../core/taxonomy/index';
import { jekyllPostView, type PostView } from '../core/taxonomy/posts';
import { loadSite, readText } from './files';

const SKIP_DIRS = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache', '.sass-cache']);

/** The site at `dir` (or the nearest `_config.yml` above it; `dir` itself when there is none). */
export function siteAt(dir: string): SiteConfig {
  const abs = path.resolve(dir);
  const root = fs.existsSync(path.join(abs, '_config.yml')) ? abs : findSiteRoot(path.join(abs, 'x'), (p) => fs.existsSync(p)) ?? abs;
  return loadSite(root);
}

/** Every file below the site's `_posts` / `_drafts` folders (as `fileKind` classifies them), sorted. */
export function postFolderFiles(site: SiteConfig): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) walk(full); continue; }
      if (!e.isFile()) continue;
      const k = fileKind(site, relativeToSite(site, full));
      if (k.kind === 'post' || k.kind === 'draft') out.push(full);
    }
  };
  walk(site.root);
  return out;
}

const CHUNK = Buffer.alloc(4096);

/** Reads a file only up to the end of its front matter (4 KiB steps); `invalid` covers the bytes read. */
export function readFrontMatter(file: string): { text: string; invalid: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    let buf: Buffer | undefined;
    for (;;) {
      const n = fs.readSync(fd, CHUNK, 0, CHUNK.length, buf?.length ?? 0);
      // The first chunk is decoded in place: no copy (and no garbage) for the usual short front matter.
      const all = buf ? (buf = Buffer.concat([buf, CHUNK.subarray(0, n)])) : CHUNK.subarray(0, n);
      const slice = frontMatterBytes(all);
      if (n < CHUNK.length || slice.length < all.length) return decodeText(slice);
      buf ??= Buffer.from(all);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Jekyll's view of every file of the site's post folders. `full` reads whole files (so a body that is not
 * UTF-8 is noticed, as Jekyll skips such posts); otherwise only the front matter bytes are read.
 */
export function sitePostViews(site: SiteConfig, opts: { full?: boolean; now?: number } = {}): PostView[] {
  const now = opts.now ?? Date.now();
  return postFolderFiles(site).map((file) => {
    const { text, invalid } = opts.full ? readText(file) : readFrontMatter(file);
    const mtimeMs = fileKind(site, relativeToSite(site, file)).kind === 'draft' ? fs.statSync(file).mtimeMs : undefined;
    return jekyllPostView(text, { site, file, now, mtimeMs, invalidUtf8: invalid });
  });
}
