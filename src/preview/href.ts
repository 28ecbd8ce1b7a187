// Links of the preview: the http(s) link handed to VS Code as a browser reads it, and the local post a relative link names
// (no vscode import: unit-tested).
import { isPostFile } from '../core/postFiles';

/**
 * The WHATWG-normalised form of an http(s) link (`new URL(h).href`: tabs and line breaks removed, spaces and
 * non-ASCII percent-encoded, the host lower-cased and in punycode), as a browser would follow it; undefined when
 * it is not a valid http(s) URL. `Uri.parse` on the raw text would read some of these differently.
 */
export function externalHref(h: string): string | undefined {
  let url: URL;
  try { url = new URL(h); } catch { return undefined; }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

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
