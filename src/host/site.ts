// Sites for documents in the editor: `_config.yml` found and parsed by the shared Node loader, kept fresh by watchers.
import * as vscode from 'vscode';
import { defaultSite, type SiteConfig } from '../core/site';
import type { LayoutLookup, ValidateOptions } from '../core/validate';
import { loadSiteFor } from '../node/files';
import { readSiteLayouts } from '../node/layouts';
import { Disposable } from '../util/dispose';

/** Finds the site of a document; fires `onDidChange` when a `_config.yml` changes and `onDidChangeLayouts` for `_layouts/`. */
export class SiteService extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private readonly layoutsEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeLayouts = this.layoutsEmitter.event;
  /**
   * Layout lookups per site. `loadSite` hands out the same SiteConfig until `_config.yml` changes, so a new config
   * gets a new lookup by itself; a layout added or removed clears them all (the watcher below).
   */
  private layouts = new WeakMap<SiteConfig, LayoutLookup | undefined>();

  constructor() {
    super();
    const watch = (glob: string, fire: () => void) => {
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(glob));
      this._register(watcher.onDidChange(fire));
      this._register(watcher.onDidCreate(fire));
      this._register(watcher.onDidDelete(fire));
    };
    watch('**/_config.yml', () => { this.layouts = new WeakMap(); this.emitter.fire(); });
    // Only creations and deletions change what a lookup answers, but a rename shows as delete + create anyway.
    watch('**/_layouts/**', () => { this.layouts = new WeakMap(); this.layoutsEmitter.fire(); });
  }

  /** The site of a document (file documents only; others get a default site). */
  siteFor(uri: vscode.Uri): SiteConfig {
    if (uri.scheme !== 'file') return defaultSite('/');
    return loadSiteFor(uri.fsPath);
  }

  /**
   * Validation options for a file of `site`: the layout lookup is made once per site (not per keystroke: it reads
   * `_config.yml` for a theme and checks `_layouts/` on disk); none without a `_config.yml`.
   */
  optionsFor(site: SiteConfig, file: string | undefined, invalidUtf8 = false): ValidateOptions {
    if (!this.layouts.has(site)) {
      const { configText, layouts } = readSiteLayouts(site);
      this.layouts.set(site, configText === undefined ? undefined : layouts);
    }
    return { site, file, invalidUtf8, layouts: this.layouts.get(site) };
  }
}
