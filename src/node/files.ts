// Node I/O shared by the CLI and the extension host: reading posts and sites from disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { decodeText } from '../core/parse';
import { defaultSite, findSiteRoot, parseSiteConfig, type SiteConfig } from '../core/site';

/** Reads a file as text; `invalid` is true when it is not valid UTF-8. */
export function readText(file: string): { text: string; invalid: boolean } {
  const bytes = fs.readFileSync(file);
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
  return (file) => {
    const dir = path.dirname(path.resolve(file));
    let site = byDir.get(dir);
    if (!site) { site = loadSiteFor(file); byDir.set(dir, site); }
    return site;
  };
}

/** Reads `<root>/_config.yml` (cached by mtime). */
export function loadSite(root: string): SiteConfig {
  const cfg = path.join(root, '_config.yml');
  let mtimeMs = -1;
  try { mtimeMs = fs.statSync(cfg).mtimeMs; } catch { return defaultSite(root); }
  const hit = siteCache.get(root);
  if (hit && hit.mtimeMs === mtimeMs) return hit.site;
  const site = parseSiteConfig(readText(cfg).text, root);
  siteCache.set(root, { mtimeMs, site });
  return site;
}

/** Expands files and folders into the files below them (skipping dot folders, node_modules and `_site`), sorted. */
export function expandPaths(paths: string[], accept: (file: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!fs.statSync(p).isDirectory()) { if (accept(p)) out.push(p); return; }
    walkDir(p);
  };
  const walkDir = (dir: string) => {
    const ents = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const ent of ents) {
      const { name } = ent;
      if (name.startsWith('.') || name === 'node_modules' || name === '_site') continue;
      const p = path.join(dir, name);
      // The entry's type saves a stat per file; symlinks and unknown types are stat'ed (followed) as before.
      if (ent.isDirectory()) walkDir(p);
      else if (ent.isFile()) { if (accept(p)) out.push(p); } else walk(p);
    }
  };
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    if (fs.statSync(p).isFile()) out.push(p); else walk(p);
  }
  return out;
}

/** Post-like files: Markdown and HTML. */
export function isPostFile(file: string): boolean {
  return /\.(md|markdown|mkd|mkdn|html?)$/i.test(file);
}
