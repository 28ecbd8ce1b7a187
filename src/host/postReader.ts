// The workspace model's one reader of posts: bounded, through vscode.workspace.fs, never opening what is not a regular file.
import * as vscode from 'vscode';
import { decodeText } from '../core/parse';
import { MAX_FILE_BYTES, type Unreadable } from '../core/rules/file-unreadable';

/** A post's text as read from disk, or why it was not read. */
export type Read = { text: string; invalid: boolean; mtimeMs?: number; unreadable?: undefined } | { unreadable: Unreadable };

/**
 * Reads a post: undefined when it is gone or a folder. A FIFO, socket or device is never opened (reading one would
 * block a thread of the host for good), a file over {@link MAX_FILE_BYTES} is not read: both are `unreadable`.
 */
export async function readPost(uri: vscode.Uri, fs: vscode.FileSystem = vscode.workspace.fs): Promise<Read | undefined> {
  let st: vscode.FileStat;
  try { st = await fs.stat(uri); } catch { return undefined; }
  if (st.type & vscode.FileType.Directory) return undefined;
  if (!(st.type & vscode.FileType.File)) return { unreadable: { why: 'not-regular' } };
  if (st.size > MAX_FILE_BYTES) return { unreadable: { why: 'too-large', size: st.size, max: MAX_FILE_BYTES } };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    return { unreadable: { why: 'error', detail: e instanceof vscode.FileSystemError && e.code === 'NoPermissions' ? 'Permission denied' : 'The file could not be read' } };
  }
  // It may have grown between the stat and the read.
  if (bytes.byteLength > MAX_FILE_BYTES) return { unreadable: { why: 'too-large', size: bytes.byteLength, max: MAX_FILE_BYTES } };
  // Only drafts take a date from their mtime.
  const draft = /[\\/]_drafts[\\/]/.test(uri.path);
  return { ...decodeText(bytes), mtimeMs: draft ? st.mtime : undefined };
}

