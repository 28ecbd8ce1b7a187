// Bounded, site-confined file access: reads only regular files up to MAX_FILE_BYTES inside the site, never blocks, never writes through a symlink.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../core/rules/file-unreadable';

export { MAX_FILE_BYTES };

/** A path a command did not read or write, and why (a problem on that path, never a stop). */
export class PathProblem extends Error {
  constructor(readonly file: string, message: string, readonly severity: 'error' | 'warning' = 'error') {
    super(message);
  }
}

// O_NONBLOCK: opening a FIFO returns at once. O_NOFOLLOW: opening a symlink fails (ELOOP). Both 0 where unknown (Windows).
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** What a non-regular file is, for messages. */
function typeOf(st: fs.Stats): string {
  return st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isCharacterDevice() ? 'a character device'
    : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : 'not a regular file';
}

/** A Node error on `file` as a problem in words (a dangling symlink, a loop, no permission…); any other error keeps its message. */
export function pathProblem(file: string, e: unknown): PathProblem {
  if (e instanceof PathProblem) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !code.startsWith('E')) return new PathProblem(file, (e as Error).message);
  const link = (() => { try { return fs.lstatSync(file).isSymbolicLink(); } catch { return false; } })();
  const why = code === 'ENOENT' ? (link ? 'a symlink to nothing (dangling)' : 'no such file')
    : code === 'ELOOP' ? 'a symlink loop' : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ENOTDIR' ? 'a path through something that is not a folder' : code === 'ENAMETOOLONG' ? 'path too long'
        : (e as Error).message;
  return new PathProblem(file, `${why}: Post Desk does not read it`);
}

/** Whether `real` is `root` or below it (both real, absolute paths). */
export function isInside(real: string, root: string): boolean {
  if (!real.startsWith(root)) return false;
  return real.length === root.length || root.endsWith(path.sep) || real.charCodeAt(root.length) === SEP;
}
const SEP = path.sep.charCodeAt(0);

