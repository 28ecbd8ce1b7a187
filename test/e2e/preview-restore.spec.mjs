// e2e: an open Post Desk preview survives a window reload (WebviewPanelSerializer) and shows the same post again.
import assert from 'node:assert/strict';
import { openFile, runCommand, withWorkbench } from './lib.mjs';

async function previewText(page, hasText, timeout = 45000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      const body = f.locator('#pd-body', { hasText });
      if (await body.count().catch(() => 0)) return { frame: f, text: await body.innerText() };
    }
    if (Date.now() > end) throw new Error(`no preview showing "${hasText}"`);
    await page.waitForTimeout(250);
  }
}

describe('preview restore (real VS Code in Chromium)', function () {
  this.timeout(240000);

  it('the preview tab comes back with its post after "Developer: Reload Window"', () => withWorkbench(async ({ page }) => {
    await openFile(page, '2021-12-01-digest-no-offset.md');
    await runCommand(page, 'Post Desk: Open Preview to the Side');
    const before = (await previewText(page, '6.3712')).frame;
    await runCommand(page, 'Developer: Reload Window');
    // The old webview must be gone first, so what follows is the restored one.
    for (let i = 0; i < 200 && !before.isDetached(); i++) await page.waitForTimeout(100);
    assert.ok(before.isDetached(), 'the window reloaded');
    await page.waitForLoadState('domcontentloaded');
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
    const { frame } = await previewText(page, '6.3712');
    assert.match(await frame.locator('.pd-title').innerText(), /离岸人民币兑美元小幅走高/);
    assert.ok(await page.locator('.tabs-container .tab', { hasText: /Preview|预览/ }).count() >= 1);
  }));
});
