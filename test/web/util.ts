// Helpers for the web suites: the virtual workspace (`pdtest:`), reading and writing through workspace.fs, waiting.
import * as vscode from 'vscode';
import { waitFor as poll } from '../shared/wait';

export const extensionId = 'postdesk.postdesk';
export const SCHEME = 'pdtest';

/** The workspace folder: the fixture site served by the test file system provider. */
export function siteUri(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri;
}

/** A site-relative file (posix path) of the virtual workspace. */
export const at = (rel: string): vscode.Uri => vscode.Uri.joinPath(siteUri(), ...rel.split('/'));

export async function readText(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(rel)));
}

export async function writeText(rel: string, text: string): Promise<vscode.Uri> {
  const uri = at(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Opens a site-relative file in an editor and returns it. */
export async function openPost(rel: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(at(rel)));
}

/** Polls `fn` until it returns a truthy value or `ms` pass (20 s by default: the web worker host is slower to echo). */
export function waitFor<T>(fn: () => T | Promise<T>, ms = 20000, what = 'condition'): Promise<T> {
  return poll(fn, ms, what);
}

export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Post Desk');
export const rules = (uri: vscode.Uri) => ours(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))).sort();
export const waitRules = (uri: vscode.Uri, want: string[], what: string) =>
  waitFor(() => JSON.stringify(rules(uri)) === JSON.stringify([...want].sort()), 30000, `${what}: ${JSON.stringify(want)} (have ${JSON.stringify(rules(uri))})`);

/** Post Desk, activated by opening a post (never forced). */
export async function postDesk(): Promise<vscode.Extension<{ host: string }>> {
  await openPost('_posts/2022-03-21-stock-blocks.md');
  const ext = vscode.extensions.getExtension<{ host: string }>(extensionId);
  if (!ext) throw new Error('Post Desk is not installed in the host');
  await waitFor(() => ext.isActive, 60000, 'Post Desk to activate after a post opened');
  return ext;
}
