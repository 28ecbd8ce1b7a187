// Post Desk's Node entry (`main`): the shared activation with a worker-thread renderer, "As published" and host probes.
import * as vscode from 'vscode';
import { activateWith } from './extension-shared';
import { BudgetedRenderer } from './node/render-budget';
import { nodeHostProbe } from './node/host-probe';
import { modeBar, previewMode, renderPublishedPreview } from './preview/published';

/** Activates Post Desk in the Node extension host; returns the API the integration tests use. */
export function activate(context: vscode.ExtensionContext) {
  return activateWith(context, {
    preview: {
      createRenderer: (ctx) => new BudgetedRenderer(vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'render-worker.js').fsPath),
      published: { previewMode, modeBar, render: renderPublishedPreview },
    },
    // `postdesk._workspace` exists in the product build only when `npm run bench` asks for it (bench/host-run.mjs).
    probe: Object.assign(nodeHostProbe(), { bench: process.env.POSTDESK_BENCH_PROBE === '1' }),
  });
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
