// The site's timeline as Jekyll publishes it: posts in site.posts order (newest first) with their publish time and badges.
import { formatJekyll } from './jekyll/date';
import type { PostView } from './taxonomy/posts';

/** What shifts or hides a post on the timeline. */
export type TimelineBadge = 'no-offset' | 'future' | 'unpublished' | 'unreadable' | 'draft' | 'invalid-date';

/** One post on the timeline. */
export interface TimelineEntry<K = string> {
  /** The caller's key of the post (its path or uri). */
  key: K;
  /** `YYYY-MM-DD HH:MM:SS +ZZZZ` in the site timezone, as Jekyll publishes it (the build time for an unreadable post). */
  published: string;
  /** The instant Jekyll sorts by, UTC ms. */
  sortMs: number;
  /** The date as written, when it is published at another wall time (`no-offset`). */
  written?: string;
  title: string;
  categories: string[];
  tags: string[];
  badges: TimelineBadge[];
  /** Whether the next build publishes it. */
  live: boolean;
}

/** A post of the timeline's input: Jekyll's view of it, the caller's key and its site's timezone. */
export interface TimelineInput<K = string> { key: K; view: PostView; timezone: string | undefined }

const strings = (v: readonly unknown[] | null) => (v ?? []).filter((x) => x !== null && x !== undefined).map(String);

/** Files Jekyll never reads as posts (no date in the name, not UTF-8, not in a post folder): not on the timeline. */
const NEVER_READ = new Set(['not-a-post', 'skipped-name', 'invalid-utf8']);

/** The timeline entry of one post (undefined for files Jekyll never reads as posts). `now` is the build time. */
export function timelineEntry<K>(input: TimelineInput<K>, now: number): TimelineEntry<K> | undefined {
  const { view, key, timezone } = input;
  if (view.reason && NEVER_READ.has(view.reason)) return undefined;
  const badges: TimelineBadge[] = [];
  if (view.written) badges.push('no-offset');
  const reason: Record<string, TimelineBadge> = { future: 'future', 'published-false': 'unpublished', draft: 'draft', 'invalid-date': 'invalid-date' };
  if (view.reason && reason[view.reason]) badges.push(reason[view.reason]);
  const buildTime = view.dateMs === null;
  if (buildTime && view.error && view.reason !== 'invalid-date') badges.push('unreadable');
  const sortMs = view.dateMs ?? now;
  const title = typeof view.title === 'string' ? view.title : view.title === null || view.title === undefined ? '' : String(view.title);
  return {
    key, published: view.date && view.date !== 'build-time' ? view.date : formatJekyll(now, timezone), sortMs, ...(view.written ? { written: view.written } : {}),
    title, categories: strings(view.categories), tags: strings(view.tags), badges, live: view.published,
  };
}

/**
 * The posts in the order Jekyll gives `site.posts`: newest first by date, then by path (descending, as Ruby's
 * `Document#<=>` reversed). Posts without a date Jekyll can use (unreadable front matter) get the build time `now`,
 * so they go to the top. Unpublished posts (future, `published: false`, drafts) are placed by their date too.
 */
export function buildTimeline<K>(inputs: Iterable<TimelineInput<K>>, now: number, pathOf: (key: K) => string = String): TimelineEntry<K>[] {
  const out: { e: TimelineEntry<K>; path: string }[] = [];
  for (const input of inputs) {
    const e = timelineEntry(input, now);
    if (e) out.push({ e, path: pathOf(input.key) });
  }
  out.sort((a, b) => b.e.sortMs - a.e.sortMs || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
  return out.map((x) => x.e);
}

/** One day of the timeline (the site timezone's calendar day of the publish time). */
export interface TimelineDay<K = string> { day: string; entries: TimelineEntry<K>[] }

/** Consecutive entries grouped by their publish day (`YYYY-MM-DD`), keeping the order. */
export function groupByDay<K>(entries: readonly TimelineEntry<K>[]): TimelineDay<K>[] {
  const days: TimelineDay<K>[] = [];
  for (const e of entries) {
    const day = e.published.slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(e); else days.push({ day, entries: [e] });
  }
  return days;
}

/** Whether an entry matches a filter: a category, a tag, or entries with any badge. */
export function matchesFilter(e: TimelineEntry<unknown>, filter: { category?: string; tag?: string; badged?: boolean } | undefined): boolean {
  if (!filter) return true;
  if (filter.category !== undefined && !e.categories.includes(filter.category)) return false;
  if (filter.tag !== undefined && !e.tags.includes(filter.tag)) return false;
  return !filter.badged || e.badges.length > 0;
}
