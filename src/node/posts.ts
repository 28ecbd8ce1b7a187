// Node side of the taxonomy: every file of a site's post folders, read whole or only up to the end of its front matter.
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../core/parse';
import { isSiteContent, isSiteContentIn, siteEntryRules } from '../core/postFiles';
import { findSiteRoot, relativeToSite, type FileKind, type SiteConfig } from '../core/site';
import { frontMatterEnd } from '../core/taxonomy/index';
import { entryKind, jekyllPostView, postPlace, type PostPlace, type PostView } from '../core/taxonomy/posts';
import { loadSite, siteRootOf } from './files';
import { checkOpened, MAX_FILE_BYTES, openBounded, PathProblem, pathProblem, readBounded } from './safe-fs';
import { walkFiles } from './walk';


/** The site at `dir` (or the nearest `_config.yml` above it; `dir` itself when there is none). */
export function siteAt(dir: string): SiteConfig {
  const abs = path.resolve(dir);
  const root = fs.existsSync(path.join(abs, '_config.yml')) ? abs : findSiteRoot(path.join(abs, 'x'), (p) => fs.existsSync(p)) ?? abs;
  return loadSite(root);
}

/**
 * The {@link PostPlace} of each file (`postPlace(site, file)`), worked out once per folder: the files of a folder share
 * its site-relative path, kind and post-folder path, and only the name is added. What could make the name count
 * takes the general way: a `\\` (read as `/`), a line break, `_posts` or `_drafts` in it (a draft's folder categories
 * look for `_posts` in the whole path), a folder named like it (folder categories leave out the file's name), a line
 * break in the folder path, a folder without `_posts`/`_drafts`.
 */
export function postPlacer(site: SiteConfig): (file: string) => PostPlace {
  let lastDir: string | undefined;
  let relDir: string | undefined;
  let kind: FileKind = { kind: 'other' };
  let entryDir: string | undefined;
  let segs: string[] = [];
  return (file) => {
    const cut = file.lastIndexOf(path.sep);
    const dir = file.slice(0, cut);
    if (dir !== lastDir) {
      lastDir = dir;
      const r = relativeToSite(site, `${dir}${path.sep}x`);
      // Below the root, and the folder holds the post folder (else a name like `_posts` could be one).
      relDir = r.length > 1 && r !== `${dir}${path.sep}x`.replace(/\\/g, '/') ? r.slice(0, -1) : undefined;
      entryDir = undefined;
      if (relDir !== undefined) {
        const place = postPlace(site, `${relDir}x`);
        kind = place.kind;
        segs = relDir.split('/');
        if (segs.some((seg) => seg === '_posts' || seg === '_drafts') && !segs.includes('x') && !relDir.includes('\n')) entryDir = place.entry.slice(0, -1);
      }
    }
    const name = file.slice(cut + 1);
    if (entryDir === undefined || name.includes('\\') || name.includes('\n') || name.includes('_posts') || name.includes('_drafts') || segs.includes(name)) return postPlace(site, file);
    return { rel: relDir! + name, kind, entry: entryDir + name };
  };
}

/**
 * Every file below the site's `_posts` / `_drafts` folders (as `fileKind` classifies them) that Jekyll does not
 * ignore on purpose, sorted; folders it could not or would not enter (unreadable, a symlink out of the site, a
 * loop) are added to `problems`; `regular` receives those the listing gave as regular files (see `walkFiles`).
 */
export function postFolderFiles(site: SiteConfig, problems: PathProblem[] = [], regular?: Set<string>): string[] {
  const rules = siteEntryRules(site);
  const place = postPlacer(site);
  const filter = {
    // Jekyll's output and dot folders never hold posts it reads; `exclude:` / `include:` decide the rest.
    dir: (p: string, name: string) => name !== '_site' && !name.startsWith('.') && isSiteContent(rules, relativeToSite(site, p), true),
    // Jekyll globs post folders with a recursive glob, which does not enter symlinked folders; symlinked files it reads.
    followLinks: false,
    file: (p: string, name: string) => {
      const { rel, kind, entry } = place(p);
      // The walk entered the folder only when it is site content (a `\` in a name is read as a folder, never checked).
      return (kind.kind === 'post' || kind.kind === 'draft') && entryKind(kind.kind, entry) !== 'ignored' && (name.includes('\\') ? isSiteContent(rules, rel) : isSiteContentIn(rules, rel));
    },
  };
  return walkFiles(site.root, site.root, filter, problems, regular);
}

