// postInfo / renderPostInfo: how Jekyll will publish a post (time, URL, layouts, folder categories, problems), escaped Markdown and plain text.
import * as assert from 'node:assert/strict';
import { postInfo, renderPostInfo } from '../../src/core/info';
import { parseSiteConfig } from '../../src/core/site';
import { layoutLookup } from '../../src/core/validate';

const CONFIG = 'timezone: Asia/Shanghai\npostdesk:\n  taxonomy:\n    tags: [东财滚动新闻]\n';
const site = parseSiteConfig(CONFIG, '/site');
const LAYOUTS: Record<string, string> = { post: '---\nlayout: default\n---\n{{ content }}', default: '<html>{{ content }}</html>' };
const opts = (file = '/site/news/_posts/2021-12-08-x.md') => ({
  site, file, now: Date.UTC(2024, 0, 1), layouts: layoutLookup(site, (p) => /_layouts\/(post|default)\.html$/.test(p), CONFIG), readLayout: (n: string) => LAYOUTS[n],
});
const post = (fm: string) => `---\n${fm}\n---\n正文\n`;

describe('post info', () => {
  it('publish time in the site timezone and as the file says it, URL, layout chain, folder categories, problems', () => {
    const info = postInfo(post('layout: post\ntitle: 标题\ndate: 2021-12-08 10:00:00\ncategories: emnews\ntags: [东财滚动新闻, 新能源]'), opts());
    assert.equal(info.published, true);
    assert.equal(info.date, '2021-12-08 18:00:00 +0800');
    assert.equal(info.dateInFile, '2021-12-08 10:00:00');
    assert.equal(info.url, '/news/emnews/2021/12/08/x.html');
    assert.deepEqual(info.layouts, [{ name: 'post', where: 'site' }, { name: 'default', where: 'site' }]);
    assert.deepEqual(info.categories, ['news', 'emnews']);
    assert.deepEqual(info.folderCategories, ['news']);
    assert.deepEqual(info.tags, ['东财滚动新闻', '新能源']);
    assert.deepEqual(info.problems.map((p) => [p.rule, p.line]), [['date-no-offset', 4], ['taxonomy-unknown', 6]]);
    const md = renderPostInfo(info);
    assert.match(md, /\*\*Published\*\*\./);
    assert.match(md, /\*\*Time:\*\* ` 2021-12-08 18:00:00 \+0800 ` \(Asia\/Shanghai\); the file says ` 2021-12-08 10:00:00 `/);
    assert.match(md, /\*\*Layout:\*\* ` post ` → ` default `/);
    assert.match(md, /news \(folder\), emnews/);
    // The JSON of today's `postdesk info` is kept: offsets, keys, data, YAML errors.
    assert.deepEqual(info.keys, ['layout', 'title', 'date', 'categories', 'tags']);
    assert.deepEqual(info.frontMatter, { start: 0, end: 96 });
    assert.deepEqual(info.yamlErrors, []);
  });

  it('not published, and why; the time the file says only when it differs', () => {
    const off = postInfo(post('title: t\ndate: 2021-12-08 10:00:00 +0800\npublished: false'), opts('/site/_posts/2021-12-08-x.md'));
    assert.equal(off.published, false);
    assert.equal(off.reason, 'published-false');
    assert.equal(off.dateInFile, null);
    assert.equal(off.url, '/2021/12/08/x.html');
    assert.match(renderPostInfo(off), /^\*\*Not published\*\*: `published: false`\./);
    const future = postInfo(post('date: 2030-01-01 00:00:00 +0800'), opts('/site/_posts/2030-01-01-x.md'));
    assert.equal(future.reason, 'future');
    assert.match(renderPostInfo(future, undefined, true), /^Not published: it is dated in the future/);
    const draft = postInfo(post('title: t'), opts('/site/_drafts/x.md'));
    assert.equal(draft.reason, 'draft');
    assert.deepEqual(postInfo(post('layout: nope'), opts()).layouts, [{ name: 'nope', where: 'missing' }]);
  });

  it('post text is escaped in the Markdown and never a control character in the text lines', () => {
    const info = postInfo(post('title: "<img src=x onerror=alert(1)> [a](command:x) **b**\\u001b[31m"\ntags: ["`x`"]'), opts());
    const md = renderPostInfo(info, 'command:postdesk.copyPostInfoJson');
    const title = md.split('\n').find((l) => l.startsWith('**Title:**'))!.slice('**Title:**'.length);
    assert.doesNotMatch(title, /(?<!\\)[<>[\]()*`]/, 'every Markdown and HTML character escaped');
    assert.equal(md.match(/\]\(command:/g)?.length, 1, 'only the copy link');
    const text = renderPostInfo(info, 'command:postdesk.copyPostInfoJson', true);
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|Copy as JSON/);
    assert.match(text, /Title: <img src=x onerror=alert\(1\)> \[a\]\(command:x\) \*\*b\*\*\ufffd\[31m/);
  });
});
