// Quick fixes from the fixes on each core problem, "Fix all Post Desk problems in this file" and source.fixAll.postdesk.
import * as vscode from 'vscode';
import { workspaceSchemes } from '../host/uris';
import { registerCommand } from '../host/commands';
import type { Fix, Problem } from '../core/types';
import { preferredFixes } from '../core/validate';
import { fixToWorkspaceEdit } from '../host/edits';
import type { Services } from '../services';
import { localize } from '../host/l10n';
import type { ProblemStore } from './problems';

/** `source.fixAll.postdesk`, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postdesk');
const FIX_ALL_TITLE = () => vscode.l10n.t('Fix all Post Desk problems in this file');

/** The preferred fixes of a document's current text as one WorkspaceEdit (renames only when `renames`). */
export function fixAllEdit(store: ProblemStore, doc: vscode.TextDocument, renames: boolean): { edit: vscode.WorkspaceEdit; count: number } | undefined {
  const problems = store.problemsFor(doc);
  if (!problems) return undefined;
  const fixes = preferredFixes(problems, renames);
  if (!fixes.length) return undefined;
  const edit = new vscode.WorkspaceEdit();
  const textEdits = fixes.flatMap((f) => f.edits);
  if (textEdits.length) fixToWorkspaceEdit(doc, { title: '', edits: textEdits }, edit);
  for (const f of fixes) if (f.rename) fixToWorkspaceEdit(doc, { title: localize(f.title, f.l10n), edits: [], rename: f.rename }, edit);
  return { edit, count: fixes.length };
}

class PostCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly store: ProblemStore) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && FIX_ALL_KIND.contains(context.only) || context.only?.contains(FIX_ALL_KIND)) {
      const all = fixAllEdit(this.store, doc, false);
      if (!all) return [];
      const a = new vscode.CodeAction(FIX_ALL_TITLE(), FIX_ALL_KIND);
      a.edit = all.edit;
      return [a];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'Post Desk');
    if (!ours.length) return [];
    const pairs = this.problemsAt(doc, ours, range);
    const actions: vscode.CodeAction[] = [];
    for (const { diagnostic, problem } of pairs) {
      for (const fix of problem.fixes) actions.push(this.action(doc, fix, diagnostic));
    }
    const all = fixAllEdit(this.store, doc, true);
    if (all && all.count > 0) {
      const a = new vscode.CodeAction(FIX_ALL_TITLE(), vscode.CodeActionKind.QuickFix);
      a.edit = all.edit;
      a.diagnostics = ours;
      actions.push(a);
    }
    return actions;
  }

  private action(doc: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const a = new vscode.CodeAction(localize(fix.title, fix.l10n), vscode.CodeActionKind.QuickFix);
    a.edit = fixToWorkspaceEdit(doc, fix);
    a.diagnostics = [diagnostic];
    a.isPreferred = fix.preferred === true;
    return a;
  }

  /** The problem behind each diagnostic; when the text changed since, the current text's problems at the same rule and place. */
  private problemsAt(doc: vscode.TextDocument, diags: vscode.Diagnostic[], range: vscode.Range): { diagnostic: vscode.Diagnostic; problem: Problem }[] {
    // Cached problems: the diagnostics' own when current, else the cache's for this version (analysed once).
    const fresh = this.store.isCurrent(doc);
    const current = fresh ? undefined : this.store.problemsFor(doc) ?? [];
    const out: { diagnostic: vscode.Diagnostic; problem: Problem }[] = [];
    for (const d of diags) {
      let p = fresh ? this.store.problemOf(d) : undefined;
      if (!p && current) {
        const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
        p = current.find((c) => c.rule === code && new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)).intersection(range.union(d.range)) !== undefined);
      }
      if (p) out.push({ diagnostic: d, problem: p });
    }
    return out;
  }
}

/** Registers the code action provider and `postdesk.fixAll`. */
export function registerCodeActions(s: Services, store: ProblemStore): vscode.Disposable {
  // `file:` and a virtual workspace's own scheme (github.dev's `vscode-vfs:`).
  const selector: vscode.DocumentSelector = workspaceSchemes().flatMap((scheme) => [{ scheme, language: 'markdown' }, { scheme, language: 'html' }, { scheme, pattern: '**/_*/**/*.{md,markdown,mkd,mkdn}' }]);
  const provider = vscode.languages.registerCodeActionsProvider(selector, new PostCodeActions(store), {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
  const command = registerCommand(s.output, 'postdesk.fixAll', async (uri?: vscode.Uri) => {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.')); return 0; }
    const all = fixAllEdit(store, doc, true);
    if (!all) return 0;
    await vscode.workspace.applyEdit(all.edit);
    return all.count;
  });
  return vscode.Disposable.from(provider, command);
}
