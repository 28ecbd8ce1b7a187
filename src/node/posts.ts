// Node side of the taxonomy: every file of a site's post folders, read whole or only up to the end of its front matter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../core/parse';
import { fileKind, findSiteRoot, relativeToSite, type SiteConfig } from '../core/site';
import { frontMatterEnd } from '../core/taxonomy/index';
import { entryKind, jekyllPostView, postFolderPath, type PostView } from '../core/taxonomy/posts';
import { loadSite, readText } from './files';

const SKIP_DIRS = new Set(['node_modules', 'vendor', '_site', '.git', '.jekyll-cache', '.sass-cache']);

/** The site at `dir` (or the nearest `_config.yml` above it; `dir` itself when there is none). */
export function siteAt(dir: string): SiteConfig {
  const abs = path.resolve(dir);
  const root = fs.existsSync(path.join(abs, '_config.yml')) ? abs : findSiteRoot(path.join(abs, 'x'), (p) => fs.existsSync(p)) ?? abs;
  return loadSite(root);
}

/** Every file below the site's `_posts` / `_drafts` folders (as `fileKind` classifies them) that Jekyll does not ignore on purpose, sorted. */
export function postFolderFiles(site: SiteConfig): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    // `path.join(dir, name)` for every name, and the kind of a file, which depends only on its folder.
    const prefix = path.join(dir, 'x').slice(0, -1);
    const k = fileKind(site, relativeToSite(site, `${prefix}x`));
    const inPostFolder = k.kind === 'post' || k.kind === 'draft';
    const names: string[] = [];
    const other = new Map<string, boolean>(); // name → is a folder, for every entry that is not a file
    for (const e of entries) {
      names.push(e.name);
      if (!e.isFile()) other.set(e.name, e.isDirectory());
    }
    // The default sort is by UTF-16 code units, as `<` compares.
    for (const name of names.sort()) {
      const folder = other.size ? other.get(name) : undefined;
      if (folder === undefined) { if (inPostFolder && entryKind(k.kind as 'post' | 'draft', postFolderPath(relativeToSite(site, prefix + name))) !== 'ignored') out.push(prefix + name); } else if (folder && !SKIP_DIRS.has(name)) walk(prefix + name);
    }
  };
  walk(site.root);
  return out;
}

// One buffer for every read: the usual front matter fits the first 8 KiB, so most files take one read and no copy.
const BUFFER = Buffer.allocUnsafe(8192);

/** Reads a file only up to the end of its front matter (a longer one in a bigger buffer); `invalid` covers the bytes read. */
export function readFrontMatter(file: string): { text: string; invalid: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = BUFFER;
    let len = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, len, buffer.length - len, len);
      len += n;
      const end = frontMatterEnd(buffer, len);
      // A slice ending at the buffer's end may go on in the file (a fence line cut short): read on unless at EOF.
      if (n === 0 || len < buffer.length || end < len) return decode(buffer, end);
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, len);
      buffer = bigger;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `decodeText` of `buffer[0, end)` without a TextDecoder or a view per call: valid UTF-8 decodes alike either way
 * (the BOM kept), and invalid bytes always give a U+FFFD, so only text holding one is decoded again to tell.
 */
function decode(buffer: Buffer, end: number): { text: string; invalid: boolean } {
  const text = buffer.toString('utf8', 0, end);
  return text.includes('\uFFFD') ? decodeText(buffer.subarray(0, end)) : { text, invalid: false };
}

/** Jekyll's view of one post-folder file from its front matter bytes; drafts get no mtime (only published posts count). */
export function frontMatterView(site: SiteConfig, file: string, now: number): PostView {
  const { text, invalid } = readFrontMatter(file);
  return jekyllPostView(text, { site, file, now, invalidUtf8: invalid });
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
