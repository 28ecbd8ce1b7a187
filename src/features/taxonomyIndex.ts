// The workspace taxonomy: one core TaxonomyIndex per site, built from findFiles + workspace.fs, kept fresh by a watcher.
import * as vscode from 'vscode';
import { decodeText } from '../core/parse';
import { fileKind, relativeToSite } from '../core/site';
import { TaxonomyIndex, frontMatterBytes } from '../core/taxonomy/index';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';

const POST_GLOB = '**/{_posts,_drafts}/**';
const EXCLUDE_GLOB = '**/{node_modules,_site,.git,vendor}/**';

/** Every site's taxonomy index; `onDidChange` fires (debounced) after files were re-read. */
export class WorkspaceTaxonomy extends Disposable {
  private readonly indexes = new Map<string, TaxonomyIndex>();
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private building: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly s: Services) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(POST_GLOB));
    this._register(watcher.onDidCreate((u) => void this.refresh(u)));
    this._register(watcher.onDidChange((u) => void this.refresh(u)));
    this._register(watcher.onDidDelete((u) => { for (const idx of this.indexes.values()) if (idx.remove(u.fsPath)) this.changed(); }));
    this._register(s.sites.onDidChange(() => { this.indexes.clear(); this.building = undefined; void this.ready().then(() => this.changed()); }));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Resolves once the cold index is built (started on first use). */
  ready(): Promise<void> {
    return this.building ??= this.build();
  }

  private async build(): Promise<void> {
    const t0 = performance.now();
    const uris = await vscode.workspace.findFiles(POST_GLOB, EXCLUDE_GLOB);
    const queue = [...uris];
    const worker = async () => { for (let u = queue.pop(); u; u = queue.pop()) await this.read(u); };
    await Promise.all(Array.from({ length: 16 }, worker));
    this.s.output.debug(`taxonomy: indexed ${uris.length} files in ${(performance.now() - t0).toFixed(0)} ms`);
  }

  /** The index of the site a file belongs to (created empty when new). */
  indexFor(uri: vscode.Uri): TaxonomyIndex {
    const site = this.s.sites.siteFor(uri);
    let idx = this.indexes.get(site.root);
    if (!idx) { idx = new TaxonomyIndex(site); this.indexes.set(site.root, idx); }
    return idx;
  }

  /** Every site index, by site root. */
  all(): [string, TaxonomyIndex][] {
    return [...this.indexes.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  /** Reads one file's front matter bytes into its site's index (files outside post folders are ignored). */
  private async read(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme !== 'file') return false;
    const idx = this.indexFor(uri);
    const kind = fileKind(idx.site, relativeToSite(idx.site, uri.fsPath));
    if (kind.kind !== 'post' && kind.kind !== 'draft') return false;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const { text, invalid } = decodeText(frontMatterBytes(bytes));
      const mtimeMs = kind.kind === 'draft' ? (await vscode.workspace.fs.stat(uri)).mtime : undefined;
      idx.update(uri.fsPath, text, { invalidUtf8: invalid, mtimeMs });
      return true;
    } catch {
      return idx.remove(uri.fsPath);
    }
  }

  /** Re-reads one file (watcher events, or after an edit was saved). */
  async refresh(uri: vscode.Uri): Promise<void> {
    await this.ready();
    if (await this.read(uri)) this.changed();
  }

  /** Updates a file from an open document's current text. */
  updateFromDocument(doc: vscode.TextDocument): void {
    const idx = this.indexFor(doc.uri);
    const kind = fileKind(idx.site, relativeToSite(idx.site, doc.uri.fsPath));
    if (kind.kind !== 'post' && kind.kind !== 'draft') return;
    idx.update(doc.uri.fsPath, doc.getText());
    this.changed();
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emitter.fire(), 100);
  }
}

const shared = new WeakMap<Services, WorkspaceTaxonomy>();

/** The one workspace taxonomy of these services (Insert Tags, New Post and the timeline read the same index). */
export function workspaceTaxonomy(s: Services): WorkspaceTaxonomy {
  let tax = shared.get(s);
  if (!tax) { tax = new WorkspaceTaxonomy(s); shared.set(s, tax); s.context.subscriptions.push(tax); }
  return tax;
}
