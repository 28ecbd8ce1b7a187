// The editor's walk of a workspace: which folders it enters and which of the files it lists may be posts (Jekyll's excludes applied by Post Desk).
import { isSiteContent, type EntryRules } from './postFiles';

/** What a folder listing says of one entry (`vscode.FileType` bits, spelled out so core needs no vscode). */
export interface WalkEntryType { file: boolean; dir: boolean; symlink: boolean }

/**
 * Whether the walk enters the folder `name`: never a symlinked folder (it may point out of the workspace, or loop),
 * Jekyll's output `_site`, `node_modules` or a dot folder (`.git`…), whatever the site; inside a site (`site`: its
 * `exclude:`/`include:` and the folder's site-relative path), nothing its rules exclude (`vendor/bundle/`…), as
 * Jekyll's reader never reaches it. Outside any site only the fixed names are skipped.
 */
export function entersFolder(name: string, type: WalkEntryType, site?: { rules: EntryRules; rel: string }): boolean {
  if (!type.dir || type.symlink) return false;
  if (name === '_site' || name === 'node_modules' || name.startsWith('.')) return false;
  return !site || isSiteContent(site.rules, site.rel, true);
}

/**
 * Whether a listed entry that the walk does not enter is kept as a possible post: a file (a symlinked one too) or
 * an entry that is neither file nor folder (a FIFO, a socket, a dangling symlink: Jekyll would try to read one named
 * like a post, so it is reported `file-unreadable`), under a folder whose name starts with `_`. Folders are not.
 */
export function keepsEntry(type: WalkEntryType, underUnderscore: boolean): boolean {
  return underUnderscore && !type.dir;
}

/**
 * Whether a path relative to a walk root is in a post folder (`_posts`, `_drafts`) or a folder of one of
 * `collections` (`_<name>`) at any depth: the files the workspace model lists (which of them are posts of their
 * site is `fileKind`'s and `isSiteContent`'s business).
 */
export function inPostFolder(rel: string, collections: ReadonlySet<string>): boolean {
  const segs = rel.split('/');
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    if (s === '_posts' || s === '_drafts' || (s.startsWith('_') && collections.has(s.slice(1)))) return true;
  }
  return false;
}
