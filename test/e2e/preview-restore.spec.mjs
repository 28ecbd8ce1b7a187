// e2e: an open Post Desk preview survives a window reload (WebviewPanelSerializer) and shows the same post again.
import assert from 'node:assert/strict';
import { openFile, previewFrame, runCommand, withWorkbench } from './lib.mjs';

describe('preview restore (real VS Code in Chromium)', function () {
  this.timeout(420000);

  it('the preview tab comes back with its post after "Developer: Reload Window"', () => withWorkbench(async ({ page }) => {
    await openFile(page, '2021-12-01-digest-no-offset.md');
    await runCommand(page, 'Post Desk: Open Preview to the Side');
    const before = await previewFrame(page, '6.3712');
    await runCommand(page, 'Developer: Reload Window');
    // The old webview must be gone first, so what follows is the restored one.
    for (let i = 0; i < 200 && !before.isDetached(); i++) await page.waitForTimeout(100);
    assert.ok(before.isDetached(), 'the window reloaded');
    await page.waitForLoadState('domcontentloaded');
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
    const frame = await previewFrame(page, '6.3712');
    assert.match(await frame.locator('.pd-title').innerText(), /离岸人民币兑美元小幅走高/);
    assert.ok(await page.locator('.tabs-container .tab', { hasText: /Preview|预览/ }).count() >= 1);
  }));
});
