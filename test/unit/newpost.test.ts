// New Post: file names, front matter and template from the site's conventions; `postdesk new` as a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inferFilename, newPost, titleSlug, type NewPostInput } from '../../src/core/newpost';
import { parseSiteConfig } from '../../src/core/site';
import { validatePost } from '../../src/core/validate';
import { projectRoot } from './corpus';

const FINEWS = (n: number) => ({ name: `2022-03-2${n}-20220321231746568${n}.md`, text: `---\nlayout: post\ntitle: "标题${n}"\ndate: 2022-03-21 23:17:46\ncategories: emnews\ntags: 东财滚动新闻\n---\nx` });
const BLOG = (n: number) => ({ name: `2021-12-0${n}-post-${n}.md`, text: `---\ntitle: Post ${n}\nlayout: single\ntags: [a, "b c"]\ncategories: [x]\ndate: 2021-12-0${n} 10:00:00 +0800\n---\nx` });
// 2026-12-01 17:30:05 UTC is 2026-12-02 01:30:05 in Shanghai: the file name's day must be the site's.
const NOW = Date.UTC(2026, 11, 1, 17, 30, 5);
const site = (config = 'timezone: Asia/Shanghai\n') => parseSiteConfig(config, '/site');
const input = (over: Partial<NewPostInput>): NewPostInput => ({ site: site(), title: '早盘：A股三大指数集体高开', now: NOW, samples: [1, 2, 3].map(FINEWS), exists: () => false, ...over });

describe('newPost', () => {
  it('names a finews post YYYY-MM-DD-<digits> and fills its keys in its order, dated with the offset', () => {
    const p = newPost(input({ categories: ['emnews'], tags: ['东财滚动新闻'] }));
    assert.equal(p.rel, '_posts/2026-12-02-202612020130050000.md');
    assert.equal(p.rule, '{date}-{id}');
    assert.equal(p.text, '---\nlayout: post\ntitle: "早盘：A股三大指数集体高开"\ndate: 2026-12-02 01:30:05 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n');
    assert.equal(p.bodyOffset, p.text.length);
    const s = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
    assert.deepEqual(validatePost(p.text, { site: s, file: `/site/${p.rel}`, now: NOW }).map((x) => x.rule), []);
  });

  it('names a blog post YYYY-MM-DD-<slug>, lists taxonomy the way its posts do, and keeps its key order', () => {
    const p = newPost(input({ title: 'Hello, World: "Quotes"', samples: [1, 2].map(BLOG), categories: ['x'], tags: ['b c'] }));
    assert.equal(p.rel, '_posts/2026-12-02-hello-world-quotes.md');
    assert.equal(p.text, '---\ntitle: "Hello, World: \\"Quotes\\""\nlayout: single\ntags: ["b c"]\ncategories: [x]\ndate: 2026-12-02 01:30:05 +0800\n---\n\n');
    assert.deepEqual(validatePost(p.text, { site: site(), file: `/site/${p.rel}`, now: NOW }), []);
  });

  it('keeps CJK in slugs (Jekyll accepts the name), falls back to the id for a title without letters, cuts long slugs', () => {
    assert.equal(titleSlug('新闻 标题！Ünï'), '新闻-标题-ünï');
    const blog = input({ samples: [1, 2].map(BLOG) });
    assert.equal(newPost({ ...blog, title: '早盘：三大指数' }).rel, '_posts/2026-12-02-早盘-三大指数.md');
    assert.equal(newPost({ ...blog, title: '！？…' }).rel, '_posts/2026-12-02-20261202013005.md');
    assert.ok([...titleSlug('字'.repeat(100))].length <= 60);
  });

  it('never takes an existing name: a slug gets -2, an id counts up', () => {
    const taken = new Set(['_posts/2026-12-02-hello.md', '_posts/2026-12-02-202612020130050000.md']);
    const exists = (rel: string) => taken.has(rel);
    assert.equal(newPost(input({ title: 'Hello', samples: [BLOG(1)], exists })).rel, '_posts/2026-12-02-hello-2.md');
    assert.equal(newPost(input({ exists })).rel, '_posts/2026-12-02-202612020130050001.md');
  });

  it('uses --date as wall time in the site timezone and rejects a bad one', () => {
    assert.match(newPost(input({ date: '2021-12-08 10:00:00' })).text, /\ndate: 2021-12-08 10:00:00 \+0800\n/);
    assert.throws(() => newPost(input({ date: 'tomorrow' })), /--date must be/);
  });

  it('leaves out keys defaults: supply unless the template has them; the template gives extra keys and the body', () => {
    const s = site('timezone: Asia/Shanghai\ndefaults:\n  - scope: { path: "" }\n    values: { layout: post, tags: [d] }\n');
    const plain = newPost(input({ site: s }));
    assert.doesNotMatch(plain.text, /layout:|tags:/);
    const tpl = '---\nlayout: article\nauthor: desk   # who writes\nsource:\n  - a\n---\nLead paragraph.\n';
    const p = newPost(input({ site: s, template: tpl }));
    assert.equal(p.text, '---\nlayout: article\ntitle: "早盘：A股三大指数集体高开"\ndate: 2026-12-02 01:30:05 +0800\ncategories: []\nauthor: desk   # who writes\nsource:\n  - a\n---\n\nLead paragraph.\n');
    assert.equal(p.text.slice(p.bodyOffset), 'Lead paragraph.\n');
  });

  it('follows postdesk.new.filename and refuses a pattern Jekyll would skip', () => {
    const s = site('timezone: Asia/Shanghai\npostdesk:\n  new:\n    filename: "{year}-{month}-{day}-desk-{slug}.markdown"\n');
    assert.equal(newPost(input({ site: s, title: 'A b' })).rel, '_posts/2026-12-02-desk-a-b.markdown');
    assert.throws(() => newPost(input({ site: site('postdesk:\n  new:\n    filename: "{slug}"\n') })), /does not start with YYYY-MM-DD-/);
  });

  it('infers the rule from names', () => {
    assert.deepEqual(inferFilename(['2021-12-01-12345.md', '2021-12-02-123456.md', '2021-12-03-x.md']), { rule: '{date}-{id}', ext: '.md', idLength: 6 });
    assert.deepEqual(inferFilename(['2021-12-01-a.markdown', 'notes.txt']), { rule: '{date}-{slug}', ext: '.markdown', idLength: 14 });
  });
});

