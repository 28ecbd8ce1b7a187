// The workspace taxonomy as the features see it: the PostWorkspace's per-site indexes and a change event.
import * as vscode from 'vscode';
import type { TaxonomyIndex } from '../core/taxonomy/index';
import type { PostWorkspace } from '../host/postWorkspace';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import { TEST_HOOKS } from '../util/test-hooks';
import { SnapshotIndex, snapshotOf, SnapshotStore, type SiteSnapshot } from './taxonomySnapshot';

/** While the scan runs, views refresh at most this often (ms). */
const SCAN_THROTTLE_MS = 400;
/** After a change once the scan is done, the persisted index is written this much later (ms). */
const SAVE_DELAY_MS = 5000;

/** Every site's taxonomy index (kept by the PostWorkspace); `onDidChange` fires after posts were (re)read. */
export class WorkspaceTaxonomy extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly store: SnapshotStore;
  /** The index as it was persisted (or as the last scan left it), by site root: read while a scan runs. */
  private snapshots = new Map<string, { snap: SiteSnapshot; index?: SnapshotIndex }>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void>;

  constructor(private readonly s: Services) {
    super();
    this.store = new SnapshotStore(s.context.storageUri);
    this.loaded = this.reload();
    // Only a change of some post's Jekyll view concerns the taxonomy (not a keystroke in a body or a title's problem).
    let seen = s.workspace.viewsVersion;
    this._register(s.workspace.onDidChangePosts(() => {
      if (seen === s.workspace.viewsVersion) return;
      seen = s.workspace.viewsVersion;
      this.changed();
      if (!this.busy) this.scheduleSave(SAVE_DELAY_MS);
    }));
    this._register(s.workspace.onDidChangeScan((st) => { if (!st.scanning) { this.changed(true); this.scheduleSave(0); } }));
    this._register({ dispose: () => { clearTimeout(this.timer); clearTimeout(this.saveTimer); } });
  }

  /** Reads the persisted index again (done once at start; tests call it through `postdesk._reloadTaxonomySnapshot`). */
  reload(): Promise<void> {
    return this.loaded = this.store.load().then((sites) => {
      // A scan that ended meanwhile knows better.
      if (this.busy || !this.snapshots.size) this.snapshots = new Map(sites.map((snap) => [snap.root, { snap }]));
      if (this.busy && sites.length) this.emitter.fire();
    });
  }

  /** Where the index is persisted (undefined without a workspace folder). */
  get snapshotUri(): vscode.Uri | undefined { return this.store.uri; }

  private scheduleSave(ms: number): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), ms);
  }

  /** Persists every site's index (and serves it to the next scan) once the scan is complete. */
  private async save(): Promise<void> {
    if (this.busy) return;
    await this.loaded;
    const sites = this.all().filter(([, idx]) => idx.size > 0).map(([root, idx]) => snapshotOf(root, idx));
    this.snapshots = new Map(sites.map((snap) => [snap.root, { snap }]));
    try { await this.store.save(sites); } catch (e) { this.s.output.warn(`could not persist the taxonomy index: ${(e as Error).message}`); }
  }

  /** The workspace model the indexes belong to (for edits that must update it at once). */
  get workspace(): PostWorkspace { return this.s.workspace; }

  /** Whether the scan is still reading posts (the counts are then partial). */
  get busy(): boolean { return this.s.workspace.scanState().scanning; }

  /** Resolves once the workspace scan has ended. */
  ready(): Promise<void> { return this.s.workspace.scanned(); }

  /**
   * The index of the site a file belongs to. While the scan runs and has read fewer posts than the persisted index
   * holds, the persisted one (counts and values only); the live one otherwise.
   */
  indexFor(uri: vscode.Uri): TaxonomyIndex {
    const site = this.s.sites.siteFor(uri);
    const live = this.s.workspace.taxonomy(site);
    const held = this.busy ? this.snapshots.get(site.root) : undefined;
    if (!held || held.snap.posts <= live.size) return live;
    if (held.index?.site !== site) held.index = new SnapshotIndex(site, held.snap);
    return held.index;
  }

  /** Every site index, by site root. */
  all(): [string, TaxonomyIndex][] {
    return this.s.workspace.taxonomies();
  }

  /** Coalesces changes: at once when idle, throttled while the scan runs. */
  private changed(now = false): void {
    if (this.timer && !now) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.emitter.fire(); }, now || !this.busy ? 0 : SCAN_THROTTLE_MS);
  }
}

const shared = new WeakMap<Services, WorkspaceTaxonomy>();

/** The one workspace taxonomy of these services (Insert Tags, New Post and the timeline read the same index). */
export function workspaceTaxonomy(s: Services): WorkspaceTaxonomy {
  let tax = shared.get(s);
  if (!tax) {
    const t = tax = new WorkspaceTaxonomy(s);
    shared.set(s, tax);
    s.context.subscriptions.push(tax);
    // Only in the test build (src/util/test-hooks.ts): re-read the persisted index; the values the pickers of a post would offer now.
    if (TEST_HOOKS) {
      s.context.subscriptions.push(
        vscode.commands.registerCommand('postdesk._reloadTaxonomySnapshot', async () => { await t.reload(); return t.snapshotUri?.toString(); }),
        vscode.commands.registerCommand('postdesk._taxonomyRanked', (uri: string, key: 'categories' | 'tags') => t.indexFor(vscode.Uri.parse(uri)).ranked(key === 'categories' ? 'categories' : 'tags')));
    }
  }
  return tax;
}
