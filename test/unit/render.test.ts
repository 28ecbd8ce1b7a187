// renderPost: exact HTML for fixture posts, stock-block modes, source positions (data-line/data-offset), the CSP.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { articleHtml, lineAt, previewCsp, renderPost } from '../../src/core/render';
import { parseSiteConfig } from '../../src/core/site';
import { corpusDir, projectRoot } from './corpus';

type Element = DefaultTreeAdapterMap['element'];
const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
const fixture = (name: string) => fs.readFileSync(path.join(projectRoot, 'test/fixtures/render', name), 'utf8');
const samplePath = path.join(projectRoot, 'sample-site/_posts/2022-03-21-stock-blocks.md');
const sample = () => fs.readFileSync(samplePath, 'utf8');

/** Every element of an HTML fragment, in document order. */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (n: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in n) out.push(n as Element);
    if ('childNodes' in n) for (const c of n.childNodes) walk(c);
  };
  walk(parse(`<!DOCTYPE html><body>${html}`));
  return out;
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** Asserts every data-offset points at the `<` of the element's own tag, and every data-line at a body line. */
function checkPositions(text: string, html: string, where: string): number {
  const r = { checked: 0 };
  const lines = text.split(/\r\n?|\n/).length;
  for (const el of elements(html)) {
    const off = attr(el, 'data-offset');
    if (off !== undefined) {
      const o = Number(off);
      assert.equal(text[o], '<', `${where}: data-offset ${o} of <${el.tagName}> is not at a '<'`);
      if (!attr(el, 'class')?.split(' ').includes('pd-stock')) {
        const name = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(o, o + 40))?.[1].toLowerCase();
        assert.ok(name === el.tagName || (name === 'center' && el.tagName === 'div'), `${where}: data-offset ${o} is <${name}>, element is <${el.tagName}>`);
      }
      r.checked++;
    }
    const line = attr(el, 'data-line');
    if (line !== undefined) { assert.ok(Number(line) < lines, `${where}: data-line ${line} past the end`); r.checked++; }
  }
  return r.checked;
}

const SAMPLE_BODY = '<div data-offset="119" class="pd-stock"><p data-offset="119" class="pd-hidden"><br /></p><p data-offset="207" style="text-align:center" class="pd-ta-center"><a href="http://quote.example.com/unify/r/1.600000"><img src="https://charts.example.com/GetPic.aspx?nid=1.600000&amp;imageType=k" alt="K图 600000_0" width="578" height="276" /></a></p></div>'
  + '<div data-offset="547" class="pd-stock"><p data-offset="547" class="pd-hidden"><br /></p><p data-offset="635" style="text-align:center" class="pd-ta-center"><a href="http://quote.example.com/unify/r/0.000001"><img src="https://charts.example.com/GetPic.aspx?nid=0.000001&amp;imageType=k" alt="K图 000001_0" width="578" height="276" /></a></p></div>'
  + '<p data-offset="975">　　示例银行今日发布数字化转型报告，称将继续加大对<span><a href="http://quote.example.com/unify/r/1.600000">示例银行</a></span>普惠金融业务的科技投入，全年计划新增小微企业贷款客户十万户。</p>'
  + '<p data-offset="1166">　　报告显示，截至二月末，该行普惠贷款余额较年初增长8.6%，线上化率超过九成。<strong>分析人士认为</strong>，数字化风控能力是普惠业务可持续发展的关键。</p>'
  + '<div data-offset="1258" style="text-align:center" class="pd-ta-center"><img src="https://img.example.com/news/2022/03/21/chart.png" width="500" /></div>'
  + '<p data-offset="1350">　　（文章来源：示例经济网）</p><p data-offset="1371">　　(责任编辑：DF000)</p>';

