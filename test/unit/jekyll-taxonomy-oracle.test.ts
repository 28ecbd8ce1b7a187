// Oracle: Debian's `jekyll` 4.3.1 builds a fixture site; its site.posts / site.categories / site.tags must equal `postdesk posts|taxonomy`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { loadSite } from '../../src/node/files';
import { sitePostViews } from '../../src/node/posts';
import { taxonomyCounts } from '../../src/core/taxonomy/index';
import { needsTool } from './needs';

const JEKYLL = '/usr/bin/jekyll';

const FILES: Record<string, string> = {
  '_config.yml': 'timezone: Asia/Shanghai\ndefaults:\n  - scope: { path: "news" }\n    values: { tags: [dtag] }\nexclude: [oracle-src]\n',
  'oracle.json': `---
layout: null
---
{"posts": [{% for p in site.posts %}{"path": {{ p.relative_path | jsonify }}, "date": {{ p.date | date: "%Y-%m-%d %H:%M:%S %z" | jsonify }}, "categories": {{ p.categories | jsonify }}, "tags": {{ p.tags | jsonify }}, "title": {{ p.title | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}],
"categories": [{% for c in site.categories %}[{{ c[0] | jsonify }}, {{ c[1].size }}]{% unless forloop.last %},{% endunless %}{% endfor %}],
"tags": [{% for c in site.tags %}[{{ c[0] | jsonify }}, {{ c[1].size }}]{% unless forloop.last %},{% endunless %}{% endfor %}]}
`,
  '_posts/2021-12-01-scalar.md': '---\nlayout: post\ntitle: "标题：一"\ndate: 2021-12-01 13:33:50\ncategories: emnews\ntags: 东财滚动新闻\n---\n正文',
  '_posts/2021-12-02-flow.md': '---\ntitle: flow\ndate: 2021-12-02 10:00:00 +0800\ncategories: [a, b c]\ntags: [x, x, ~, "y z"]\n---\n',
  '_posts/2021-12-03-block.md': '---\ntitle: block\ndate: "2021-12-03 10:00:00"\ncategories:\n  - a\n  - d e\ntags:\n    - x\n    - w\n---\n',
  '_posts/2021-12-04-singular.md': '---\ncategory: one two\ncategories: [p]\ntag: z\ntags: [y]\n---\n',
  '_posts/2021-12-04-singular-only.md': '---\ncategory: solo cat\ntag: solo tag\n---\n',
  '_posts/2021-12-04-plural-scalar.md': '---\ncategories: "A  B"\ntags: "a\tb c"\n---\n',
  'news/world/_posts/2021-12-05-folder.md': '---\ncategories: c1\ntags: "t1 t2"\n---\n',
  'news/_posts/2021-12-05-defaults.md': '---\ntitle: defaults only\ncategories: [news, n2]\n---\n',
  'sub/_posts/2021-12-05-null-cats.md': '---\ncategories: ~\ntags: 123\n---\n',
  '_posts/2099-01-01-future.md': '---\ncategories: future\ntags: future\n---\n',
  '_posts/2021-12-06-unpublished.md': '---\npublished: false\ncategories: hidden\n---\n',
  '_drafts/draft.md': '---\ncategories: draft\ntags: draft\n---\n',
  '_posts/-2022-skipped.md': '---\ncategories: skipped\ndate:  +0800\n---\n',
  '_posts/2021-12-07-no-front-matter.md': '\n---\ncategories: invisible\n---\nbody',
  '_posts/2021-12-08-bad-yaml.md': '---\ntitle: "a "quoted" title"\ncategories: lost\n---\n',
  '_posts/2021-12-8-one-digit.md': '---\ntags: [one-digit]\n---\n',
  '_posts/2021-12-09-crlf-bom.md': '\uFEFF---\r\ntitle: crlf\r\ncategories: [r, s]\r\ntags: [t]\r\n---\r\nbody\r\n',
  '_posts/2021-12-10-dates.md': '---\ndate: 2021-12-10 10:00:00 CST\ntags: [cst]\n---\n',
  '_posts/2021-12-11-numbers.md': '---\ncategories: [x, 1]\n---\n',
  '_posts/2021-12-12-null-published.md': '---\npublished: ~\ncategories: nullpub\n---\n',
  '_posts/2021-12-12-null-singular.md': '---\ntitle: ~\ntag: ~\ntags: [kept]\ncategory: ~\ncategories: [k]\ndate: 2021-12-12\n---\n',
  '_posts/2021-12-13-cats-list-nulls.md': '---\ncategories: [m, ~, m]\ntags: [[n1, n2], n3]\n---\n',
};

interface Oracle { posts: { path: string; date: string; categories: unknown[]; tags: unknown[]; title: unknown }[]; categories: [unknown, number][]; tags: [unknown, number][] }

describe('Jekyll oracle: posts and taxonomy', function () {
  this.timeout(120000);
  let dir = '';
  let oracle: Oracle;

  before(function () {
    needsTool(this, JEKYLL, 'apt-get install jekyll');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-oracle-'));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    execFileSync(JEKYLL, ['build', '--safe', '--quiet', '--source', dir, '--destination', path.join(dir, '_site')], { stdio: 'pipe', env: { ...process.env, JEKYLL_ENV: 'production' } });
    oracle = JSON.parse(fs.readFileSync(path.join(dir, '_site', 'oracle.json'), 'utf8')) as Oracle;
  });
  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  const cli = async (argv: string[]) => {
    let out = '';
    const code = await main({ argv, cwd: dir, stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
    assert.equal(code, 0, out);
    return JSON.parse(out) as unknown;
  };

  it('gives every post Jekyll publishes the same date, categories, tags and title, and nothing else as published', async () => {
    const views = (await cli(['posts', '.', '--format', 'json'])) as { file: string; published: boolean; date: string | null; categories: unknown[]; tags: unknown[]; title: unknown }[];
    assert.equal(views.length, Object.keys(FILES).filter((f) => /(^|\/)_(posts|drafts)\//.test(f)).length, 'one entry per post-folder file');
    const byFile = new Map(views.map((v) => [v.file, v]));
    for (const j of oracle.posts) {
      const v = byFile.get(j.path);
      assert.ok(v, `postdesk lists ${j.path}`);
      assert.equal(v.published, true, j.path);
      assert.deepEqual({ categories: v.categories, tags: v.tags, title: v.title }, { categories: j.categories, tags: j.tags, title: j.title }, j.path);
      if (v.date !== 'build-time') assert.equal(v.date, j.date, j.path);
      else assert.equal(j.path, '_posts/2021-12-08-bad-yaml.md', 'only unparseable front matter gets the build time');
    }
    const published = views.filter((v) => v.published).map((v) => v.file).sort();
    assert.deepEqual(published, oracle.posts.map((p) => p.path).sort());
  });

  it('counts categories and tags exactly as site.categories / site.tags sizes', async () => {
    const counts = (await cli(['taxonomy', dir, '--format', 'json'])) as { categories: Record<string, number>; tags: Record<string, number> };
    const want = (pairs: [unknown, number][]) => Object.fromEntries(pairs.filter(([k]) => typeof k === 'string').map(([k, n]) => [String(k), n]));
    assert.deepEqual(counts.categories, want(oracle.categories));
    assert.deepEqual(counts.tags, want(oracle.tags));
    const core = taxonomyCounts(sitePostViews(loadSite(dir)));
    assert.deepEqual({ ...core.categories }, want(oracle.categories));
  });
});
