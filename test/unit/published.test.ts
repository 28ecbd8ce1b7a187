// The "As published" renderer: layout chain, Jekyll tags, plugin tags skipped, theme files, the page as browsers parse it, the layout rule, the CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'parse5';
import { main } from '../../src/cli/main';
import { applyEdits } from '../../src/core/edits';
import { memoryFiles, renderPublished } from '../../src/core/published';
import { findUnescapedOutput } from '../../src/core/rules/layout-unescaped-output';
import { parseSiteConfig } from '../../src/core/site';
import { validatePost } from '../../src/core/validate';
import { findTheme, nodeSiteFiles } from '../../src/node/site-files';
import { corpusDir, projectRoot, sharedDir } from './corpus';
import { findings, loadPayloads } from './xss-check';

/** {@link findings} for a whole page: `<meta>` (not http-equiv), `<link rel=stylesheet>` and `<style>` belong to pages. */
function pageFindings(html: string): string[] {
  const out = findings(html).filter((f) => !/^element <(?:meta|link|style)> \(http:\/\/www\.w3\.org\/1999\/xhtml\)$/.test(f));
  const walk = (n: N) => {
    const attr = (k: string) => n.attrs?.find((a) => a.name === k)?.value;
    if (n.tagName === 'meta' && attr('http-equiv') !== undefined) out.push(`<meta http-equiv=${attr('http-equiv')}>`);
    if (n.tagName === 'link' && !/(?:^|\s)stylesheet(?:\s|$)/i.test(attr('rel') ?? '')) out.push(`<link rel=${attr('rel')}>`);
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parse(html) as unknown as N);
  return out;
}

type N = { nodeName: string; tagName?: string; value?: string; childNodes?: N[]; attrs?: { name: string; value: string }[] };
const textOf = (n: N): string => n.nodeName === '#text' ? n.value ?? '' : (n.childNodes ?? []).map(textOf).join('');
const bodyOf = (html: string): N => {
  const doc = parse(html) as unknown as N;
  return doc.childNodes!.find((n) => n.tagName === 'html')!.childNodes!.find((n) => n.tagName === 'body')!;
};

// A layout in the shape of the finews default.html: page.content unescaped in a meta attribute (our own text).
const BROKEN_DEFAULT = `<!DOCTYPE html>
<html lang="{{ site.lang | default: "en-US" }}">
  <head>
    <meta charset="UTF-8">
    <meta property="og:description" content="{{ page.content }}">
    <link rel="stylesheet" href="{{ "/assets/css/style.css" | relative_url }}">
  </head>
  <body>
    <header><h1><a href="{{ "/" | absolute_url }}">{{ site.title }}</a></h1></header>
    <section>{{ content }}</section>
  </body>
</html>
`;
const POST_LAYOUT = `---
layout: default
---
<small>{{ page.date | date: "%Y-%m-%d %H:%M:%S" }}</small>
<h1>{{ page.title }}</h1>
{{content}}
{% if page.tags %}<small>tags: <em>{{ page.tags | join: "</em> - <em>" }}</em></small>{% endif %}
`;
const CONFIG = 'title: 港口快讯\ntimezone: Asia/Shanghai\nurl: https://news.example.com\nlang: zh-CN\n';
const POST = '---\nlayout: post\ntitle: "港口恢复通航"\ndate: 2021-12-01 13:33:50\ncategories: emnews\ntags: 港口新闻\n---\n港口今日恢复通航，首批货轮已靠泊。\n\n[返回首页](//news.example.com/)\n';

