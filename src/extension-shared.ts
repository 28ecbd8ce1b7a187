// Post Desk's activation, shared by the Node entry (src/extension.ts) and the web one (src/web/extension.ts).
import type * as vscode from 'vscode';
import { createServices } from './services';
import { registerShowInfo } from './features/info';
import { registerInfoHover } from './features/infoHover';
import { registerDiagnostics } from './features/diagnostics';
import { registerCodeActions } from './features/codeActions';
import { registerStatusBar } from './features/statusBar';
import { registerStrip } from './features/strip';
import { registerPreview } from './preview/manager';
import type { PreviewHost } from './preview/platform';
import { registerTaxonomy } from './features/taxonomy';
import { registerWorkspaceDebug, type HostProbe } from './host/debug';
import { registerNewPost } from './features/newPost';
import { registerTimeline } from './features/timeline';
import { registerPermalinkConflicts } from './features/permalinkConflicts';

/** What differs between the hosts: how large posts render off-thread, "As published", host measurements. */
export interface HostParts { preview: PreviewHost; probe?: HostProbe }

/** Composes every feature's registerX(); returns the API the integration tests use. */
export function activateWith(context: vscode.ExtensionContext, host: HostParts): { activateMs: number; host: 'node' | 'web' } {
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
    registerPreview(s, host.preview),
    registerTaxonomy(s),
    registerWorkspaceDebug(s, host.probe),
    registerNewPost(s),
    registerTimeline(s),
    registerPermalinkConflicts(s),
  );
  const activateMs = performance.now() - t0;
  s.output.debug(`activated in ${activateMs.toFixed(1)} ms`);
  return { activateMs, host: host.probe ? 'node' : 'web' };
}
