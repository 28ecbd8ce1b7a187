// `postdesk taxonomy [SITE] [--format text|json]`: Jekyll's site.categories / site.tags sizes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../core/site';
import { compareRanked, countsFromMaps, countTaxonomy, type TaxonomyCountMaps, type TaxonomyCounts } from '../core/taxonomy/index';
import { frontMatterView, postFolderFiles, siteAt } from '../node/posts';
import { spareCores } from '../node/cores';
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
  async run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { format: 'string' });
    const format = flags.format ?? 'text';
    if (error || positional.length > 1 || (format !== 'text' && format !== 'json')) { ctx.stderr(`${error ?? 'bad arguments'}\nusage: ${this.usage}\n`); return EXIT.usage; }
    const site = siteAt(path.resolve(ctx.cwd, positional[0] ?? '.'));
    const counts = sortedCounts(await siteTaxonomy(site));
    if (format === 'json') { ctx.stdout(`${JSON.stringify(counts, null, 2)}\n`); return EXIT.ok; }
    for (const key of ['categories', 'tags'] as const) {
      const rows = Object.entries(counts[key]);
      ctx.stdout(`${key} (${rows.length})\n${rows.map(([v, n]) => `  ${String(n).padStart(5)}  ${v}\n`).join('')}`);
    }
    return EXIT.ok;
  },
};

/** When to spread the files over worker threads, how many, and where the worker script is (tests change them). */
export const taxonomySettings = {
  /** Fewer files than this are read on the main thread alone. */
  parallelMin: 500,
  /**
   * Worker threads besides the main thread; undefined: `spareCores()` (idle cores beyond two: on a busy machine, or
   * beside V8's own threads on 2 cores, a thread only adds its start-up cost and slows this one).
   */
  workers: undefined as number | undefined,
  /** Files per batch handed out to the threads. */
  batch: 256,
  /** The bundled worker script; undefined: `taxonomy-worker.js` next to this bundle. */
  workerFile: undefined as string | undefined,
  /** Whether this thread takes batches too while workers run (tests turn it off to see the workers count them all). */
  mainCounts: true,
};

/** What the last {@link siteTaxonomy} did: worker threads started and batches they counted (tests read it). */
export const taxonomyLastRun = { workers: 0, workerBatches: 0 };

/** One batch's counts as `[value, count]` pairs in first-occurrence order, or the message of the error that stopped it. */
export type BatchCounts = { categories: [string, number][]; tags: [string, number][] } | { error: string };

/**
 * Counts `files` batch by batch: each thread takes the next batch number from the shared counter until none is
 * left, so a busy core takes fewer. Only front matter bytes are read.
 */
export function taxonomyBatches(site: SiteConfig, files: string[], now: number, counter: Int32Array, batch: number, onBatch: (index: number, out: BatchCounts) => void): void {
  for (let b = Atomics.add(counter, 0, 1); b * batch < files.length; b = Atomics.add(counter, 0, 1)) onBatch(b, countBatch(site, files.slice(b * batch, (b + 1) * batch), now));
}

function countBatch(site: SiteConfig, files: string[], now: number): BatchCounts {
  try {
    const c = countTaxonomy(files.map((file) => frontMatterView(site, file, now)));
    return { categories: [...c.categories], tags: [...c.tags] };
  } catch (e) { return { error: (e as Error).message }; }
}

/**
 * `site.categories` / `site.tags` sizes of the site's posts, on this thread and (for many files) worker threads.
 * Batches are merged in file order, so the keys come in the order a single pass gives them.
 */
export async function siteTaxonomy(site: SiteConfig, now = Date.now()): Promise<TaxonomyCounts> {
  const files = postFolderFiles(site);
  const batch = taxonomySettings.batch;
  const batches = Math.ceil(files.length / batch);
  const jobs = workerCount(files.length, batches);
  const got: (BatchCounts | undefined)[] = new Array(batches);
  taxonomyLastRun.workers = jobs;
  taxonomyLastRun.workerBatches = 0;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: jobs }, () => new Promise<void>((resolve) => {
    let w: Worker;
    try {
      // One string instead of 20,000: cloning it to the worker is a copy, not a walk.
      // The site is sent as is when it has no `defaults` (a clone loses null prototypes, which only their values need).
      w = new Worker(workerFile(), { workerData: { site: site.defaults.length ? undefined : site, root: site.root, files: files.join('\0'), now, counter, batch } });
    } catch { resolve(); return; }
    w.on('message', (m: { index: number; out: BatchCounts } | 'done') => {
      if (m !== 'done') { got[m.index] = m.out; taxonomyLastRun.workerBatches++; return; }
      // Its batches are all in: no need to wait for the thread to wind down.
      w.unref();
      resolve();
    });
    // A worker that fails leaves its batches unset; they are counted here below.
    w.on('error', () => undefined);
    w.on('exit', () => resolve());
  }));
  if (taxonomySettings.mainCounts || jobs === 0) taxonomyBatches(site, files, now, counter, batch, (index, out) => { got[index] = out; });
  await Promise.all(workers);
  const counts: TaxonomyCountMaps = { categories: new Map(), tags: new Map() };
  for (let b = 0; b < batches; b++) {
    const out = got[b] ?? countBatch(site, files.slice(b * batch, (b + 1) * batch), now);
    if ('error' in out) throw new Error(out.error);
    for (const key of ['categories', 'tags'] as const) {
      const into = counts[key];
      for (const [value, n] of out[key]) into.set(value, (into.get(value) ?? 0) + n);
    }
  }
  return countsFromMaps(counts);
}

function workerCount(files: number, batches: number): number {
  if (files < taxonomySettings.parallelMin) return 0;
  const n = taxonomySettings.workers ?? spareCores();
  return n > 0 && fs.existsSync(workerFile()) ? Math.min(n, batches - 1) : 0;
}

function workerFile(): string {
  return taxonomySettings.workerFile ?? path.join(__dirname, 'taxonomy-worker.js');
}
