// Localization: every manifest string is a %key% with English and zh-cn text; every runtime l10n.t string is in both bundles.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './corpus';

describe('localization', () => {
  it('package.json, package.nls*.json and l10n bundles agree, placeholders included', () => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/l10n.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('the zh-cn texts are translations, not copies of the English', () => {
    const en = JSON.parse(fs.readFileSync(path.join(projectRoot, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(fs.readFileSync(path.join(projectRoot, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const same = Object.keys(en).filter((k) => zh[k] === en[k]);
    assert.deepEqual(same, []);
    assert.ok(Object.values(zh).every((v) => /[\u4e00-\u9fff]/.test(v)));
  });
});
