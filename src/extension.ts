// Post Desk's entry point: composes each feature's registerX() and nothing else.
import * as vscode from 'vscode';
import { createServices } from './services';
import { registerShowInfo } from './features/info';
import { registerInfoHover } from './features/infoHover';
import { registerDiagnostics } from './features/diagnostics';
import { registerCodeActions } from './features/codeActions';
import { registerStatusBar } from './features/statusBar';
import { registerStrip } from './features/strip';
import { registerPreview } from './preview/manager';
import { registerTaxonomy } from './features/taxonomy';
import { registerWorkspaceDebug } from './host/debug';
import { registerNewPost } from './features/newPost';
import { registerTimeline } from './features/timeline';
import { registerPermalinkConflicts } from './features/permalinkConflicts';

/** Activates Post Desk; returns the API the integration tests use. */
export function activate(context: vscode.ExtensionContext) {
  const t0 = performance.now();
  const s = createServices(context);
  const problems = registerDiagnostics(s);
  context.subscriptions.push(
    registerShowInfo(s),
    problems.disposable,
    registerCodeActions(s, problems.store),
    registerStatusBar(s, problems.store),
    registerInfoHover(s),
    registerStrip(s),
    registerPreview(s),
    registerTaxonomy(s),
    registerWorkspaceDebug(s),
    registerNewPost(s),
    registerTimeline(s),
    registerPermalinkConflicts(s),
  );
  const activateMs = performance.now() - t0;
  s.output.debug(`activated in ${activateMs.toFixed(1)} ms`);
  return { activateMs };
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
