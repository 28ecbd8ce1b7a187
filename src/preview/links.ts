// Links clicked in the preview: http(s) through VS Code's external-link prompt, relative links to posts in the editor.
import * as vscode from 'vscode';
import { externalHref, resolvePostPath } from './href';

/** Follows a link from the preview of `from`; anything that is not http(s) or a local post is ignored. */
export async function followLink(href: string, from: vscode.Uri, siteRoot: vscode.Uri | undefined, column: vscode.ViewColumn | undefined): Promise<'external' | 'post' | 'ignored'> {
  const h = href.trim();
  if (/^https?:\/\/[^/\\]/i.test(h)) {
    const href = externalHref(h);
    if (!href) return 'ignored';
    let uri: vscode.Uri;
    try { uri = vscode.Uri.parse(href, true); } catch { return 'ignored'; }
    await vscode.env.openExternal(uri);
    return 'external';
  }
  if (siteRoot && (siteRoot.scheme !== from.scheme || siteRoot.authority !== from.authority)) return 'ignored';
  const path = resolvePostPath(h, from.path, siteRoot?.path);
  if (!path) return 'ignored';
  const target = from.with({ path, query: '', fragment: '' });
  try {
    if (!((await vscode.workspace.fs.stat(target)).type & vscode.FileType.File)) return 'ignored';
  } catch { return 'ignored'; }
  await vscode.window.showTextDocument(target, { viewColumn: column ?? vscode.ViewColumn.One });
  return 'post';
}
