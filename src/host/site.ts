// Sites for documents in the editor: `_config.yml` found and parsed by the shared Node loader, kept fresh by a watcher.
import * as vscode from 'vscode';
import { defaultSite, type SiteConfig } from '../core/site';
import { loadSiteFor } from '../node/files';
import { Disposable } from '../util/dispose';

/** Finds the site of a document; fires `onDidChange` when a `_config.yml` changes. */
export class SiteService extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/_config.yml'));
    const fire = () => this.emitter.fire();
    this._register(watcher.onDidChange(fire));
    this._register(watcher.onDidCreate(fire));
    this._register(watcher.onDidDelete(fire));
  }

  /** The site of a document (file documents only; others get a default site). */
  siteFor(uri: vscode.Uri): SiteConfig {
    if (uri.scheme !== 'file') return defaultSite('/');
    return loadSiteFor(uri.fsPath);
  }
}
