// e2e: a stray quote in a title is one problem at its line; Show Post Info shows how Jekyll publishes the post; the taxonomy-unknown quick fix lists the tag in _config.yml.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openFile, problemsEntries, runCommand, screenshot, useWorkbench, quickFixRow } from './lib.mjs';

const STRAY = '2021-12-10-stray-quote.md';
const UNKNOWN = '2021-12-10-new-tag.md';
const post = (title, tags) => `---\nlayout: post\ntitle: ${title}\ndate: 2021-12-10 09:00:00 +0800\ncategories: emnews\ntags: ${tags}\n---\n<p>正文</p>\n`;

/** Reads the Problems panel until `done(entries)` holds. */
async function problemsUntil(page, done, what, timeout = 60000) {
  const end = Date.now() + timeout;
  for (;;) {
    const entries = await problemsEntries(page);
    if (done(entries)) return entries;
    if (Date.now() > end) throw new Error(`${what}; Problems shows:\n${entries.map((e) => `${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`).join('\n')}`);
    await page.waitForTimeout(500);
  }
}

/** The text of the frame (a webview) whose body contains `marker`, polled until it shows. */
async function frameText(page, marker, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      const t = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (t.includes(marker)) return t;
    }
    if (Date.now() > end) throw new Error(`no webview shows "${marker}"`);
    await page.waitForTimeout(300);
  }
}

describe('one YAML problem, Show Post Info, the _config.yml quick fix (real VS Code in Chromium)', function () {
  this.timeout(300000);
  const wb = useWorkbench({
    prepare: (site) => {
      fs.writeFileSync(path.join(site, '_posts', STRAY), post('"央行"降准"通知"', '东财滚动新闻'));
      fs.writeFileSync(path.join(site, '_posts', UNKNOWN), post('"新能源快讯"', '[东财滚动新闻, 新能源]'));
    },
    server: { settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } },
  });

  it('a stray " in a title is one yaml-syntax problem at the quote, saying what to do', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Focus Problems');
    const entries = await problemsUntil(page, (es) => es.some((e) => e.file === STRAY && e.code === 'yaml-syntax'), `no yaml-syntax problem for ${STRAY}`);
    const ours = entries.filter((e) => e.file === STRAY && e.code === 'yaml-syntax');
    assert.equal(ours.length, 1, ours.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
    assert.deepEqual([ours[0].line, ours[0].column], [3, 11]);
    assert.match(ours[0].message, /ends at this `"`.*`\\"`.*Jekyll cannot read this front matter/);
    await screenshot(page, 'yaml-one-problem');
  });

  it('the quick fix "Add \'新能源\' to the site\'s tags." edits _config.yml, and once saved the warning leaves Problems', async () => {
    const { page, site } = wb;
    const before = fs.readFileSync(path.join(site, '_config.yml'), 'utf8');
    await problemsUntil(page, (es) => es.some((e) => e.file === UNKNOWN && e.code === 'taxonomy-unknown'), `no taxonomy-unknown for ${UNKNOWN}`);
    await openFile(page, UNKNOWN);
    await page.locator('.part.editor .monaco-editor .view-lines').first().click();
    // Go to Next Problem (F8) puts the cursor on the post's one problem, `新能源`; Escape closes its peek.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('F8');
      if (await page.locator('.statusbar-item', { hasText: 'Ln 6, Col 16' }).first().waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      if (attempt >= 4) throw new Error('F8 never reached the unknown tag at Ln 6, Col 16');
    }
    await page.keyboard.press('Escape');
    const title = "Add '新能源' to the site's tags.";
    const fix = await quickFixRow(page, title);
    await fix.click();
    // The edit opens _config.yml unsaved; save it as a person would.
    await openFile(page, '_config.yml');
    await page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines', { hasText: '财联社电报, 新能源]' }).first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Control+S');
    const end = Date.now() + 20000;
    while (fs.readFileSync(path.join(site, '_config.yml'), 'utf8') === before) {
      if (Date.now() > end) assert.fail('_config.yml was never saved');
      await page.waitForTimeout(250);
    }
    assert.equal(fs.readFileSync(path.join(site, '_config.yml'), 'utf8'), before.replace('财联社电报]', '财联社电报, 新能源]'), 'only the value was added: comments and layout kept');
    await problemsUntil(page, (es) => !es.some((e) => e.file === UNKNOWN && e.code === 'taxonomy-unknown'), `taxonomy-unknown of ${UNKNOWN} stayed in Problems`);
  });

  it('Show Post Info shows how Jekyll publishes the post: published, time in the site timezone and as written, URL, layouts, categories', async () => {
    const { page } = wb;
    await openFile(page, '2021-12-01-digest-no-offset.md');
    await runCommand(page, 'Post Desk: Show Post Info');
    await page.locator('.tabs-container .tab', { hasText: 'digest-no-offset.md.info.md' }).first().waitFor({ timeout: 60000 });
    const text = await frameText(page, 'Post info: 2021-12-01-digest-no-offset.md');
    assert.match(text, /Published/);
    assert.match(text, /2021-12-01 21:33:50 \+0800/, 'the publish time in Asia/Shanghai');
    assert.match(text, /2021-12-01 13:33:50/, 'and the time the file says');
    assert.match(text, /\/emnews\/2021\/12\/01\/digest-no-offset\.html/, 'the URL');
    assert.match(text, /emnews/);
    assert.doesNotMatch(text, /"frontMatter"|contentStart/, 'a readable view, not raw JSON');
    await screenshot(page, 'post-info');
  });

  it('Insert Tags… marks a typed tag the site does not list, and its button adds it to _config.yml', async () => {
    const { page, site } = wb;
    const config = path.join(site, '_config.yml');
    const before = fs.readFileSync(config, 'utf8');
    await openFile(page, '2021-12-01-digest-no-offset.md');
    await runCommand(page, 'Post Desk: Insert Tags…');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '东财滚动新闻' }).first().waitFor({ timeout: 20000 });
    await input.fill('光伏');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: "Create '光伏'" }).first();
    await row.waitFor({ timeout: 10000 });
    assert.match(await row.innerText(), /not in _config\.yml/);
    await row.hover();
    await row.locator('.action-label.codicon-add').first().click();
    const end = Date.now() + 20000;
    while (!fs.readFileSync(config, 'utf8').includes('光伏')) {
      if (Date.now() > end) assert.fail('_config.yml never listed 光伏');
      await page.waitForTimeout(250);
    }
    assert.equal(fs.readFileSync(config, 'utf8'), before.replace(/(tags: \[[^\]]*)\]/, '$1, 光伏]'), 'one value added to the tags list, nothing else changed');
    await page.keyboard.press('Escape');
  });
});
