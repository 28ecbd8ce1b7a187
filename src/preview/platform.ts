// What the preview needs from its host (Node or web worker): a budgeted renderer and, on Node only, "As published".
import type * as vscode from 'vscode';
import type { RenderResult, StockMode } from '../core/render';
import type { BudgetedRenderer } from './renderer';

/** The preview modes (`postdesk.preview.mode`). */
export type PreviewMode = 'article' | 'published';

/** The "As published" mode (src/preview/published.ts); absent on the web, where the preview shows the article only. */
export interface PublishedPreview {
  previewMode(uri: vscode.Uri): PreviewMode;
  modeBar(mode: PreviewMode): string;
  render(text: string, file: string, siteRoot: string, webview: vscode.Webview, stockImages: StockMode, remoteImages: 'allow' | 'block', onFile: vscode.Event<vscode.Uri>): RenderResult & { roots: string[] };
}

/** Injected by the entry point (src/extension.ts, src/web/extension.ts). */
export interface PreviewHost {
  createRenderer(context: vscode.ExtensionContext): BudgetedRenderer;
  published?: PublishedPreview;
}
