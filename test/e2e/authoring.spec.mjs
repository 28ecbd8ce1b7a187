// e2e: New Post… creates a post the site's way and opens it at its body with no problem; the timeline lists posts as Jekyll orders them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, editorText, problemsEntries, runCommand, screenshot, useWorkbench } from './lib.mjs';

describe('authoring: New Post and the timeline (real VS Code in Chromium)', function () {
  this.timeout(300000);
  const clash = (title) => `---\nlayout: post\ntitle: "${title}"\ndate: 2021-12-20 10:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\npermalink: /clash/\n---\nbody\n`;
  const wb = useWorkbench({
    server: { settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } },
    prepare: (site) => {
      fs.writeFileSync(path.join(site, '_posts', '2021-12-20-clash-a.md'), clash('冲突甲'));
      fs.writeFileSync(path.join(site, '_posts', '2021-12-20-clash-b.md'), clash('冲突乙'));
    },
  });

  /** Ticks `value` in the open multi-select QuickPick, then presses its OK button. */
  async function pick(page, value) {
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: value }).first().waitFor({ timeout: 20000 });
    await rows.filter({ hasText: value }).first().locator('.monaco-checkbox, input[type=checkbox], .quick-input-list-checkbox').first().click();
    await page.locator('.quick-input-widget .monaco-button', { hasText: /OK/ }).first().click();
  }

  it('New Post… asks for title, categories and tags, writes the post the site\'s way and opens it at its body, with no problem', async () => {
    const { page, site } = wb;
    await runCommand(page, 'Post Desk: New Post…');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15000 });
    await input.fill('示例新稿件：早盘');
    await page.keyboard.press('Enter');
    await pick(page, 'emnews');
    await pick(page, '东财滚动新闻');
    await page.locator('.tabs-container .tab[aria-label*="示例新稿件-早盘"]').first().waitFor({ timeout: 20000 });
    const name = fs.readdirSync(path.join(site, '_posts')).find((f) => f.includes('示例新稿件'));
    assert.match(name, /^\d{4}-\d{2}-\d{2}-示例新稿件-早盘\.md$/);
    const text = fs.readFileSync(path.join(site, '_posts', name), 'utf8');
    assert.match(text, /^---\nlayout: post\ntitle: "示例新稿件：早盘"\ndate: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n$/);
    assert.equal(name.slice(0, 10), /date: (\d{4}-\d\d-\d\d)/.exec(text)[1], 'the file name has the site-timezone day');
    assert.match(await editorText(page), /title: "示例新稿件：早盘"/);
    await page.locator('.statusbar-item', { hasText: 'Ln 9, Col 1' }).first().waitFor({ timeout: 10000 });
    // Validation runs on open: give it time, then no squiggle may show in the new post.
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('.part.editor .editor-group-container.active .monaco-editor .squiggly-error, .part.editor .editor-group-container.active .monaco-editor .squiggly-warning').count(), 0);
  });

  it('the Post Desk: Timeline view lists posts newest first with publish times and the no-offset badge', async () => {
    const { page } = wb;
    await runCommand(page, 'Explorer: Focus on Post Desk: Timeline View');
    for (const title of [path.basename(wb.site), 'Outline']) {
      const header = page.locator('.pane-header.expanded', { hasText: title }).first();
      if (await header.isVisible().catch(() => false)) await header.click();
    }
    const tree = page.locator('.pane', { hasText: 'Post Desk: Timeline' }).locator('.monaco-list').first();
    await tree.locator('.monaco-list-row', { hasText: '示例新稿件：早盘' }).first().waitFor({ timeout: 30000 });
    const rows = await tree.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const at = (s) => rows.findIndex((r) => r.includes(s));
    assert.ok(at('示例新稿件：早盘') >= 0 && at('示例新稿件：早盘') < at('示例银行深化数字化应用'), `newest first: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => /2022-03-21/.test(r)), `day rows: ${rows.join(' | ')}`);
    await tree.locator('.monaco-list-row', { hasText: '2021-12-01' }).first().click();
    await tree.locator('.monaco-list-row', { hasText: '离岸人民币兑美元小幅走高' }).first().waitFor({ timeout: 10000 });
    const late = (await tree.locator('.monaco-list-row', { hasText: '离岸人民币兑美元小幅走高' }).first().textContent()) ?? '';
    assert.match(late, /21:33/, 'published at 21:33 +0800, not the 13:33 written');
    assert.match(late, /13:33 → .*21:33/);
    fs.mkdirSync(path.join(ROOT, 'docs/images'), { recursive: true });
    await screenshot(page, 'timeline');
    await tree.locator('.monaco-list-row', { hasText: '离岸人民币兑美元小幅走高' }).first().click();
    await page.locator('.tabs-container .tab[aria-label*="2021-12-01-digest-no-offset.md"]').first().waitFor({ timeout: 15000 });
  });

  it('Problems shows permalink-conflict on both posts Jekyll writes to /clash/index.html, each naming the other', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel').first().waitFor({ timeout: 30000 });
    let found = [];
    for (const end = Date.now() + 60000; Date.now() < end; await page.waitForTimeout(1000)) {
      found = (await problemsEntries(page)).filter((e) => e.code.includes('permalink-conflict'));
      if (found.length >= 2) break;
    }
    assert.deepEqual(found.map((e) => e.file).sort(), ['2021-12-20-clash-a.md', '2021-12-20-clash-b.md']);
    assert.match(found.find((e) => e.file === '2021-12-20-clash-a.md').message, /\/clash\/index\.html.*2021-12-20-clash-b\.md/);
    assert.equal(found[0].severity, 'error'); // one of the two posts is lost from the site
  });
});