describe('"As published": the page through the site\'s layouts', () => {
  const files = memoryFiles({ '_config.yml': CONFIG, '_layouts/default.html': BROKEN_DEFAULT, '_layouts/post.html': POST_LAYOUT, '_posts/2021-12-01-port.md': POST });

  it('applies the layout chain post → default with page, site and the date in the site timezone (a no-offset date is UTC)', () => {
    const r = renderPublished({ files, file: '_posts/2021-12-01-port.md' });
    assert.deepEqual(r.layouts, ['post', 'default']);
    assert.deepEqual([r.missing, r.skipped, r.errors], [[], [], []]);
    const text = textOf(bodyOf(r.html));
    assert.ok(text.includes('2021-12-01 21:33:50'), text);
    assert.ok(text.includes('港口恢复通航') && text.includes('港口快讯') && text.includes('tags: 港口新闻'));
  });

  it('builds the tree as a browser does: page.content in a meta attribute shows the article after its first `"` above the header, and again in place', () => {
    const body = bodyOf(renderPublished({ files, file: '_posts/2021-12-01-port.md' }).html);
    const text = textOf(body);
    // The post's first `"` is in its link's href: the attribute ends there, the URL's `">` ends the meta tag, the link text becomes page text.
    const first = text.indexOf('返回首页');
    assert.ok(first >= 0 && first < text.indexOf('港口快讯'), `article text before the site header: ${text}`);
    assert.ok(text.trimStart().startsWith('返回首页'), text);
    assert.equal(text.split('返回首页').length - 1, 2, 'the article text is shown twice');
    // With the attribute escaped, the page is what the author meant: the text once, after the header.
    const fixed = memoryFiles({ '_config.yml': CONFIG, '_layouts/default.html': BROKEN_DEFAULT.replace('{{ page.content }}', '{{ page.content | strip_html | escape }}'), '_layouts/post.html': POST_LAYOUT, '_posts/2021-12-01-port.md': POST });
    const ok = textOf(bodyOf(renderPublished({ files: fixed, file: '_posts/2021-12-01-port.md' }).html));
    assert.equal(ok.split('返回首页').length - 1, 1);
    assert.ok(ok.trimStart().startsWith('港口快讯'), ok);
  });

  it('include with parameters, include_relative, post_url, link, highlight and raw; plugin tags skipped and named; missing files named', () => {
    const site = memoryFiles({
      '_config.yml': 'baseurl: /b\n',
      '_layouts/page.html': '<body>{% seo %}{% include box.html title="T" n=page.n %}{{ content }}{% include nothere.html %}{% feed_meta %}</body>',
      '_includes/box.html': '<div class="box">{{ include.title }}-{{ include.n | plus: 1 }}</div>',
      '_posts/2020-01-02-older.md': '---\ntitle: Older\n---\nx',
      '_posts/notes.txt': 'relative {{ page.title }}',
      '_posts/2021-01-02-new.html': '---\nlayout: page\nn: 41\ntitle: New\n---\n<p>{% post_url 2020-01-02-older %}|{% link _posts/2020-01-02-older.md %}|{% include_relative notes.txt %}</p>{% highlight ruby %}\nputs "<x>"\n{% endhighlight %}<p>{% raw %}{{ not }}{% endraw %}</p>',
    });
    const r = renderPublished({ files: site, file: '_posts/2021-01-02-new.html' });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.skipped, ['feed_meta', 'seo']);
    assert.deepEqual(r.missing, ['_includes/nothere.html']);
    const text = textOf(bodyOf(r.html));
    assert.ok(text.includes('T-42'), text);
    assert.ok(text.includes('/2020/01/02/older.html|/_posts/2020-01-02-older.html|relative New'), text);
    assert.ok(text.includes('puts "<x>"') && text.includes('{{ not }}'), text);
  });

  it('gem theme: layouts and includes come from the installed theme after the site\'s own files; without it they are named missing', function () {
    const dir = path.join(projectRoot, 'test', 'fixtures', 'sites-published', 'minima-news');
    const siteFiles = nodeSiteFiles(dir);
    const theme = findTheme(siteFiles.read('_config.yml'));
    assert.equal(theme.name, 'minima');
    const without = renderPublished({ files: siteFiles, file: '_posts/2024-01-10-winter-notice.md' });
    assert.deepEqual(without.missing, ['_layouts/post.html']);
    if (!theme.dir) { console.log('      (minima is not installed: only the missing case is checked)'); return; }
    const r = renderPublished({ files: siteFiles, theme: nodeSiteFiles(theme.dir), file: '_posts/2024-01-10-winter-notice.md' });
    assert.deepEqual([r.layouts, r.missing], [['post', 'default'], []]);
    const text = textOf(bodyOf(r.html));
    assert.ok(text.includes('TIMETABLE') && text.includes('tide-weather'), 'the site\'s own footer include wins over the theme\'s');
    assert.ok(text.includes('2024-01-10 18:00'), 'minima.date_format in the site timezone');
  });

  it('the page allow-list removes scripts, handlers, forms, base, frames and unsafe URLs; a protocol-relative URL becomes https', () => {
    const site = memoryFiles({
      '_layouts/x.html': '<html><head><base href="https://evil.example/"><script>alert(1)</script><meta http-equiv="refresh" content="0;url=https://e.example"></head><body onload="x()"><form action="/p"><input name=q></form><iframe src="https://e.example"></iframe><a href="javascript:alert(1)">a</a><a href="//cdn.example/x">b</a><img src=x onerror=alert(1)><svg><script>1</script></svg>{{ content }}</body></html>',
      '_posts/2021-01-02-p.md': '---\nlayout: x\n---\ntext',
    });
    const html = renderPublished({ files: site, file: '_posts/2021-01-02-p.md' }).html;
    assert.deepEqual(pageFindings(html), []);
    assert.ok(!/<script|<base|<form|<input|<iframe|onload|onerror|javascript:|http-equiv|<svg/i.test(html), html);
    assert.ok(html.includes('href="https://cdn.example/x"'));
  });

  it('0 findings with each of the 469 XSS payloads as a post body and as its title, through a layout', function () {
    const dir = sharedDir() && path.join(sharedDir()!, 'xss');
    if (!dir || !fs.existsSync(dir)) { console.log('      (no ../shared/xss: not checked)'); return; }
    const all: string[] = [];
    for (const { source, payload } of loadPayloads(dir)) {
      const site = memoryFiles({ '_config.yml': CONFIG, '_layouts/default.html': BROKEN_DEFAULT, '_layouts/post.html': POST_LAYOUT, '_posts/2021-12-01-x.md': `---\nlayout: post\ntitle: ${JSON.stringify(payload)}\n---\n${payload}` });
      for (const f of pageFindings(renderPublished({ files: site, file: '_posts/2021-12-01-x.md' }).html)) all.push(`${source}: ${f}`);
    }
    assert.deepEqual(all.slice(0, 20), [], `${all.length} findings`);
  });
});