// One buffer for every read: the usual front matter fits the first 8 KiB, so most files take one read and no copy.
const BUFFER = Buffer.allocUnsafe(8192);

/**
 * Reads a file only up to the end of its front matter (a longer one in a bigger buffer); `invalid` covers the bytes
 * read. `listedRegular`: the folder listing gave it as a regular file (see `openBounded`): it is stat'ed only when it
 * fills the buffer, so `mtimeMs` may be undefined.
 */
export function readFrontMatter(file: string, root = siteRootOf(file), listedRegular = false): { text: string; invalid: boolean; mtimeMs: number | undefined } {
  const opened = openBounded(file, root, MAX_FILE_BYTES, listedRegular);
  const { fd } = opened;
  let { stat } = opened;
  const decode = (buffer: Buffer, end: number) => {
    const r = decodeHead(buffer, end) as { text: string; invalid: boolean; mtimeMs: number | undefined };
    r.mtimeMs = stat?.mtimeMs;
    return r;
  };
  try {
    let buffer = BUFFER;
    let len = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, len, buffer.length - len, len);
      len += n;
      if (len > MAX_FILE_BYTES) throw new PathProblem(file, `file is larger than ${MAX_FILE_BYTES / 1048576} MiB: Post Desk does not read it`, 'warning');
      // A short read is the file's end. A full buffer may go on in the file: an unstat'ed file is stat'ed then (a
      // file larger than MAX_FILE_BYTES is refused whatever its front matter).
      if (n === 0 || len < buffer.length) return decode(buffer, frontMatterEnd(buffer, len));
      if (!stat) stat = checkOpened(fd, file);
      const end = frontMatterEnd(buffer, len);
      // A slice ending at the buffer's end may go on in the file (a fence line cut short): read on.
      if (end < len) return decode(buffer, end);
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
      buffer.copy(bigger, 0, 0, len);
      buffer = bigger;
    }
  } catch (e) {
    throw pathProblem(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `decodeText` of `buffer[0, end)` without a TextDecoder or a view per call: valid UTF-8 decodes alike either way
 * (the BOM kept), and invalid bytes always give a U+FFFD, so only text holding one is decoded again to tell.
 */
function decodeHead(buffer: Buffer, end: number): { text: string; invalid: boolean } {
  const text = buffer.toString('utf8', 0, end);
  return text.includes('\uFFFD') ? decodeText(buffer.subarray(0, end)) : { text, invalid: false };
}

/** Options of {@link forEachPostView}. */
export interface PostViewsOptions {
  /** Read whole files (so a body that is not UTF-8 is noticed, as Jekyll skips such posts); else only the front matter bytes. */
  full?: boolean;
  now?: number;
  /** Files and folders Post Desk does not read are added here. */
  problems?: PathProblem[];
  /** A file (path as walked) the caller already knows: true leaves it out, unread (the caller keeps its place in order). */
  skip?: (file: string) => boolean;
}

/**
 * Jekyll's view of every file of the site's post folders, one at a time (nothing is kept): see {@link PostViewsOptions}.
 * Files and folders Post Desk does not read are left out and added to `problems`.
 */
export function forEachPostView(site: SiteConfig, opts: PostViewsOptions, each: (view: PostView) => void): void {
  const now = opts.now ?? Date.now();
  const problems = opts.problems ?? [];
  const place = postPlacer(site);
  const regular = new Set<string>();
  for (const file of postFolderFiles(site, problems, regular)) {
    if (opts.skip?.(file)) continue;
    const where = place(file);
    const draft = where.kind.kind === 'draft';
    // Only a draft may need its mtime (a draft without a date is dated by it): the others are read without a stat.
    const listed = !draft && regular.has(file);
    let read: { text: string; invalid: boolean; mtimeMs?: number };
    try {
      if (opts.full) {
        const { bytes, stat } = readBounded(file, site.root, MAX_FILE_BYTES, listed);
        read = { ...decodeHead(bytes, bytes.length), mtimeMs: stat?.mtimeMs };
      } else read = readFrontMatter(file, site.root, listed);
    } catch (e) { problems.push(pathProblem(file, e)); continue; }
    each(jekyllPostView(read.text, { site, file, now, mtimeMs: draft ? read.mtimeMs : undefined, invalidUtf8: read.invalid, place: where }));
  }
}

/** Every view of {@link forEachPostView}, in an array. */
export function sitePostViews(site: SiteConfig, opts: PostViewsOptions = {}): PostView[] {
  const out: PostView[] = [];
  forEachPostView(site, opts, (v) => out.push(v));
  return out;
}
