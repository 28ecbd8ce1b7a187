// A site's layout lookup from disk, shared by `postdesk check` and the editor: `_config.yml` (for a theme) and `_layouts/`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteConfig } from '../core/site';
import { layoutLookup, type LayoutLookup } from '../core/validate';
import { readText } from './files';

/** The site's `_config.yml` text (undefined when there is none) and a lookup of its layouts on disk. */
export function readSiteLayouts(site: SiteConfig): { configText: string | undefined; layouts: LayoutLookup } {
  const cfg = path.join(site.root, '_config.yml');
  const configText = fs.existsSync(cfg) ? readText(cfg).text : undefined;
  return { configText, layouts: layoutLookup(site, (p) => fs.existsSync(p), configText) };
}

/** Reads `_layouts/<name>.*` of a site (the first 64 KB: enough for its front matter), undefined when there is none. */
export function layoutReader(site: SiteConfig): (name: string) => string | undefined {
  return (name) => {
    if (/[/\\]|^\.\.?$/.test(name)) return undefined;
    for (const ext of ['.html', '.htm', '.md', '.markdown', '.liquid', '.xml']) {
      const p = path.join(site.root, '_layouts', `${name}${ext}`);
      try {
        const fd = fs.openSync(p, 'r');
        try {
          const buf = Buffer.alloc(64 * 1024);
          return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
        } finally { fs.closeSync(fd); }
      } catch { /* not this extension */ }
    }
    return undefined;
  };
}