describe('layout-unescaped-output', () => {
  it('finds {{ page.content }} in the finews default.html meta attribute, and nothing in its other outputs', function () {
    const corpus = corpusDir();
    const text = corpus ? fs.readFileSync(path.join(corpus, '_layouts', 'default.html'), 'utf8') : BROKEN_DEFAULT;
    const found = findUnescapedOutput(text);
    assert.deepEqual(found.map((f) => [f.expression, f.attribute, f.tag, text.slice(f.start, f.end)]), [['page.content', 'content', 'meta', '{{ page.content }}']]);
  });

  it('flags HTML-bearing values in attributes (quoted, unquoted, trimmed) unless a filter escapes or strips them', () => {
    const exprs = (t: string) => findUnescapedOutput(t).map((f) => f.expression);
    assert.deepEqual(exprs('<meta content="{{ content }}"><a title=\'{{ page.excerpt | truncate: 20 }}\'>x</a><div data-x={{ post.content }}></div><p title="{{- include.content -}}">'), ['content', 'page.excerpt | truncate: 20', 'post.content', 'include.content']);
    assert.deepEqual(exprs('<meta content="{{ page.content | strip_html }}"><meta content="{{ page.excerpt | escape }}"><a href="{{ "/" | absolute_url }}" title="{{ page.title }}">{{ content }}</a>'), []);
    assert.deepEqual(exprs('<!-- <meta content="{{ content }}"> --><script>var a = "{{ content }}";</script><p>{{ page.content }}</p>'), []);
  });

  it('is reported on _layouts/ and _includes/ files with a fix that makes the layout clean', () => {
    const site = parseSiteConfig('', '/site');
    const problems = validatePost(BROKEN_DEFAULT, { site, file: '/site/_layouts/default.html' });
    assert.deepEqual(problems.map((p) => [p.rule, p.severity]), [['layout-unescaped-output', 'warning']]);
    const fixed = applyEdits(BROKEN_DEFAULT, problems[0].fixes[0].edits);
    assert.ok(fixed.includes('content="{{ page.content | strip_html | escape }}"'));
    assert.deepEqual(validatePost(fixed, { site, file: '/site/_layouts/default.html' }), []);
    assert.deepEqual(validatePost(BROKEN_DEFAULT, { site, file: '/site/about.html' }), [], 'pages are not layouts');
  });
});

