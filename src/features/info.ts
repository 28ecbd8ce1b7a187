// "Show Post Info": how Jekyll will publish the post, as a read-only Markdown document shown in VS Code's Markdown preview; "Copy Post Info as JSON".
import * as vscode from 'vscode';
import { postInfo, renderPostInfo, type PostInfo } from '../core/info';
import { registerCommand } from '../host/commands';
import { layoutReader } from '../node/layouts';
import type { Services } from '../services';

/** The scheme of the read-only info documents (`postdesk-info:/<post path>.md?<post uri>`). */
export const INFO_SCHEME = 'postdesk-info';

/** Post info of an open document (its site, layouts and the layout files on disk). */
export function infoFor(s: Services, doc: vscode.TextDocument): PostInfo {
  const site = s.sites.siteFor(doc.uri);
  const file = doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
  const { layouts } = s.sites.optionsFor(site, file);
  return postInfo(doc.getText(), { site, file, layouts, readLayout: site.text === undefined ? undefined : layoutReader(site) });
}

/** The document a command was given (a Uri or its string), else the active editor's. */
async function docFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : undefined;
  if (!uri) return vscode.window.activeTextEditor?.document;
  if (uri.scheme === INFO_SCHEME) return docFor(uri.query);
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openTextDocument(uri);
}

/** Registers `postdesk.showInfo`, `postdesk.copyPostInfoJson` and the provider of the info documents. */
export function registerShowInfo(s: Services): vscode.Disposable {
  const shown = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: (uri) => shown.get(uri.toString()) ?? '' };
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(INFO_SCHEME, provider),
    registerCommand(s.output, 'postdesk.showInfo', async (arg?: vscode.Uri | string) => {
      const doc = await docFor(arg);
      if (!doc) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.')); return undefined; }
      const info = infoFor(s, doc);
      // One read-only document per post: VS Code's own Markdown preview shows it (theme, find, zoom), nothing to save on close.
      const uri = vscode.Uri.from({ scheme: INFO_SCHEME, path: `${doc.uri.path}.info.md`, query: doc.uri.toString() });
      const title = `# ${vscode.l10n.t('Post info: {0}', doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1))}`;
      shown.set(uri.toString(), `${title}\n\n${renderPostInfo(info)}\n\n${vscode.l10n.t('Run “Post Desk: Copy Post Info as JSON” for every field as JSON.')}\n`);
      changed.fire(uri);
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      }
      return info;
    }),
    registerCommand(s.output, 'postdesk.copyPostInfoJson', async (arg?: vscode.Uri | string) => {
      const doc = await docFor(arg);
      if (!doc) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.')); return undefined; }
      const json = JSON.stringify(infoFor(s, doc), null, 2);
      await vscode.env.clipboard.writeText(json);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Post info copied as JSON.'), 3000);
      return json;
    }),
  );
}
