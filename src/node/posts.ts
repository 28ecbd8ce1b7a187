// Node side of the taxonomy: every file of a site's post folders, read whole or only up to the end of its front matter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../core/parse';
import { isSiteContent, siteEntryRules } from '../core/postFiles';
import { fileKind, findSiteRoot, relativeToSite, type SiteConfig } from '../core/site';
import { frontMatterEnd } from '../core/taxonomy/index';
import { entryKind, jekyllPostView, postFolderPath, type PostView } from '../core/taxonomy/posts';
import { loadSite, siteRootOf } from './files';
import { MAX_FILE_BYTES, openBounded, PathProblem, pathProblem, readBounded } from './safe-fs';
import { walkFiles } from './walk';


/** The site at `dir` (or the nearest `_config.yml` above it; `dir` itself when there is none). */
export function siteAt(dir: string): SiteConfig {
  const abs = path.resolve(dir);
  const root = fs.existsSync(path.join(abs, '_config.yml')) ? abs : findSiteRoot(path.join(abs, 'x'), (p) => fs.existsSync(p)) ?? abs;
  return loadSite(root);
}

/**
 * Every file below the site's `_posts` / `_drafts` folders (as `fileKind` classifies them) that Jekyll does not
 * ignore on purpose, sorted; folders it could not or would not enter (unreadable, a symlink out of the site, a
 * loop) are added to `problems`.
 */
export function postFolderFiles(site: SiteConfig, problems: PathProblem[] = []): string[] {
  // The kind of a file depends only on its folder.
  const folderKind = new Map<string, 'post' | 'draft' | undefined>();
  const rules = siteEntryRules(site);
  const filter = {
    // Jekyll's output and dot folders never hold posts it reads; `exclude:` / `include:` decide the rest.
    dir: (p: string, name: string) => name !== '_site' && !name.startsWith('.') && isSiteContent(rules, relativeToSite(site, p), true),
    // Jekyll globs post folders with a recursive glob, which does not enter symlinked folders; symlinked files it reads.
    followLinks: false,
    file: (p: string, _name: string, dir: string) => {
      let kind = folderKind.get(dir);
      if (!folderKind.has(dir)) {
        const k = fileKind(site, relativeToSite(site, path.join(dir, 'x'))).kind;
        kind = k === 'post' || k === 'draft' ? k : undefined;
        folderKind.set(dir, kind);
      }
      const rel = relativeToSite(site, p);
      return kind !== undefined && entryKind(kind, postFolderPath(rel)) !== 'ignored' && isSiteContent(rules, rel);
    },
  };
  return walkFiles(site.root, site.root, filter, problems);
}

// One buffer for every read: the usual front matter fits the first 8 KiB, so most files take one read and no copy.
const BUFFER = Buffer.allocUnsafe(8192);

/** Reads a file only up to the end of its front matter (a longer one in a bigger buffer); `invalid` covers the bytes read. */
export function readFrontMatter(file: string, root = siteRootOf(file)): { text: string; invalid: boolean; mtimeMs: number } {
  const { fd, stat } = openBounded(file, root);
  const decode = (buffer: Buffer, end: number) => {
    const r = decodeHead(buffer, end) as { text: string; invalid: boolean; mtimeMs: number };
    r.mtimeMs = stat.mtimeMs;
    return r;
  };
  try {
    let buffer = BUFFER;
    let len = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, len, buffer.length - len, len);
      len += n;
      if (len > MAX_FILE_BYTES) throw new PathProblem(file, `file is larger than ${MAX_FILE_BYTES / 1048576} MiB: Post Desk does not read it`, 'warning');
      const end = frontMatterEnd(buffer, len);
      // A slice ending at the buffer's end may go on in the file (a fence line cut short): read on unless at EOF.
      if (n === 0 || len < buffer.length || end < len) return decode(buffer, end);
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
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

/**
 * Jekyll's view of every file of the site's post folders. `full` reads whole files (so a body that is not
 * UTF-8 is noticed, as Jekyll skips such posts); otherwise only the front matter bytes are read. Files and
 * folders Post Desk does not read are left out and added to `problems`.
 */
export function sitePostViews(site: SiteConfig, opts: { full?: boolean; now?: number; problems?: PathProblem[] } = {}): PostView[] {
  const now = opts.now ?? Date.now();
  const problems = opts.problems ?? [];
  const out: PostView[] = [];
  // Whether the files of the last folder are drafts (the kind depends only on the folder).
  let lastDir: string | undefined;
  let draft = false;
  for (const file of postFolderFiles(site, problems)) {
    let read: { text: string; invalid: boolean; mtimeMs: number };
    try {
      if (opts.full) {
        const { bytes, stat } = readBounded(file, site.root);
        read = { ...decodeHead(bytes, bytes.length), mtimeMs: stat.mtimeMs };
      } else read = readFrontMatter(file, site.root);
    } catch (e) { problems.push(pathProblem(file, e)); continue; }
    // Files come folder by folder: the kind is looked up when the folder changes.
    const dir = file.slice(0, file.lastIndexOf(path.sep));
    if (dir !== lastDir) { lastDir = dir; draft = fileKind(site, relativeToSite(site, file)).kind === 'draft'; }
    const mtimeMs = draft ? read.mtimeMs : undefined;
    out.push(jekyllPostView(read.text, { site, file, now, mtimeMs, invalidUtf8: read.invalid }));
  }
  return out;
}
