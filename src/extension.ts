// Post Desk's entry point: composes each feature's registerX() and nothing else.
import * as vscode from 'vscode';
import { createServices } from './services';
import { registerShowInfo } from './features/info';
import { registerInfoHover } from './features/infoHover';
import { registerDiagnostics } from './features/diagnostics';
import { registerStrip } from './features/strip';
import { registerPreview } from './preview/manager';
import { registerTaxonomy } from './features/taxonomy';

/** Activates Post Desk; returns the API the integration tests use. */
export function activate(context: vscode.ExtensionContext) {
  const t0 = performance.now();
  const s = createServices(context);
  context.subscriptions.push(
    registerShowInfo(s),
    registerInfoHover(s),
    registerDiagnostics(s),
    registerStrip(s),
    registerPreview(s),
    registerTaxonomy(s),
  );
  const activateMs = performance.now() - t0;
  s.output.debug(`activated in ${activateMs.toFixed(1)} ms`);
  return { activateMs };
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
