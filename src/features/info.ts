// "Show Post Info": how Jekyll will publish the post, as a read-only Markdown document shown in VS Code's Markdown preview; "Copy Post Info as JSON".
import * as vscode from 'vscode';
import { isWorkspaceUri } from '../host/uris';
import { pathOf } from '../host/site';
import { postInfo, renderPostInfo, type PostInfo } from '../core/info';
import { findLayout, LAYOUT_EXTENSIONS } from '../core/layouts';
import { registerCommand } from '../host/commands';
import { decodeText } from '../core/parse';
import type { SiteConfig } from '../core/site';
import type { Services } from '../services';

/** The scheme of the read-only info documents (`postdesk-info:/<post path>.md?<post uri>`). */
export const INFO_SCHEME = 'postdesk-info';

/** Most layout files read for one info (a site has a handful; a hostile one is cut off here). */
const MAX_LAYOUTS = 200;
/** Only the front matter of a layout matters here (its own `layout:`). */
const MAX_LAYOUT_BYTES = 64 * 1024;

/** A synchronous reader of the site's `_layouts/<name>.<ext>` files, read first through `workspace.fs`. */
async function layoutTexts(doc: vscode.TextDocument, site: SiteConfig): Promise<(name: string) => string | undefined> {
  const dir = vscode.Uri.joinPath(doc.uri.with({ path: site.root.replace(/\\/g, '/'), query: '', fragment: '' }), '_layouts');
  const texts = new Map<string, string>();
  try {
    const files = (await vscode.workspace.fs.readDirectory(dir)).filter(([n, t]) => t === vscode.FileType.File && LAYOUT_EXTENSIONS.some((e) => n.endsWith(e))).slice(0, MAX_LAYOUTS);
    await Promise.all(files.map(async ([name]) => {
      try { texts.set(name, decodeText((await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name))).subarray(0, MAX_LAYOUT_BYTES)).text); } catch { /* unreadable: no chain past it */ }
    }));
  } catch { /* no _layouts folder */ }
  return (name) => findLayout(name, (f) => texts.get(f));
}

/** Post info of an open document (its site, layouts and the layout files, read through `workspace.fs`). */
export async function infoFor(s: Services, doc: vscode.TextDocument): Promise<PostInfo> {
  await s.sites.ready();
  const site = s.sites.siteFor(doc.uri);
  const file = isWorkspaceUri(doc.uri) ? pathOf(doc.uri) : undefined;
  const { layouts } = s.sites.optionsFor(site, file);
  return postInfo(doc.getText(), { site, file, layouts, readLayout: await layoutTexts(doc, site) });
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
      const info = await infoFor(s, doc);
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
      const json = JSON.stringify(await infoFor(s, doc), null, 2);
      await vscode.env.clipboard.writeText(json);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Post info copied as JSON.'), 3000);
      return json;
    }),
  );
}
