// One preview webview: renders its document into a CSP-locked page, patches edits in, and answers its messages.
import * as vscode from 'vscode';
import { escapeHtml, previewCsp, type RenderResult, type StockMode } from '../core/render';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import { followLink } from './links';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from './messages';
import { MAX_RESTARTS, PageGate, START_TIMEOUT_MS } from './page';
import { RenderBudgetError, type BudgetedRenderer } from './renderer';
import type { PreviewMode, PublishedPreview } from './platform';
import { pathOf } from '../host/site';
import { isWorkspaceUri, uriOf } from '../host/uris';

export const VIEW_TYPE = 'postdesk.preview';
/** Debounce between an edit and the patch sent to the webview (the budget is 100 ms keystroke → DOM). */
const UPDATE_DELAY_MS = 30;

/** What integration tests read through `postdesk.preview._state`. */
export interface PanelState { uri: string; locked: boolean; version: number; acked: number; htmlLength: number; htmlHash: string; reloads: number; restarts: number; ready: boolean; visible: boolean; mode?: 'article' | 'published'; published?: boolean; stockMarks: number; siteRoot: string | undefined; renderedIn: BudgetedRenderer['lastPath'] }

/** A script nonce from the platform's CSPRNG (Web Crypto: Node 20 and web workers alike). */
function nonceOf(): string {
  const b = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...b));
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A preview panel bound to one document (changed by the manager unless locked). */
export class PreviewPanel extends Disposable {
  private version = 0;
  private acked = 0;
  private reloads = 0;
  /** Pages set again by the PageGate's watchdog (not counted in `reloads`). */
  private restarts = 0;
  private lastHtml = '';
  private patchedSinceReload = false;
  /** Latest patch render started; an older one finishing late is dropped. */
  private seq = 0;
  /** Latest page load started: a patch render that began before it is dropped, and an older load is dropped too. */
  private gen = 0;
  /** The page load in flight: a patch asked for meanwhile runs after it (the page must exist before it is patched). */
  private loading: Promise<void> | undefined;
  private updateAfterLoad = false;
  private readonly gate: PageGate;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private siteRoot: string | undefined;
  /** Folders the "As published" page loads stylesheets from besides the site (an installed gem theme). */
  private extraRoots: string[] = [];
  /** Until when editor scroll events are echoes of a scroll the preview asked for. */
  ignoreEditorScrollUntil = 0;
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, public uri: vscode.Uri, public locked: boolean, private readonly s: Services, private readonly renderer: BudgetedRenderer, private readonly published: PublishedPreview | undefined, private readonly scriptRoot?: () => vscode.Uri) {
    super();
    this.gate = new PageGate({
      send: (m) => { void this.panel.webview.postMessage(m); },
      restart: (attempt) => {
        this.s.output.warn(`preview: the page of ${this.uri.toString()} did not start within ${START_TIMEOUT_MS / 1000} s; setting it again (${attempt} of ${MAX_RESTARTS})`);
        this.restarts++;
        void this.reload(true);
      },
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    this._register(this.gate);
    // A panel restored into a background tab has no page running until it is shown.
    if (!panel.visible) this.gate.visibility(false);
    this._register(panel.onDidDispose(() => { this.disposedEmitter.fire(); this.dispose(); }));
    this._register(panel.webview.onDidReceiveMessage((raw) => { void this.onMessage(parseWebviewMessage(raw)); }));
    // A hidden webview is rebuilt from the last page set (patches since are lost): reload it when shown again.
    let wasVisible = panel.visible;
    this._register(panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible !== wasVisible) this.gate.visibility(e.webviewPanel.visible);
      if (e.webviewPanel.visible && !wasVisible && this.patchedSinceReload) void this.reload();
      wasVisible = e.webviewPanel.visible;
    }));
  }

  get isDisposed(): boolean { return this.disposedFlag; }
  private disposedFlag = false;

  override dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    if (this.timer) clearTimeout(this.timer);
    super.dispose();
    this.panel.dispose();
  }

  get state(): PanelState {
    return { uri: this.uri.toString(), locked: this.locked, version: this.version, acked: this.acked, htmlLength: this.lastHtml.length, htmlHash: hash(this.lastHtml), reloads: this.reloads, restarts: this.restarts, ready: this.gate.isReady, visible: this.panel.visible, mode: this.mode(), published: this.lastHtml.includes('class="pd-published-bar"'), stockMarks: this.lastHtml.match(/\bpd-stock\b/g)?.length ?? 0, siteRoot: this.siteRoot, renderedIn: this.renderer.lastPath };
  }

  private mode(): PreviewMode { return this.published?.previewMode(this.uri) ?? 'article'; }

  /** Shows another document (a full page load). */
  async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    await this.reload();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.panel.title = this.title();
    void this.reload();
  }

  private title(): string {
    const name = this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
    return this.locked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  private async document(): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    if (open) return open;
    try { return await vscode.workspace.openTextDocument(this.uri); } catch { return undefined; }
  }

  private render(doc: vscode.TextDocument, webview: vscode.Webview): Promise<RenderResult> {
    const cfg = vscode.workspace.getConfiguration('postdesk.preview', doc.uri);
    const stock = cfg.get<string>('stockImages');
    const stockImages: StockMode = stock === 'show' || stock === 'hide' ? stock : 'mark';
    const site = isWorkspaceUri(doc.uri) ? this.s.sites.siteFor(doc.uri) : undefined;
    const inSite = site !== undefined && this.s.sites.hasConfig(site);
    this.siteRoot = inSite ? site.root : undefined;
    // Over the workspace's own scheme: `file:` on the desktop, the virtual file system on github.dev.
    const imageBase = this.siteRoot ? webview.asWebviewUri(uriOf(this.siteRoot)).toString() : undefined;
    const published = this.published;
    if (inSite && published && doc.uri.scheme === 'file' && published.previewMode(doc.uri) === 'published') {
      return Promise.resolve().then(() => {
        const r = published.render(doc.getText(), doc.uri.fsPath, site.root, webview, stockImages, this.remoteImages(doc.uri), this.s.workspace.onDidChangeFile);
        this.extraRoots = r.roots;
        return r;
      });
    }
    return this.renderer.render(doc.getText(), {
      site: inSite ? site : undefined,
      path: pathOf(doc.uri),
      header: inSite,
      problems: inSite ? vscode.languages.getDiagnostics(doc.uri).length : undefined,
      stockImages,
      remoteImages: this.remoteImages(doc.uri),
      format: doc.languageId === 'html' ? 'html' : 'markdown',
    }, imageBase);
  }

  private failure(e: unknown): string {
    if (e instanceof RenderBudgetError) return vscode.l10n.t('This post took longer than {0} ms to render; the preview keeps the last render that finished.', e.ms);
    this.s.output.error(`preview: render failed for ${this.uri.toString()}: ${(e as Error).message}`);
    return vscode.l10n.t('The preview could not render this post: {0}', (e as Error).message);
  }

  private remoteImages(uri: vscode.Uri): 'allow' | 'block' {
    if (!vscode.workspace.isTrusted) return 'block';
    return vscode.workspace.getConfiguration('postdesk.preview', uri).get<string>('remoteImages') === 'block' ? 'block' : 'allow';
  }

  /** Sets a fresh page: new nonce, CSP, resource roots and the first render inline (no round trip). */
  async reload(restarted = false): Promise<void> {
    const gen = ++this.gen;
    const load = this.load(gen, restarted);
    this.loading = load;
    try { await load; } finally {
      if (this.loading === load) {
        this.loading = undefined;
        if (this.updateAfterLoad && !this.isDisposed) { this.updateAfterLoad = false; void this.update(); }
      }
    }
  }

  private async load(gen: number, restarted: boolean): Promise<void> {
    const doc = await this.document();
    if (this.isDisposed) return;
    const webview = this.panel.webview;
    const ext = this.s.context.extensionUri;
    let r: RenderResult | undefined;
    let failed: string | undefined;
    try { r = doc ? await this.render(doc, webview) : undefined; } catch (e) { failed = this.failure(e); }
    if (this.isDisposed || gen !== this.gen) return;
    const dist = vscode.Uri.joinPath(ext, 'dist');
    const scripts = this.scriptRoot?.() ?? dist;
    const roots = [vscode.Uri.joinPath(ext, 'media'), dist, ...(scripts === dist ? [] : [scripts])];
    if (this.siteRoot) roots.push(uriOf(this.siteRoot), ...this.extraRoots.map((d) => vscode.Uri.file(d)));
    webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: roots };
    const nonce = nonceOf();
    const remoteImages = doc ? this.remoteImages(doc.uri) : 'block';
    const csp = previewCsp({ cspSource: webview.cspSource, nonce, remoteImages });
    const css = webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'preview.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(scripts, 'preview.js'));
    this.version++;
    const state = { uri: this.uri.toString(), locked: this.locked, version: this.version, lineOffsets: r?.sourceMap.lineOffsets ?? [] };
    const header = r?.headerHtml ?? '';
    const body = r ? r.bodyHtml : `<p class="pd-notice">${escapeHtml(failed ?? vscode.l10n.t('Cannot open {0}', this.uri.toString()))}</p>`;
    this.lastHtml = header + body;
    this.panel.title = this.title();
    if (!restarted) this.reloads++;
    this.patchedSinceReload = false;
    webview.html = `<!DOCTYPE html><html lang="${escapeHtml(vscode.env.language)}"><head><meta charset="utf-8">`
      + `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`
      + '<meta name="viewport" content="width=device-width, initial-scale=1">'
      + `<link rel="stylesheet" href="${escapeHtml(css.toString())}"></head>`
      + `<body data-state="${escapeHtml(JSON.stringify(state))}">${this.siteRoot && this.published ? this.published.modeBar(this.mode()) : ''}<div id="pd-head">${header}</div><article id="pd-body" class="pd-body">${body}</article>`
      + `<script nonce="${nonce}" src="${escapeHtml(js.toString())}"></script></body></html>`;
    this.gate.loaded(this.version, restarted);
  }

  /** Debounced patch after an edit (or a diagnostics / settings change for this document). */
  scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.update(); }, UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    // A first page still loading: the patch renders after it (a patch of no page would be lost).
    if (this.loading) { this.updateAfterLoad = true; return; }
    const seq = ++this.seq;
    const gen = this.gen;
    const current = () => !this.isDisposed && seq === this.seq && gen === this.gen;
    const doc = await this.document();
    if (!doc || this.isDisposed) return;
    let r: RenderResult;
    try { r = await this.render(doc, this.panel.webview); } catch (e) {
      if (current()) this.post({ type: 'notice', text: this.failure(e) });
      return;
    }
    if (!current()) return;
    this.version++;
    this.lastHtml = r.headerHtml + r.bodyHtml;
    this.patchedSinceReload = true;
    this.post({ type: 'update', version: this.version, headerHtml: r.headerHtml, bodyHtml: r.bodyHtml, lineOffsets: r.sourceMap.lineOffsets });
  }

  /** Posts to the current page once its script listens (PageGate); until then the latest update and notice wait. */
  post(message: HostMessage): void {
    this.gate.post(message);
  }

  private editorFor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
  }

  private async onMessage(m: WebviewMessage | undefined): Promise<void> {
    if (!m) return;
    switch (m.type) {
      case 'ready': {
        this.gate.onReady(m.version);
        if (!this.gate.isReady) return;
        const ed = this.editorFor();
        if (ed && ed.visibleRanges.length) this.post({ type: 'scrollTo', offset: ed.document.offsetAt(ed.visibleRanges[0].start) });
        return;
      }
      case 'rendered': this.acked = Math.max(this.acked, Math.min(m.version, this.version)); return;
      case 'scrolled': {
        const ed = this.editorFor();
        if (!ed) return;
        const pos = ed.document.positionAt(m.offset);
        this.ignoreEditorScrollUntil = Date.now() + 300;
        ed.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'dblclick': {
        const doc = await this.document();
        if (!doc) return;
        const pos = doc.positionAt(m.offset);
        const ed = await vscode.window.showTextDocument(doc, { viewColumn: this.editorFor()?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
        ed.selection = new vscode.Selection(pos, pos);
        ed.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'openLink': await followLink(m.href, this.uri, this.siteRoot ? uriOf(this.siteRoot) : undefined, this.editorFor()?.viewColumn); return;
      case 'showProblems': await vscode.commands.executeCommand('workbench.actions.view.problems'); return;
      case 'setMode': await vscode.workspace.getConfiguration('postdesk.preview', this.uri).update('mode', m.mode, vscode.ConfigurationTarget.Global); return;
    }
  }
}
