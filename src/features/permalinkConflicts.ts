// permalink-conflict in the editor: posts the workspace index says Jekyll writes to one file, each naming (and linking) the others.
import * as vscode from 'vscode';
import { uriOf } from '../host/uris';
import { decodeText } from '../core/parse';
import { conflictsByFile, findViewConflicts, permalinkConflict, type DestinationMemo } from '../core/rules/permalink-conflict';
import type { PostView } from '../core/taxonomy/posts';
import { toDiagnostics } from '../host/diagnostic';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import { workspaceTaxonomy, type WorkspaceTaxonomy } from './taxonomyIndex';

/** Keeps a diagnostic collection of permalink conflicts in step with the workspace taxonomy index (no second scan). */
export class PermalinkConflicts extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection('postdesk-permalink'));
  /** Destination keys (and destinations) by view: the index replaces a file's view when it changes, so only changed posts are worked out again. */
  private destinations = new WeakMap<PostView, DestinationMemo>();

  constructor(private readonly tax: WorkspaceTaxonomy) {
    super();
    // Conflicts need every post: while the scan runs they are partial, and each update is a pass over all posts.
    this._register(tax.onDidChange(() => { if (!tax.busy) void this.update(); }));
    void tax.ready().then(() => this.update());
  }

  /** Recomputes every site's conflicts and replaces the diagnostics. */
  async update(): Promise<void> {
    const next = new Map<string, vscode.Diagnostic[]>();
    for (const [root, idx] of this.tax.all()) {
      const level = idx.site.postdesk.rules['permalink-conflict'];
      if (level === 'off') continue;
      const byRel = new Map<string, string>();
      for (const [file, view] of idx.files()) byRel.set(view.file, file);
      const views = [...idx.files()].map(([, v]) => v);
      for (const [rel, hit] of conflictsByFile(findViewConflicts(views, idx.site, Date.now(), this.destinations))) {
        const file = byRel.get(rel);
        if (!file) continue;
        const uri = uriOf(file);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let text: string;
        try { text = open ? open.getText() : decodeText(await vscode.workspace.fs.readFile(uri)).text; } catch { continue; }
        const diags = toDiagnostics(text, permalinkConflict(text, hit.destination, hit.others, level));
        for (const d of diags) {
          d.relatedInformation = hit.others.map((o) => new vscode.DiagnosticRelatedInformation(
            new vscode.Location(vscode.Uri.joinPath(uriOf(root), o), new vscode.Position(0, 0)), vscode.l10n.t('Also written to {0}', hit.destination)));
        }
        next.set(uri.toString(), diags);
      }
    }
    this.collection.forEach((uri) => { if (!next.has(uri.toString())) this.collection.delete(uri); });
    for (const [key, diags] of next) this.collection.set(vscode.Uri.parse(key), diags);
  }
}

/** Registers the editor side of `permalink-conflict`. */
export function registerPermalinkConflicts(s: Services): vscode.Disposable {
  return vscode.Disposable.from(
    new PermalinkConflicts(workspaceTaxonomy(s)),
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'html' }], { provideCodeActions: openOthers }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}

/** The quick fix of a conflict: open each other post written to the same file (from the diagnostic's related locations). */
function openOthers(_doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const out: vscode.CodeAction[] = [];
  for (const d of context.diagnostics) {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    if (code !== 'permalink-conflict') continue;
    for (const r of d.relatedInformation ?? []) {
      const name = r.location.uri.path.slice(r.location.uri.path.lastIndexOf('/') + 1);
      const action = new vscode.CodeAction(vscode.l10n.t('Open {0}, also written there.', name), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.command = { title: action.title, command: 'vscode.open', arguments: [r.location.uri] };
      out.push(action);
    }
  }
  return out;
}
