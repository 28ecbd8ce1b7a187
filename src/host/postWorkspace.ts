// The one workspace model: which files are posts, one watcher, one reader (workspace.fs), one cache of analysed posts.
import * as vscode from 'vscode';
import { isPostFile, isSiteContent } from '../core/postFiles';
import { unreadableProblem, type Unreadable } from '../core/rules/file-unreadable';
import { fileKind, relativeToSite, type SiteConfig } from '../core/site';
import type { TaxonomyIndex } from '../core/taxonomy/index';
import { isValidated } from '../core/validate';
import { Disposable } from '../util/dispose';
import { analyzeText } from './postAnalysis';
import { postFiles } from './postDiscovery';
import { analyzeBatch, BATCH, readCandidates, scanFiles, type PostEntry, type PostsChange, type ScanState, type ScanTarget } from './postScan';
import { ProblemInterner } from './problemIntern';
import { SiteIndexes } from './siteIndexes';
import { pathOf, type SiteService } from './site';

export type { PostEntry, PostsChange, ScanState } from './postScan';

const DEBOUNCE_MS = 250;

/**
 * Posts of every site of the workspace, analysed once per document version or disk change. Open documents are
 * analysed from their text first; the disk scan runs in time slices behind them. Features read `get()`,
 * `entries()`, `taxonomy()` and listen to `onDidChangePosts` / `onDidChangeScan`.
 */
export class PostWorkspace extends Disposable {
  private readonly entries_ = new Map<string, PostEntry>();
  private readonly indexes = new SiteIndexes();
  private readonly postsEmitter = this._register(new vscode.EventEmitter<PostsChange>());
  /** Fires after posts were (re)analysed or removed. */
  readonly onDidChangePosts = this.postsEmitter.event;
  private readonly scanEmitter = this._register(new vscode.EventEmitter<ScanState>());
  /** Fires as the scan progresses and when it ends. */
  readonly onDidChangeScan = this.scanEmitter.event;
  private readonly fileEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires for every file the workspace watcher sees created, changed or deleted (the "As published" caches listen). */
  readonly onDidChangeFile = this.fileEmitter.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Map<string, vscode.Uri>();
  private draining: Promise<void> | undefined;
  private generation = 0;
  private state: ScanState = { scanning: false, done: 0, total: 0 };
  private scanning: Promise<void> = Promise.resolve();
  private readonly interner = new ProblemInterner();
  /** Posts analysed since the current scan started: a post that appeared after the scan listed the folders is one of them. */
  private readonly analysedInScan = new Set<string>();
  /** Test builds only: holds each scan between its last batch and its end (see `holdScanEnd`). */
  private scanEndGate: Promise<void> | undefined;
  /** Where the last complete scan spent its time (ms from its start): the sites known, the posts listed, the end. */
  lastScanPhases: { sitesMs: number; listedMs: number; endMs: number } | undefined;

  /** The model as the scan loop sees it (src/host/postScan.ts). */
  private readonly target: ScanTarget = {
    isCandidate: (u) => this.isCandidate(u),
    isOpen: (u) => this.isOpen(u),
    analyzeRead: (u, r) => this.analyze(u, r.text, r.invalid, undefined, r.mtimeMs, true),
    unreadable: (u, why) => this.unreadable(u, why),
    forget: (u) => this.forget(u),
    fire: (c) => this.postsEmitter.fire(c),
  };

