// e2e: Insert Tags… shows the site's tags with counts and picking one edits the post; the taxonomy view shows counts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { editorText, openFile, runCommand, screenshot, useSharedWorkbench } from './lib.mjs';

describe('categories and tags (real VS Code in Chromium)', function () {
  this.timeout(300000);
  const wb = useSharedWorkbench();

  it('Insert Tags… lists every tag with its count, the current one picked, and picking another edits only the tags line; saves a screenshot', async () => {
    const { page } = wb;
    await openFile(page, '2021-12-01-digest-no-offset.md');
    await runCommand(page, 'Post Desk: Insert Tags…');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: '港股' }).first().waitFor({ timeout: 20000 });
    const labels = await rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '' })));
    // The post's current tag is preselected: the picker counts one selected value before anything is clicked.
    assert.match(await page.locator('.quick-input-widget .quick-input-count').innerText(), /1/);
    const own = labels.find((l) => l.text.includes('东财滚动新闻'));
    assert.ok(own, `rows: ${labels.map((l) => l.text).join(' | ')}`);
    assert.match(own.text, /3/, 'the site has three published posts tagged 东财滚动新闻');
    assert.ok(labels.findIndex((l) => l.text.includes('东财滚动新闻')) < labels.findIndex((l) => l.text.includes('港股')), 'ordered by count');
    await screenshot(page, 'insert-tags');
    await rows.filter({ hasText: '港股' }).first().locator('.monaco-checkbox, input[type=checkbox], .quick-input-list-checkbox').first().click();
    await page.locator('.quick-input-widget .monaco-button', { hasText: /OK/ }).first().click();
    await page.waitForFunction(() => /tags: \[?东财滚动新闻[ ,]+港股/.test(document.querySelector('.part.editor .editor-group-container.active .monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? ''), null, { timeout: 20000 });
    const text = await editorText(page);
    assert.match(text, /categories: emnews/);
    assert.match(text, /title: "离岸人民币兑美元小幅走高"/);
  });

  it('the Post Desk: Taxonomy view lists categories and tags with their counts; saves a screenshot', async () => {
    const { page } = wb;
    await runCommand(page, 'Explorer: Focus on Post Desk: Taxonomy View');
    // Collapse the folder and outline panes so the view has room in the screenshot.
    for (const title of [path.basename(wb.site), 'Outline', 'Timeline']) {
      const header = page.locator('.pane-header.expanded', { hasText: title }).first();
      if (await header.isVisible().catch(() => false)) await header.click();
    }
    const tree = page.locator('.pane', { hasText: 'Post Desk: Taxonomy' }).locator('.monaco-list').first();
    await tree.locator('.monaco-list-row', { hasText: 'Tags' }).first().waitFor({ timeout: 20000 });
    await tree.locator('.monaco-list-row', { hasText: '东财滚动新闻' }).first().waitFor({ timeout: 20000 });
    const rows = await tree.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    assert.ok(rows.some((r) => /emnews\s*\d/.test(r)), `rows: ${rows.join(' | ')}`);
    assert.ok(rows.some((r) => /东财滚动新闻\s*3/.test(r)), `rows: ${rows.join(' | ')}`);
    await screenshot(page, 'taxonomy-view');
  });
});
