// `postdesk check`'s site-wide rule: permalink-conflict over every post of each checked file's site.
import * as path from 'node:path';
import { viewDestination } from '../core/jekyll/post-url';
import { conflictsByFile, findConflicts, permalinkConflict } from '../core/rules/permalink-conflict';
import { relativeToSite, type SiteConfig } from '../core/site';
import type { Problem } from '../core/types';
import { readText, siteFinder } from '../node/files';
import { sitePostViews } from '../node/posts';

/**
 * Adds the `permalink-conflict` results of the checked `files` to `results` (each file's after its other results):
 * the URLs of all posts of their sites are worked out once per site (front matter only).
 */
export function withConflicts<R extends { file: string }>(results: R[], files: readonly string[], shown: (f: string) => string, toResults: (file: string, text: string, problems: Problem[]) => R[]): R[] {
  const findSite = siteFinder();
  const bySite = new Map<string, { site: SiteConfig; conflicts: ReturnType<typeof conflictsByFile> }>();
  const extra = new Map<string, R[]>();
  for (const file of files) {
    const site = findSite(file);
    const level = site.postdesk.rules['permalink-conflict'];
    if (level === 'off') continue;
    let entry = bySite.get(site.root);
    if (!entry) {
      const now = Date.now();
      const views = sitePostViews(site, { now });
      entry = { site, conflicts: conflictsByFile(findConflicts(views.map((v) => ({ file: v.file, published: v.published, destination: viewDestination(v, site, now) })))) };
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
