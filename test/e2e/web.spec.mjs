// e2e in the web worker extension host (github.dev's) on a virtual workspace (`pdtest:/site`, a test-only file system
// provider): a post opens, Problems lists posts never opened, a quick fix applies, the preview marks the stock blocks,
// Insert Tags edits the file through the provider, Strip in All Posts changes only the posts with blocks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from '../../scripts/lib/vscode.mjs';
import { WEB_FOLDER, WEB_SETTINGS, buildWebFolder } from '../../scripts/lib/web-integration.mjs';
import { ROOT, editorText, goToLine, openFile, problemsEntries, runCommand, startCodeServer, quickFixRow } from './lib.mjs';

const POST = '2021-12-01-digest-no-offset.md';
const FIX = "Add the site's offset: 2021-12-01 13:33:50 +0800.";
const SAMPLE = '2022-03-21-stock-blocks.md';
const original = (name) => fs.readFileSync(path.join(ROOT, 'sample-site', '_posts', name), 'utf8');

/** The first frame holding the preview's body (the webview's inner frame). */
async function previewFrame(page, hasText = '', timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      if (await f.locator('#pd-body', hasText ? { hasText } : {}).count().catch(() => 0)) return f;
    }
    if (Date.now() > end) throw new Error('no preview frame');
    await page.waitForTimeout(250);
  }
}

/** Waits until the active editor's text satisfies `ok`; returns it. */
async function editorUntil(page, ok, what, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await editorText(page);
    if (ok(text)) return text;
    if (Date.now() > end) assert.fail(`${what}; editor:\n${text.slice(0, 2000)}`);
    await page.waitForTimeout(250);
  }
}

/** Closes every editor (without saving: nothing here is left dirty). */
async function closeAll(page) {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.part.editor .tabs-container .tab').first().waitFor({ state: 'detached', timeout: 15000 }).catch(() => {});
}

describe('web worker host on a virtual workspace (real VS Code in Chromium)', function () {
  this.timeout(300000);
  const wb = {};
  before(async () => {
    wb.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-web-e2e-'));
    await buildWebFolder(wb.dir);
    wb.server = await startCodeServer({ settings: { ...WEB_SETTINGS, 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
    const { context, close } = await launchBrowser();
    wb.close = close;
    wb.page = context.pages()[0] ?? await context.newPage();
    await wb.page.goto(workbenchUrl(wb.server, WEB_FOLDER, { extensionDevelopmentPath: wb.dir }));
    await wb.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
  });
  after(async () => {
    await wb.close?.();
    await wb.server?.stop();
    if (wb.dir) fs.rmSync(wb.dir, { recursive: true, force: true });
  });

  // That Post Desk runs in the web worker host (not the Node one) is asserted from inside by test/web (integration layer).
  it('a post of the pdtest: folder opens (quick open through the fixture\'s file search provider)', async () => {
    const { page } = wb;
    await openFile(page, SAMPLE);
    assert.match(await editorText(page), /EM_StockImg_Start/);
    await closeAll(page);
  });

  it('Problems lists posts never opened, and a quick fix from Ctrl+. applies', async () => {
    const { page } = wb;
    await closeAll(page);
    await runCommand(page, 'View: Focus Problems');
    const end = Date.now() + 60000;
    let entries = [];
    while (!entries.some((e) => e.file === '2021-12-08-empty-title.md' && e.code === 'title-empty') || !entries.some((e) => e.file === POST && e.code === 'date-no-offset')) {
      if (Date.now() > end) assert.fail(`Problems never listed the unopened posts: ${entries.map((e) => `${e.file} ${e.code}`).join(', ')}`);
      await page.waitForTimeout(500);
      entries = await problemsEntries(page);
    }
    assert.equal(await page.locator('.part.editor .tabs-container .tab').count(), 0, 'no post was opened: the workspace scan filled Problems');
    await openFile(page, POST);
    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    await goToLine(page, 4, 10);
    const fix = await quickFixRow(page, FIX);
    await fix.click();
    await editorUntil(page, (t) => /^date: 2021-12-01 13:33:50 \+0800$/m.test(t), 'the quick fix never changed the date line');
    await page.keyboard.press('Control+S');
    await page.locator('.part.editor .tab.dirty').first().waitFor({ state: 'detached', timeout: 15000 }).catch(() => {});
    await closeAll(page);
  });

  it('the preview renders the sample article with its two stock-image blocks marked', async () => {
    const { page } = wb;
    await openFile(page, SAMPLE);
    await runCommand(page, 'Post Desk: Open Preview to the Side');
    const f = await previewFrame(page, '普惠');
    await f.locator('.pd-title').waitFor({ timeout: 30000 });
    assert.equal(await f.locator('.pd-title').innerText(), '示例银行深化数字化应用 打造普惠金融新模式');
    assert.equal(await f.locator('.pd-stock').count(), 2);
    await closeAll(page);
  });

  it('Insert Tags… edits the post and saving writes it through the provider', async () => {
    const { page } = wb;
    await openFile(page, POST);
    await runCommand(page, 'Post Desk: Insert Tags…');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: '港股' }).first().waitFor({ timeout: 30000 });
    await rows.filter({ hasText: '港股' }).first().locator('.monaco-checkbox, input[type=checkbox], .quick-input-list-checkbox').first().click();
    await page.locator('.quick-input-widget .monaco-button', { hasText: /OK/ }).first().click();
    await editorUntil(page, (t) => /tags: \[?东财滚动新闻[ ,]+港股/.test(t), 'the tags line never got 港股');
    await page.keyboard.press('Control+S');
    await page.locator('.part.editor .tab.dirty').first().waitFor({ state: 'detached', timeout: 15000 });
    await closeAll(page);
    // Opened again, the text comes back from the file system provider.
    await openFile(page, POST);
    await editorUntil(page, (t) => /tags: \[?东财滚动新闻[ ,]+港股/.test(t), 'the saved tags did not come back from the provider');
    await closeAll(page);
  });

  it('Strip Stock-Image Blocks in All Posts changes only the posts with blocks', async () => {
    const { page } = wb;
    await runCommand(page, 'Post Desk: Strip Stock-Image Blocks in All Posts');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30000 });
    assert.match(await dialog.innerText(), /_posts\/2022-03-21-stock-blocks\.md: 2/);
    await dialog.locator('.monaco-button', { hasText: /^Strip$/ }).first().click();
    await openFile(page, SAMPLE);
    const text = await editorUntil(page, (t) => !t.includes('EM_StockImg'), 'the sample post kept its blocks');
    assert.match(text, /示例银行今日发布数字化转型报告/);
    assert.equal(await page.locator('.part.editor .tab.dirty').count(), 0, 'stripped posts are saved');
    await closeAll(page);
    // A post without blocks is as it was (read back through the provider).
    await openFile(page, '2021-12-09-block-tags.md');
    assert.equal((await editorText(page)).includes('2021-12-09'), true);
    assert.equal(original('2021-12-09-block-tags.md').includes('EM_StockImg'), false);
    await editorUntil(page, (t) => t.replace(/\s+/g, '') === original('2021-12-09-block-tags.md').replace(/\s+/g, ''), 'a post without blocks changed');
  });
});
