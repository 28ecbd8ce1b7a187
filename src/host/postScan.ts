// The workspace scan's loop: reads posts through workspace.fs in batches, read-ahead, and analyses them in time slices that yield to the event loop.
import * as vscode from 'vscode';
import type { Unreadable } from '../core/rules/file-unreadable';
import type { SiteConfig } from '../core/site';
import type { Problem } from '../core/types';
import { readPost, type Read } from './postReader';

/** One analysed post: its problems (with line/character ranges) and what the features need without re-reading it. */
export interface PostEntry {
  readonly uri: vscode.Uri;
  readonly site: SiteConfig;
  /** The document version it was analysed at (open documents); undefined when read from disk. */
  readonly version: number | undefined;
  /** Whether Post Desk validates the file (Markdown/HTML post, draft or collection document). */
  readonly validated: boolean;
  readonly problems: readonly Problem[];
  /** `[startLine, startChar, endLine, endChar]` of each problem, in order. */
  readonly ranges: readonly number[];
  /** The text mentions a stock-image marker. */
  readonly stock: boolean;
}

/** What one change of the model touched. */
export interface PostsChange { changed: readonly PostEntry[]; removed: readonly vscode.Uri[] }

/** Progress of the workspace scan. */
export interface ScanState { scanning: boolean; done: number; total: number }


/** What the scan loop needs of the workspace model. */
export interface ScanTarget {
  /** Whether `uri` names a file Jekyll reads from a post folder or collection of its site. */
  isCandidate(uri: vscode.Uri): boolean;
  /** Whether `uri` is open in an editor (its text, not the disk, is analysed). */
  isOpen(uri: vscode.Uri): boolean;
  /** Analyses a read post (a candidate), caches and returns its entry. */
  analyzeRead(uri: vscode.Uri, read: Exclude<Read, { unreadable: Unreadable }>): PostEntry | undefined;
  /** The entry of a post the reader refused (`file-unreadable`). */
  unreadable(uri: vscode.Uri, why: Unreadable): PostEntry | undefined;
  /** Drops a post from the model; true when it was there. */
  forget(uri: vscode.Uri): boolean;
  /** Tells the features. */
  fire(change: PostsChange): void;
}

/** Posts read and analysed per batch (one change event each). */
export const BATCH = 64;
/** Work done between two yields to the event loop while scanning (ms); keystrokes and pickers run in between. */
const SLICE_MS = 8;
const READ_AHEAD = 4;

const yieldNow = () => new Promise<void>((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0)));

/** Reads the posts among `uris` (the others read as undefined), all at once. */
export function readCandidates(t: ScanTarget, uris: readonly vscode.Uri[]): Promise<{ uri: vscode.Uri; read: Read | undefined }[]> {
  return Promise.all(uris.map(async (uri) => ({ uri, read: t.isCandidate(uri) ? await readPost(uri) : undefined })));
}

/** Analyses files read from disk in time slices; fires one change for the batch. False when `stale()` stopped it. */
export async function analyzeBatch(t: ScanTarget, batch: { uri: vscode.Uri; read: Read | undefined }[], stale: () => boolean): Promise<boolean> {
  const changed: PostEntry[] = [];
  const removed: vscode.Uri[] = [];
  let slice = performance.now();
  for (const { uri, read } of batch) {
    if (t.isOpen(uri)) continue;
    const e = !read ? undefined : read.unreadable ? t.unreadable(uri, read.unreadable) : t.analyzeRead(uri, read);
    if (e) changed.push(e); else if (t.forget(uri)) removed.push(uri);
    if (performance.now() - slice > SLICE_MS) {
      await yieldNow();
      slice = performance.now();
      if (stale()) return false;
    }
  }
  if (changed.length || removed.length) t.fire({ changed, removed });
  return true;
}

/**
 * Reads and analyses `todo` batch by batch (which files are posts is decided inside the time slices, not in one
 * pass over 20,000 paths), adding each read uri to `seen` and reporting the count done. False when made stale.
 */
export async function scanFiles(t: ScanTarget, todo: readonly vscode.Uri[], seen: Set<string>, stale: () => boolean, progress: (done: number) => void): Promise<boolean> {
  const readBatch = (from: number) => readCandidates(t, todo.slice(from, from + BATCH));
  // Reads run READ_AHEAD batches ahead of the analysis: the scan waits on file system latency, not on the CPU
  // (a CPU profile of the host showed it idle 63 % of the scan with one batch ahead).
  const ahead = Array.from({ length: READ_AHEAD }, (_, k) => readBatch(k * BATCH));
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = await ahead.shift()!;
    if (stale()) return false;
    ahead.push(readBatch(i + READ_AHEAD * BATCH));
    for (const { uri } of batch) seen.add(uri.toString());
    if (!await analyzeBatch(t, batch, stale)) return false;
    progress(Math.min(todo.length, i + BATCH));
  }
  return true;
}
