// The product bundle registers the bench probe `postdesk._workspace` only when the bench asks for it ($POSTDESK_BENCH_PROBE=1).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './corpus';

/** The command ids `activate()` of the built product bundle registers, under bench/activation.mjs's stand-in `vscode`. */
function registeredCommands(env: Record<string, string | undefined>): string[] {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-probe-'));
  try {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'bench/activation.mjs'), path.join(projectRoot, 'dist/extension.js'), site], {
      encoding: 'utf8', env: { ...process.env, POSTDESK_BENCH_PROBE: undefined, ...env },
    });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { error?: string; commands: string[] };
    assert.equal(out.error, undefined);
    return out.commands;
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}

describe('bench probe in the product build', function () {
  this.timeout(60000);
  before(function () {
    // The unit layer runs after scripts/build.mjs; a bare `mocha out/unit/...` without a build has no bundle to load.
    assert.ok(fs.existsSync(path.join(projectRoot, 'dist/extension.js')), 'build first: node scripts/build.mjs');
  });

  it('is not registered for users', () => {
    const ids = registeredCommands({});
    assert.ok(ids.includes('postdesk.insertTags'), `activate() registered the product's commands: ${ids.join(', ')}`);
    assert.ok(!ids.includes('postdesk._workspace'));
    assert.ok(!ids.includes('postdesk._holdScanEnd'));
  });

  it('is registered when the bench sets POSTDESK_BENCH_PROBE=1', () => {
    const ids = registeredCommands({ POSTDESK_BENCH_PROBE: '1' });
    assert.ok(ids.includes('postdesk._workspace'));
    assert.ok(!ids.includes('postdesk._holdScanEnd'), 'the scan hold stays test-build only');
  });
});
