// The workspace model's one reader of posts: bounded, through vscode.workspace.fs, never opening what is not a regular file.
import * as vscode from 'vscode';
import { decodeText } from '../core/parse';
import type { Unreadable } from '../core/rules/file-unreadable';

/** Posts larger than this are not read, as in `postdesk check` (src/node/safe-fs.ts MAX_FILE_BYTES). */
export const MAX_POST_BYTES = 1024 * 1024;

/** A post's text as read from disk, or why it was not read. */
export type Read = { text: string; invalid: boolean; mtimeMs?: number; unreadable?: undefined } | { unreadable: Unreadable };

/**
 * Reads a post: undefined when it is gone or a folder. A FIFO, socket or device is never opened (reading one would
 * block a thread of the host for good), a file over {@link MAX_POST_BYTES} is not read: both are `unreadable`.
 * `listed` is the file's type as its folder's listing gave it: when that says a plain regular file (not a symlink),
 * the `stat` round trip is skipped and the size is checked on the bytes read instead, so a regular file over the
 * cap is then read whole once before it is reported (the price of one call per post instead of two).
 */
export async function readPost(uri: vscode.Uri, fs: vscode.FileSystem = vscode.workspace.fs, listed?: vscode.FileType): Promise<Read | undefined> {
  // Only drafts take a date from their mtime, which only a stat gives.
  const draft = /[\\/]_drafts[\\/]/.test(uri.path);
  let mtime: number | undefined;
  if (listed !== vscode.FileType.File || draft) {
    let st: vscode.FileStat;
    try { st = await fs.stat(uri); } catch { return undefined; }
    if (st.type & vscode.FileType.Directory) return undefined;
    if (!(st.type & vscode.FileType.File)) return { unreadable: { why: 'not-regular' } };
    if (st.size > MAX_POST_BYTES) return { unreadable: { why: 'too-large', size: st.size, max: MAX_POST_BYTES } };
    mtime = st.mtime;
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileIsADirectory')) return undefined;
    return { unreadable: { why: 'error', detail: e instanceof vscode.FileSystemError && e.code === 'NoPermissions' ? 'Permission denied' : 'The file could not be read' } };
  }
  // It may have grown between the stat and the read, or was not stat'ed.
  if (bytes.byteLength > MAX_POST_BYTES) return { unreadable: { why: 'too-large', size: bytes.byteLength, max: MAX_POST_BYTES } };
  return { ...decodeText(bytes), mtimeMs: draft ? mtime : undefined };
}

/** What the listings of the post folders said: each listed file's type (by uri string), and the special files among them. */
export interface Listing { types: Map<string, vscode.FileType>; special: vscode.Uri[] }

/**
 * Lists the folders of `found` (one `readDirectory` per folder). `special` are the entries that are neither files
 * nor folders (a FIFO, a socket, a device, a dangling symlink): the glob (ripgrep) never lists them, yet Jekyll
 * would try to read one named like a post, so the workspace model reports them (`file-unreadable`) instead of
 * missing them. `types` lets the reader skip a `stat` per post ({@link readPost}'s `listed`).
 */
export async function listFolders(found: readonly vscode.Uri[], fs: vscode.FileSystem = vscode.workspace.fs): Promise<Listing> {
  const dirs = new Map<string, vscode.Uri>();
  for (const u of found) { const d = vscode.Uri.joinPath(u, '..'); dirs.set(d.toString(), d); }
  const out: Listing = { types: new Map(), special: [] };
  await Promise.all([...dirs.values()].map(async (dir) => {
    let entries: [string, vscode.FileType][];
    try { entries = await fs.readDirectory(dir); } catch { return; }
    for (const [name, type] of entries) {
      const u = vscode.Uri.joinPath(dir, name);
      out.types.set(u.toString(), type);
      if (!(type & (vscode.FileType.File | vscode.FileType.Directory))) out.special.push(u);
    }
  }));
  return out;
}
