// The 469 XSS payloads of ../shared/xss in post bodies and front matter values: rendered, parsed with parse5, 0 findings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleHtml, renderPost, type RenderOptions } from '../../src/core/render';
import { parseSiteConfig } from '../../src/core/site';
import { sharedDir } from './corpus';
import { findings, loadPayloads } from './xss-check';

const dir = sharedDir() && path.join(sharedDir()!, 'xss');
const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
const opts: RenderOptions = { site, path: '/site/_posts/2022-03-21-x.md' };

describe('XSS payloads (../shared/xss)', function () {
  this.timeout(120000);
  if (!dir || !fs.existsSync(dir)) { it.skip('needs ../shared/xss'); return; }
  const payloads = loadPayloads(dir);

  it('reads all 469 payloads', () => {
    assert.equal(payloads.length, 469);
  });

  const run = (what: string, make: (p: string) => string, o: RenderOptions = opts) => {
    let count = 0;
    const all: string[] = [];
    for (const { source, payload } of payloads) {
      const html = articleHtml(renderPost(make(payload), o));
      for (const f of findings(html)) all.push(`${source}: ${f}`);
      count++;
    }
    console.log(`      ${what}: ${count} payloads, ${all.length} findings`);
    assert.deepEqual(all.slice(0, 20), [], `${all.length} findings`);
  };

  it('0 findings with each payload as the body of a post', () => {
    run('body', (p) => `---\nlayout: post\ntitle: "t"\n---\n${p}`);
  });

  it('0 findings with each payload in a one-line HTML body between stock blocks (the real shape)', () => {
    const block = '<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p style="text-align:center;"><a href="http://q.example/1" class="EmImageRemark"><img src="https://c.example/GetPic.aspx?nid=1"></a></p><!-- EM_StockImg_End -->';
    run('one-line body', (p) => `---\ntitle: "t"\n---\n${block}<p>x</p>${p.replace(/\r?\n/g, ' ')}${block}<p>y</p>`, { site, stockImages: 'mark' });
  });

  it('0 findings with each payload as a Markdown file without front matter, stock blocks hidden, remote images blocked', () => {
    run('no front matter', (p) => p, { header: false, stockImages: 'hide', remoteImages: 'block', resolveImage: (s) => `https://file.example${s}` });
  });

  it('0 findings with each payload in title, layout, categories, tags and date', () => {
    run('html post', (p) => `---\ntitle: "t"\n---\n${p}`, { site, path: '/site/_posts/2022-03-21-x.html' });
    run('front matter', (p) => {
      const q = JSON.stringify(p);
      return `---\nlayout: ${q}\ntitle: ${q}\ndate: ${q}\ncategories: ${q}\ntags: [${q}, ${q}]\n---\nbody`;
    });
  });

  it('the checker itself flags what it must', () => {
    assert.ok(findings('<img src=x onerror=alert(1)>').length > 0);
    assert.ok(findings('<a href=" java\tscript:alert(1)">x</a>').length > 0);
    assert.ok(findings('<a href="/\\evil.example">x</a>').length > 0);
    assert.ok(findings('<svg><a href="https://x">x</a></svg>').length > 0);
    assert.ok(findings('<p style="background:url(x)">x</p>').length > 0);
    assert.deepEqual(findings('<a href="https://x.example/">x</a><a href="mailto:a@b">m</a><img src="/assets/x.png">'), []);
  });
});
