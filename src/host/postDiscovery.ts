// Finds the sites and post folders of the workspace with workspace.fs.readDirectory (no search service): a breadth-first walk that applies Jekyll's excludes itself.
import * as vscode from 'vscode';
import { entryRules, type EntryRules } from '../core/postFiles';
import { decodeText } from '../core/parse';
import { entersFolder, inPostFolder, keepsEntry, type WalkEntryType } from '../core/siteWalk';

/** A `_config.yml` the walk found, with its text (undefined when it could not be read). */
export interface FoundConfig { uri: vscode.Uri; text: string | undefined }

/** What one walk of the workspace found: the sites' configs and every file under a folder named `_…`. */
export interface Discovery {
  configs: FoundConfig[];
  /** Files (and FIFOs, dangling symlinks…) under a folder whose name starts with `_`, with their path from the walk's root. */
  files: { uri: vscode.Uri; rel: string }[];
}

/** Folder listings in flight at once: enough to hide the latency of each, bounded so a wide tree queues. */
const PARALLEL = 16;
/** Work done between two yields to the event loop (ms), as in the scan. */
const SLICE_MS = 8;

const yieldNow = () => new Promise<void>((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0)));

const typeOf = (t: vscode.FileType): WalkEntryType => ({
  file: (t & vscode.FileType.File) !== 0, dir: (t & vscode.FileType.Directory) !== 0, symlink: (t & vscode.FileType.SymbolicLink) !== 0,
});

interface Folder { uri: vscode.Uri; rel: string; underscore: boolean; site: { rules: EntryRules; rel: string } | undefined }

/**
 * Walks `roots` (the workspace folders) breadth first, `PARALLEL` listings at a time, without a limit on the number
 * of files. A folder with a `_config.yml` is a site: its config is read before its folders are entered, so its
 * `exclude:`/`include:` prune the walk (`entersFolder`). Symlinked folders are never followed.
 */
export async function discover(roots: readonly vscode.Uri[], fs: vscode.FileSystem = vscode.workspace.fs): Promise<Discovery> {
  const out: Discovery = { configs: [], files: [] };
  const seen = new Set<string>();
  const queue: Folder[] = [];
  for (const uri of roots) {
    const key = uri.toString().replace(/\/$/, '');
    // A workspace folder inside another one is walked as part of it.
    if ([...seen].some((k) => key === k || key.startsWith(`${k}/`))) continue;
    for (const k of [...seen]) if (k.startsWith(`${key}/`)) seen.delete(k);
    seen.add(key);
  }
  for (const uri of roots) if (seen.has(uri.toString().replace(/\/$/, ''))) queue.push({ uri, rel: '', underscore: false, site: undefined });
  const visit = async (f: Folder) => {
    let entries: [string, vscode.FileType][];
    try { entries = await fs.readDirectory(f.uri); } catch { return; }
    let site = f.site;
    const config = entries.find(([n, t]) => n === '_config.yml' && (t & vscode.FileType.File));
    if (config) {
      const uri = vscode.Uri.joinPath(f.uri, '_config.yml');
      let text: string | undefined;
      try { text = decodeText(await fs.readFile(uri)).text; } catch { /* refused later by the site service */ }
      out.configs.push({ uri, text });
      site = { rules: entryRules(text), rel: '' };
    }
    let slice = performance.now();
    for (let i = 0; i < entries.length; i++) {
      // A post folder of 20,000 entries is handled in time slices: keystrokes and pickers run in between.
      if ((i & 255) === 255 && performance.now() - slice > SLICE_MS) { await yieldNow(); slice = performance.now(); }
      const [name, t] = entries[i];
      const type = typeOf(t);
      const rel = f.rel ? `${f.rel}/${name}` : name;
      const inSite = site && { rules: site.rules, rel: site.rel ? `${site.rel}/${name}` : name };
      if (entersFolder(name, type, inSite)) queue.push({ uri: vscode.Uri.joinPath(f.uri, name), rel, underscore: f.underscore || name.startsWith('_'), site: inSite });
      else if (keepsEntry(type, f.underscore)) out.files.push({ uri: vscode.Uri.joinPath(f.uri, name), rel });
    }
  };
  const running = new Set<Promise<void>>();
  while (queue.length || running.size) {
    while (queue.length && running.size < PARALLEL) {
      const p: Promise<void> = visit(queue.shift()!).finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size) await Promise.race(running);
  }
  return out;
}

/** The files of a walk in a post folder (`_posts`, `_drafts`) or a folder of one of `collections`, FIFOs and the like too. */
export function postFiles(d: Discovery, collections: ReadonlySet<string>): vscode.Uri[] {
  return d.files.filter((f) => inPostFolder(f.rel, collections)).map((f) => f.uri);
}

/** The files under `folder` (a site's `_layouts`), at any depth; symlinked folders are not followed. */
export async function filesUnder(folder: vscode.Uri, fs: vscode.FileSystem = vscode.workspace.fs): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try { entries = await fs.readDirectory(dir); } catch { return; }
    await Promise.all(entries.map(([name, t]) => {
      const u = vscode.Uri.joinPath(dir, name);
      if (t & vscode.FileType.SymbolicLink && t & vscode.FileType.Directory) return undefined;
      if (t & vscode.FileType.Directory) return walk(u);
      out.push(u);
      return undefined;
    }));
  };
  await walk(folder);
  return out;
}
