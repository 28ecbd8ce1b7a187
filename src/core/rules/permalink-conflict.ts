// permalink-conflict: two or more posts Jekyll writes to the same file; it warns "Conflict:" and one silently wins.
import { viewDestination, viewDestinationKey, type UrlView } from '../jekyll/post-url';
import { destinationKey } from '../jekyll/permalink';
import { msg } from '../messages';
import { parsePost } from '../parse';
import type { SiteConfig } from '../site';
import type { Problem, Severity } from '../types';
import type { RuleId, RuleScope } from './rule';

export const id = 'permalink-conflict' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'Two or more posts Jekyll writes to the same file: only one is published there (checked over the whole site).';

/** What the rule needs to know of one post of the site (a `PostView` fits). */
export interface PostDestination {
  /** Site-relative path. */
  file: string;
  /** The file Jekyll writes it to, relative to `_site` (undefined/null when unknown). */
  destination?: string | null;
  /** Only published posts are written (default true). */
  published?: boolean;
}

/**
 * The destinations that more than one published post is written to: destination → the posts' files, in input order.
 * This is the site-wide half of the rule (Jekyll's `Doctor.conflicting_urls` over posts); run it over every post of
 * the site, then report each file with {@link permalinkConflict}.
 */
export function findConflicts(posts: Iterable<PostDestination>): Map<string, string[]> {
  const byDest = new Map<string, string[]>();
  for (const p of posts) {
    if (p.published === false || !p.destination) continue;
    const list = byDest.get(p.destination);
    if (list) list.push(p.file); else byDest.set(p.destination, [p.file]);
  }
  for (const [d, files] of byDest) if (files.length < 2) byDest.delete(d);
  return byDest;
}

/** What {@link findViewConflicts} worked out of one view: its destination's key, and the destination once built. */
export interface DestinationMemo { key: string | undefined; destination?: string }

/**
 * {@link findConflicts} over Jekyll's views of a site's posts (`PostView`s or their `urlView`s), building a URL only
 * where two can collide: each published post's destination key (its last segment, read off the file name for a plain
 * post under a date template) comes first; only posts whose key another post shares get their whole URL. The answer
 * is findConflicts' over every view's `viewDestination`, in the same order. `memo` keeps what was worked out per view
 * (the editor's index keeps a view until its post changes).
 */
export function findViewConflicts(views: Iterable<UrlView>, site: SiteConfig, now: number, memo?: WeakMap<UrlView, DestinationMemo>): Map<string, string[]> {
  const keyed: [UrlView, DestinationMemo][] = [];
  const count = new Map<string, number>();
  for (const v of views) {
    if (!v.published) continue;
    let m = memo?.get(v);
    if (!m) {
      const cheap = viewDestinationKey(v, site);
      if (cheap !== undefined) m = { key: cheap };
      else {
        const destination = viewDestination(v, site, now);
        m = destination ? { key: destinationKey(destination), destination } : { key: undefined };
      }
      memo?.set(v, m);
    }
    if (m.key === undefined) continue;
    keyed.push([v, m]);
    count.set(m.key, (count.get(m.key) ?? 0) + 1);
  }
  const shared: PostDestination[] = [];
  for (const [v, m] of keyed) {
    if (count.get(m.key!)! < 2) continue;
    if (!('destination' in m)) m.destination = viewDestination(v, site, now);
    shared.push({ file: v.file, destination: m.destination });
  }
  return findConflicts(shared);
}

/** For each file in a conflict, the destination and the other files written there. */
export function conflictsByFile(conflicts: Map<string, string[]>): Map<string, { destination: string; others: string[] }> {
  const out = new Map<string, { destination: string; others: string[] }>();
  for (const [destination, files] of conflicts) for (const f of files) out.set(f, { destination, others: files.filter((x) => x !== f) });
  return out;
}

/**
 * The problem of one post that shares its destination with `others` (site-relative files), on its `permalink:`
 * entry when it has one, else on the opening `---`. `level` is the configured severity (`postdesk.rules`), if any.
 */
export function permalinkConflict(text: string, destination: string, others: readonly string[], level?: string): Problem[] {
  if (!others.length || level === 'off') return [];
  const p = parsePost(text);
  const fmStart = p.frontMatter?.start ?? 0;
  const node = p.doc?.get('permalink', true) as { range?: [number, number, number] } | undefined;
  const [start, end] = node?.range && p.frontMatter ? [p.frontMatter.contentStart + node.range[0], p.frontMatter.contentStart + node.range[1]] : [fmStart, Math.min(text.length, fmStart + 3)];
  const m = msg('Jekyll writes this post to `{0}`, like {1}: only one of them ends up there.', destination, others.join(', '));
  const sev: Severity = level && level !== 'off' ? level as Severity : severity;
  return [{ rule: id, severity: sev, message: m.text, l10n: { template: m.template, args: m.args }, start, end, fixes: [] }];
}
