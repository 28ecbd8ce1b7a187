// `postdesk taxonomy [SITE] [--format text|json]`: Jekyll's site.categories / site.tags sizes.
import * as path from 'node:path';
import { compareRanked, taxonomyCounts, type TaxonomyCounts } from '../core/taxonomy/index';
import { siteAt, sitePostViews } from '../node/posts';
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
    const counts = sortedCounts(taxonomyCounts(sitePostViews(site)));
    if (format === 'json') { ctx.stdout(`${JSON.stringify(counts, null, 2)}\n`); return EXIT.ok; }
    for (const key of ['categories', 'tags'] as const) {
      const rows = Object.entries(counts[key]);
      ctx.stdout(`${key} (${rows.length})\n${rows.map(([v, n]) => `  ${String(n).padStart(5)}  ${v}\n`).join('')}`);
    }
    return EXIT.ok;
  },
};
