// The Post Desk status bar: ✓ or the problem count of the active post, and the workspace scan's progress while it runs.
import * as vscode from 'vscode';
import type { ScanState } from '../host/postWorkspace';
import type { Services } from '../services';
import type { ProblemStore } from './problems';

/** Registers the problem count item (reads the cached problems) and the scan progress item. */
export function registerStatusBar(s: Services, store: ProblemStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('postdesk.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Post Desk';
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const list = doc && store.diagnostics(doc.uri);
    if (!list) { item.hide(); return; }
    const errors = list.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    item.text = list.length ? `$(${errors ? 'error' : 'warning'}) Post Desk: ${list.length}` : '$(check) Post Desk';
    item.tooltip = list.length ? vscode.l10n.t('{0} Post Desk problems in this post: show Problems', list.length) : vscode.l10n.t('No Post Desk problems in this post');
    item.show();
  };
  const progress = vscode.window.createStatusBarItem('postdesk.scan', vscode.StatusBarAlignment.Left, 49);
  progress.name = vscode.l10n.t('Post Desk: reading posts');
  const showScan = (st: ScanState) => {
    if (!st.scanning) { progress.hide(); return; }
    progress.text = st.total ? `$(sync~spin) ${vscode.l10n.t('Post Desk: reading posts {0}/{1}', st.done, st.total)}` : `$(sync~spin) ${vscode.l10n.t('Post Desk: finding posts')}`;
    progress.tooltip = vscode.l10n.t('Open posts are checked first; the Problems of the other posts fill in as they are read.');
    progress.show();
  };
  update();
  showScan(s.workspace.scanState());
  return vscode.Disposable.from(item, progress,
    vscode.window.onDidChangeActiveTextEditor(update),
    s.workspace.onDidChangeScan(showScan),
    store.onDidChange((uris) => { const a = vscode.window.activeTextEditor?.document.uri.toString(); if (uris.some((u) => u.toString() === a)) update(); }));
}
