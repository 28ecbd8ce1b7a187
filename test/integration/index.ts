// Mocha entry inside the VS Code extension host: runs every integration suite and writes a results file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Called by the extension host (extensionTestsPath). */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'base' });
  const only = process.env.POSTDESK_INTEGRATION_GREP;
  if (only) mocha.grep(only);
  // POSTDESK_INTEGRATION_FILES: comma-separated names (`preview`, `errors`) to run only those files.
  const files = process.env.POSTDESK_INTEGRATION_FILES?.split(',').filter(Boolean);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    if (!files || files.includes(f.replace(/\.test\.js$/, ''))) mocha.addFile(path.join(__dirname, f));
  }
  const results = { passed: 0, failed: 0, failures: [] as { title: string; error: string }[], vscodeVersion: '' };
  const vscode = await import('vscode');
  results.vscodeVersion = vscode.version;
  console.log(`[postdesk] integration tests in VS Code ${vscode.version}`);
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => { results.passed++; console.log(`[postdesk]   ✔ ${test.fullTitle()}`); });
    runner.on('fail', (test, err: Error) => { results.failed++; console.log(`[postdesk]   ✘ ${test.fullTitle()}: ${err?.message}`); results.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }); });
  });
  const out = process.env.POSTDESK_RESULTS;
  if (out) { fs.writeFileSync(`${out}.tmp`, JSON.stringify(results, null, 2)); fs.renameSync(`${out}.tmp`, out); }
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}
