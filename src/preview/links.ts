// Links clicked in the preview: http(s) through VS Code's external-link prompt, relative links to posts in the editor.
import * as vscode from 'vscode';
import { isPostFile } from '../core/postFiles';
import { externalHref } from './href';

/** `p` (a posix path) with `.` and `..` resolved; undefined when it climbs above `/`. */
function normalize(p: string): string | undefined {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') { if (!out.length) return undefined; out.pop(); } else out.push(s);
  }
  return `/${out.join('/')}`;
}

/**
 * The path of the local post a relative (or root-relative) link points at, or undefined; nothing outside `rootPath`.
 * Paths are Uri paths (posix), so this works on `file:` and virtual workspaces alike.
 */
export function resolvePostPath(href: string, fromPath: string, rootPath: string | undefined): string | undefined {
  const h = href.trim();
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(h) || /^[/\\]{2}/.test(h) || h.startsWith('#')) return undefined;
  let clean = h.split(/[?#]/)[0];
  try { clean = decodeURIComponent(clean); } catch { return undefined; }
  if (!clean || clean.includes('\0') || clean.includes('\\')) return undefined;
  const dir = fromPath.replace(/\/[^/]*$/, '') || '/';
  const root = normalize(rootPath ?? dir);
  const target = normalize(clean.startsWith('/') ? `${root}/${clean}` : `${dir}/${clean}`);
  if (!root || !target || !(target === root || target.startsWith(root === '/' ? '/' : `${root}/`))) return undefined;
  return isPostFile(target) ? target : undefined;
}

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
