// Runs a bench script inside a real VS Code extension host (code-server + Chromium) and returns the JSON it wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import esbuild from 'esbuild';
import { ROOT, launchBrowser, startCodeServer, workbenchUrl } from '../scripts/lib/vscode.mjs';

/**
 * Bundles `entry` (a module exporting `run()`, the extension host's test runner), opens `folder` in code-server with
 * it and `extensionDevelopmentPath` (Post Desk by default), and waits for the JSON the script writes to
 * `$POSTDESK_BENCH_RESULTS`. Resolves with it and the time the workbench page was opened.
 */
export async function runInHost({ entry, name, folder, extensionDevelopmentPath = ROOT, settings, env = {}, minutes = 10 }) {
  const outDir = path.join(ROOT, 'bench', 'out', name);
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: path.join(outDir, 'index.js'), external: ['vscode'], logLevel: 'silent' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `postdesk-bench-${name}-`));
  const resultsFile = path.join(work, 'results.json');
  // POSTDESK_BENCH_PROBE: the product build registers its `postdesk._workspace` probe only when this is set.
  const server = await startCodeServer({ settings, env: { POSTDESK_BENCH_RESULTS: resultsFile, POSTDESK_BENCH_PROBE: '1', ...env } });
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const opened = Date.now();
    await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath: outDir }));
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > opened + minutes * 60000) throw new Error(`the ${name} run gave no results in ${minutes} minutes`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return { result: JSON.parse(fs.readFileSync(resultsFile, 'utf8')), opened };
  } finally {
    await close();
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
