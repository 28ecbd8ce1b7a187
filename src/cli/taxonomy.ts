// `postdesk taxonomy [SITE] [--format text|json]`: Jekyll's site.categories / site.tags sizes.
import path from 'node:path';
import type { SiteConfig } from '../core/site';
import { compareRanked, countsFromMaps, countView, type TaxonomyCountMaps, type TaxonomyCounts } from '../core/taxonomy/index';
import { forEachPostView, siteAt } from '../node/posts';
import type { PathProblem } from '../node/safe-fs';
import { reportSiteProblems } from './report';
import { escapeControls as esc, jsonText } from './terminal';
import { EXIT, parseArgs, type CliCommand } from './types';

/** Counts sorted by count, then `Intl.Collator('zh')` (JSON objects keep that order). */
export function sortedCounts(counts: TaxonomyCounts): TaxonomyCounts {
  const sort = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([value, count]) => ({ value, count })).sort(compareRanked).map((x) => [x.value, x.count]));
  return { categories: sort(counts.categories), tags: sort(counts.tags) };
}

export const taxonomy: CliCommand = {
  name: 'taxonomy',
  summary: "categories and tags with their counts, as Jekyll's site.categories/site.tags",
  usage: 'postdesk taxonomy [SITE] [--format text|json]',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { format: 'string' });
    const format = flags.format ?? 'text';
    if (error || positional.length > 1 || (format !== 'text' && format !== 'json')) { ctx.stderr(`${error ?? 'bad arguments'}\nusage: ${this.usage}\n`); return EXIT.usage; }
    const site = siteAt(path.resolve(ctx.cwd, positional[0] ?? '.'));
    const problems: PathProblem[] = [];
    const counts = sortedCounts(siteTaxonomy(site, Date.now(), problems));
    const code = reportSiteProblems(ctx, site, problems) ? EXIT.findings : EXIT.ok;
    if (format === 'json') { ctx.stdout(`${jsonText(counts)}\n`); return code; }
    for (const key of ['categories', 'tags'] as const) {
      const rows = Object.entries(counts[key]);
      ctx.stdout(`${key} (${rows.length})\n${rows.map(([v, n]) => `  ${String(n).padStart(5)}  ${esc(v)}\n`).join('')}`);
    }
    return code;
  },
};

/**
 * `site.categories` / `site.tags` sizes of the site's posts (only front matter bytes are read); files and
 * folders not read are left out and added to `problems`.
 */
export function siteTaxonomy(site: SiteConfig, now = Date.now(), problems: PathProblem[] = []): TaxonomyCounts {
  // Counted as read: no view is kept (a 20,000-post site's views would be copied by every young-generation GC).
  const maps: TaxonomyCountMaps = { categories: new Map(), tags: new Map() };
  forEachPostView(site, { now, problems }, (view) => countView(view, maps));
  return countsFromMaps(maps);
}
