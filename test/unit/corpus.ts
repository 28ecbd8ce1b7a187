// Where the shared test data lives (../shared beside the project), when it is there.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `../shared` relative to the project root, or undefined. */
export function sharedDir(): string | undefined {
  // POSTDESK_SHARED: set by the mutation run, whose sandbox is not beside ../shared.
  const d = process.env.POSTDESK_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');
  return fs.existsSync(d) ? d : undefined;
}

/** The real finews corpus folder, or undefined. */
export function corpusDir(): string | undefined {
  const s = sharedDir();
  return s && fs.existsSync(path.join(s, 'corpus', 'finews')) ? path.join(s, 'corpus', 'finews') : undefined;
}

/** The project root. */
export const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * Copies `src` (e.g. a folder of ../shared, which may be read-only, as it is in CI) to `dest` and makes the copy the
 * test's own: writable and removable by a non-root user too. `filter` as in `fs.cpSync`.
 */
export function copyWritable(src: string, dest: string, filter?: (p: string) => boolean): void {
  fs.cpSync(src, dest, { recursive: true, ...(filter ? { filter } : {}) });
  const own = (p: string): void => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) own(path.join(p, e));
  };
  own(dest);
}
