// Post Desk diagnostics: validates open posts as you type and every post of the workspace, kept current by a watcher.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { registerCommand } from '../host/commands';
import { LineIndex } from '../core/edits';
import type { L10nText, Problem, Severity } from '../core/types';
import { isValidated, ruleDocUrl, validatePost, validateSiteConfig } from '../core/validate';
import { isPostFile, readText } from '../node/files';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import { registerCodeActions } from './codeActions';
import { registerStatusBar } from './statusBar';

/** The core problem behind each Post Desk diagnostic (what quick fixes read). */
export const problemOf = new WeakMap<vscode.Diagnostic, Problem>();

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint,
};
const DEBOUNCE_MS = 250;
const POST_GLOB = '**/_*/**/*.{md,markdown,mkd,mkdn,html,htm}';
const EXCLUDE = '{**/node_modules/**,**/_site/**,**/.*/**}';

/** Problems of an open document, or undefined when it is not a post Jekyll reads. */
export function problemsFor(s: Services, doc: vscode.TextDocument): Problem[] | undefined {
  if (doc.uri.scheme !== 'file' || !isPostFile(doc.uri.fsPath)) return undefined;
  const site = s.sites.siteFor(doc.uri);
  if (!isValidated(site, doc.uri.fsPath)) return undefined;
  return validatePost(doc.getText(), s.sites.optionsFor(site, doc.uri.fsPath));
}

/** A core message in the display language: its template through `vscode.l10n.t` (English when there is no translation). */
export function localize(english: string, l10n: (L10nText & { suffix?: L10nText }) | undefined): string {
  if (!l10n) return english;
  const text = vscode.l10n.t(l10n.template, ...l10n.args);
  return l10n.suffix ? text + vscode.l10n.t(l10n.suffix.template, ...l10n.suffix.args) : text;
}

/** Problems as diagnostics for `text` (ranges through the core LineIndex, so unopened files need no TextDocument). */
export function toDiagnostics(text: string, problems: readonly Problem[]): vscode.Diagnostic[] {
  const lines = new LineIndex(text);
  return problems.map((p) => {
    const a = lines.positionAt(p.start);
    const b = lines.positionAt(p.end);
    const d = new vscode.Diagnostic(new vscode.Range(a.line, a.character, b.line, b.character), localize(p.message, p.l10n), SEVERITY[p.severity]);
    d.source = 'Post Desk';
    d.code = { value: p.rule, target: vscode.Uri.parse(ruleDocUrl(p.rule)) };
    problemOf.set(d, p);
    return d;
  });
}

