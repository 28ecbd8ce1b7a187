// Bundles the unit suites only (out/unit), as scripts/build.mjs does: the mutation run's build inside Stryker's sandbox.
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const only = process.argv.slice(2);
const entries = fs.readdirSync(path.join(root, 'test/unit')).filter((f) => f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.test\.ts$/, ''))).map((f) => `test/unit/${f}`);
await esbuild.build({
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root,
  entryPoints: entries, outdir: 'out/unit', external: ['mocha', 'fast-check', 'parse5'],
});
