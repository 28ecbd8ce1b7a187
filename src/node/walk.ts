// The one folder walk of the CLI: sorted, confined to the site (no symlinked folder out of it), each real folder once, problems per path.
import fs from 'node:fs';
import path from 'node:path';
import { isInside, PathProblem, pathProblem, realPath } from './safe-fs';

/**
 * What a walk keeps: `dir` decides whether a folder is entered, `file` whether a file (or anything not a folder)
 * is kept; `parent` is the folder's path as walked, the same string for all its entries.
 */
export interface WalkFilter {
  dir(p: string, name: string): boolean;
  file(p: string, name: string, parent: string): boolean;
  /** False: symlinks to folders are not followed at all (as Jekyll globs a post folder). */
  followLinks?: boolean;
}

/**
 * Files below the folder `start` that `filter` keeps, sorted by name (UTF-16 code units) folder by folder.
 * A symlink to a folder is followed only when its real path is inside `root` and was not entered before; a
 * symlink loop, a symlinked folder out of the site and an unreadable folder become problems in `problems` (for
 * folders `filter.dir` would enter). Files are listed as they are (dangling symlinks, FIFOs…): the bounded reader
 * reports them when they are read. `regular`, when given, receives the kept files the listing gave as regular files
 * (their readers may skip the stat: see `openBounded`).
 */
export function walkFiles(start: string, root: string, filter: WalkFilter, problems: PathProblem[], regular?: Set<string>): string[] {
  const out: string[] = [];
  const rootReal = realPath(root);
  const seen = new Set<string>();
  const walkDir = (dir: string, real: string) => {
    seen.add(real);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { problems.push(folderProblem(dir, e)); return; }
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const realPrefix = real.endsWith(path.sep) ? real : real + path.sep;
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const ent of entries) {
      const { name } = ent;
      const p = prefix + name;
      if (ent.isDirectory()) {
        if (filter.dir(p, name) && !seen.has(realPrefix + name)) walkDir(p, realPrefix + name);
        continue;
      }
      if (ent.isSymbolicLink()) {
        let target: string | undefined;
        let st: fs.Stats | undefined;
        try { target = fs.realpathSync.native(p); st = fs.statSync(target); } catch { /* dangling or a loop: listed as a file */ }
        if (st?.isDirectory() && target !== undefined) {
          if (filter.followLinks === false || !filter.dir(p, name)) continue;
          if (!isInside(target, rootReal)) problems.push(new PathProblem(p, `a symlink to a folder out of the site (${target}): not followed`, 'warning'));
          else if (isInside(real, target)) problems.push(new PathProblem(p, 'a symlink loop (to a folder above it): not followed', 'warning'));
          else if (!seen.has(target)) walkDir(p, target);
          continue;
        }
      }
      if (filter.file(p, name, dir)) {
        out.push(p);
        if (regular && ent.isFile()) regular.add(p);
      }
    }
  };
  let st: fs.Stats;
  try { st = fs.statSync(start); } catch (e) { problems.push(pathProblem(start, e)); return out; }
  if (!st.isDirectory()) { if (filter.file(start, path.basename(start), path.dirname(start))) out.push(start); return out; }
  let real: string;
  try { real = realPath(start); } catch (e) { problems.push(pathProblem(start, e)); return out; }
  if (!isInside(real, rootReal)) { problems.push(new PathProblem(start, `leads out of the site (to ${real}): not read`)); return out; }
  walkDir(start, real);
  return out;
}

function folderProblem(dir: string, e: unknown): PathProblem {
  const code = (e as NodeJS.ErrnoException).code;
  return new PathProblem(dir, `${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message}: this folder was not read`);
}