describe('postdesk new (child process)', () => {
  it('creates the post, never overwrites, and the result passes postdesk check', function () {
    this.timeout(120000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-new-'));
    try {
      fs.mkdirSync(path.join(root, '_posts'));
      fs.mkdirSync(path.join(root, '_layouts'));
      fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\npostdesk:\n  taxonomy:\n    categories: [emnews]\n    tags: [东财滚动新闻]\n');
      fs.writeFileSync(path.join(root, '_layouts', 'post.html'), '{{ content }}');
      for (const n of [1, 2, 3]) fs.writeFileSync(path.join(root, '_posts', FINEWS(n).name), FINEWS(n).text.replace('23:17:46', '23:17:46 +0800'));
      const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
      const args = ['new', '--title', '午评：沪指涨0.5%', '--categories', 'emnews', '--tags', '东财滚动新闻', '--date', '2021-12-08 10:00:00', '.'];
      const first = cli(...args);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(first.stdout.trim(), path.join('_posts', '2021-12-08-202112081000000000.md'));
      const text = fs.readFileSync(path.join(root, first.stdout.trim()), 'utf8');
      assert.equal(text, '---\nlayout: post\ntitle: "午评：沪指涨0.5%"\ndate: 2021-12-08 10:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n');
      const second = cli(...args);
      assert.equal(second.stdout.trim(), path.join('_posts', '2021-12-08-202112081000000001.md'));
      assert.equal(fs.readFileSync(path.join(root, first.stdout.trim()), 'utf8'), text, 'the first post is untouched');
      const check = cli('check', first.stdout.trim(), '--format', 'json');
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.deepEqual(JSON.parse(check.stdout), []);
      const bad = cli('new', '.');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /missing --title/);
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});

describe('Jekyll oracle: a new post with a CJK title', () => {
  it('is published by Jekyll at the url postdesk posts gives, and the file is there', function () {
    this.timeout(120000);
    if (!fs.existsSync('/usr/bin/jekyll')) { console.log('    SKIPPED: /usr/bin/jekyll is not installed (Debian package jekyll)'); this.skip(); }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-new-oracle-'));
    try {
      const src = path.join(root, 'src');
      fs.mkdirSync(path.join(src, '_posts'), { recursive: true });
      fs.mkdirSync(path.join(src, '_layouts'));
      fs.writeFileSync(path.join(src, '_config.yml'), 'timezone: Asia/Shanghai\npermalink: pretty\n');
      fs.writeFileSync(path.join(src, '_layouts', 'post.html'), '{{ content }}');
      fs.writeFileSync(path.join(src, '_posts', BLOG(1).name), BLOG(1).text);
      fs.writeFileSync(path.join(src, 'urls.json'), '---\nlayout: null\n---\n[{% for p in site.posts %}{"path": {{ p.relative_path | jsonify }}, "url": {{ p.url | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]\n');
      const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), ...args], { cwd: src, encoding: 'utf8' });
      const made = cli('new', '--title', '早盘：三大指数 集体高开', '--categories', '财经', '--date', '2021-12-08 10:00:00');
      assert.equal(made.status, 0, made.stderr);
      const rel = made.stdout.trim();
      assert.equal(rel, path.join('_posts', '2021-12-08-早盘-三大指数-集体高开.md'));
      const ours = (JSON.parse(cli('posts', '--format', 'json').stdout) as { file: string; url: string }[]).find((v) => v.file === rel)!;
      const r = spawnSync('/usr/bin/jekyll', ['build', '--source', src, '--destination', path.join(root, 'out'), '--disable-disk-cache'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
      assert.equal(r.status, 0, r.stderr);
      const jekyll = (JSON.parse(fs.readFileSync(path.join(root, 'out', 'urls.json'), 'utf8')) as { path: string; url: string }[]).find((p) => p.path === rel);
      assert.ok(jekyll, 'Jekyll published the new post');
      assert.equal(ours.url, jekyll.url);
      assert.equal(jekyll.url, '/%E8%B4%A2%E7%BB%8F/2021/12/08/%E6%97%A9%E7%9B%98-%E4%B8%89%E5%A4%A7%E6%8C%87%E6%95%B0-%E9%9B%86%E4%BD%93%E9%AB%98%E5%BC%80/');
      assert.ok(fs.existsSync(path.join(root, 'out', decodeURIComponent(jekyll.url), 'index.html')), 'the page is written where the URL points');
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});
