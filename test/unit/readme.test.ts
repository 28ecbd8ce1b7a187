// The README's settings and commands tables are generated from package.json and must not drift from it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './corpus';

describe('README', () => {
  it('has settings and commands tables equal to what package.json generates', () => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/readme-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    assert.match(readme, /<!-- settings:start -->\n\| Setting/);
    assert.match(readme, /<!-- commands:start -->\n\| Command/);
  });
});
