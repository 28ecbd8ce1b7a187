// Oracle: Debian's jekyll 4.3 builds a fixture site; what it publishes must match date-no-offset messages and skipped files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDate } from '../../src/core/jekyll/date';
import { parseSiteConfig } from '../../src/core/site';
import type { Problem } from '../../src/core/types';
import { validatePost } from '../../src/core/validate';
import { needsTool } from './needs';

const JEKYLL = '/usr/bin/jekyll';
const CONFIG = 'title: oracle\ntimezone: Asia/Shanghai\n';
const post = (date: string | null, extra = '') => `---\nlayout: post\ntitle: "t"\n${date === null ? '' : `date: ${date}\n`}categories: emnews\ntags: x\n${extra}---\nbody\n`;
// Site-relative path → text. Dates in the shapes the scraper and editors write.
const POSTS: Record<string, string> = {
  '_posts/2021-12-08-no-offset.md': post('2021-12-08 10:00:00'),
  '_posts/2021-12-08-no-offset-late.md': post('2021-12-08 20:30:00'),
  '_posts/2021-12-08-iso-no-offset.md': post('2021-12-08T10:00:00'),
  '_posts/2021-12-08-offset.md': post('2021-12-08 10:00:00 +0800'),
  '_posts/2021-12-08-offset-colon.md': post('2021-12-08 10:00:00 +08:00'),
  '_posts/2021-12-08-zulu.md': post('2021-12-08T10:00:00Z'),
  '_posts/2021-12-08-quoted.md': post('"2021-12-08 10:00:00"'),
  '_posts/2021-12-08-no-seconds.md': post('2021-12-08 10:00'),
  '_posts/2021-12-08-date-only.md': post('2021-12-08'),
  '_posts/2021-12-08-slashes.md': post('2021/12/08 10:00:00'),
  '_posts/2021-12-08-words.md': post('Dec 8 2021 10am'),
  '_posts/2021-12-08-cst.md': post('2021-12-08 10:00:00 CST'),
  '_posts/2021-12-08-minus.md': post('2021-12-07 23:30:00 -0100'),
  '_posts/2021-12-08-rollover.md': post('2021-12-08 25:00:00 +0800'),
  '_posts/2021-12-08-no-date.md': post(null),
  '_posts/2021-12-8-one-digit.md': post('2021-12-08 09:00:00'),
  '_posts/-20211208.md': post('2021-12-08 10:00:00 +0800'),
  '_posts/20211208-x.md': post('2021-12-08 10:00:00 +0800'),
  '_posts/2099-01-01-future.md': post('2099-01-01 10:00:00 +0800'),
  '_posts/2021-12-08-unpublished.md': post('2021-12-08 10:00:00 +0800', 'published: false\n'),
  'news/_posts/2021-12-09-folder.md': post('2021-12-09 08:00:00'),
};
const LIST = `---\nlayout: null\n---\n[{% for p in site.posts %}{"path": {{ p.path | jsonify }}, "date": {{ p.date | date: "%Y-%m-%d %H:%M:%S %z" | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]\n`;

function build(files: Record<string, string>): { code: number; out: string; posts?: { path: string; date: string }[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-oracle-'));
  const src = path.join(root, 'src');
  const all: Record<string, string> = { '_config.yml': CONFIG, '_layouts/post.html': '{{ content }}', 'posts.json': LIST, ...files };
  for (const [rel, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    fs.writeFileSync(path.join(src, rel), text);
  }
  const r = spawnSync(JEKYLL, ['build', '--source', src, '--destination', path.join(root, 'out'), '--disable-disk-cache'], { encoding: 'utf8', timeout: 120000, env: { ...process.env, JEKYLL_ENV: 'production', TZ: 'UTC' } });
  const json = path.join(root, 'out', 'posts.json');
  const result = { code: r.status ?? 1, out: `${r.stdout}${r.stderr}`, posts: fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')) : undefined };
  fs.rmSync(root, { recursive: true, force: true });
  return result;
}

describe('Jekyll oracle (jekyll build of a fixture site)', function () {
  this.timeout(180000);
  const site = parseSiteConfig(CONFIG, '/site');
  const problems = (rel: string): Problem[] => validatePost(POSTS[rel], { site, file: `/site/${rel}`, now: Date.UTC(2026, 0, 1) });
  let published: Map<string, string>;

  before(function () {
    needsTool(this, JEKYLL, 'apt-get install jekyll');
    const r = build(POSTS);
    assert.equal(r.code, 0, r.out);
    assert.ok(r.posts, `no posts.json:\n${r.out}`);
    published = new Map(r.posts.map((p) => [p.path, p.date]));
  });

  it('publishes offset-less timestamps at the time the date-no-offset message names', () => {
    let checked = 0;
    for (const rel of Object.keys(POSTS)) {
      const p = problems(rel).find((x) => x.rule === 'date-no-offset');
      if (!p) continue;
      const shown = /publishes this post at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [-+]\d{4})/.exec(p.message)?.[1];
      assert.equal(shown, published.get(rel), `${rel}: ${p.message}`);
      checked++;
    }
    assert.equal(checked, 5);
  });

  it('reports date-no-offset exactly where Jekyll shifts the written time', () => {
    for (const rel of Object.keys(POSTS)) {
      const jekyll = published.get(rel);
      if (!jekyll) continue;
      const written = /^date: "?([^"\n]*)"?$/m.exec(POSTS[rel])?.[1];
      const shifted = written !== undefined && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d$/.test(written) && !jekyll.startsWith(written.replace('T', ' '));
      const quoted = /^date: "/m.test(POSTS[rel]);
      assert.equal(problems(rel).some((x) => x.rule === 'date-no-offset'), shifted && !quoted, `${rel} published ${jekyll}`);
    }
  });

  it('readDate (date.ts) gives the date Jekyll publishes for every date form', () => {
    for (const rel of Object.keys(POSTS)) {
      const m = /^date: (.*)$/m.exec(POSTS[rel]);
      if (!m || !published.has(rel)) continue;
      const quoted = m[1].startsWith('"');
      const r = readDate(quoted ? m[1].slice(1, -1) : m[1], quoted, 'Asia/Shanghai');
      assert.ok(r.ok, rel);
      assert.equal(r.date.published, published.get(rel), rel);
    }
  });

  it('the files Jekyll skips are exactly filename-invalid, future-date and unpublished ones', () => {
    const skipped = Object.keys(POSTS).filter((rel) => !published.has(rel)).sort();
    const flagged = Object.keys(POSTS).filter((rel) => problems(rel).some((x) => ['filename-invalid', 'future-date', 'unpublished'].includes(x.rule))).sort();
    assert.deepEqual(flagged, skipped);
    assert.deepEqual(Object.keys(POSTS).filter((rel) => problems(rel).some((x) => x.rule === 'filename-invalid')).sort(), ['_posts/-20211208.md', '_posts/20211208-x.md']);
  });

  it('date-invalid: one post with `date:  +0800` stops the whole build', () => {
    const bad = { '_posts/2021-12-10-bad.md': post(' +0800'), '_posts/2021-12-08-ok.md': post('2021-12-08 10:00:00 +0800') };
    const r = build(bad);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /Invalid date/);
    const ps = validatePost(bad['_posts/2021-12-10-bad.md'], { site, file: '/site/_posts/2021-12-10-bad.md' });
    assert.ok(ps.some((p) => p.rule === 'date-invalid' && /whole site/.test(p.message)));
  });
});
