// e2e: the preview webview in Chromium: header, body and marked stock blocks; payloads raise no dialog; dblclick and scroll sync.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openFile, previewFrame, runCommand, screenshot, settleFrame, useWorkbench } from './lib.mjs';


describe('preview (real VS Code in Chromium)', function () {
  this.timeout(240000);
  const wb = useWorkbench({ prepare: (site) => {
    fs.writeFileSync(path.join(site, '_posts', '2022-04-01-payloads.md'), '---\nlayout: post\ntitle: "<img src=x onerror=window.__pdx=1>"\n---\n'
      + '<p>正文</p><script>window.__pdx=1;alert(1)</script><img src=x onerror="window.__pdx=1;alert(2)"><svg onload="alert(3)"></svg>'
      + '<a href="javascript:alert(4)">链接</a><iframe srcdoc="<script>parent.alert(5)</script>"></iframe>\n');
    const paras = Array.from({ length: 80 }, (_, i) => `<p>　　第${i + 1}段：示例长文的正文，用于滚动同步测试。</p>`).join('');
    fs.writeFileSync(path.join(site, '_posts', '2022-04-02-long.md'), `---\nlayout: post\ntitle: "长文"\ndate: 2022-04-02 10:00:00 +0800\n---\n${paras}`);
  } });

  it('shows the header, the body and the two marked stock blocks; saves a screenshot', async () => {
    await openFile(wb.page, '2022-03-21-stock-blocks.md');
    await runCommand(wb.page, 'Post Desk: Open Preview to the Side');
    const f = await previewFrame(wb.page, '普惠');
    assert.equal(await wb.page.locator('.editor-group-container').count(), 2, 'the post and its preview, side by side');
    await f.locator('.pd-title').waitFor({ timeout: 30000 });
    assert.equal(await f.locator('.pd-title').innerText(), '示例银行深化数字化应用 打造普惠金融新模式');
    assert.match(await f.locator('.pd-date').innerText(), /^2022-03-21 23:17:46 \+0800$/);
    assert.equal(await f.locator('.pd-stock').count(), 2);
    assert.match(await f.locator('#pd-body').innerText(), /普惠贷款余额较年初增长8\.6%/);
    await screenshot(wb.page, 'preview');
  });

  it('double-click in the preview puts the cursor at that element in the source', async () => {
    const f = await previewFrame(wb.page);
    await f.locator('#pd-body p', { hasText: '报告显示' }).dblclick();
    // The status bar shows the cursor: line 8 holds the whole body; the paragraph starts at its `<p`.
    const text = fs.readFileSync(path.join(wb.site, '_posts', '2022-03-21-stock-blocks.md'), 'utf8');
    const off = text.indexOf('<p>　　报告显示');
    const col = off - text.lastIndexOf('\n', off);
    await wb.page.locator('.statusbar-item', { hasText: `Ln 8, Col ${col}` }).first().waitFor({ timeout: 15000 });
  });

  it('a post with script / onerror payloads raises no dialog and sets no marker', async () => {
    let dialogs = 0;
    wb.page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await openFile(wb.page, '2022-04-01-payloads.md');
    const f = await previewFrame(wb.page, '正文');
    await f.locator('#pd-body a', { hasText: '链接' }).click();
    // No sleep: once every image has failed to load (its onerror would have run) and the click's queued tasks have run.
    await settleFrame(f);
    assert.equal(dialogs, 0);
    for (const frame of wb.page.frames()) assert.notEqual(await frame.evaluate(() => window.__pdx).catch(() => undefined), 1);
    // VS Code injects its own API script into the frame; the article itself must hold nothing active.
    assert.equal(await f.locator(':is(#pd-head, #pd-body) :is(script, iframe, svg, [onerror], [onload], [srcdoc])').count(), 0);
    assert.equal(await f.locator('#pd-body a[href^="javascript" i]').count(), 0);
  });

  it('scroll sync: scrolling the preview reveals the source, scrolling the editor scrolls the preview', async () => {
    // Focus the post's group first: the last test clicked into the preview, and Quick Open opens in the active group.
    await wb.page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click({ timeout: 3000 }).catch(() => {});
    await openFile(wb.page, '2022-04-02-long.md');
    if (!await previewFrame(wb.page, '', 2000).catch(() => undefined)) await runCommand(wb.page, 'Post Desk: Open Preview to the Side');
    const f = await previewFrame(wb.page, '第80段');
    await wb.page.waitForTimeout(1000); // the page's first scroll-to-editor message
    await f.evaluate(() => document.querySelector('#pd-body p:nth-of-type(60)').scrollIntoView({ block: 'start' }));
    // The body is one wrapped line: the editor shows the wrapped rows around paragraph 60.
    await wb.page.locator('.monaco-editor .view-lines', { hasText: '第60段' }).first().waitFor({ timeout: 15000 });
    await f.evaluate(() => window.scrollTo(0, 0));
    await wb.page.waitForTimeout(500);
    assert.ok(await f.evaluate(() => window.scrollY) < 5);
    await wb.page.locator('.monaco-editor .view-lines').first().click();
    await wb.page.keyboard.press('Control+End');
    await f.waitForFunction(() => window.scrollY > 200, null, { timeout: 15000 });
  });
});
