// SiteFiles over Node fs (bounded reads, nothing outside the root) and the gem theme's folder found as RubyGems would.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanPath, type SiteFiles } from '../core/published/files';
import { parseYaml } from '../core/parse';
import { renderPublished, type PublishedOptions, type PublishedResult } from '../core/published';
import { relativeToSite } from '../core/site';
import { loadSiteFor, readText } from './files';

/** Layouts, includes and data files larger than this are not read (real ones are a few KB). */
export const MAX_SITE_FILE = 2 * 1024 * 1024;

/** A {@link SiteFiles} rooted at `root`: paths that climb out, symlinks leading out of the root and large files read as missing. */
export function nodeSiteFiles(root: string): SiteFiles {
  const base = fs.realpathSync(root);
  const inside = (rel: string): string | undefined => {
    const p = cleanPath(rel);
    if (p === undefined) return undefined;
    try {
      const real = fs.realpathSync(path.join(base, p));
      return real === base || real.startsWith(base + path.sep) ? real : undefined;
    } catch { return undefined; }
  };
  return {
    read(rel) {
      const p = inside(rel);
      if (!p) return undefined;
      try {
        const st = fs.statSync(p);
        if (!st.isFile() || st.size > MAX_SITE_FILE) return undefined;
        return fs.readFileSync(p, 'utf8');
      } catch { return undefined; }
    },
    list(dir) {
      const p = inside(dir);
      if (!p) return [];
      try { return fs.readdirSync(p).sort(); } catch { return []; }
    },
  };
}

/** Folders where RubyGems installs gems on Debian and for the user (GEM_HOME / GEM_PATH first). */
export function gemDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = [...(env.GEM_HOME ? [env.GEM_HOME] : []), ...(env.GEM_PATH ? env.GEM_PATH.split(path.delimiter) : [])].map((d) => path.join(d, 'gems'));
  dirs.push('/usr/share/rubygems-integration/all/gems', '/var/lib/gems');
  const home = path.join(os.homedir(), '.gem', 'ruby');
  for (const d of ['/var/lib/gems', home]) {
    try { for (const v of fs.readdirSync(d)) dirs.push(path.join(d, v, 'gems')); } catch { /* not installed there */ }
  }
  return dirs;
}

/** The installed folder of the site's `theme:` gem (highest version), or undefined with the theme name when it is not installed. */
export function findTheme(configText: string | undefined, dirs = gemDirs()): { name?: string; dir?: string } {
  if (!configText) return {};
  const theme = parseYaml(configText.replace(/^\uFEFF/, '')).data.theme;
  if (typeof theme !== 'string' || !/^[\w.-]+$/.test(theme)) return {};
  const found: string[] = [];
  for (const d of dirs) {
    try { for (const e of fs.readdirSync(d)) if (new RegExp(`^${theme.replace(/[.]/g, '\\.')}-\\d[\\w.]*$`).test(e)) found.push(path.join(d, e)); } catch { /* no such folder */ }
  }
  const ver = (p: string) => path.basename(p).slice(theme.length + 1).split('.').map((n) => parseInt(n, 10) || 0);
  found.sort((a, b) => { const x = ver(a); const y = ver(b); for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0); return 0; });
  return { name: theme, dir: found[0] };
}

/** A post's published page from disk: the site around it, its theme (when installed), rendered by the core. */
export function renderPublishedFile(file: string, body: PublishedOptions['body'] = {}, now?: number): PublishedResult & { theme?: string; themeMissing?: boolean } {
  const site = loadSiteFor(file);
  const files = nodeSiteFiles(site.root);
  const theme = findTheme(files.read('_config.yml'));
  const rel = relativeToSite(site, path.resolve(file));
  const r = renderPublished({ files, theme: theme.dir ? nodeSiteFiles(theme.dir) : undefined, file: rel, text: readText(file).text, now, body });
  return { ...r, theme: theme.name, themeMissing: !!theme.name && !theme.dir };
}
