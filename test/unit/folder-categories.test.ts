// Folder categories of posts and drafts (`categoriesFromPath` in src/core/site.ts) against Debian's jekyll 4.3 building a temp site.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { categoriesFromPath, defaultSite, fileKind } from '../../src/core/site';
import { jekyllPostView } from '../../src/core/taxonomy/posts';
import { needsTool } from './needs';

const JEKYLL = '/usr/bin/jekyll';
const POST = '---\ntitle: t\ncategories: c1\n---\nx\n';
/** Site-relative files; every one is published with `--drafts`. */
const FILES = [
  '_posts/2022-01-01-top.md',
  '_posts/sub/2022-01-02-sub.md',
  'news/world/_posts/2022-01-03-nested.md',
  'my_posts/_posts/2022-01-04-my-posts.md',
  'a_posts_b/c/_posts/2022-01-05-infix.md',
  'news/_posts/2022/2022-01-06-year.md',
  '_drafts/2022-01-07-draft.md',
  'my_drafts/_drafts/2022-01-08-my-drafts.md',
  'x_posts/_drafts/2022-01-09-posts-folder-draft.md',
  'my_drafts/_posts/2022-01-10-drafts-name.md',
];
const DUMP = '---\nlayout: null\n---\n{ {% for p in site.posts %}{{ p.path | jsonify }}: {{ p.categories | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %} }\n';

describe('folder categories (Jekyll 4.3 Document#categories_from_path)', () => {
  it('cut at the first `_posts` even inside a folder name; drafts at `_drafts` unless `_posts` is in the path', () => {
    assert.deepEqual(categoriesFromPath('my_posts/_posts/x.md', 'post'), ['my']);
    assert.deepEqual(categoriesFromPath('news/world/_posts/x.md', 'post'), ['news', 'world']);
    assert.deepEqual(categoriesFromPath('_posts/a/x.md', 'post'), []);
    assert.deepEqual(categoriesFromPath('my_drafts/_drafts/x.md', 'draft'), ['my']);
    assert.deepEqual(categoriesFromPath('x_posts/_drafts/x.md', 'draft'), ['x']);
    // Ruby's `.` stops at a line feed: the rest of the path after it stays.
    assert.deepEqual(categoriesFromPath('a_posts\nb/_posts/x.md', 'post'), ['a\nb']);
  });

  it('match what Jekyll publishes (oracle)', function () {
    this.timeout(120000);
    needsTool(this, JEKYLL, 'apt-get install jekyll');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-folders-'));
    try {
      const src = path.join(tmp, 'src');
      for (const f of FILES) { fs.mkdirSync(path.dirname(path.join(src, f)), { recursive: true }); fs.writeFileSync(path.join(src, f), POST); }
      fs.writeFileSync(path.join(src, '_config.yml'), 'title: t\n');
      fs.writeFileSync(path.join(src, 'dump.json'), DUMP);
      const r = spawnSync(JEKYLL, ['build', '--drafts', '--source', src, '--destination', path.join(tmp, 'out'), '--disable-disk-cache'], { encoding: 'utf8', timeout: 120000 });
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      const jekyll = JSON.parse(fs.readFileSync(path.join(tmp, 'out', 'dump.json'), 'utf8')) as Record<string, string[]>;
      assert.deepEqual(Object.keys(jekyll).sort(), [...FILES].sort());
      const site = defaultSite(src);
      const ours = Object.fromEntries(FILES.map((f) => {
        const kind = fileKind(site, f);
        assert.ok(kind.kind === 'post' || kind.kind === 'draft', f);
        return [f, jekyllPostView(POST, { site, file: f }).categories];
      }));
      assert.deepEqual(ours, jekyll);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
