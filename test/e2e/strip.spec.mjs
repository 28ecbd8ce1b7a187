// e2e: "Strip Stock-Image Blocks" from the command palette removes the sample post's two blocks and says so.
import assert from 'node:assert/strict';
import { editorText, openFile, runCommand, useSharedWorkbench } from './lib.mjs';

describe('strip stock-image blocks (real VS Code in Chromium)', function () {
  this.timeout(240000);
  const wb = useSharedWorkbench();

  it('the palette command removes both blocks of the sample post and reports the count', async () => {
    const { page } = wb;
    await openFile(page, '2022-03-21-stock-blocks.md');
    assert.match(await editorText(page), /EM_StockImg_Start/);
    await runCommand(page, 'Post Desk: Strip Stock-Image Blocks');
    await page.waitForFunction(() => !document.querySelector('.part.editor .editor-group-container.active .monaco-editor .view-lines')?.textContent?.includes('EM_StockImg'), null, { timeout: 30000 });
    const text = await editorText(page);
    assert.match(text, /title: "示例银行深化数字化应用/);
    assert.match(text, /示例银行今日发布数字化转型报告/);
    // Toasts are hidden under the smoke-test driver: the notification centre holds the message.
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center', { hasText: 'Removed 2 stock-image block(s).' }).waitFor({ timeout: 15000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.keyboard.press('Escape');
  });
});