describe('renderPost', function () {
  this.timeout(60000);
  it('renders the sample post with its two stock blocks marked (exact HTML)', () => {
    const r = renderPost(sample(), { site, path: '/site/_posts/2022-03-21-stock-blocks.md', problems: 2 });
    assert.equal(r.headerHtml, '<header class="pd-header"><h1 class="pd-title">示例银行深化数字化应用 打造普惠金融新模式</h1><div class="pd-meta">'
      + '<time class="pd-date" datetime="2022-03-21T15:17:46.000Z">2022-03-21 23:17:46 +0800</time> <span class="pd-layout">post</span> '
      + '<span class="pd-chip pd-category">jingjiwang</span> <span class="pd-chip pd-tag">经济网新闻</span> <button type="button" class="pd-problems">2 problems</button></div></header>');
    assert.equal(r.bodyHtml, SAMPLE_BODY);
    assert.equal(checkPositions(sample(), r.bodyHtml, 'sample'), 11);
  });

  it('shows stock blocks unmarked (show) or leaves them out (hide)', () => {
    const show = renderPost(sample(), { stockImages: 'show', header: false }).bodyHtml;
    assert.ok(!show.includes('pd-stock'));
    assert.equal((show.match(/GetPic\.aspx/g) ?? []).length, 2);
    const hide = renderPost(sample(), { stockImages: 'hide', header: false }).bodyHtml;
    assert.ok(!hide.includes('GetPic') && !hide.includes('pd-stock'));
    assert.ok(hide.startsWith('<p data-offset="975">'));
    assert.equal(renderPost(sample(), { header: false }).headerHtml, '');
  });

  it('renders a digest: offset-less date published 8 hours later, autolink, protocol-relative links made https (exact HTML)', () => {
    const r = renderPost(fixture('digest.md'), { site, path: '/site/_posts/2021-12-01-digest.md' });
    assert.equal(r.headerHtml, '<header class="pd-header"><h1 class="pd-title">示例快讯：离岸人民币兑美元小幅走高｜收盘</h1><div class="pd-meta">'
      + '<time class="pd-date" datetime="2021-12-01T13:33:50.000Z">2021-12-01 21:33:50 +0800</time> <span class="pd-layout">post</span> '
      + '<span class="pd-chip pd-category">emnews</span> <span class="pd-chip pd-category">guonei(kuaixun)</span> <span class="pd-chip pd-tag">东财滚动新闻</span></div></header>');
    assert.equal(r.bodyHtml, '<p data-line="8">离岸人民币兑美元日内<strong>小幅走高</strong>，现报6.3712。</p>\n'
      + '<p data-line="10"><a href="http://news.example.com/a/202112011333.html">http://news.example.com/a/202112011333.html</a></p>\n'
      + '<p data-line="12"><a href="https://news.example.com/emnews/">返回东财滚动新闻</a>｜<a href="../">返回首页</a>｜<a href="2021-11-30-previous.md">上一篇</a></p>\n');
  });

  it('renders Markdown and HTML blocks together; the post cannot forge ids, classes or markers (exact HTML)', () => {
    const text = fixture('mixed.md');
    const r = renderPost(text, { site, path: '/site/_posts/2022-01-05-mixed.md', resolveImage: (p) => `https://res.example${p}` });
    assert.equal(r.bodyHtml, '<h1 data-line="7">标题一</h1>\n<p data-line="9">第一段，含 <span>行内 HTML</span>。</p>\n'
      + '<ul data-line="11">\n<li data-line="11">列表一</li>\n<li data-line="12">列表二</li>\n</ul>\n<blockquote data-line="14">\n<p data-line="14">引用段落</p>\n</blockquote>\n'
      + '<div data-offset="202" style="text-align:center" class="pd-ta-center"><img src="https://res.example/assets/img/a.png" alt="本地图" /></div>'
      + '<p data-offset="260" style="text-align:right" class="pd-ta-right">右对齐</p>\n'
      + '<table data-line="18">\n<thead data-line="18">\n<tr data-line="18">\n<th style="text-align:left" class="pd-ta-left">列</th>\n<th style="text-align:right" class="pd-ta-right">值</th>\n</tr>\n</thead>\n'
      + '<tbody data-line="20">\n<tr data-line="20">\n<td style="text-align:left" class="pd-ta-left">a</td>\n<td style="text-align:right" class="pd-ta-right">1</td>\n</tr>\n</tbody>\n</table>\n'
      + '<pre><code data-line="22">alert(1)\n</code></pre>\n');
    checkPositions(text, r.bodyHtml, 'mixed');
    for (const el of elements(r.bodyHtml)) {
      const line = attr(el, 'data-line');
      if (line === undefined) continue;
      const src = text.split('\n')[Number(line)];
      assert.ok(src.trim().length > 0, `data-line ${line} is a blank line`);
    }
  });

  it('keeps offsets exact with CRLF line breaks, a BOM, and HTML blocks inside blockquotes and lists', () => {
    const text = `\uFEFF---\r\ntitle: "x"\r\n---\r\n段落\r\n\r\n<p>一</p><div><p>二</p></div>\r\n<p>三</p>\r\n\r\n> <p>引</p><p>用</p>\r\n`;
    const r = renderPost(text, {});
    assert.ok(checkPositions(text, r.bodyHtml, 'crlf') >= 6);
    assert.equal(elements(r.bodyHtml).filter((e) => attr(e, 'data-offset') !== undefined).length, 5);
    assert.equal(lineAt(r.sourceMap.lineOffsets, text.indexOf('<p>三')), 6);
  });

  it('renders .html posts as raw HTML, as Jekyll does', () => {
    const text = '---\ntitle: x\n---\n# not a heading <p>a</p>\n\n    <p>not code</p>';
    const r = renderPost(text, { path: '/s/_posts/2022-01-01-x.html' });
    assert.equal(r.bodyHtml, '# not a heading <p data-offset="33">a</p>\n\n    <p data-offset="47">not code</p>');
    checkPositions(text, r.bodyHtml, 'html');
  });

  it('blocks remote images on request and resolves root-relative ones through the callback', () => {
    const text = '<img src="https://x.example/a.png" alt="a"><img src="/assets/b.png"><img src="//cdn.example/c.png"><img src="rel.png">';
    const blocked = renderPost(text, { remoteImages: 'block', header: false, resolveImage: () => undefined }).bodyHtml;
    assert.equal(blocked, '<p data-line="0"><img alt="a" class="pd-img-blocked" /><img /><img class="pd-img-blocked" /><img src="rel.png" /></p>\n');
    const allowed = renderPost(text, { header: false, resolveImage: (p) => `https://res.example${p}` }).bodyHtml;
    assert.equal(allowed, '<p data-line="0"><img src="https://x.example/a.png" alt="a" /><img src="https://res.example/assets/b.png" /><img src="https://cdn.example/c.png" /><img src="rel.png" /></p>\n');
  });

  it('draws the header for broken posts: no title, invalid date, file-name date, no front matter', () => {
    const bad = renderPost('---\ntitle: ""\ndate:  +0800\n---\nx', { site, path: '/site/_posts/-2022.md' }).headerHtml;
    assert.match(bad, /<h1 class="pd-title pd-missing">\(no title\)<\/h1>/);
    assert.match(bad, /<span class="pd-date pd-bad" title="[^"]*">invalid date &quot;\+0800&quot;<\/span>/);
    const named = renderPost('---\nlayout: post\n---\nx', { site, path: '/site/_posts/2021-12-8-x.md' }).headerHtml;
    assert.match(named, /<time class="pd-date" datetime="2021-12-07T16:00:00.000Z">2021-12-08 00:00:00 \+0800<\/time>/);
    const blank = renderPost('\n---\ntitle: "x"\n---\nbody', { site, path: '/site/_posts/2021-12-01-x.md' }).headerHtml;
    assert.match(blank, /no front matter \(leading-blank\)/);
    const mars = renderPost('---\ndate: 2022-01-01 10:00:00\n---\n', { site: parseSiteConfig('timezone: Mars/Base\n', '/site') }).headerHtml;
    assert.match(mars, /unknown timezone &quot;Mars\/Base&quot;/);
    const title = renderPost('---\ntitle: "<script>alert(1)</script>"\ntags: "<b> & \'q\'"\n---\n', {}).headerHtml;
    assert.ok(title.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && title.includes('&lt;b&gt;') && !title.includes('<script'));
  });

  it('gives the CSP of the issue, without https: when remote images are blocked', () => {
    assert.equal(previewCsp({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', remoteImages: 'allow' }),
      "default-src 'none'; img-src https://x.vscode-cdn.net https: data:; script-src 'nonce-abc123'; style-src https://x.vscode-cdn.net; base-uri 'none'; form-action 'none'");
    assert.equal(previewCsp({ cspSource: 'https://x.vscode-cdn.net', nonce: 'n', remoteImages: 'block' }),
      "default-src 'none'; img-src https://x.vscode-cdn.net data:; script-src 'nonce-n'; style-src https://x.vscode-cdn.net; base-uri 'none'; form-action 'none'");
  });

  it('never throws, and every data-offset / data-line is exact, for generated posts (fast-check)', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<div class="a">', '</div>', '<center>', '</center>', '<br />', '<img src="/a.png">', '<!-- EM_StockImg_Start -->',
      '<!-- EM_StockImg_End -->', '<p style="display:none;height:1px;overflow:hidden;"><br /></p>', '<!--', '-->', '<script>', '</script>', '<a href="x">', '</a>', '"', "'", '>',
      '\n', '\r\n', '\r', '\n\n', '    ', '> ', '- ', '# ', '```', '文字', 'text', '**b**', '<span id="s">', '</span>', '| a |\n|---|\n| b |', '\uFEFF');
    const post = fc.tuple(fc.constantFrom('', '---\ntitle: x\n---\n', '---\r\ntitle: x\r\n---\r\n', '\uFEFF---\ntitle: x\n---\n'), fc.array(piece, { maxLength: 40 })).map(([fm, p]) => fm + p.join(''));
    fc.assert(fc.property(post, fc.constantFrom<'mark' | 'show' | 'hide'>('mark', 'show', 'hide'), fc.boolean(), (text, stockImages, html) => {
      const r = renderPost(text, { stockImages, path: html ? '/s/_posts/2022-01-01-x.html' : '/s/_posts/2022-01-01-x.md' });
      checkPositions(text, r.bodyHtml, JSON.stringify(text));
    }), { numRuns: 1500 });
  });

  it('renders every real corpus post with exact data-offsets (../shared/corpus)', function () {
    const dir = corpusDir();
    if (!dir) this.skip();
    let files = 0;
    let checked = 0;
    for (const sub of ['_posts', 'old_post', '_alt_versions']) {
      const d = path.join(dir!, sub);
      if (!fs.existsSync(d)) continue;
      for (const f of fs.readdirSync(d)) {
        if (!fs.statSync(path.join(d, f)).isFile()) continue;
        const text = fs.readFileSync(path.join(d, f), 'utf8');
        const r = renderPost(text, { site, path: `/site/${sub}/${f}` });
        checked += checkPositions(text, r.bodyHtml, `${sub}/${f}`);
        assert.ok(articleHtml(r).startsWith('<article'));
        files++;
      }
    }
    assert.ok(files >= 150, `${files} corpus files`);
    assert.ok(checked > 400, `${checked} positions checked`);
  });
});
