// The manifest and the VSIX contents: activation never `*`, engines within the test VS Code, no src/test/node_modules shipped.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './corpus';

const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));

describe('manifest', () => {
  it('declares what a published extension needs and activates only on sites and posts', () => {
    assert.equal(pkg.name, 'postdesk');
    assert.ok(pkg.publisher && pkg.icon && pkg.license && pkg.repository && pkg.categories.length && pkg.keywords.length);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.includes('workspaceContains:_config.yml'));
    const [maj, min] = /(\d+)\.(\d+)/.exec(pkg.engines.vscode)!.slice(1).map(Number);
    assert.ok(maj === 1 && min <= 139, `engines.vscode ${pkg.engines.vscode} must run in VS Code 1.139`);
    assert.equal(/(\d+\.\d+)/.exec(pkg.devDependencies['@types/vscode'])![1], `${maj}.${min}`);
    assert.deepEqual(pkg.bin, { postdesk: 'dist/cli.js' });
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const c of pkg.contributes.commands) assert.equal(c.category, '%category%', c.command);
  });

  it('the VSIX lists only built files, media, docs and l10n (`vsce ls`)', () => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/@vscode/vsce/vsce'), 'ls'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    assert.ok(files.includes('dist/extension.js') && files.includes('package.json') && files.includes('README.md'));
    const bad = files.filter((f) => /^(src|test|node_modules|out|bench|scripts|sample-site)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(bad, []);
  });
});
