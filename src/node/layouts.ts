// A site's layout lookup from disk, shared by `postdesk check` and the editor: `_config.yml` (for a theme) and `_layouts/`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findLayout } from '../core/layouts';
import type { SiteConfig } from '../core/site';
import { layoutLookup, type LayoutLookup } from '../core/validate';
import { readText } from './files';

/**
 * The site's `_config.yml` text (undefined when there is none, or when Post Desk does not read it: `loadSite` then
 * put the reason in `site.errors`) and a lookup of its layouts on disk.
 */
export function readSiteLayouts(site: SiteConfig): { configText: string | undefined; layouts: LayoutLookup } {
  const cfg = path.join(site.root, '_config.yml');
  let configText: string | undefined;
  if (fs.existsSync(cfg)) {
    try { configText = readText(cfg, site.root).text; } catch { configText = undefined; }
  }
  return { configText, layouts: layoutLookup(site, (p) => fs.existsSync(p), configText) };
}

/** Reads `_layouts/<name>.*` of a site (the first 64 KB: enough for its front matter), undefined when there is none. */
export function layoutReader(site: SiteConfig): (name: string) => string | undefined {
  return (name) => {
    if (/[/\\]|^\.\.?$/.test(name)) return undefined;
    return findLayout(name, (f) => {
      const p = path.join(site.root, '_layouts', f);
      if (!fs.existsSync(p)) return undefined;
      // The bounded reader: a regular file inside the site, never a FIFO or a link out of it; an unreadable one ends the search.
      try { return readText(p, site.root).text.slice(0, 64 * 1024); } catch { return null; }
    }) ?? undefined;
  };
}
