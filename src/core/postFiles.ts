// Which files of a site Jekyll reads at all: post-like extensions and the site's `exclude:` / `include:` lists.
import { parseYaml } from './parse';
import type { SiteConfig } from './site';

/** Markdown and HTML files, the files Post Desk validates. */
export function isPostFile(file: string): boolean {
  return /\.(md|markdown|mkd|mkdn|html?)$/i.test(file);
}

/** Jekyll 4.3's default `exclude:` (added to the site's own list, as `Configuration#add_default_excludes` does). */
export const DEFAULT_EXCLUDES: readonly string[] = ['.sass-cache', '.jekyll-cache', 'gemfiles', 'Gemfile', 'Gemfile.lock', 'node_modules', 'vendor/bundle/', 'vendor/cache/', 'vendor/gems/', 'vendor/ruby/'];

/** A site's `exclude:` and `include:` lists (site-relative patterns). */
export interface EntryRules { exclude: string[]; include: string[] }

/** Reads `exclude:` / `include:` from `_config.yml` text; Jekyll's defaults when absent; never throws. */
export function entryRules(configText: string | undefined): EntryRules {
  let data: Readonly<Record<string, unknown>> = Object.create(null);
  if (configText !== undefined) {
    try { data = parseYaml(configText.replace(/^\uFEFF/, '')).data; } catch { /* the config's own problems are reported elsewhere */ }
  }
  return rulesOf(data);
}

const bySite = new WeakMap<SiteConfig, EntryRules>();

/** {@link entryRules} of a loaded site (from its parsed `_config.yml`), computed once per site object. */
export function siteEntryRules(site: SiteConfig): EntryRules {
  let r = bySite.get(site);
  if (!r) { r = rulesOf(site.raw ?? Object.create(null)); bySite.set(site, r); }
  return r;
}

function rulesOf(data: Readonly<Record<string, unknown>>): EntryRules {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
  const exclude = [...new Set([...(list(data.exclude) ?? []), ...DEFAULT_EXCLUDES])];
  return { exclude, include: list(data.include) ?? ['.htaccess'] };
}

const patterns = new Map<string, RegExp>();
/** `exclude - include` of each rules object (Jekyll's `site.exclude - site.include`), computed once. */
const effective = new WeakMap<EntryRules, string[]>();

/** Ruby's `File.fnmatch?` without flags: `*` and `?` also match `/`; `[…]` is a class. */
function fnmatch(pattern: string, path: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    let src = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '*') src += '.*';
      else if (c === '?') src += '.';
      else if (c === '[' && pattern.indexOf(']', i + 2) > 0) {
        const end = pattern.indexOf(']', i + 2);
        src += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      } else src += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`^${src}$`, 's');
    if (patterns.size > 1000) patterns.clear();
    patterns.set(pattern, re);
  }
  return re.test(path);
}

/** Patterns without their leading slashes, empty ones dropped, per list (computed once); `glob`: it holds `*`, `?` or `[`. */
const stripped = new WeakMap<readonly string[], { p: string; glob: boolean }[]>();

/** Jekyll's `EntryFilter#glob_include?` for one site-relative entry. */
function globInclude(list: readonly string[], entry: string, isDir: boolean): boolean {
  let ps = stripped.get(list);
  if (!ps) { ps = list.map((raw) => raw.replace(/^\/+/, '')).filter((p) => p !== '').map((p) => ({ p, glob: /[*?[]/.test(p) })); stripped.set(list, ps); }
  // A pattern without `*`, `?` or `[` fnmatches only itself, which startsWith already covers.
  for (const { p, glob } of ps) if ((glob && fnmatch(p, entry)) || entry.startsWith(p) || (isDir && p === `${entry}/`)) return true;
  return false;
}

/**
 * Whether a site-relative path is site content: what Jekyll's reader reaches, by `exclude:` (with Jekyll's default
 * excludes: `node_modules`, `vendor/bundle/`, `Gemfile`…) and `include:`. `dir`: `rel` names a folder (a pattern
 * `x/` names folders only). The one decision of the CLI's walks and the editor's workspace. Leading `_`/`.`
 * folders are `fileKind`'s business, not this one's.
 */
export function isSiteContent(rules: EntryRules, rel: string, dir = false): boolean {
  return !isExcludedEntry(rules, rel, dir);
}

/**
 * Whether Jekyll's reader never reaches the site-relative path `rel` because it or a folder above it is
 * excluded (and not included); `dir`: `rel` itself is a folder.
 */
export function isExcludedEntry(rules: EntryRules, rel: string, dir = false): boolean {
  const exclude = effectiveExclude(rules);
  if (!exclude.length) return false;
  const segs = rel.split('/');
  for (let i = 1; i <= segs.length; i++) {
    const entry = segs.slice(0, i).join('/');
    const isDir = i < segs.length || dir;
    if (globInclude(exclude, entry, isDir) && !(globInclude(rules.include, entry, isDir) || globInclude(rules.include, segs[i - 1], isDir))) return true;
  }
  return false;
}

function effectiveExclude(rules: EntryRules): string[] {
  let exclude = effective.get(rules);
  if (!exclude) { exclude = rules.exclude.filter((p) => !rules.include.includes(p)); effective.set(rules, exclude); }
  return exclude;
}

/**
 * {@link isSiteContent} of a file in a folder that is site content (as a walk that entered the folder has found):
 * the folders above it are not matched again, only the file's own entry.
 */
export function isSiteContentIn(rules: EntryRules, rel: string): boolean {
  const exclude = effectiveExclude(rules);
  if (!exclude.length || !globInclude(exclude, rel, false)) return true;
  return globInclude(rules.include, rel, false) || globInclude(rules.include, rel.slice(rel.lastIndexOf('/') + 1), false);
}
