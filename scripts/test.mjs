// `npm test`: type-check, lint, unit, in-VS-Code integration and browser e2e layers, ending with `N passed, N failed`.
// `node scripts/test.mjs <layer> [--grep <pattern>] [file…]` runs one layer, optionally one file or one grep.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureAptPackages, ensureCodeServer, ORACLE_PACKAGES } from './lib/tools.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LAYERS = ['static', 'unit', 'integration', 'e2e'];
const { layers, grep, files } = parseArgs(process.argv.slice(2));
const totals = { passed: 0, failed: 0, skipped: 0 };
const times = [];
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const isRoot = process.getuid?.() === 0;

/** `[layer] [--grep X | --grep=X] [file…]`; no layer = every layer. */
function parseArgs(argv) {
  const out = { layers: [], grep: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep' || a === '-g') out.grep = argv[++i];
    else if (a.startsWith('--grep=')) out.grep = a.slice(7);
    else if (LAYERS.includes(a)) out.layers.push(a);
    else if (a.startsWith('-')) { console.error(`unknown option ${a}`); process.exit(2); }
    else out.files.push(a);
  }
  if (out.layers.length === 0) out.layers = [...LAYERS];
  if (out.files.length && out.layers.length !== 1) { console.error('name one layer with file arguments'); process.exit(2); }
  return out;
}

function run(cmd, args, { capture = false, env } = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'], env: env ?? process.env });
    let out = '';
    if (capture) {
      p.stdout.on('data', (b) => { out += b; process.stdout.write(b); });
      p.stderr.on('data', (b) => { out += b; process.stderr.write(b); });
    }
    p.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

function count(layer, passed, failed, skipped = 0) {
  totals.passed += passed; totals.failed += failed; totals.skipped += skipped;
  console.log(`\n[${layer}] ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
}

/** Reads mocha's own summary lines; a crash without them counts as one failure. */
function mochaCounts(layer, { code, out }) {
  const n = (re) => Number(re.exec(out)?.[1] ?? 0);
  const passed = n(/(\d+) passing/); const failed = n(/(\d+) failing/); const skipped = n(/(\d+) pending/);
  count(layer, passed, failed || (code !== 0 ? 1 : 0), skipped);
}

/** A file argument as the bundled test it names: `test/unit/x.test.ts`, `x.test.ts`, `x` → `out/unit/x.test.js`. */
function unitFile(f) {
  const name = path.basename(f).replace(/\.test\.(ts|js)$/, '').replace(/\.ts$/, '');
  const out = `out/unit/${name}.test.js`;
  if (!fs.existsSync(path.join(root, out))) { console.error(`no unit test ${f} (${out})`); process.exit(2); }
  return out;
}
function e2eFile(f) {
  const name = path.basename(f).replace(/\.spec\.mjs$/, '');
  const spec = `test/e2e/${name}.spec.mjs`;
  if (!fs.existsSync(path.join(root, spec))) { console.error(`no e2e spec ${f} (${spec})`); process.exit(2); }
  return spec;
}

/** `git status --porcelain` of the checkout, or undefined outside a git work tree. */
function treeStatus() {
  let out;
  try { out = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }); } catch { return undefined; }
  // `npm run screenshots` writes the README's images on purpose (POSTDESK_SCREENSHOTS): only those may change.
  const shots = process.env.POSTDESK_SCREENSHOTS?.replace(/\/+$/, '');
  return shots ? out.split('\n').filter((l) => !l.slice(3).startsWith(`${shots}/`)).join('\n') : out;
}

const statusBefore = treeStatus();
const started = Date.now();

// Jekyll (and Ruby) for the unit layer's oracle tests: installed when we may (root); otherwise those suites skip, saying so.
if (layers.includes('unit') && isRoot) ensureAptPackages(ORACLE_PACKAGES);

const build = await run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
if (build.code !== 0) { count('build', 0, 1); layers.length = 0; }

for (const layer of layers) {
  console.log(`\n=== ${layer} ===`);
  const t0 = Date.now();
  if (layer === 'static') {
    const tsc = await run(bin('tsc'), ['--noEmit', '-p', '.']);
    const lint = await run(bin('eslint'), ['.']);
    count('static: tsc --noEmit, eslint', (tsc.code === 0) + (lint.code === 0), (tsc.code !== 0) + (lint.code !== 0));
  } else if (layer === 'unit') {
    const all = fs.readdirSync(path.join(root, 'out/unit')).filter((f) => f.endsWith('.test.js')).sort().map((f) => `out/unit/${f}`);
    const chosen = files.length ? files.map(unitFile) : all;
    mochaCounts('unit', await run(bin('mocha'), ['--reporter', 'spec', '--timeout', '120000', ...(grep ? ['--grep', grep] : []), ...chosen], { capture: true }));
  } else if (layer === 'integration') {
    // code-server, Node 24 and (when missing) the Debian packages: apt-get needs root the first time.
    ensureCodeServer();
    const { runIntegration } = await import('./lib/integration.mjs');
    const only = files.map((f) => path.basename(f).replace(/\.(ts|js)$/, '').replace(/\.test$/, ''));
    const r = await runIntegration({ grep: grep ?? process.env.POSTDESK_INTEGRATION_GREP, files: only });
    console.log(`integration tests ran in VS Code ${r.vscodeVersion} (code-server 4.139.1)`);
    for (const f of r.failures) console.log(`  ✘ ${f.title}\n${f.error.split('\n').map((l) => `      ${l}`).join('\n')}`);
    count('integration', r.passed, r.failed);
    // The same features again in the web worker extension host (github.dev's), on a virtual workspace (test/web).
    if (!only.length || only.includes('web')) {
      const { runWebIntegration } = await import('./lib/web-integration.mjs');
      const w = await runWebIntegration({ grep: grep ?? process.env.POSTDESK_INTEGRATION_GREP });
      for (const f of w.failures) console.log(`  ✘ ${f.title}\n${f.error.split('\n').map((l) => `      ${l}`).join('\n')}`);
      count('integration (web worker host, virtual workspace)', w.passed, w.failed);
    }
  } else if (layer === 'e2e') {
    ensureCodeServer();
    const all = fs.readdirSync(path.join(root, 'test/e2e')).filter((f) => f.endsWith('.spec.mjs')).sort().map((f) => `test/e2e/${f}`);
    const chosen = files.length ? files.map(e2eFile) : all;
    const g = grep ?? process.env.POSTDESK_E2E_GREP;
    mochaCounts('e2e', await run(bin('mocha'), ['--reporter', 'spec', '--timeout', '300000', ...(g ? ['--grep', g] : []), ...chosen], { capture: true }));
  }
  times.push([layer, Date.now() - t0]);
}

// The suite must leave the checkout as it found it (no test writes tracked or untracked files into the project).
if (statusBefore !== undefined) {
  const after = treeStatus();
  if (after !== statusBefore) {
    const was = new Set(statusBefore.split('\n'));
    console.log(`git status changed during the run:\n${after.split('\n').filter((l) => l && !was.has(l)).map((l) => `  ${l}`).join('\n')}`);
    count('clean tree', 0, 1);
  } else count('clean tree', 1, 0);
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`wall time: ${times.map(([l, ms]) => `${l} ${fmt(ms)}`).join(', ')}; total ${fmt(Date.now() - started)}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
