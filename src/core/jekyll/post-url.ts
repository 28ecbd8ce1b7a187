// A post's URL from Jekyll's view of it (computed on demand: the workspace index keeps only what it needs).
import type { SiteConfig } from '../site';
import type { PostView } from '../taxonomy/posts';
import { formatJekyll } from './date';
import { cheapDestinationKey, postUrl, sitePermalinkConfig, type UrlResult } from './permalink';

/** What a post's URL needs of its {@link PostView} (a caller that keeps many views can keep only this). */
export type UrlView = Pick<PostView, 'file' | 'published' | 'reason' | 'date' | 'categories' | 'urlData'>;

/** The {@link UrlView} part of a view, in a new object (so a kept one holds no title or tags). */
export function urlView(v: UrlView): UrlView {
  return { file: v.file, published: v.published, reason: v.reason, date: v.date, categories: v.categories, urlData: v.urlData };
}

/**
 * `page.url` and the output file of a post from its {@link PostView}, or null for files Jekyll never reads as posts
 * (no date in the name, not UTF-8, outside a post folder). `now` is the build time, the date of a post whose front
 * matter Jekyll could not read.
 */
export function viewUrl(view: UrlView, site: SiteConfig, now: number): UrlResult | null {
  if (view.reason === 'skipped-name' || view.reason === 'not-a-post' || view.reason === 'invalid-utf8') return null;
  const dir = site.collectionsDir;
  const rel = dir && view.file.startsWith(`${dir}/`) ? view.file.slice(dir.length + 1) : view.file;
  const u = view.urlData;
  const data: Record<string, unknown> = Object.create(null);
  if (u && u.permalink !== undefined) data.permalink = u.permalink;
  if (u && u.slug !== undefined) data.slug = u.slug;
  return postUrl({ rel, data, categories: view.categories, date: view.date ?? formatJekyll(now, site.timezone), readAborted: !!u?.aborted }, sitePermalinkConfig(site));
}

/** The output file of a post (below `_site`), or undefined when it has none or its permalink fails the build. */
export function viewDestination(view: UrlView, site: SiteConfig, now: number): string | undefined {
  const u = viewUrl(view, site, now);
  return u && 'destination' in u ? u.destination : undefined;
}

const NO_DATA: Record<string, unknown> = Object.freeze(Object.create(null));

/**
 * `destinationKey` of a published post's destination when it can be told from its file name without building the
 * URL (see `cheapDestinationKey`), else undefined: then work out {@link viewDestination}.
 */
export function viewDestinationKey(view: UrlView, site: SiteConfig): string | undefined {
  return view.urlData ? undefined : cheapDestinationKey({ rel: view.file, data: NO_DATA }, sitePermalinkConfig(site));
}