describe('postdesk render --published', function () {
  this.timeout(60000);
  it('writes the page of a sample-site post through its layouts', async () => {
    let out = '';
    let err = '';
    const code = await main({ argv: ['render', '--published', 'sample-site/_posts/2022-03-21-stock-blocks.md'], cwd: projectRoot, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
    assert.equal(code, 0, err);
    assert.ok(out.startsWith('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>示例银行深化数字化应用 打造普惠金融新模式 | 示例财经快讯</title>'), out.slice(0, 300));
    assert.ok(out.includes('<small>(GMT+8, Asia/Shanghai) 2022-03-21 23:17:46</small>'));
    assert.deepEqual(pageFindings(out), []);
  });
});

describe('"As published" on a hostile site', function () {
  this.timeout(60000);
  it('an endless loop, a self-including include and a missing layout end in errors, not a hang or a throw', () => {
    const site = memoryFiles({
      '_layouts/loop.html': '<body>{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}{{ content }}</body>',
      '_layouts/self.html': '<body>{% include me.html %}{{ content }}</body>',
      '_includes/me.html': 'a{% include me.html %}',
      '_posts/2021-01-01-a.md': '---\nlayout: loop\n---\nbody',
      '_posts/2021-01-02-b.md': '---\nlayout: self\n---\nbody',
      '_posts/2021-01-03-c.md': '---\nlayout: nowhere\n---\nbody',
    });
    const a = renderPublished({ files: site, file: '_posts/2021-01-01-a.md' });
    assert.equal(a.errors.length, 1, 'the loop is cut off');
    const b = renderPublished({ files: site, file: '_posts/2021-01-02-b.md' });
    assert.match(b.errors.join(' '), /nested more than 50 levels/);
    const c = renderPublished({ files: site, file: '_posts/2021-01-03-c.md' });
    assert.deepEqual(c.missing, ['_layouts/nowhere.html']);
    for (const r of [a, b, c]) assert.ok(textOf(bodyOf(r.html)).includes('body'), 'the post is still shown');
  });
});

describe('preview mode messages', () => {
  it('the webview may ask for a mode, nothing else', async () => {
    const { parseWebviewMessage } = await import('../../src/preview/messages');
    assert.deepEqual(parseWebviewMessage({ type: 'setMode', mode: 'published' }), { type: 'setMode', mode: 'published' });
    assert.deepEqual(parseWebviewMessage({ type: 'setMode', mode: 'article' }), { type: 'setMode', mode: 'article' });
    assert.equal(parseWebviewMessage({ type: 'setMode', mode: 'javascript:' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'setMode' }), undefined);
  });
});