/** Keeps the 'postdesk' DiagnosticCollection current for open documents and (scope `workspace`) every post on disk. */
export class PostDiagnostics extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection('postdesk'));
  /** Document version each open document's diagnostics were computed for. */
  readonly versions = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private scanToken = 0;

  constructor(private readonly s: Services) {
    super();
    const ws = vscode.workspace;
    this._register(ws.onDidOpenTextDocument((d) => this.validateNow(d)));
    this._register(ws.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.schedule(e.document); }));
    this._register(ws.onDidSaveTextDocument((d) => this.validateNow(d)));
    this._register(ws.onDidCloseTextDocument((d) => this.closed(d)));
    this._register(ws.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('postdesk.validate')) void this.rescan(); }));
    this._register(s.sites.onDidChange(() => void this.rescan()));
    this._register(s.sites.onDidChangeLayouts(() => void this.rescan()));
    const watcher = this._register(ws.createFileSystemWatcher(POST_GLOB));
    const fromDisk = (uri: vscode.Uri) => { if (this.scope() === 'workspace' && !this.isOpen(uri)) this.validateFile(uri); };
    this._register(watcher.onDidCreate(fromDisk));
    this._register(watcher.onDidChange(fromDisk));
    this._register(watcher.onDidDelete((uri) => { if (!this.isOpen(uri)) this.collection.delete(uri); }));
    this._register({ dispose: () => { for (const t of this.timers.values()) clearTimeout(t); } });
    for (const d of ws.textDocuments) this.validateNow(d);
    void this.rescan();
  }

  private scope(): 'workspace' | 'open' {
    return vscode.workspace.getConfiguration('postdesk').get<string>('validate.scope') === 'open' ? 'open' : 'workspace';
  }

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  /** Debounced validation; a run for an older version than the document's is dropped. */
  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = doc.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (doc.isClosed || doc.version !== version) return;
      this.validateNow(doc);
    }, DEBOUNCE_MS));
  }

  /** Validates an open document now. */
  validateNow(doc: vscode.TextDocument): Problem[] | undefined {
    try {
      const problems = problemsFor(this.s, doc);
      if (!problems) return undefined;
      this.collection.set(doc.uri, toDiagnostics(doc.getText(), problems));
      this.versions.set(doc.uri.toString(), doc.version);
      return problems;
    } catch (e) {
      this.s.output.error(`validation failed for ${doc.uri.fsPath}: ${(e as Error).message}`);
      return undefined;
    }
  }

  private closed(doc: vscode.TextDocument): void {
    this.versions.delete(doc.uri.toString());
    clearTimeout(this.timers.get(doc.uri.toString()));
    if (this.scope() === 'open') this.collection.delete(doc.uri);
    else if (doc.uri.scheme === 'file') this.validateFile(doc.uri);
  }

  /** Validates a file from disk (not open in an editor); one failing file never stops the others. */
  private validateFile(uri: vscode.Uri): void {
    try {
      if (!isPostFile(uri.fsPath) || !fs.existsSync(uri.fsPath)) { this.collection.delete(uri); return; }
      const site = this.s.sites.siteFor(uri);
      if (!isValidated(site, uri.fsPath)) return;
      const { text, invalid } = readText(uri.fsPath);
      this.collection.set(uri, toDiagnostics(text, validatePost(text, this.s.sites.optionsFor(site, uri.fsPath, invalid))));
    } catch (e) {
      this.s.output.warn(`could not validate ${uri.fsPath}: ${(e as Error).message}`);
    }
  }

  /** Re-validates every post of the workspace (scope `workspace`) or only open documents (scope `open`). */
  async rescan(): Promise<void> {
    const token = ++this.scanToken;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    if (this.scope() === 'open') {
      this.collection.forEach((uri) => { if (!open.has(uri.toString())) this.collection.delete(uri); });
      for (const d of vscode.workspace.textDocuments) this.validateNow(d);
      return;
    }
    for (const d of vscode.workspace.textDocuments) this.validateNow(d);
    const configs = await vscode.workspace.findFiles('**/_config.yml', EXCLUDE, 50);
    for (const cfg of configs) this.validateConfig(cfg);
    const files = await vscode.workspace.findFiles(POST_GLOB, EXCLUDE, 20000);
    for (let i = 0; i < files.length; i++) {
      if (token !== this.scanToken) return;
      if (!this.isOpen(files[i])) this.validateFile(files[i]);
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 0));
    }
  }

  private validateConfig(uri: vscode.Uri): void {
    try {
      const site = this.s.sites.siteFor(uri);
      const { text } = readText(uri.fsPath);
      this.collection.set(uri, toDiagnostics(text, validateSiteConfig(site, text)));
    } catch (e) {
      this.s.output.warn(`could not read ${uri.fsPath}: ${(e as Error).message}`);
    }
  }
}

/** Registers diagnostics, quick fixes / fix-all, and the status bar item. */
export function registerDiagnostics(s: Services): vscode.Disposable {
  const diags = new PostDiagnostics(s);
  const rescan = registerCommand(s.output, 'postdesk.validateWorkspace', () => diags.rescan());
  return vscode.Disposable.from(diags, rescan, registerCodeActions(s, diags), registerStatusBar(diags));
}
