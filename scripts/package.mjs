// `npm run package`: a production build, then `vsce package` into postdesk-<version>.vsix (no node_modules, src or test).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const out = `postdesk-${pkg.version}.vsix`;
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', out], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const size = fs.statSync(path.join(root, out)).size;
process.stdout.write(`${out}: ${(size / 1024).toFixed(0)} KiB\n`);
if (size > 1.5 * 1024 * 1024) { process.stderr.write('the VSIX is over 1.5 MB\n'); process.exitCode = 1; }
