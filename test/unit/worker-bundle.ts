// Mocha hooks that bundle the render worker from source into a temporary folder, so tests run it as built from src.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './corpus';

/** Bundles `src/web/render-worker.ts` (as scripts/lib/web-build.mjs does) before the suite and removes it after; `dir` and `file` are set in `before`. */
export function useRenderWorkerBundle(prefix: string): { dir: string; file: string } {
  const bundle = { dir: '', file: '' };
  before(() => {
    bundle.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    bundle.file = path.join(bundle.dir, 'render-worker.js');
    const r = spawnSync(path.join(projectRoot, 'node_modules/.bin/esbuild'), ['src/web/render-worker.ts', '--bundle', '--platform=browser', '--format=cjs', '--define:process.env={}', `--outfile=${bundle.file}`, '--log-level=error'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => { if (bundle.dir) fs.rmSync(bundle.dir, { recursive: true, force: true }); });
  return bundle;
}
