// Sites of the workspace: every `_config.yml` found once, read through workspace.fs and cached until the watcher says it changed.
import * as vscode from 'vscode';
import { entryRules, type EntryRules } from '../core/postFiles';
import { decodeText } from '../core/parse';
import { defaultSite, parseSiteConfig, type SiteConfig } from '../core/site';
import { layoutLookup, type LayoutLookup, type ValidateOptions } from '../core/validate';
import { Disposable } from '../util/dispose';
import { discover, filesUnder, type Discovery } from './postDiscovery';

/** A path string of a uri as SiteConfig roots hold them (fsPath for files, the path otherwise). */
export function pathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

const dirOf = (p: string) => p.replace(/[\\/][^\\/]*$/, '') || '/';

interface KnownSite { site: SiteConfig; uri: vscode.Uri; configText: string; rules: EntryRules; layouts: LayoutLookup }

/**
 * Finds the site of a document without touching the disk: the sites are found once (`ready()`), and
 * `refreshConfig` / `refreshLayouts` (called by the PostWorkspace watcher) keep them current.
 * Fires `onDidChange` when a `_config.yml` changes and `onDidChangeLayouts` for `_layouts/`.
 */
export class SiteService extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private readonly layoutsEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeLayouts = this.layoutsEmitter.event;
  private readonly known = new Map<string, KnownSite>();
  /** Folder → its site (known or default), so a keystroke costs one map lookup. */
  private byDir = new Map<string, SiteConfig>();
  private discovering: Promise<void> | undefined;

  /** The walk that found the sites, until the first scan takes it (`walk`). */
  private firstWalk: Promise<Discovery> | undefined;

  /** Resolves once every `_config.yml` of the workspace has been read (started on first call). */
  ready(): Promise<void> {
    return this.discovering ??= (async () => {
      // A walk of the workspace folders with readDirectory, not a glob: at start-up each glob waited 6–13 s on the
      // loading workbench's search service (the scan's phases in `npm run bench`, S1).
      const walk = this.firstWalk = discover(vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? []);
      const found = await walk;
      const layouts = found.files.filter((f) => /(^|\/)_layouts\//.test(f.rel)).map((f) => f.uri);
      await Promise.all(found.configs.map((c) => this.load(c.uri, layouts, c.text)));
      this.byDir.clear();
    })();
  }

  /** A walk of the workspace (sites and post folders): the one that found the sites the first time, a new one after. */
  async walk(): Promise<Discovery> {
    await this.ready();
    const first = this.firstWalk;
    this.firstWalk = undefined;
    return first ?? discover(vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? []);
  }

  /** Every site with a `_config.yml`. */
  sites(): { site: SiteConfig; uri: vscode.Uri }[] {
    return [...this.known.values()].map(({ site, uri }) => ({ site, uri: vscode.Uri.joinPath(uri, '..') }));
  }

  /** Reads a site's config (`text`: as the walk read it) and layouts (`layouts`: every `_layouts` file of the workspace, when already listed). */
  private async load(config: vscode.Uri, layouts?: readonly vscode.Uri[], text?: string): Promise<void> {
    const root = dirOf(pathOf(config));
    let configText: string;
    try { configText = text ?? decodeText(await vscode.workspace.fs.readFile(config)).text; } catch { this.known.delete(root); return; }
    const site = parseSiteConfig(configText, root);
    const lookup = await this.readLayouts(vscode.Uri.joinPath(config, '..'), site, configText, layouts);
    this.known.set(root, { site, uri: config, configText, rules: entryRules(configText), layouts: lookup });
  }

  private async readLayouts(rootUri: vscode.Uri, site: SiteConfig, configText: string, all?: readonly vscode.Uri[]): Promise<LayoutLookup> {
    const under = `${vscode.Uri.joinPath(rootUri, '_layouts').toString()}/`;
    const found = all ? all.filter((u) => u.toString().startsWith(under)) : await filesUnder(vscode.Uri.joinPath(rootUri, '_layouts'));
    const names = new Set(found.map((u) => pathOf(u).replace(/\\/g, '/')));
    return layoutLookup(site, (p) => names.has(p.replace(/\\/g, '/')), configText);
  }

  /** A `_config.yml` was created, changed or deleted: re-read it and tell the features. */
  async refreshConfig(config: vscode.Uri): Promise<void> {
    await this.ready();
    await this.load(config);
    this.byDir.clear();
    this.emitter.fire();
  }

  /** Something under a site's `_layouts/` was created or deleted. */
  async refreshLayouts(): Promise<void> {
    await this.ready();
    for (const k of this.known.values()) k.layouts = await this.readLayouts(vscode.Uri.joinPath(k.uri, '..'), k.site, k.configText);
    this.layoutsEmitter.fire();
  }

  /** The site of a document: the nearest known `_config.yml` above it; a default site at its folder otherwise. */
  siteFor(uri: vscode.Uri): SiteConfig {
    const dir = dirOf(pathOf(uri));
    let site = this.byDir.get(dir);
    if (!site) {
      for (let d = dir; ; d = dirOf(d)) {
        site = this.known.get(d)?.site;
        if (site || d === dirOf(d)) break;
      }
      site ??= defaultSite(dir);
      this.byDir.set(dir, site);
    }
    return site;
  }

  /** Whether `site` has a `_config.yml` (a real site, not a default one). */
  hasConfig(site: SiteConfig): boolean {
    return this.known.get(site.root)?.site === site;
  }

  /** The `_config.yml` of a site with one: its uri and the text that was read. */
  config(site: SiteConfig): { uri: vscode.Uri; text: string } | undefined {
    const k = this.known.get(site.root);
    return k?.site === site ? { uri: k.uri, text: k.configText } : undefined;
  }

  /** The site's `exclude:` / `include:` (Jekyll's defaults for a default site). */
  entryRulesFor(site: SiteConfig): EntryRules {
    return this.known.get(site.root)?.rules ?? entryRules(undefined);
  }

  /** Validation options for a file of `site`, with the layout lookup read once per site; none without a `_config.yml`. */
  optionsFor(site: SiteConfig, file: string | undefined, invalidUtf8 = false): ValidateOptions {
    const k = this.known.get(site.root);
    return { site, file, invalidUtf8, layouts: k?.site === site ? k.layouts : undefined };
  }
}
