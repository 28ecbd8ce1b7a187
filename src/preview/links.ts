// Links clicked in the preview: http(s) through VS Code's external-link prompt, relative links to posts in the editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPostFile } from '../node/files';
import { externalHref } from './href';

/** The local post a relative (or root-relative) link points at, or undefined; nothing outside `siteRoot` is opened. */
export function resolvePostLink(href: string, fromFile: string, siteRoot: string | undefined): string | undefined {
  const h = href.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(h) || /^[/\\]{2}/.test(h) || h.startsWith('#')) return undefined;
  let clean = h.split(/[?#]/)[0];
  try { clean = decodeURIComponent(clean); } catch { return undefined; }
  if (!clean || clean.includes('\0')) return undefined;
  const root = siteRoot ?? path.dirname(fromFile);
  const target = clean.startsWith('/') ? path.join(root, clean) : path.resolve(path.dirname(fromFile), clean);
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  if (!isPostFile(target)) return undefined;
  try { return fs.statSync(target).isFile() ? target : undefined; } catch { return undefined; }
}

/** Follows a link from the preview of `from`; anything that is not http(s) or a local post is ignored. */
export async function followLink(href: string, from: vscode.Uri, siteRoot: string | undefined, column: vscode.ViewColumn | undefined): Promise<'external' | 'post' | 'ignored'> {
  const h = href.trim();
  if (/^https?:\/\/[^/\\]/i.test(h)) {
    const href = externalHref(h);
    if (!href) return 'ignored';
    let uri: vscode.Uri;
    try { uri = vscode.Uri.parse(href, true); } catch { return 'ignored'; }
    await vscode.env.openExternal(uri);
    return 'external';
  }
  if (from.scheme !== 'file') return 'ignored';
  const target = resolvePostLink(h, from.fsPath, siteRoot);
  if (!target) return 'ignored';
  await vscode.window.showTextDocument(vscode.Uri.file(target), { viewColumn: column ?? vscode.ViewColumn.One });
  return 'post';
}
