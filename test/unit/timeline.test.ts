// Timeline: Jekyll's site.posts order with publish times and badges; checked against Debian's jekyll 4.3.1.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildTimeline, groupByDay, matchesFilter } from '../../src/core/timeline';
import { jekyllPostView } from '../../src/core/taxonomy/posts';
import { parseSiteConfig } from '../../src/core/site';
import { loadSite } from '../../src/node/files';
import { sitePostViews } from '../../src/node/posts';

const CONFIG = 'timezone: Asia/Shanghai\n';
const post = (extra: string) => `---\nlayout: post\n${extra}---\nbody\n`;
const POSTS: Record<string, string> = {
  '_posts/2021-12-01-no-offset.md': post('title: 无偏移\ndate: 2021-12-01 13:33:50\ncategories: emnews\n'),
  '_posts/2021-12-01-offset.md': post('title: offset\ndate: 2021-12-01 20:00:00 +0800\n'),
  '_posts/2021-12-01-tie-a.md': post('date: 2021-12-01 21:33:50 +0800\n'),
  '_posts/2021-12-01-tie-b.md': post('date: 2021-12-01 21:33:50 +0800\n'),
  'news/_posts/2021-12-01-tie-c.md': post('date: 2021-12-01 21:33:50 +0800\n'),
  '_posts/2021-12-02-file-date.md': post('title: file date\n'),
  '_posts/2021-11-30-late-rollover.md': post('date: 2021-11-30 23:00:00\n'),
  '_posts/2021-12-03-bad-yaml.md': '---\ntitle: "a "b" c"\n---\n',
  '_posts/2099-01-01-future.md': post('tags: [f]\n'),
  '_posts/2021-12-04-hidden.md': post('published: false\n'),
  '_drafts/draft.md': post('title: draft\n'),
  '_posts/-20211201-skipped.md': post('date:  +0800\n'),
};
const NOW = Date.UTC(2030, 0, 1);

describe('timeline (core)', () => {
  const site = parseSiteConfig(CONFIG, '/s');
  const views = Object.entries(POSTS).map(([rel, text]) => jekyllPostView(text, { site, file: `/s/${rel}`, now: NOW }));
  const tl = buildTimeline(views.map((view) => ({ key: view.file, view, timezone: site.timezone })), NOW);

  it('orders newest first by publish time, then by path descending; the unreadable post (and a draft without mtime) takes the build time', () => {
    assert.deepEqual(tl.map((e) => e.key), [
      '_posts/2099-01-01-future.md', '_posts/2021-12-03-bad-yaml.md', '_drafts/draft.md', '_posts/2021-12-04-hidden.md', '_posts/2021-12-02-file-date.md',
      'news/_posts/2021-12-01-tie-c.md', '_posts/2021-12-01-tie-b.md', '_posts/2021-12-01-tie-a.md', '_posts/2021-12-01-no-offset.md',
      '_posts/2021-12-01-offset.md', '_posts/2021-11-30-late-rollover.md',
    ]);
    assert.ok(!tl.some((e) => e.key.includes('skipped')), 'a file Jekyll skips is not on the timeline');
    const bad = tl.find((e) => e.key.endsWith('bad-yaml.md'))!;
    assert.equal(bad.published, '2030-01-01 08:00:00 +0800');
  });

  it('badges: written vs published time, future, published: false, unreadable, draft', () => {
    const by = new Map(tl.map((e) => [e.key, e]));
    const late = by.get('_posts/2021-12-01-no-offset.md')!;
    assert.deepEqual([late.badges, late.written, late.published], [['no-offset'], '2021-12-01 13:33:50', '2021-12-01 21:33:50 +0800']);
    assert.deepEqual(by.get('_posts/2099-01-01-future.md')!.badges, ['future']);
    assert.deepEqual(by.get('_posts/2021-12-04-hidden.md')!.badges, ['unpublished']);
    assert.deepEqual(by.get('_posts/2021-12-03-bad-yaml.md')!.badges, ['unreadable']);
    assert.deepEqual(by.get('_drafts/draft.md')!.badges, ['draft']);
    assert.deepEqual(by.get('_posts/2021-12-01-offset.md')!.badges, []);
    assert.equal(by.get('_posts/2021-11-30-late-rollover.md')!.published, '2021-12-01 07:00:00 +0800');
  });

  it('groups by the site-timezone day and filters by category, tag and badge', () => {
    const days = groupByDay(tl);
    assert.deepEqual(days.map((d) => [d.day, d.entries.length]), [['2099-01-01', 1], ['2030-01-01', 2], ['2021-12-04', 1], ['2021-12-02', 1], ['2021-12-01', 6]]);
    assert.deepEqual(tl.filter((e) => matchesFilter(e, { category: 'emnews' })).map((e) => e.key), ['_posts/2021-12-01-no-offset.md']);
    assert.deepEqual(tl.filter((e) => matchesFilter(e, { tag: 'f' })).map((e) => e.key), ['_posts/2099-01-01-future.md']);
    assert.equal(tl.filter((e) => matchesFilter(e, { badged: true })).length, 6);
  });
});

describe('Jekyll oracle: timeline order is site.posts order', () => {
  it('lists the published posts in exactly the order and with the dates of site.posts', function () {
    this.timeout(120000);
    if (!fs.existsSync('/usr/bin/jekyll')) { console.log('    SKIPPED: /usr/bin/jekyll is not installed (Debian package jekyll)'); this.skip(); }
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-timeline-'));
    try {
      const src = path.join(root, 'src');
      const all: Record<string, string> = { '_config.yml': CONFIG, '_layouts/post.html': '{{ content }}', ...POSTS,
        'order.json': '---\nlayout: null\n---\n[{% for p in site.posts %}{"path": {{ p.relative_path | jsonify }}, "date": {{ p.date | date: "%Y-%m-%d %H:%M:%S %z" | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]\n' };
      for (const [rel, text] of Object.entries(all)) { fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true }); fs.writeFileSync(path.join(src, rel), text); }
      const r = spawnSync('/usr/bin/jekyll', ['build', '--source', src, '--destination', path.join(root, 'out'), '--disable-disk-cache'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
      assert.equal(r.status, 0, r.stderr);
      const now = Date.now();
      const jekyll = JSON.parse(fs.readFileSync(path.join(root, 'out', 'order.json'), 'utf8')) as { path: string; date: string }[];
      const site = loadSite(src);
      const tl = buildTimeline(sitePostViews(site, { now }).map((view) => ({ key: view.file, view, timezone: site.timezone })), now).filter((e) => e.live);
      assert.deepEqual(tl.map((e) => e.key), jekyll.map((p) => p.path));
      for (const [i, e] of tl.entries()) if (!e.badges.includes('unreadable')) assert.equal(e.published, jekyll[i].date, e.key);
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});
