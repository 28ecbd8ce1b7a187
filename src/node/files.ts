// Node I/O shared by the CLI and the extension host: reading posts and sites from disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../core/parse';
import { defaultSite, findSiteRoot, parseSiteConfig, type SiteConfig } from '../core/site';

/** Reads a file as text; `invalid` is true when it is not valid UTF-8. */
export function readText(file: string): { text: string; invalid: boolean } {
  return decodeText(fs.readFileSync(file));
}

const siteCache = new Map<string, { mtimeMs: number; site: SiteConfig }>();

/** The site around `file` (nearest `_config.yml`); a default site at the file's folder when there is none. */
export function loadSiteFor(file: string): SiteConfig {
  const root = findSiteRoot(path.resolve(file), (p) => fs.existsSync(p));
  if (!root) return defaultSite(path.dirname(path.resolve(file)));
  return loadSite(root);
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
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules' || name === '_site') continue;
        walk(path.join(p, name));
      }
    } else if (accept(p)) out.push(p);
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
