// Runs the mocha integration suites inside a real VS Code extension host (code-server + headless Chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestExtension } from './test-extension.mjs';
import { ROOT, copySite, launchBrowser, startCodeServer, workbenchUrl } from './vscode.mjs';

/**
 * What the person at the workbench sees, for a test inside the extension host (which cannot read the workbench's DOM):
 * the test logs `[postdesk:probe] <what> <file>` and the runner writes the answer (JSON) into <file>.
 * `notifications`: the texts of the notification toasts and of the notification centre.
 */
async function answerProbe(page, what, file) {
  let answer = null;
  if (what === 'notifications') {
    answer = await page.locator('.notification-list-item').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') || e.textContent || '').replace(/\s+/g, ' ').trim())).catch((e) => [`probe failed: ${e}`]);
  }
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(answer));
  fs.renameSync(`${file}.tmp`, file);
}

/** @returns {Promise<{passed:number, failed:number, vscodeVersion:string, failures:object[]}>} */
export async function runIntegration({ grep, files = [], timeoutMs = 15 * 60 * 1000 } = {}) {
  const extension = await buildTestExtension();
  const site = copySite();
  const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-results-')), 'integration.json');
  const server = await startCodeServer({ env: { POSTDESK_RESULTS: resultsFile, POSTDESK_PROBE_DIR: path.dirname(resultsFile), ...(grep ? { POSTDESK_INTEGRATION_GREP: grep } : {}), ...(files.length ? { POSTDESK_INTEGRATION_FILES: files.join(',') } : {}) } });
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? await context.newPage();
    let finish;
    const done = new Promise((resolve) => { finish = resolve; });
    const seen = new Set();
    const log = (t) => {
      const probe = /\[postdesk:probe\] (\S+) (\S+)/.exec(t);
      if (probe) { void answerProbe(page, probe[1], probe[2]); return; }
      const m = /\[postdesk\].*/.exec(t); if (m && !seen.has(m[0])) { seen.add(m[0]); process.stdout.write(`  ${m[0].replace('[postdesk] ', '')}\n`); }
    };
    await page.exposeFunction('codeAutomationLog', (...args) => log(args.map(String).join(' ')));
    await page.exposeFunction('codeAutomationExit', (code) => { finish(code); });
    page.on('console', (m) => { if (process.env.POSTDESK_DEBUG_CONSOLE) process.stderr.write(`  [console] ${m.text().slice(0, 300)}\n`); log(m.text()); });
    await page.goto(workbenchUrl(server, site, { extensionDevelopmentPath: extension, extensionTestsPath: path.join(ROOT, 'out', 'integration') }));
    // The workbench does not always call codeAutomationExit when the suite fails: the results file also ends the wait.
    const poll = setInterval(() => { if (fs.existsSync(resultsFile)) finish('results'); }, 250);
    let timeoutId;
    const timer = new Promise((resolve) => { timeoutId = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([done, timer]);
    clearInterval(poll);
    clearTimeout(timeoutId);
    if (!fs.existsSync(resultsFile)) {
      return { passed: 0, failed: 1, vscodeVersion: '?', failures: [{ title: 'integration run', error: `no results (exit ${code}); code-server log:\n${server.log().slice(-4000)}` }] };
    }
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } finally {
    await close();
    await server.stop();
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
  }
}
