// Node I/O shared by the CLI and the extension host: reading posts and sites from disk, bounded and inside the site.
import fs from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { isValidTimezone } from '../core/jekyll/date';
import { decodeText, parseYaml } from '../core/parse';
import { isSiteContent, isSiteContentIn, siteEntryRules, type EntryRules } from '../core/postFiles';
import { defaultSite, findSiteRoot, parseSiteConfig, relativeToSite, type SiteConfig } from '../core/site';
import { lexists, PathProblem, readBounded } from './safe-fs';
import { walkFiles } from './walk';

/** The folder a file is confined to: its site's root (nearest `_config.yml` above it), else its own folder. */
export function siteRootOf(file: string): string {
  const abs = path.resolve(file);
  return findSiteRoot(abs, (p) => fs.existsSync(p)) ?? path.dirname(abs);
}

/**
 * Reads a post, layout or config as text; `invalid` is true when it is not valid UTF-8. Only a regular file of at
 * most MAX_FILE_BYTES whose real path is inside `root` (default: {@link siteRootOf}) is read, without blocking;
 * anything else throws a PathProblem saying why. `listedRegular`: a walk listed it as a regular file (see `openBounded`).
 */
export function readText(file: string, root = siteRootOf(file), listedRegular = false): { text: string; invalid: boolean } {
  return decodeBytes(readBounded(file, root, undefined, listedRegular).bytes);
}

function decodeBytes(bytes: Buffer): { text: string; invalid: boolean } {
  // Valid UTF-8 (nearly every post) decodes the same either way, and Buffer's decoder is faster; a BOM is kept by both.
  // (isUtf8 is Node 18.14+; older extension hosts take the TextDecoder path.)
  return typeof isUtf8 === 'function' && isUtf8(bytes) ? { text: bytes.toString('utf8'), invalid: false } : decodeText(bytes);
}

const siteCache = new Map<string, { mtimeMs: number; site: SiteConfig }>();

/** The site around `file` (nearest `_config.yml`); a default site at the file's folder when there is none. */
export function loadSiteFor(file: string): SiteConfig {
  const root = findSiteRoot(path.resolve(file), (p) => fs.existsSync(p));
  if (!root) return defaultSite(path.dirname(path.resolve(file)));
  return loadSite(root);
}

/**
 * `loadSiteFor` for one run over a snapshot of the disk (the CLI): the site is found once per folder, not per file.
 * Not for long-lived callers, which must see a `_config.yml` created or deleted later.
 */
export function siteFinder(): (file: string) => SiteConfig {
  const byDir = new Map<string, SiteConfig>();
  // By the folder as written: a plain last name (not empty, `.` or `..`) is dropped by path.dirname(path.resolve())
  // exactly, so the folder's text decides the site, and the resolve (a normalize per call) is done once per folder.
  const byText = new Map<string, SiteConfig>();
  return (file) => {
    const cut = file.lastIndexOf(path.sep);
    const name = file.slice(cut + 1);
    const plain = cut > 0 && name !== '' && name !== '.' && name !== '..' && (path.sep === '/' || !name.includes('/'));
    let site = plain ? byText.get(file.slice(0, cut)) : undefined;
    if (site) return site;
    const dir = path.dirname(path.resolve(file));
    site = byDir.get(dir);
    if (!site) { site = loadSiteFor(file); byDir.set(dir, site); }
    if (plain) byText.set(file.slice(0, cut), site);
    return site;
  };
}

/**
 * Reads `<root>/_config.yml` (cached by mtime). A config Post Desk does not read (a FIFO, a device, too large, a
 * symlink out of the site) gives Jekyll's defaults with the reason in `errors`; an unknown `timezone` is reported
 * there too and dates are read in UTC, as Jekyll does (Ruby's TZ falls back to UTC).
 */
