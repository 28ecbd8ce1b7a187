// Post Desk diagnostics: the Problems of every post, published from the PostWorkspace cache as posts are analysed.
import * as vscode from 'vscode';
import { LineIndex } from '../core/edits';
import type { Problem } from '../core/types';
import { validateSiteConfig } from '../core/validate';
import { registerCommand } from '../host/commands';
import { toDiagnostic } from '../host/diagnostic';
import type { PostEntry } from '../host/postWorkspace';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import type { ProblemStore } from './problems';

/** While the scan runs, its diagnostics are sent at most this often (ms). */
const FLUSH_MS = 500;

/**
 * Keeps the 'postdesk' DiagnosticCollection equal to the PostWorkspace's cached problems: every post (scope
 * `workspace`) or open documents only (scope `open`), plus each site's `_config.yml`.
 */
export class PostDiagnostics extends Disposable implements ProblemStore {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('postdesk'));
  private readonly problems = new WeakMap<vscode.Diagnostic, Problem>();
  /** The entry each published uri's diagnostics came from. */
  private readonly published = new Map<string, PostEntry>();
  private readonly emitter = this._register(new vscode.EventEmitter<readonly vscode.Uri[]>());
  readonly onDidChange = this.emitter.event;

  private readonly pending = new Map<string, PostEntry | vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly s: Services) {
    super();
    const ws = s.workspace;
    this._register(ws.onDidChangePosts(({ changed, removed }) => {
      for (const e of changed) this.pending.set(e.uri.toString(), e);
      for (const u of removed) this.pending.set(u.toString(), u);
      // An open document's problems go out at once; the scan's are sent in fewer, larger messages.
      if (changed.some((e) => e.version !== undefined) || !ws.scanState().scanning) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
    }));
    this._register(ws.onDidChangeScan((st) => { if (!st.scanning) this.flush(); }));
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register(vscode.workspace.onDidCloseTextDocument((d) => {
      if (this.scope() === 'open' && this.published.delete(d.uri.toString())) { this.collection.delete(d.uri); this.emitter.fire([d.uri]); }
    }));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('postdesk.validate')) this.republish(); }));
    this._register(s.sites.onDidChange(() => this.publishConfigs()));
    void s.sites.ready().then(() => this.publishConfigs());
  }

  /** Publishes the pending changes in one `set`. */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const scope = this.scope();
    const sets: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const e of this.pending.values()) {
      if (e instanceof vscode.Uri) { this.published.delete(e.toString()); sets.push([e, undefined]); continue; }
      if (!e.validated || (scope === 'open' && !this.isOpen(e.uri))) { if (this.published.delete(e.uri.toString())) sets.push([e.uri, undefined]); continue; }
      this.published.set(e.uri.toString(), e);
      sets.push([e.uri, this.toDiagnostics(e)]);
    }
    this.pending.clear();
    if (sets.length) { this.collection.set(sets); this.emitter.fire(sets.map(([u]) => u)); }
  }

  private scope(): 'workspace' | 'open' {
    return vscode.workspace.getConfiguration('postdesk').get<string>('validate.scope') === 'open' ? 'open' : 'workspace';
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
  }

  private diagnostic(p: Problem, range: vscode.Range, keep: boolean): vscode.Diagnostic {
    const d = toDiagnostic(p, range);
    // Only open documents get quick fixes: the problem behind a diagnostic is kept for them alone.
    if (keep) this.problems.set(d, p);
    return d;
  }

  private toDiagnostics(e: PostEntry): vscode.Diagnostic[] {
    const r = e.ranges;
    return e.problems.map((p, i) => this.diagnostic(p, new vscode.Range(r[4 * i], r[4 * i + 1], r[4 * i + 2], r[4 * i + 3]), e.version !== undefined));
  }

  /** Publishes every cached post again (after the scope setting changed). */
  private republish(): void {
    this.collection.forEach((uri) => { if (!/_config\.yml$/.test(uri.path)) this.collection.delete(uri); });
    this.published.clear();
    const scope = this.scope();
    const sets: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const e of this.s.workspace.entries()) {
      if (!e.validated || (scope === 'open' && !this.isOpen(e.uri))) continue;
      this.published.set(e.uri.toString(), e);
      sets.push([e.uri, this.toDiagnostics(e)]);
    }
    this.collection.set(sets);
  }

  private publishConfigs(): void {
    // A deleted `_config.yml` keeps no Problems.
    this.collection.forEach((uri) => { if (/\/_config\.yml$/.test(uri.path)) this.collection.delete(uri); });
    for (const { site } of this.s.sites.sites()) {
      const cfg = this.s.sites.config(site);
      if (!cfg) continue;
      const lines = new LineIndex(cfg.text);
      const at = (o: number) => { const p = lines.positionAt(o); return new vscode.Position(p.line, p.character); };
      this.collection.set(cfg.uri, validateSiteConfig(site, cfg.text).map((p) => this.diagnostic(p, new vscode.Range(at(p.start), at(p.end)), false)));
    }
  }

  problemsFor(doc: vscode.TextDocument): readonly Problem[] | undefined {
    const e = this.s.workspace.analyzeDocument(doc);
    return e?.validated ? e.problems : undefined;
  }

  problemOf(d: vscode.Diagnostic): Problem | undefined {
    return this.problems.get(d);
  }

  isCurrent(doc: vscode.TextDocument): boolean {
    return this.published.get(doc.uri.toString())?.version === doc.version;
  }

  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] | undefined {
    return this.published.has(uri.toString()) ? this.collection.get(uri) ?? [] : undefined;
  }
}

/** Registers the Problems store and `postdesk.validateWorkspace`; returns the store for code actions and the status bar. */
export function registerDiagnostics(s: Services): { store: ProblemStore; disposable: vscode.Disposable } {
  const diags = new PostDiagnostics(s);
  const rescan = registerCommand(s.output, 'postdesk.validateWorkspace', () => s.workspace.rescan());
  return { store: diags, disposable: vscode.Disposable.from(diags, rescan) };
}
