// `postdesk check`'s site-wide rule: permalink-conflict over every post of each checked file's site.
import path from 'node:path';
import type { ParsedPost } from '../core/parse';
import { conflictsByFile, findViewConflicts, permalinkConflict } from '../core/rules/permalink-conflict';
import { relativeToSite, type SiteConfig } from '../core/site';
import type { Problem } from '../core/types';
import { readText, siteFinder } from '../node/files';
import { forEachPostView } from '../node/posts';
import { urlView, type UrlView } from '../core/jekyll/post-url';
import { jekyllPostView, postPlace } from '../core/taxonomy/posts';

/**
 * What the URLs of the posts `check` has read already need of Jekyll's views (no title or tags), by path: the site-wide pass then reads only the others. A
 * draft is left to that pass (its date may be its file's mtime), and so is a file that is not valid UTF-8.
 */
export class KnownDestinations {
  private readonly byFile = new Map<string, UrlView>();
  constructor(readonly now: number) {}

  /**
   * Notes `file`'s view in `site` from its whole text, when the site checks permalink conflicts; `parsed` is
   * `parsePost(text)` when the caller has it (then the front matter is not read again).
   */
  add(site: SiteConfig, file: string, text: string, parsed?: ParsedPost): void {
    if (site.postdesk.rules['permalink-conflict'] === 'off') return;
    const place = postPlace(site, file);
    if (place.kind.kind !== 'post') return;
    // Whatever fails here fails again, and is reported, in the site-wide pass.
    try {
      this.byFile.set(`${site.root}\0${file}`, urlView(jekyllPostView(text, { site, file, now: this.now, place, parsed })));
    } catch { /* left to the site-wide pass */ }
  }

  /** What {@link add} noted for `file` in the site at `root`. */
  get(root: string, file: string): UrlView | undefined { return this.byFile.get(`${root}\0${file}`); }
}

/**
 * Adds the `permalink-conflict` results of the checked `files` to `results` (each file's after its other results):
 * the conflicts of all posts of their sites are worked out once per site (front matter only; the posts in `known`
 * are not read again; a URL is built only for posts whose destination's last segment another post shares).
 */
export function withConflicts<R extends { file: string }>(results: R[], files: readonly string[], shown: (f: string) => string, toResults: (file: string, text: string, problems: Problem[]) => R[], known = new KnownDestinations(Date.now())): R[] {
  const findSite = siteFinder();
  const bySite = new Map<string, { site: SiteConfig; conflicts: ReturnType<typeof conflictsByFile> }>();
  const extra = new Map<string, R[]>();
  for (const file of files) {
    const site = findSite(file);
    const level = site.postdesk.rules['permalink-conflict'];
    if (level === 'off') continue;
    let entry = bySite.get(site.root);
    if (!entry) {
      const { now } = known;
      const views: UrlView[] = [];
      const skip = (f: string) => { const k = known.get(site.root, f); if (k) views.push(k); return k !== undefined; };
      forEachPostView(site, { now, skip }, (v) => views.push(urlView(v)));
      entry = { site, conflicts: conflictsByFile(findViewConflicts(views, site, now)) };
      bySite.set(site.root, entry);
    }
    const hit = entry.conflicts.get(relativeToSite(site, path.resolve(file)));
    if (!hit) continue;
    const { text } = readText(file);
    const found = toResults(shown(file), text, permalinkConflict(text, hit.destination, hit.others, level));
    if (found.length) extra.set(shown(file), found);
  }
  if (!extra.size) return results;
  const out: R[] = [];
  for (let i = 0; i < results.length; i++) {
    out.push(results[i]);
    const f = results[i].file;
    if (extra.has(f) && results[i + 1]?.file !== f) { out.push(...extra.get(f)!); extra.delete(f); }
  }
  for (const rest of extra.values()) out.push(...rest);
  return out;
}
