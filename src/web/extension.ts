// Post Desk's web entry (`browser`, the web worker extension host of github.dev / vscode.dev): no Node API in its bundle.
import type * as vscode from 'vscode';
import { activateWith } from '../extension-shared';
import { BudgetedRenderer } from '../preview/renderer';
import { webRenderWorker } from './worker';

/** Activates Post Desk in the web worker extension host; returns the API the integration tests use. */
export function activate(context: vscode.ExtensionContext) {
  return activateWith(context, {
    preview: { createRenderer: (ctx) => new BudgetedRenderer(webRenderWorker(ctx)) },
  });
}

export function deactivate(): void { /* disposables are released through context.subscriptions */ }
