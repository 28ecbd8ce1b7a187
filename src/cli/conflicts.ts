// `postdesk check`'s site-wide rule: permalink-conflict over every post of each checked file's site.
import path from 'node:path';
import { viewDestination } from '../core/jekyll/post-url';
import { conflictsByFile, findConflicts, permalinkConflict } from '../core/rules/permalink-conflict';
import { relativeToSite, type SiteConfig } from '../core/site';
import type { Problem } from '../core/types';
import { readText, siteFinder } from '../node/files';
import { forEachPostView } from '../node/posts';
import { jekyllPostView, postPlace } from '../core/taxonomy/posts';

/** A post's URL as permalink-conflict needs it. */
type Destination = { file: string; published: boolean; destination: string | undefined };

/**
 * The destinations of posts `check` has read already, by path: the site-wide pass then reads only the others. A
 * draft is left to that pass (its date may be its file's mtime), and so is a file that is not valid UTF-8.
 */
export class KnownDestinations {
  private readonly byFile = new Map<string, Destination>();
  constructor(readonly now: number) {}

  /** Notes `file`'s destination in `site` from its whole text, when the site checks permalink conflicts. */
  add(site: SiteConfig, file: string, text: string): void {
    if (site.postdesk.rules['permalink-conflict'] === 'off') return;
    const place = postPlace(site, file);
    if (place.kind.kind !== 'post') return;
    // Whatever fails here fails again, and is reported, in the site-wide pass.
    try {
      const view = jekyllPostView(text, { site, file, now: this.now, place });
      this.byFile.set(`${site.root}\0${file}`, { file: view.file, published: view.published, destination: viewDestination(view, site, this.now) });
    } catch { /* left to the site-wide pass */ }
  }

  /** What {@link add} noted for `file` in the site at `root`. */
  get(root: string, file: string): Destination | undefined { return this.byFile.get(`${root}\0${file}`); }
}

/**
 * Adds the `permalink-conflict` results of the checked `files` to `results` (each file's after its other results):
 * the URLs of all posts of their sites are worked out once per site (front matter only; the posts in `known` are
 * not read again).
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
      const posts: Destination[] = [];
      const skip = (f: string) => { const k = known.get(site.root, f); if (k) posts.push(k); return k !== undefined; };
      forEachPostView(site, { now, skip }, (v) => posts.push({ file: v.file, published: v.published, destination: viewDestination(v, site, now) }));
      entry = { site, conflicts: conflictsByFile(findConflicts(posts)) };
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
