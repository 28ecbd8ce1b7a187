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
