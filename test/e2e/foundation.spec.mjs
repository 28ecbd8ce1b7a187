// e2e: the command palette lists Post Desk, a packaged VSIX installs and activates, `npm start` serves a working workbench.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, openFile, paletteRows, runCommand, screenshot, useSharedWorkbench, withWorkbench } from './lib.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const strings = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
/** A manifest string as VS Code shows it: `%key%` looked up in package.nls.json (a missing key fails the test). */
const nls = (s) => {
  const key = /^%(.+)%$/.exec(s)?.[1];
  if (key === undefined) return s;
  assert.equal(typeof strings[key], 'string', `package.nls.json has no ${key}`);
  return strings[key];
};
/** The names in a zip's central directory (a VSIX is a zip): read here, so no unzip tool is needed. */
function zipEntries(file) {
  const b = fs.readFileSync(file);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, `${file} is not a zip`);
  const names = [];
  for (let i = 0, at = b.readUInt32LE(eocd + 16); i < b.readUInt16LE(eocd + 10); i++) {
    assert.equal(b.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const n = b.readUInt16LE(at + 28);
    names.push(b.toString('utf8', at + 46, at + 46 + n));
    at += 46 + n + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return names;
}
/** Commands the manifest hides from the palette or shows only in some state (any `when`, e.g. a filter being set). */
const hiddenFromPalette = new Set((pkg.contributes.menus.commandPalette ?? []).filter((m) => m.when !== undefined).map((m) => m.command));

describe('foundation (real VS Code in Chromium)', function () {
  this.timeout(240000);

  const wb = useSharedWorkbench();

  it('the command palette lists the Post Desk commands once a post is open', async () => {
    const { page } = wb;
    await openFile(page, '2022-03-21-stock-blocks.md');
    const rows = await paletteRows(page, 'Post Desk', 'Post Desk: Show Post Info');
    // The palette shows `Category: Title` with both resolved through package.nls.json (the manifest holds `%keys%`).
    const expected = pkg.contributes.commands.filter((c) => !c.enablement && !hiddenFromPalette.has(c.command))
      .map((c) => `${nls(c.category)}: ${nls(c.title)}`);
    assert.ok(expected.length >= 10, `contributed palette commands: ${expected.join(' | ')}`);
    // The list is virtual (about 17 rows are in the DOM): a command not among them is looked up by its own title.
    const missing = [];
    for (const title of expected.filter((t) => !rows.some((r) => r.includes(t)))) {
      const own = await paletteRows(page, title, title, 10000).catch(() => []);
      if (!own.some((r) => r.includes(title))) missing.push(title);
    }
    assert.deepEqual(missing, [], `rows: ${rows.join(' | ')}`);
    await page.keyboard.press('Escape');
  });

  it('a VSIX made by `npm run package` installs into a fresh code-server and activates', async () => {
    const vsix = path.join(ROOT, `postdesk-${pkg.version}.vsix`);
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) { assert.fail(`npm run package failed:\n${e.stdout}\n${e.stderr}`); }
    assert.ok(fs.existsSync(vsix));
    assert.ok(fs.statSync(vsix).size <= 1.5 * 1024 * 1024, `VSIX is ${fs.statSync(vsix).size} bytes`);
    // Both hosts' bundles: `main` (Node) and `browser` (web worker host: github.dev, vscode.dev), each with its worker.
    const entries = zipEntries(vsix);
    for (const f of [pkg.main, pkg.browser, './dist/render-worker.js', './dist/preview.js']) {
      assert.ok(entries.includes(`extension/${f.replace(/^\.\//, '')}`), `${f} in the VSIX (${entries.filter((e) => e.includes('dist/')).join(', ')})`);
    }
    await withWorkbench(async ({ page }) => {
      await openFile(page, '2021-12-01-leading-blank.md');
      await runCommand(page, 'Post Desk: Show Post Info');
      // Show Post Info opens the post's info document in VS Code's Markdown preview, to the side.
      await page.locator('.tabs-container .tab', { hasText: 'leading-blank.md.info.md' }).first().waitFor({ timeout: 60000 });
    }, { server: { installVsix: vsix }, open: { fromSource: false } });
  });

  it('`npm start` serves the bare URL with Post Desk on a copy of sample-site, shows notifications, and leaves no process when stopped', async () => {
    const sampleBefore = execFileSync('git', ['status', '--porcelain', '--', 'sample-site'], { cwd: ROOT, encoding: 'utf8' });
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs'), '--no-build'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, POSTDESK_PORT: '0' } });
    let out = '';
    child.stdout.on('data', (b) => { out += b; });
    child.stderr.on('data', (b) => { out += b; });
    try {
      const url = await new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 120000);
        const check = () => { const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out); if (m) { clearTimeout(t); resolve(m[1]); } else setTimeout(check, 200); };
        check();
      });
      const { launchBrowser } = await import('../../scripts/lib/vscode.mjs');
      const { context, close } = await launchBrowser();
      try {
        const page = context.pages()[0] ?? await context.newPage();
        await page.goto(url);
        await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
        // The bare URL opens the site (a copy, not sample-site/ itself) with Post Desk installed.
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '_posts' }).first().waitFor({ timeout: 60000 });
        assert.ok(!page.url().includes('payload'), page.url());
        await openFile(page, '2022-03-21-stock-blocks.md');
        await runCommand(page, 'Post Desk: Strip Stock-Image Blocks');
        // A person sees the toast (no smoke-test driver in the demo, which would drop it).
        await page.locator('.notification-toast', { hasText: 'Removed 2 stock-image block(s).' }).waitFor({ timeout: 30000 });
        assert.equal(await page.locator('.part.auxiliarybar:visible').count(), 0, 'no secondary side bar');
        await screenshot(page, 'demo-strip');
        await page.keyboard.press('Control+S');
        await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 15000 }).catch(() => {});
      } finally { await close(); }
    } finally {
      process.kill(-child.pid, 'SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const group = /process group: (\d+)/.exec(out)?.[1];
    assert.ok(group, 'start printed the code-server process group');
    const left = execFileSync('ps', ['-eo', 'pid,pgid,args']).toString().split('\n').filter((l) => l.trim().split(/\s+/)[1] === group || l.trim().split(/\s+/)[1] === String(child.pid));
    assert.deepEqual(left, [], `processes left behind:\n${left.join('\n')}`);
    assert.equal(execFileSync('git', ['status', '--porcelain', '--', 'sample-site'], { cwd: ROOT, encoding: 'utf8' }), sampleBefore, 'the demo left sample-site/ as it was');
  });
});
