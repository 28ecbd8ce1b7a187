// `npm run test:mutation`: Stryker over src/core (see stryker.config.mjs), run with the cached Node 24 (StrykerJS needs ≥ 22).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureNode24 } from './lib/tools.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nodeHome = ensureNode24();
const env = { ...process.env, PATH: `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH}` };
for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
const r = spawnSync(path.join(nodeHome, 'bin', 'node'), [path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
