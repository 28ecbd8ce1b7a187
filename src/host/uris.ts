// Path strings (as SiteConfig roots and the taxonomy index hold them) back to Uris, for `file:` and virtual workspaces alike.
import * as vscode from 'vscode';
import { trimTrailing } from '../core/text';

/**
 * The Uri of a path string made by `pathOf` (site.ts): on a virtual workspace (github.dev's `vscode-vfs:`, a test
 * scheme) the workspace folder that holds it gives scheme and authority; otherwise it is a `file:` path.
 */
export function uriOf(p: string): vscode.Uri {
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    if (f.uri.scheme === 'file') continue;
    const root = trimTrailing(f.uri.path, '/');
    if (p === root || p.startsWith(`${root}/`)) return f.uri.with({ path: p, query: '', fragment: '' });
  }
  return vscode.Uri.file(p);
}

/** Whether `uri` is a file of the workspace Post Desk may read: a `file:` or a file of a (virtual) workspace folder. */
export function isWorkspaceUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** The schemes of the workspace's files (`file` plus those of virtual workspace folders), for document selectors. */
export function workspaceSchemes(): string[] {
  return [...new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
}
