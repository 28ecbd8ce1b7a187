// Mocha entry inside the web worker extension host (extensionTestsPath): runs the web suites, reports through the console.
// Bundled for the browser by scripts/lib/web-integration.mjs (no Node API); the runner reads the `[postdesk:results]` line.
import * as vscode from 'vscode';
import { mocha } from './setup';
// Evaluated after ./setup (import order), so describe/it exist.
import './host.test';
import './diagnostics.test';
import './preview.test';
import './edits.test';

/** Called by the extension host; rejects when a test failed. */
export async function run(): Promise<void> {
  const results = { passed: 0, failed: 0, failures: [] as { title: string; error: string }[], vscodeVersion: vscode.version };
  console.log(`[postdesk] web integration tests in VS Code ${vscode.version} (web worker extension host)`);
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => { results.passed++; console.log(`[postdesk]   ✔ ${test.fullTitle()}`); });
    runner.on('fail', (test, err) => { results.failed++; console.log(`[postdesk]   ✘ ${test.fullTitle()}: ${err?.message}`); results.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }); });
  });
  console.log(`[postdesk:results] ${JSON.stringify(results)}`);
  if (results.failed > 0) throw new Error(`${results.failed} web integration test(s) failed`);
}
