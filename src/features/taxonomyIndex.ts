// The workspace taxonomy as the features see it: the PostWorkspace's per-site indexes and a change event.
import * as vscode from 'vscode';
import type { TaxonomyIndex } from '../core/taxonomy/index';
import type { PostWorkspace } from '../host/postWorkspace';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';

/** While the scan runs, views refresh at most this often (ms). */
const SCAN_THROTTLE_MS = 400;

/** Every site's taxonomy index (kept by the PostWorkspace); `onDidChange` fires after posts were (re)read. */
export class WorkspaceTaxonomy extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly s: Services) {
    super();
    this._register(s.workspace.onDidChangePosts(() => this.changed()));
    this._register(s.workspace.onDidChangeScan((st) => { if (!st.scanning) this.changed(true); }));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** The workspace model the indexes belong to (for edits that must update it at once). */
  get workspace(): PostWorkspace { return this.s.workspace; }

  /** Whether the scan is still reading posts (the counts are then partial). */
  get busy(): boolean { return this.s.workspace.scanState().scanning; }

  /** Resolves once the workspace scan has ended. */
  ready(): Promise<void> { return this.s.workspace.scanned(); }

  /** The index of the site a file belongs to (empty until its posts are read). */
  indexFor(uri: vscode.Uri): TaxonomyIndex {
    return this.s.workspace.taxonomy(this.s.sites.siteFor(uri));
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
  if (!tax) { tax = new WorkspaceTaxonomy(s); shared.set(s, tax); s.context.subscriptions.push(tax); }
  return tax;
}
