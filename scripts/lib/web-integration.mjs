// Runs the web suites (test/web) inside code-server's web worker extension host — the host github.dev and vscode.dev
// use — on a virtual workspace (`pdtest:/site`) served by a test-only file system provider. See
// ../shared/notes/web-extension-tests.md for the mechanics.
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { webBuilds, webOptions } from './web-build.mjs';
import { ROOT, launchBrowser, startCodeServer, workbenchUrl } from './vscode.mjs';

const SCHEME = 'pdtest';

/** Every file of `dir` as `{ posix relative path: base64 }` (the fixture embeds the site: a worker reads no disk). */
function siteFiles(dir, rel = '') {
  const out = {};
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, siteFiles(dir, r));
    else if (e.isFile()) out[r] = fs.readFileSync(path.join(dir, r)).toString('base64');
  }
  return out;
}

/**
 * `dir`/postdesk: the product's manifest and files (with `testHooks`, the web bundle rebuilt with test hooks and the
 * test bundle of test/web); `dir`/testfs: the fixture extension serving sample-site under `pdtest:`.
 * extensionDevelopmentPath points at `dir`: it loads both. dist/ must be built.
 */
export async function buildWebFolder(dir, { testHooks = false, grep } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  const ext = path.join(dir, 'postdesk');
  fs.mkdirSync(path.join(ext, 'dist'), { recursive: true });
  for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n', 'media', 'dist/preview.js', 'dist/extension.js', 'dist/render-worker.js', 'dist/web']) {
    if (fs.existsSync(path.join(ROOT, f))) fs.cpSync(path.join(ROOT, f), path.join(ext, f), { recursive: true });
  }
  if (testHooks) {
    await Promise.all(webBuilds({ minify: false, testHooks: true, outdir: path.join(ext, 'dist', 'web') }).map((b) => esbuild.build(b)));
    await esbuild.build({ ...webOptions, entryPoints: ['test/web/index.ts'], outfile: path.join(ext, 'dist', 'web-test.js'), external: ['vscode'], define: { ...webOptions.define, POSTDESK_WEB_GREP: JSON.stringify(grep ?? '') } });
  }
  const fixture = path.join(dir, 'testfs');
  fs.mkdirSync(path.join(fixture, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(fixture, 'package.json'), JSON.stringify({
    name: 'testfs', publisher: 'postdesk-test', version: '0.0.1', engines: { vscode: '^1.85.0' },
    browser: './dist/extension.js', activationEvents: [`onFileSystem:${SCHEME}`, `onSearch:${SCHEME}`, '*'],
    enabledApiProposals: ['fileSearchProvider'], contributes: {},
  }, null, 2));
  await esbuild.build({ ...webOptions, entryPoints: ['test/web/fixture/extension.ts'], outfile: path.join(fixture, 'dist', 'extension.js'), external: ['vscode'], define: { ...webOptions.define, POSTDESK_FIXTURE_SITE: JSON.stringify(siteFiles(path.join(ROOT, 'sample-site'))) } });
  return { dir, testsPath: path.join(ext, 'dist', 'web-test.js') };
}

/** The workspace folder the web runs open: the fixture's copy of sample-site. */
export const WEB_FOLDER = `${SCHEME}:/site`;
/** code-server settings that put Post Desk (its real manifest has `main` too) in the web worker host. */
export const WEB_SETTINGS = { 'remote.extensionKind': { 'postdesk.postdesk': ['web'] } };

/** @returns {Promise<{passed:number, failed:number, vscodeVersion:string, failures:object[]}>} */
export async function runWebIntegration({ grep, timeoutMs = 10 * 60 * 1000 } = {}) {
  const { dir, testsPath } = await buildWebFolder(path.join(ROOT, 'out', 'web-test'), { testHooks: true, grep });
  // The suite asserts that Post Desk is in the web worker host (no silent fallback to the Node host).
  const server = await startCodeServer({ settings: WEB_SETTINGS });
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? await context.newPage();
    let finish;
    const done = new Promise((resolve) => { finish = resolve; });
    let results;
    const seen = new Set();
    const log = (t) => {
      const r = /\[postdesk:results\] (\{.*\})\s*$/s.exec(t);
      if (r) { try { results = JSON.parse(r[1]); finish('results'); } catch { /* a line cut short: the exit code still ends the run */ } return; }
      const m = /\[postdesk\].*/.exec(t); if (m && !seen.has(m[0])) { seen.add(m[0]); process.stdout.write(`  ${m[0].replace('[postdesk] ', '')}\n`); }
    };
    await page.exposeFunction('codeAutomationLog', (...args) => log(args.map(String).join(' ')));
    await page.exposeFunction('codeAutomationExit', (code) => { setTimeout(() => finish(code), 500); });
    page.on('console', (m) => { if (process.env.POSTDESK_DEBUG_CONSOLE) process.stderr.write(`  [console] ${m.text().slice(0, 300)}\n`); log(m.text()); });
    await page.goto(workbenchUrl(server, WEB_FOLDER, { extensionDevelopmentPath: dir, extensionTestsPath: testsPath }));
    let timeoutId;
    const timer = new Promise((resolve) => { timeoutId = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([done, timer]);
    clearTimeout(timeoutId);
    if (!results) {
      return { passed: 0, failed: 1, vscodeVersion: '?', failures: [{ title: 'web integration run', error: `no results (exit ${code}); code-server log:\n${server.log().slice(-4000)}` }] };
    }
    return results;
  } finally {
    await close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