export function loadSite(root: string): SiteConfig {
  const cfg = path.join(root, '_config.yml');
  let mtimeMs = -1;
  try { mtimeMs = fs.statSync(cfg).mtimeMs; } catch { return defaultSite(root); }
  const hit = siteCache.get(root);
  if (hit && hit.mtimeMs === mtimeMs) return hit.site;
  let site: SiteConfig;
  let text: string;
  try {
    text = readText(cfg, root).text;
    site = parseSiteConfig(text, root);
  } catch (e) {
    site = defaultSite(root);
    site.errors.push({ message: e instanceof PathProblem ? e.message : (e as Error).message, code: 'POSTDESK_READ', start: 0, end: 0 });
    return site;
  }
  if (site.timezone !== undefined && !isValidTimezone(site.timezone)) {
    const node = parseYaml(text.replace(/^\uFEFF/, '')).doc.get('timezone', true) as { range?: [number, number] } | undefined;
    const [start, end] = node?.range ?? [0, 0];
    site.errors.push({ message: `unknown timezone \`${site.timezone}\`: Jekyll reads the dates in UTC.`, code: 'POSTDESK_CONFIG', start, end });
    site.timezone = undefined;
  }
  siteCache.set(root, { mtimeMs, site });
  return site;
}

/**
 * Expands files and folders into the files below them (skipping dot names, `_site` and what the site's `exclude:`
 * excludes, Jekyll's defaults such as node_modules included), sorted. A
 * folder is walked inside its site (see {@link walkFiles}); paths it does not enter are added to `problems`. A
 * path that does not exist at all is an Error (a usage error); a dangling symlink given by name is listed, and
 * its reader reports it. `regular` receives the walked files the listing gave as regular files (see `walkFiles`).
 */
export function expandPaths(paths: string[], accept: (file: string) => boolean, problems: PathProblem[] = [], regular?: Set<string>): string[] {
  const out: string[] = [];
  const sites = siteFinder();
  const siteContent = siteContentByFolder();
  for (const p of paths) {
    if (!lexists(p)) throw new Error(`no such file or folder: ${p}`);
    let dir = false;
    try { dir = fs.statSync(p).isDirectory(); } catch { /* a dangling symlink or a loop: its reader reports it */ }
    if (!dir) { out.push(p); continue; }
    const root = siteRootOf(path.join(p, 'x'));
    // Site content by the site's `exclude:` / `include:`; below a folder with no `_config.yml`, Jekyll's defaults from the walk's root.
    const bare = defaultSite(root);
    const content = (f: string, isDir: boolean) => {
      const found = sites(f);
      const site = found.text === undefined ? bare : found;
      return siteContent(siteEntryRules(site), relativeToSite(site, f), isDir);
    };
    const filter = {
      dir: (d: string, name: string) => !name.startsWith('.') && name !== '_site' && content(d, true),
      file: (f: string, name: string) => !name.startsWith('.') && accept(f) && content(f, false),
    };
    for (const f of walkFiles(p, root, filter, problems, regular)) out.push(f);
  }
  return out;
}

/**
 * Whether Jekyll leaves `file` out of its site (the site's `exclude:` / `include:` and Jekyll's defaults), as the
 * editor's workspace model does; a file with no `_config.yml` above it has no site to be left out of.
 */
export function excludedFromSite(file: string, findSite: (file: string) => SiteConfig = siteFinder()): boolean {
  const site = findSite(file);
  return site.text !== undefined && !isSiteContent(siteEntryRules(site), relativeToSite(site, file));
}

/**
 * `isSiteContent` for one run: a file's folders are matched once per folder, as `isSiteContent(rules, 'd/f')` is
 * `isSiteContent(rules, 'd', true)` (every folder on the way) and the file's own entry (`isSiteContentIn`).
 */
export function siteContentByFolder(): (rules: EntryRules, rel: string, isDir: boolean) => boolean {
  const folders = new Map<EntryRules, Map<string, boolean>>();
  return (rules, rel, isDir) => {
    const cut = rel.lastIndexOf('/');
    if (isDir || cut < 0) return isSiteContent(rules, rel, isDir);
    let known = folders.get(rules);
    if (!known) { known = new Map(); folders.set(rules, known); }
    const dir = rel.slice(0, cut);
    let ok = known.get(dir);
    if (ok === undefined) { ok = isSiteContent(rules, dir, true); known.set(dir, ok); }
    return ok && isSiteContentIn(rules, rel);
  };
}

/** Post-like files: Markdown and HTML (the core's one test, re-exported for the CLI). */
export { isPostFile } from '../core/postFiles';