/** `dir` + `name` for a real folder and a plain name (path.join without its normalizing). */
function under(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** `fs.realpathSync.native` (one system call), as a PathProblem on failure. */
export function realPath(p: string): string {
  try { return fs.realpathSync.native(p); } catch (e) { throw pathProblem(p, e); }
}

// Real paths of folders (a site root, a post folder) for a moment: a run reads many files of the same few folders.
// Two seconds bound how long a long-lived caller (the editor) could see a folder link that was changed since.
const REAL_DIR_MS = 2000;
const realDirs = new Map<string, { real: string; at: number }>();

/** `realPath` of a folder, reused for up to REAL_DIR_MS. */
function realDir(dir: string): string {
  const now = Date.now();
  const hit = realDirs.get(dir);
  if (hit && now - hit.at < REAL_DIR_MS) return hit.real;
  if (realDirs.size > 1000) realDirs.clear();
  const real = realPath(dir);
  realDirs.set(dir, { real, at: now });
  return real;
}

/** The real path of `file` when it lies inside `root` (following every symlink); else a PathProblem. */
export function realInside(file: string, root: string): string {
  const abs = path.resolve(file);
  let real = path.join(realDir(path.dirname(abs)), path.basename(abs));
  let link: boolean;
  try { link = fs.lstatSync(real).isSymbolicLink(); } catch (e) { throw pathProblem(file, e); }
  if (link) real = realPath(file);
  if (!isInside(real, realDir(root))) throw new PathProblem(file, `leads out of the site (to ${real}): Post Desk does not read it`);
  return real;
}

const notRegular = (file: string, st: fs.Stats) => new PathProblem(file, `${typeOf(st)}, not a regular file: Post Desk does not read it`);

/**
 * Opens a regular file of at most `max` bytes inside `root` for reading, without blocking: a FIFO, a device, a
 * folder, a symlink out of the site, a dangling or looping symlink and a larger file are PathProblems. The caller
 * closes `fd`; `stat` is the open file's. `listedRegular`: the folder listing gave the file as a regular file, so a
 * file opened without following a link is not stat'ed (`stat` undefined): the caller bounds its reads by the bytes
 * read and calls {@link checkOpened} once a read fills its buffer (a larger file may lie beyond it).
 */
export function openBounded(file: string, root: string, max = MAX_FILE_BYTES, listedRegular = false): { fd: number; stat: fs.Stats | undefined } {
  const abs = path.isAbsolute(file) ? file : path.resolve(file);
  // The usual post is no symlink: in a folder inside the site, opened with O_NOFOLLOW, it is what it seems, with
  // no system call more than a plain read. O_NONBLOCK: a FIFO opens at once (and is refused below).
  let real = under(realDir(path.dirname(abs)), path.basename(abs));
  const rootReal = realDir(root);
  let fd: number | undefined;
  if (O_NOFOLLOW && isInside(real, rootReal)) {
    try { fd = fs.openSync(real, fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW); } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw pathProblem(file, e);
    }
    // Listed as a regular file and not a link: no fstat (Node builds a Stats with four Dates per call). Swapped for
    // a FIFO or a device since the listing, it still never blocks (O_NONBLOCK) and is read no further than max + 1 bytes.
    if (fd !== undefined && listedRegular) return { fd, stat: undefined };
  }
  if (fd === undefined) {
    // A symlink (or no O_NOFOLLOW here): resolved, kept inside the site, and stat'ed before it is opened, since
    // opening a device can have effects of its own (a tape rewinds, a watchdog starts).
    real = realPath(file);
    if (!isInside(real, rootReal)) throw new PathProblem(file, `leads out of the site (to ${real}): Post Desk does not read it`);
    let st: fs.Stats;
    try { st = fs.statSync(real); } catch (e) { throw pathProblem(file, e); }
    if (!st.isFile()) throw notRegular(file, st);
    try { fd = fs.openSync(real, fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW); } catch (e) { throw pathProblem(file, e); }
  }
  try {
    return { fd, stat: checkOpened(fd, file, max) };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/** The stat of an open `fd`: a PathProblem when it is not a regular file or larger than `max` (the caller closes `fd`). */
export function checkOpened(fd: number, file: string, max = MAX_FILE_BYTES): fs.Stats {
  const st = fs.fstatSync(fd);
  if (!st.isFile()) throw notRegular(file, st);
  if (st.size > max) throw tooLarge(file, max, st.size);
  return st;
}

function tooLarge(file: string, max: number, size?: number): PathProblem {
  const mib = max % (1024 * 1024) === 0 ? `${max / (1024 * 1024)} MiB` : `${max} bytes`;
  return new PathProblem(file, `file is larger than ${mib}${size !== undefined ? ` (${size} bytes)` : ''}: Post Desk does not read it`, 'warning');
}

// The reads of files listed as regular: one buffer, grown (up to max + 1 bytes) for a larger file and kept.
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * The bytes of a regular file inside `root` (see {@link openBounded}); reads at most `max + 1` bytes whatever the file
 * does meanwhile. `listedRegular` (see {@link openBounded}): the bytes are a view of a buffer the next call reuses,
 * to be decoded at once; `stat` is undefined unless the file filled the first read.
 */
export function readBounded(file: string, root: string, max = MAX_FILE_BYTES, listedRegular = false): { bytes: Buffer; stat: fs.Stats | undefined } {
  const opened = openBounded(file, root, max, listedRegular);
  const { fd } = opened;
  let { stat } = opened;
  try {
    let buf = stat ? Buffer.allocUnsafe(Math.min(stat.size, max) + 1) : shared;
    let len = 0;
    for (;;) {
      const room = Math.min(buf.length, max + 1);
      const n = fs.readSync(fd, buf, len, room - len, null);
      if (n === 0) break;
      len += n;
      // A short read of an unstat'ed regular file is its end; a full buffer may go on, and then it is stat'ed.
      if (!stat && len === room) stat = checkOpened(fd, file, max);
      if (len > max) throw tooLarge(file, max);
      if (len < room) {
        if (!stat) break;
        continue;
      }
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
      buf.copy(bigger, 0, 0, len);
      if (buf === shared) shared = bigger;
      buf = bigger;
    }
    return { bytes: buf.subarray(0, len), stat };
  } catch (e) {
    throw pathProblem(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `data` to `file` inside `root` without following a symlink: the folder's real path must be inside the
 * site, the file itself must not be a symlink, a FIFO or a device, nor have other hard links (which may be
 * outside). `create` allows a new file. Problems are PathProblems.
 */
export function writeInside(file: string, data: string | Buffer, root: string, create = false): void {
  const abs = path.resolve(file);
  let dir: string;
  try { dir = realPath(path.dirname(abs)); } catch (e) { throw new PathProblem(file, `${(e as Error).message.replace(/: Post Desk does not read it$/, '')}: Post Desk does not write it`); }
  if (!isInside(dir, realPath(root))) throw new PathProblem(file, `its folder leads out of the site (to ${dir}): Post Desk does not write it`);
  const target = path.join(dir, path.basename(abs));
  const refuse = (why: string) => new PathProblem(file, `${why}: Post Desk does not write it`);
  try {
    const st = fs.lstatSync(target);
    if (st.isSymbolicLink()) throw refuse('a symlink');
    if (!st.isFile()) throw refuse(typeOf(st));
  } catch (e) {
    if (e instanceof PathProblem) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw refuse(pathProblem(file, e).message.replace(/: Post Desk does not read it$/, ''));
  }
  let fd: number;
  try {
    fd = fs.openSync(target, fs.constants.O_WRONLY | O_NOFOLLOW | O_NONBLOCK | (create ? fs.constants.O_CREAT : 0), 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw refuse(code === 'ELOOP' ? 'a symlink' : code === 'ENXIO' ? 'a FIFO (named pipe)' : pathProblem(file, e).message.replace(/: Post Desk does not read it$/, ''));
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw refuse(typeOf(st));
    if (st.nlink > 1) throw refuse('a file with other hard links (one may be outside the site)');
    fs.ftruncateSync(fd, 0);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < bytes.length;) off += fs.writeSync(fd, bytes, off, bytes.length - off, off);
  } finally {
    fs.closeSync(fd);
  }
}

/** Throws the PathProblem {@link writeInside} would give for `file`, without writing. */
export function checkWritable(file: string, root: string): void {
  const abs = path.resolve(file);
  const dir = realPath(path.dirname(abs));
  if (!isInside(dir, realPath(root))) throw new PathProblem(file, `its folder leads out of the site (to ${dir}): Post Desk does not write it`);
  let st: fs.Stats;
  try { st = fs.lstatSync(path.join(dir, path.basename(abs))); } catch (e) { throw pathProblem(file, e); }
  if (st.isSymbolicLink()) throw new PathProblem(file, 'a symlink: Post Desk does not write it');
  if (!st.isFile()) throw new PathProblem(file, `${typeOf(st)}: Post Desk does not write it`);
  if (st.nlink > 1) throw new PathProblem(file, 'a file with other hard links (one may be outside the site): Post Desk does not write it');
}

/** Renames the regular file `from` to `to` (which must not exist), both in folders inside `root`. */
export function renameInside(from: string, to: string, root: string): void {
  checkWritable(from, root);
  const dir = realPath(path.dirname(path.resolve(to)));
  if (!isInside(dir, realPath(root))) throw new PathProblem(to, `its folder leads out of the site (to ${dir}): Post Desk does not write there`);
  const target = path.join(dir, path.basename(to));
  if (lexists(target)) throw new PathProblem(to, 'exists: Post Desk does not replace it');
  fs.renameSync(path.join(realPath(path.dirname(path.resolve(from))), path.basename(from)), target);
}

/** Whether anything (even a dangling symlink) is at `p`. */
export function lexists(p: string): boolean {
  try { fs.lstatSync(p); return true; } catch { return false; }
}
