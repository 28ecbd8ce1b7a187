// The budgeted renderer: inline for small posts, the worker for large ones, killed past the budget; image URLs under the site root.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderPost } from '../../src/core/render';
import { BudgetedRenderer, imageUrl, RenderBudgetError } from '../../src/node/render-budget';
import { BudgetedRenderer as PlatformRenderer } from '../../src/preview/renderer';
import { projectRoot } from './corpus';
import { useRenderWorkerBundle } from './worker-bundle';

const sample = () => fs.readFileSync(path.join(projectRoot, 'sample-site/_posts/2022-03-21-stock-blocks.md'), 'utf8');
/** Output equality without the per-render marker key (there is none in the output) and the same options. */
const same = (a: { bodyHtml: string; headerHtml: string }, b: { bodyHtml: string; headerHtml: string }) => assert.deepEqual([a.headerHtml, a.bodyHtml], [b.headerHtml, b.bodyHtml]);

describe('budgeted renderer', function () {
  this.timeout(60000);
  const worker = useRenderWorkerBundle('postdesk-worker-');

  it('maps root-relative image paths under the site root, never outside it', () => {
    assert.equal(imageUrl('https://res.example/site/', '/assets/a b.png?x=1'), 'https://res.example/site/assets/a%20b.png');
    assert.equal(imageUrl('https://res.example/site', '/assets/%E5%9B%BE.png'), 'https://res.example/site/assets/%E5%9B%BE.png');
    for (const bad of ['/../etc/passwd', '/a/%2e%2e/%2e%2e/x', '/a/..\\..\\x', '/%', '/']) assert.equal(imageUrl('https://res.example/site', bad), undefined, bad);
  });

  it('renders small posts inline and large ones in the worker, with the same HTML', async () => {
    const text = sample();
    const inline = await new BudgetedRenderer(worker.file).render(text, { stockImages: 'mark' }, undefined);
    same(inline, renderPost(text, { stockImages: 'mark' }));
    const r = new BudgetedRenderer(worker.file, 5000, 0);
    try {
      const viaWorker = await r.render(text, { stockImages: 'mark', path: '/s/_posts/2022-03-21-x.md' }, 'https://res.example/s');
      same(viaWorker, renderPost(text, { stockImages: 'mark', path: '/s/_posts/2022-03-21-x.md' }));
      const img = await r.render('<p><img src="/assets/a.png"></p>', {}, 'https://res.example/s');
      assert.match(img.bodyHtml, /src="https:\/\/res\.example\/s\/assets\/a\.png"/);
    } finally { r.dispose(); }
  });

  it('gives up past the budget, kills the worker, and renders again afterwards', async () => {
    // A worker that never answers one request: only the budget can end that render (no clock is read here), and a
    // render after it succeeds only if the stuck worker was replaced (it spins forever, so nothing queued behind it returns).
    const hanging = path.join(worker.dir, 'hanging-worker.js');
    fs.writeFileSync(hanging, `require(${JSON.stringify(worker.file)});\nconst answer = globalThis.onmessage;\nglobalThis.onmessage = (e) => { if (e.data.text.startsWith('HANG')) for (;;); answer(e); };\n`);
    // The budget also covers starting the fresh worker for the render after the kill: generous, so load cannot fail it.
    const r = new BudgetedRenderer(hanging, 3000, 0);
    try {
      await assert.rejects(r.render('HANG forever', {}, undefined), (e) => e instanceof RenderBudgetError && e.ms === 3000);
      const ok = await r.render('# 标题', { header: false }, undefined);
      assert.equal(ok.bodyHtml, '<h1 data-line="0">标题</h1>\n');
    } finally { r.dispose(); }
  });

  it('falls back to inline rendering when the worker bundle is missing', async () => {
    const r = new BudgetedRenderer(path.join(worker.dir, 'missing.js'), 150, 0);
    same(await r.render('text', { header: false }, undefined), renderPost('text', { header: false }));
  });

  it('without a worker (a web host that refuses one), renders on the main thread up to a cut-off', async () => {
    // The clock is injected: each render "takes" what `cost` says, so no wall-clock time is read or asserted.
    let t = 0; let cost = 0;
    const now = () => { const v = t; t += cost / 2; return v; };
    const r = new PlatformRenderer(() => undefined, { inlineLimit: 0, budgetMs: 100, mainThreadLimit: 1000, now });
    const text = (n: number) => 'x'.repeat(n);
    same(await r.render(text(500), { header: false }, undefined), renderPost(text(500), { header: false }));
    await assert.rejects(r.render(text(1001), { header: false }, undefined), (e) => e instanceof RenderBudgetError && e.ms === 100);
    cost = 300;
    await r.render(text(400), { header: false }, undefined);
    cost = 0;
    // Past the budget once at 400 characters: as long or longer is refused from then on, shorter still renders.
    await assert.rejects(r.render(text(400), { header: false }, undefined), RenderBudgetError);
    await assert.rejects(r.render(text(500), { header: false }, undefined), RenderBudgetError);
    same(await r.render(text(399), { header: false }, undefined), renderPost(text(399), { header: false }));
  });

  it('renders on the main thread when the worker fails (a host refusing Web Workers fails them on start)', async () => {
    let failed = 0;
    const r = new PlatformRenderer(() => ({
      post: () => undefined,
      listen: (_onResponse, onFail) => { setTimeout(() => { failed++; onFail(new Error('refused')); }, 0); },
      terminate: () => undefined,
    }), { inlineLimit: 0, budgetMs: 5000 });
    try {
      same(await r.render('# 标题', { header: false }, undefined), renderPost('# 标题', { header: false }));
      assert.equal(failed, 1);
      assert.equal(r.lastPath, 'main-thread');
    } finally { r.dispose(); }
  });
});
