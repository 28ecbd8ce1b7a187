// `npm test`: type-check, lint, unit, in-VS-Code integration and browser e2e layers, ending with `N passed, N failed`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureAptPackages, ensureCodeServer } from './lib/tools.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv[2];
const layers = only ? [only] : ['static', 'unit', 'integration', 'e2e'];
const totals = { passed: 0, failed: 0, skipped: 0 };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

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

// Debian packages the layers use (chromium, libkrb5-dev for code-server, jekyll for the oracle tests, ripgrep).
if (layers.some((l) => l !== 'static')) ensureAptPackages();

const build = await run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
if (build.code !== 0) { count('build', 0, 1); layers.length = 0; }

for (const layer of layers) {
  console.log(`\n=== ${layer} ===`);
  if (layer === 'static') {
    const tsc = await run(bin('tsc'), ['--noEmit', '-p', '.']);
    const lint = await run(bin('eslint'), ['.']);
    count('static: tsc --noEmit, eslint', (tsc.code === 0) + (lint.code === 0), (tsc.code !== 0) + (lint.code !== 0));
  } else if (layer === 'unit') {
    const files = fs.readdirSync(path.join(root, 'out/unit')).filter((f) => f.endsWith('.test.js')).map((f) => `out/unit/${f}`);
    mochaCounts('unit', await run(bin('mocha'), ['--reporter', 'spec', '--timeout', '120000', ...files], { capture: true }));
  } else if (layer === 'integration') {
    ensureCodeServer();
    const { runIntegration } = await import('./lib/integration.mjs');
    const r = await runIntegration({ grep: process.env.POSTDESK_INTEGRATION_GREP });
    console.log(`integration tests ran in VS Code ${r.vscodeVersion} (code-server 4.139.1)`);
    for (const f of r.failures) console.log(`  ✘ ${f.title}\n${f.error.split('\n').map((l) => `      ${l}`).join('\n')}`);
    count('integration', r.passed, r.failed);
  } else if (layer === 'e2e') {
    ensureCodeServer();
    const specs = fs.readdirSync(path.join(root, 'test/e2e')).filter((f) => f.endsWith('.spec.mjs')).map((f) => `test/e2e/${f}`);
    const grep = process.env.POSTDESK_E2E_GREP ? ['--grep', process.env.POSTDESK_E2E_GREP] : [];
    mochaCounts('e2e', await run(bin('mocha'), ['--reporter', 'spec', '--timeout', '300000', ...grep, ...specs], { capture: true }));
  } else {
    console.error(`unknown layer ${layer}`); process.exit(2);
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
