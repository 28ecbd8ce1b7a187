// e2e: the preview's "As published" mode in Chromium: switched from the mode bar, the layout's header and date line, the site's Sass applied (computed style), an edit updates the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openFile, runCommand, screenshot, useWorkbench } from './lib.mjs';

/** The frame holding the preview document (VS Code nests it in two iframes). */
async function previewFrame(page, selector, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      if (await f.locator(selector).count().catch(() => 0)) return f;
    }
    if (Date.now() > end) throw new Error(`no preview frame with ${selector}`);
    await page.waitForTimeout(250);
  }
}

// The copy of sample-site gets a stylesheet and a site header: Sass with front matter, a partial in _sass/, linked by
// the default layout through relative_url (what Jekyll builds to /assets/css/site.css).
const BRAND = '#0a5c8a';
const SCSS = `---\n---\n@import "brand";\n.site-header { background-color: $brand; color: #fff; padding: 12px; }\n.site-title { color: #fff; font-weight: 700; letter-spacing: 2px; text-decoration: none; }\n`;
const LAYOUT = `<!DOCTYPE html>
<html lang="{{ site.lang }}"><head><meta charset="utf-8"><title>{{ page.title }} | {{ site.title }}</title>
<link rel="stylesheet" href="{{ '/assets/css/site.css' | relative_url }}"></head>
<body><header class="site-header"><a class="site-title" href="{{ '/' | relative_url }}">{{ site.title }}</a></header>{{ content }}</body></html>
`;

describe('"As published" preview (real VS Code in Chromium)', function () {
  this.timeout(240000);
  const wb = useWorkbench({ server: { settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } }, prepare: (site) => {
    fs.mkdirSync(path.join(site, 'assets', 'css'), { recursive: true });
    fs.mkdirSync(path.join(site, '_sass'), { recursive: true });
    fs.writeFileSync(path.join(site, 'assets', 'css', 'site.scss'), SCSS);
    fs.writeFileSync(path.join(site, '_sass', '_brand.scss'), `$brand: ${BRAND};\n`);
    fs.writeFileSync(path.join(site, '_layouts', 'default.html'), LAYOUT);
  } });

  it('switches from the mode bar to the page through the layouts, with the site\'s compiled Sass applied; saves a screenshot', async () => {
    await openFile(wb.page, '2021-12-01-digest-no-offset.md');
    await runCommand(wb.page, 'Post Desk: Open Preview to the Side');
    const article = await previewFrame(wb.page, '#pd-modebar button');
    await article.locator('#pd-modebar button').click();
    const f = await previewFrame(wb.page, '.pd-published-bar');
    await f.locator('.site-header').waitFor({ timeout: 30000 });
    assert.equal(await f.locator('.site-title').innerText(), '示例财经快讯', 'the layout\'s header shows the site title');
    assert.equal(await f.locator('h1').first().innerText(), '离岸人民币兑美元小幅走高', 'post.html\'s title line');
    // The post's date (13:33:50) has no offset: Jekyll reads it as UTC, readers see 21:33:50 in Asia/Shanghai, and the
    // layout's `date` filter prints that (the oracle test proves the same against Jekyll's build).
    assert.match(await f.locator('small').first().innerText(), /^\(GMT\+8, Asia\/Shanghai\) 2021-12-01 21:33:50$/);
    assert.match(await f.locator('.pd-published-bar').innerText(), /post → default/);
    assert.doesNotMatch(await f.locator('.pd-published-bar').innerText(), /not loaded|Sass error/);
    // Chromium is the oracle of what the page shows: the header's computed style comes from the compiled Sass.
    await f.waitForFunction(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor === 'rgb(10, 92, 138)', null, { timeout: 30000 });
    const style = await f.locator('.site-title').evaluate((el) => ({ weight: getComputedStyle(el).fontWeight, spacing: getComputedStyle(el).letterSpacing }));
    assert.deepEqual(style, { weight: '700', spacing: '2px' });
    await screenshot(wb.page, 'published');
  });

  it('an edit in the post updates the page', async () => {
    const f = await previewFrame(wb.page, '.pd-published-bar');
    await wb.page.locator('.editor-group-container').first().locator('.view-lines').click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('Harbour edit 42');
    await f.locator('#pd-body p', { hasText: 'Harbour edit 42' }).waitFor({ timeout: 30000 });
    assert.equal(await f.locator('.site-header').count(), 1, 'still the whole page');
  });

  it('an edited Sass partial restyles the page (the stylesheet cache sees the change)', async () => {
    fs.writeFileSync(path.join(wb.site, '_sass', '_brand.scss'), '$brand: #8a0a0a;\n');
    const f = await previewFrame(wb.page, '.pd-published-bar');
    // Any edit re-renders; the compiled stylesheet is checked against the files it read.
    await wb.page.keyboard.type('!');
    await f.waitForFunction(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor === 'rgb(138, 10, 10)', null, { timeout: 30000 });
  });
});
