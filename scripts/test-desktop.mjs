// `npm run test:desktop`: the same integration suites in desktop VS Code via @vscode/test-electron (needs to download VS Code).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildTestExtension } from './lib/test-extension.mjs';
import { ROOT, copySite } from './lib/vscode.mjs';

execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
const site = copySite();
const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-results-')), 'integration.json');
try {
  await runTests({
    version: process.env.POSTDESK_VSCODE_VERSION ?? '1.85.0',
    extensionDevelopmentPath: await buildTestExtension(),
    extensionTestsPath: path.join(ROOT, 'out', 'integration'),
    launchArgs: [site, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { POSTDESK_RESULTS: results },
  });
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  console.log(`${r.passed} passed, ${r.failed} failed`);
} catch (e) {
  console.error(String(e));
  process.exitCode = 1;
} finally {
  fs.rmSync(site, { recursive: true, force: true });
}
