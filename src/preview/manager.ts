// The preview feature: Open Preview (to the Side), Toggle Preview Lock, following the active post, restore on reload.
import * as vscode from 'vscode';
import { registerCommand } from '../host/commands';
import { isPostFile } from '../core/postFiles';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import { TEST_HOOKS } from '../util/test-hooks';
import { parsePreviewState } from './messages';
import type { BudgetedRenderer } from './renderer';
import type { PreviewHost } from './platform';
import { isWorkspaceUri } from '../host/uris';
import { PreviewPanel, VIEW_TYPE, type PanelState } from './panel';
import { SCRIPT_HOLD_SCHEME, ScriptHold, type ScriptHoldMode } from './script-hold';

/** What "Open Preview" returns (used by the integration tests). */
export interface OpenResult { uri: string; viewColumn: number | undefined; locked: boolean }

/** Documents the preview can show: Markdown and HTML (posts or not). */
export function isPreviewable(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || doc.languageId === 'html' || (isWorkspaceUri(doc.uri) && isPostFile(doc.uri.path));
}

class PreviewManager extends Disposable {
  private readonly panels = new Set<PreviewPanel>();
  private lastActive: PreviewPanel | undefined;
  private readonly renderer: BudgetedRenderer;
  /** Test build only: where pages load their script from, so a test can hold or fail that load. */
  private scriptHold: ScriptHold | undefined;

  constructor(private readonly s: Services, private readonly host: PreviewHost) {
    super();
    this.renderer = host.createRenderer(s.context);
    this._register({ dispose: () => this.renderer.dispose() });
    this._register(registerCommand(this.s.output, 'postdesk.preview.open', (uri?: vscode.Uri) => this.open(uri, false)));
    this._register(registerCommand(this.s.output, 'postdesk.preview.openToSide', (uri?: vscode.Uri) => this.open(uri, true)));
    this._register(registerCommand(this.s.output, 'postdesk.preview.toggleLock', () => this.toggleLock()));
    // The integration tests' view of the preview: only in the test build (src/util/test-hooks.ts).
    if (TEST_HOOKS) {
      const hold = this.scriptHold = new ScriptHold(vscode.Uri.joinPath(s.context.extensionUri, 'dist'));
      this._register(vscode.workspace.registerFileSystemProvider(SCRIPT_HOLD_SCHEME, hold, { isReadonly: true }));
      this._register(registerCommand(this.s.output, 'postdesk.preview._state', (): (PanelState & { panels: number; scriptRequests: number; rendersInFlight: number }) | undefined => {
        const p = this.current();
        return p ? { ...p.state, panels: this.panels.size, scriptRequests: hold.requests, rendersInFlight: this.renderer.inFlight } : undefined;
      }));
      this._register(registerCommand(this.s.output, 'postdesk.preview._holdScript', (mode: ScriptHoldMode) => { hold.setMode(mode); }));
      this._register(registerCommand(this.s.output, 'postdesk.preview._holdRender', (on: boolean) => { this.renderer.hold(on); }));
    }
    this._register(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, raw) => {
        await this.s.sites.ready();
        const st = parsePreviewState(raw);
        let uri: vscode.Uri | undefined;
        try { uri = st ? vscode.Uri.parse(st.uri, true) : undefined; } catch { uri = undefined; }
        if (!st || !uri || !isWorkspaceUri(uri)) { panel.dispose(); return; }
        await this.adopt(panel, uri, st.locked).reload();
      },
    }));
    this._register(vscode.window.onDidChangeActiveTextEditor((ed) => {
      if (!ed || !isPreviewable(ed.document)) return;
      for (const p of this.panels) if (!p.locked && p.uri.toString() !== ed.document.uri.toString()) void p.show(ed.document.uri);
    }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      for (const p of this.panelsFor(e.document.uri)) p.scheduleUpdate();
    }));
    this._register(vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) for (const p of this.panelsFor(uri)) p.scheduleUpdate();
    }));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (!e.visibleRanges.length) return;
      for (const p of this.panelsFor(e.textEditor.document.uri)) {
        if (Date.now() < p.ignoreEditorScrollUntil) continue;
        p.post({ type: 'scrollTo', offset: e.textEditor.document.offsetAt(e.visibleRanges[0].start) });
      }
    }));
    const reloadAll = () => { for (const p of this.panels) void p.reload(); };
    this._register(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('postdesk.preview')) reloadAll(); }));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(reloadAll));
    this._register(this.s.sites.onDidChange(reloadAll));
  }

  override dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    super.dispose();
  }

  private panelsFor(uri: vscode.Uri): PreviewPanel[] {
    const key = uri.toString();
    return [...this.panels].filter((p) => p.uri.toString() === key);
  }

  private current(): PreviewPanel | undefined {
    return [...this.panels].find((p) => p.panel.active) ?? this.lastActive ?? [...this.panels].pop();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, locked: boolean): PreviewPanel {
    panel.iconPath = vscode.Uri.joinPath(this.s.context.extensionUri, 'media', 'preview-icon.svg');
    const hold = this.scriptHold;
    const p = new PreviewPanel(panel, uri, locked, this.s, this.renderer, this.host.published, hold && (() => hold.root));
    this.panels.add(p);
    this.lastActive = p;
    p.onDidDispose(() => { this.panels.delete(p); if (this.lastActive === p) this.lastActive = undefined; });
    panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) this.lastActive = p; });
    return p;
  }

  private async open(uri: vscode.Uri | undefined, side: boolean): Promise<OpenResult | undefined> {
    const active = vscode.window.activeTextEditor;
    const target = uri instanceof vscode.Uri ? uri : active?.document.uri;
    if (!target) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.')); return undefined; }
    // The site (for the header and image base) is known once the sites were read: a moment after start-up.
    await this.s.sites.ready();
    const sourceColumn = active?.viewColumn ?? vscode.ViewColumn.One;
    const column = side ? (sourceColumn + 1) as vscode.ViewColumn : sourceColumn;
    let p = this.panelsFor(target)[0] ?? [...this.panels].find((x) => !x.locked);
    if (p) {
      if (p.uri.toString() !== target.toString()) await p.show(target);
      p.panel.reveal(side ? column : p.panel.viewColumn, true);
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Preview'), { viewColumn: column, preserveFocus: true }, { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [] });
      p = this.adopt(panel, target, false);
      await p.reload();
    }
    return { uri: p.uri.toString(), viewColumn: p.panel.viewColumn, locked: p.locked };
  }

  private toggleLock(): { locked: boolean } | undefined {
    const p = this.current();
    if (!p) return undefined;
    p.setLocked(!p.locked);
    return { locked: p.locked };
  }
}

/** Registers the preview commands, the panel serializer and the listeners that keep previews current. */
export function registerPreview(s: Services, host: PreviewHost): vscode.Disposable {
  return new PreviewManager(s, host);
}