  constructor(private readonly sites: SiteService, private readonly output: vscode.LogOutputChannel) {
    super();
    const ws = vscode.workspace;
    this._register(ws.onDidOpenTextDocument((d) => void this.fromDocument(d)));
    this._register(ws.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.schedule(e.document); }));
    this._register(ws.onDidSaveTextDocument((d) => void this.fromDocument(d)));
    this._register(ws.onDidCloseTextDocument((d) => this.closed(d)));
    this._register(sites.onDidChange(() => void this.rescan()));
    this._register(sites.onDidChangeLayouts(() => void this.rescan()));
    // The one watcher of the extension: configs, layouts and posts.
    const watcher = this._register(ws.createFileSystemWatcher('**/*'));
    this._register(watcher.onDidCreate((u) => { this.fileEmitter.fire(u); this.onDisk(u, false); }));
    this._register(watcher.onDidChange((u) => { this.fileEmitter.fire(u); this.onDisk(u, false); }));
    this._register(watcher.onDidDelete((u) => { this.fileEmitter.fire(u); this.onDisk(u, true); }));
    this._register({ dispose: () => { this.generation++; for (const t of this.timers.values()) clearTimeout(t); } });
    void sites.ready().then(() => { for (const d of ws.textDocuments) this.analyzeDocument(d); });
    void this.rescan();
  }

  /** The cached analysis of a post (undefined when it is not a post of a site or not read yet). */
  get(uri: vscode.Uri): PostEntry | undefined { return this.entries_.get(uri.toString()); }
  /** Every analysed post. */
  entries(): IterableIterator<PostEntry> { return this.entries_.values(); }
  /** Progress of the scan. */
  scanState(): ScanState { return { ...this.state }; }
  /** Resolves when the current scan has ended. */
  scanned(): Promise<void> { return this.scanning; }
  /** Resolves once the sites are known (open documents are analysed right after). */
  ready(): Promise<void> { return this.sites.ready(); }

  /** The taxonomy index of `site` (filled as posts are read). */
  taxonomy(site: SiteConfig): TaxonomyIndex { return this.indexes.of(site); }
  /** Every site's taxonomy index, by site root. */
  taxonomies(): [string, TaxonomyIndex][] { return this.indexes.all(); }

  /** Whether `uri` names a file Jekyll reads from a post folder or collection of its site. */
  isCandidate(uri: vscode.Uri): boolean {
    // Diff views, output and other virtual documents are not posts; a virtual workspace's own scheme is.
    if (uri.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    const file = pathOf(uri);
    const site = this.sites.siteFor(uri);
    const rel = relativeToSite(site, file);
    return (isValidated(site, file) || fileKind(site, rel).kind !== 'other') && isSiteContent(this.sites.entryRulesFor(site), rel);
  }

  /** Analyses `text` as the content of `uri`: problems, taxonomy, stock markers; the entry is cached and returned. */
  private analyze(uri: vscode.Uri, text: string, invalid: boolean, version: number | undefined, mtimeMs?: number, candidate?: boolean): PostEntry | undefined {
    if (!(candidate ?? this.isCandidate(uri))) { this.forget(uri); return undefined; }
    const file = pathOf(uri);
    const site = this.sites.siteFor(uri);
    const validated = isPostFile(file) && isValidated(site, file);
    const analysed = analyzeText(text, validated, () => this.sites.optionsFor(site, file, invalid), (e) => this.output.warn(`could not validate ${file}: ${e.message}`));
    const { ranges } = analysed;
    let { problems } = analysed;
    const kind = fileKind(site, relativeToSite(site, file)).kind;
    if (kind === 'post' || kind === 'draft') this.indexes.update(site, file, text, { invalidUtf8: invalid, mtimeMs });
    // Fixes are only asked for in open documents, which are analysed again from their text: disk entries keep none,
    // and share their message texts (S6 of the bench: memory with 20,000 posts).
    if (version === undefined) problems = problems.map((p) => this.interner.forDisk(p));
    const entry: PostEntry = { uri, site, version, validated, problems, ranges, stock: /EM_StockImg_/i.test(text) };
    this.keep(entry);
    return entry;
  }

  /** Moves whenever a post's Jekyll view (taxonomy, date, title, published) changed or went. */
  get viewsVersion(): number { return this.indexes.version; }

  /** A post the reader did not read (a FIFO, too large…): its one problem is `file-unreadable`; it counts in no taxonomy. */
  private unreadable(uri: vscode.Uri, why: Unreadable): PostEntry | undefined {
    const file = pathOf(uri);
    const site = this.sites.siteFor(uri);
    this.indexes.remove(file);
    const validated = isPostFile(file) && isValidated(site, file);
    const p = validated ? unreadableProblem(site, why) : undefined;
    const entry: PostEntry = { uri, site, version: undefined, validated, problems: p ? [this.interner.forDisk(p)] : [], ranges: p ? [0, 0, 0, 0] : [], stock: false };
    this.keep(entry);
    return entry;
  }

  private keep(entry: PostEntry): void {
    const key = entry.uri.toString();
    this.entries_.set(key, entry);
    if (this.state.scanning) this.analysedInScan.add(key);
  }

  private forget(uri: vscode.Uri): boolean {
    const had = this.entries_.delete(uri.toString());
    const file = pathOf(uri);
    this.indexes.remove(file);
    return had;
  }

  /** Analyses an open document now (skipped when this version is cached, unless `force`); fires the change. */
  analyzeDocument(doc: vscode.TextDocument, force = false): PostEntry | undefined {
    const cached = this.get(doc.uri);
    if (!force && cached && cached.version === doc.version) return cached;
    if (!this.isCandidate(doc.uri)) return undefined;
    const entry = this.analyze(doc.uri, doc.getText(), false, doc.version);
    if (entry) this.postsEmitter.fire({ changed: [entry], removed: [] });
    return entry;
  }

  private async fromDocument(doc: vscode.TextDocument): Promise<void> {
    await this.sites.ready();
    if (!doc.isClosed) this.analyzeDocument(doc);
  }

  /** Debounced analysis of an edited document; a run for an older version is dropped. */
  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = doc.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed && doc.version === version) void this.fromDocument(doc);
    }, DEBOUNCE_MS));
  }

  private closed(doc: vscode.TextDocument): void {
    clearTimeout(this.timers.get(doc.uri.toString()));
    // Back to what is on disk (an unsaved edit is gone).
    if (this.get(doc.uri)) this.queue(doc.uri);
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
  }

  private onDisk(uri: vscode.Uri, deleted: boolean): void {
    const p = pathOf(uri).replace(/\\/g, '/');
    if (p.endsWith('/_config.yml')) { void this.sites.refreshConfig(uri); return; }
    if (p.includes('/_layouts/')) { if (deleted || !this.isOpen(uri)) void this.sites.refreshLayouts(); return; }
    if (deleted) {
      // A deleted folder sends one event: forget everything below it too.
      const key = uri.toString();
      const gone = [...this.entries_.values()].filter((e) => { const k = e.uri.toString(); return k === key || k.startsWith(`${key}/`); }).map((e) => e.uri);
      for (const u of gone) this.forget(u);
      if (gone.length) this.postsEmitter.fire({ changed: [], removed: gone });
      return;
    }
    if (!p.includes('/_') || this.isOpen(uri)) return;
    this.queue(uri);
  }

  /**
   * Queues one file to be re-read from disk (a watcher event, a closed document). A burst (a checkout, a
   * generator) is read in batches and time slices like the scan, so open documents stay first.
   */
  private queue(uri: vscode.Uri): void {
    this.pending.set(uri.toString(), uri);
    this.draining ??= this.drain().finally(() => { this.draining = undefined; });
  }

  private async drain(): Promise<void> {
    try {
      await this.sites.ready();
      while (this.pending.size) {
        const batch = [...this.pending.values()].slice(0, BATCH);
        for (const u of batch) this.pending.delete(u.toString());
        await analyzeBatch(this.target, await readCandidates(this.target, batch), () => false);
      }
    } catch (e) {
      this.output.error(`re-reading posts failed: ${(e as Error).message}`);
    }
  }

  /**
   * Brings the model up to the disk as it is now, for commands over all posts: the watcher may not have told
   * about a file written a moment ago. Lists the posts (the same walk as the scan) and reads only new ones.
   */
  async sync(): Promise<void> {
    await this.scanned();
    const found = await this.findPosts();
    const keys = new Set(found.map((u) => u.toString()));
    const gone = [...this.entries_.values()].filter((e) => !keys.has(e.uri.toString()) && !this.isOpen(e.uri)).map((e) => e.uri);
    for (const u of gone) this.forget(u);
    if (gone.length) this.postsEmitter.fire({ changed: [], removed: gone });
    for (const u of found) if (!this.entries_.has(u.toString()) && this.isCandidate(u)) this.queue(u);
    await this.draining;
  }

  /** Every file of a post folder or collection folder of the workspace (one walk, no limit), FIFOs and the like too. */
  private async findPosts(): Promise<vscode.Uri[]> {
    const walk = await this.sites.walk();
    return postFiles(walk, new Set(this.sites.sites().flatMap(({ site }) => site.collections.filter((c) => c !== 'posts'))));
  }

  /** Re-reads every post of the workspace (after a config change, or on request); open documents first. */
  rescan(): Promise<void> {
    const gen = ++this.generation;
    this.scanning = this.scan(gen).catch((e) => this.output.error(`workspace scan failed: ${(e as Error).message}`));
    return this.scanning;
  }

  private async scan(gen: number): Promise<void> {
    const t0 = performance.now();
    this.setState({ scanning: true, done: 0, total: 0 });
    await this.sites.ready();
    if (gen !== this.generation) return;
    const tSites = performance.now();
    this.indexes.clear();
    this.analysedInScan.clear();
    for (const d of vscode.workspace.textDocuments) this.analyzeDocument(d, true);
    const found = await this.findPosts();
    if (gen !== this.generation) return;
    const tListed = performance.now();
    const seen = new Set<string>(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    // Which files are posts is decided batch by batch, inside the time slices (not in one pass over 20,000 paths).
    const todo = found.filter((u) => !seen.has(u.toString()));
    this.setState({ scanning: true, done: 0, total: todo.length });
    const stale = () => gen !== this.generation;
    const progress = (done: number) => { this.state.done = done; this.scanEmitter.fire(this.scanState()); };
    if (!await scanFiles(this.target, todo, seen, stale, progress)) return;
    if (this.scanEndGate) await this.scanEndGate;
    if (stale()) return;
    // What the listing missed but was analysed since (opened, or written and reported by the watcher) stays.
    const gone = [...this.entries_.values()].filter((e) => !seen.has(e.uri.toString()) && !this.analysedInScan.has(e.uri.toString())).map((e) => e.uri);
    this.analysedInScan.clear();
    for (const u of gone) this.forget(u);
    if (gone.length) this.postsEmitter.fire({ changed: [], removed: gone });
    this.setState({ scanning: false, done: todo.length, total: todo.length });
    const tEnd = performance.now();
    this.lastScanPhases = { sitesMs: tSites - t0, listedMs: tListed - t0, endMs: tEnd - t0 };
    this.output.debug(`workspace: ${todo.length} posts scanned in ${(tEnd - t0).toFixed(0)} ms (listed after ${(tListed - t0).toFixed(0)} ms)`);
  }

  /** For tests: scans wait before their end until the returned disposable is disposed (ordering, not timing). */
  holdScanEnd(): vscode.Disposable {
    let release!: () => void;
    this.scanEndGate = new Promise<void>((r) => { release = r; });
    return { dispose: () => { this.scanEndGate = undefined; release(); } };
  }

  private setState(s: ScanState): void {
    this.state = s;
    this.scanEmitter.fire(this.scanState());
  }
}
