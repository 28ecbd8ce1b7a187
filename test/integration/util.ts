// Helpers for integration suites: the fixture workspace, opening posts, waiting for conditions.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'postdesk.postdesk';

/** The open workspace folder (the fixture site copy the runner opened). */
export function siteRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri.fsPath;
}

/** Opens a site-relative file in an editor and returns it. */
export async function openPost(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(siteRoot(), rel)));
  return vscode.window.showTextDocument(doc);
}

/** Polls `fn` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(fn: () => T | Promise<T>, ms = 10000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
