// The Post Desk status bar item: ✓ or the problem count of the active post; a click opens the Problems panel.
import * as vscode from 'vscode';
import type { PostDiagnostics } from './diagnostics';

/** Registers the status bar item, updated on editor and diagnostic changes. */
export function registerStatusBar(diags: PostDiagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('postdesk.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Post Desk';
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !diags.versions.has(doc.uri.toString())) { item.hide(); return; }
    const list = diags.collection.get(doc.uri) ?? [];
    const errors = list.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    item.text = list.length ? `$(${errors ? 'error' : 'warning'}) Post Desk: ${list.length}` : '$(check) Post Desk';
    item.tooltip = list.length ? vscode.l10n.t('{0} Post Desk problems in this post: show Problems', list.length) : vscode.l10n.t('No Post Desk problems in this post');
    item.show();
  };
  update();
  return vscode.Disposable.from(item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => { const a = vscode.window.activeTextEditor?.document.uri.toString(); if (e.uris.some((u) => u.toString() === a)) update(); }));
}
