// The taxonomy index persisted in the workspace's storageUri: pickers open from it at once on the next open, while the scan refreshes it.
import * as vscode from 'vscode';
import type { SiteConfig } from '../core/site';
import { rankValues, TaxonomyIndex, type RankedValue, type TaxonomyCounts, type TaxonomyKey } from '../core/taxonomy/index';

const FILE = 'taxonomy-index.json';
const VERSION = 1;
/** A larger file is not read (a bound on a file a stranger could put there). */
const MAX_BYTES = 32 * 1024 * 1024;

/** What the pickers need of one site's index: counts over published posts and every value seen in any post. */
export interface SiteSnapshot {
  root: string;
  posts: number;
  counts: TaxonomyCounts;
  known: Record<TaxonomyKey, string[]>;
}

/** The snapshot of a live index. */
export function snapshotOf(root: string, idx: TaxonomyIndex): SiteSnapshot {
  const known = { categories: new Set<string>(), tags: new Set<string>() };
  for (const [, v] of idx.files()) {
    for (const x of v.categories) if (typeof x === 'string') known.categories.add(x);
    for (const x of v.tags ?? []) if (typeof x === 'string') known.tags.add(x);
  }
  const c = idx.counts();
  const copy = (o: Record<string, number>) => Object.assign(Object.create(null) as Record<string, number>, o);
  return { root, posts: idx.size, counts: { categories: copy(c.categories), tags: copy(c.tags) }, known: { categories: [...known.categories], tags: [...known.tags] } };
}

/** An index that answers `counts()` / `ranked()` from a snapshot (no files): what the pickers read while the scan runs. */
export class SnapshotIndex extends TaxonomyIndex {
  constructor(site: SiteConfig, readonly snapshot: SiteSnapshot) { super(site); }
  override get size(): number { return this.snapshot.posts; }
  override counts(): TaxonomyCounts { return this.snapshot.counts; }
  override ranked(key: TaxonomyKey, extra: Iterable<string> = []): RankedValue[] {
    return rankValues(this.snapshot.counts[key], this.snapshot.known[key], this.site.postdesk.taxonomy[key], extra);
  }
}

const isCounts = (x: unknown): x is Record<string, number> => !!x && typeof x === 'object' && !Array.isArray(x) && Object.values(x).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Snapshots read back from JSON, keeping only well-formed sites (the file is data, never trusted). */
export function parseSnapshots(text: string): SiteSnapshot[] {
  let data: unknown;
  try { data = JSON.parse(text); } catch { return []; }
  const d = data as { v?: unknown; sites?: unknown };
  if (!d || d.v !== VERSION || !Array.isArray(d.sites)) return [];
  const out: SiteSnapshot[] = [];
  for (const s of d.sites as Partial<SiteSnapshot>[]) {
    if (!s || typeof s.root !== 'string' || !Number.isSafeInteger(s.posts) || !s.counts || !s.known) continue;
    if (!isCounts(s.counts.categories) || !isCounts(s.counts.tags) || !isStrings(s.known.categories) || !isStrings(s.known.tags)) continue;
    const counts = { categories: Object.assign(Object.create(null), s.counts.categories), tags: Object.assign(Object.create(null), s.counts.tags) };
    out.push({ root: s.root, posts: s.posts!, counts, known: { categories: s.known.categories, tags: s.known.tags } });
  }
  return out;
}

/** Reads and writes the snapshots of one workspace (nothing without a storageUri: no folder open). */
export class SnapshotStore {
  constructor(private readonly dir: vscode.Uri | undefined) {}

  /** Where the snapshots live (for tests). */
  get uri(): vscode.Uri | undefined { return this.dir && vscode.Uri.joinPath(this.dir, FILE); }

  async load(): Promise<SiteSnapshot[]> {
    const uri = this.uri;
    if (!uri) return [];
    try {
      if ((await vscode.workspace.fs.stat(uri)).size > MAX_BYTES) return [];
      return parseSnapshots(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      return [];
    }
  }

  async save(sites: SiteSnapshot[]): Promise<void> {
    if (!this.dir) return;
    await vscode.workspace.fs.createDirectory(this.dir);
    await vscode.workspace.fs.writeFile(this.uri!, new TextEncoder().encode(JSON.stringify({ v: VERSION, sites })));
  }
}
