// findViewConflicts (keys first, whole URLs only where keys collide) answers exactly as findConflicts over every post's whole URL.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { viewDestination } from '../../src/core/jekyll/post-url';
import { cheapDestinationKey, destinationKey, permalinkConfig, postUrl } from '../../src/core/jekyll/permalink';
import { findConflicts, findViewConflicts, type DestinationMemo } from '../../src/core/rules/permalink-conflict';
import { parsePost } from '../../src/core/parse';
import { parseSiteConfig, type SiteConfig } from '../../src/core/site';
import { jekyllPostView, type PostView } from '../../src/core/taxonomy/posts';

const ROOT = '/site';
const NOW = Date.UTC(2030, 0, 1);

/** The straightforward path: every published post's whole URL, then findConflicts. */
const straightforward = (views: PostView[], site: SiteConfig) =>
  findConflicts(views.map((v) => ({ file: v.file, published: v.published, destination: viewDestination(v, site, NOW) })));

// Site permalink settings: the styles, templates the cheap key reads and ones it leaves to the whole URL.
const SITE_PERMALINK = ['', 'permalink: date\n', 'permalink: pretty\n', 'permalink: ordinal\n', 'permalink: weekdate\n', 'permalink: none\n',
  'permalink: /:year/:title:output_ext\n', 'permalink: /:categories/:day/:title/\n', 'permalink: /:title:output_ext\n', 'permalink: /:month/:title\n',
  'permalink: /x:day/:title:output_ext\n', 'permalink: /:categories/:title/\n', 'permalink: /:nope/:day/:title:output_ext\n',
  'collections:\n  posts:\n    permalink: /:y_day/:title.html\n', 'collections: ~\n', 'collections_dir: my\n'];
// Pieces that collide: few dates, slugs that differ only in case, dots (`..` turns into `/`), `index`, escapes.
const DATES = ['2021-12-01', '2021-12-02', '2022-01-01'];
const SLUGS = ['a', 'A', 'b', 'index', 'a.b', 'a..b', '01..a', '2021..12..01..a', 'x y', '新闻', 'a_b', 'a%2Fb', 'a-', 'a.', '.a', 'a~b', '-'];
const EXTS = ['md', 'markdown', 'html', 'txt', 'MD', 'json'];
const PERMALINKS = ['/a.html', '/a/', '/2021/12/01/', '/2021/12/01/index.html', '/2021/12/01/a.html', '/:title/', '/:year/:title.html', '/:categories/:year/:month/:day/:title:output_ext',
  '/c/2021/12/01/2021/12/01/a.html', '/01/a/index.html', '/index.html', 'x', '~', '[1, 2]', '/%2e%2e/a.html', '/:nope/'];
const CATEGORIES = ['a', 'A', 'a.', '..', 'b/c', '2021', 'c/2021/12/01', '%2e', '财经', 'x y', '12/01'];
/** `arb` in one case of `1 + absent`, else null (the entry is left out). */
const sometimes = <T>(arb: fc.Arbitrary<T>, absent: number) => fc.oneof({ arbitrary: fc.constant(null), weight: absent }, { arbitrary: arb, weight: 1 });
const FRONT = fc.record({
  permalink: sometimes(fc.constantFrom(...PERMALINKS), 4),
  slug: sometimes(fc.constantFrom(...SLUGS), 5),
  categories: sometimes(fc.subarray(CATEGORIES, { maxLength: 3 }), 2),
  date: sometimes(fc.constantFrom(...DATES.map((d) => `${d} 10:00:00 +0800`), '2031-01-01', 'nope'), 2),
  published: sometimes(fc.constant('false'), 8),
  broken: sometimes(fc.constant('title: [\n'), 12),
});
const POST = fc.record({
  folder: fc.constantFrom('_posts/', '_posts/', '_posts/', 'news/_posts/', '_posts/sub/', 'my/_posts/', '_drafts/'),
  date: fc.constantFrom(...DATES), slug: fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'index'), weight: 3 }, { arbitrary: fc.constantFrom(...SLUGS), weight: 2 }),
  ext: fc.oneof({ arbitrary: fc.constantFrom('md', 'markdown'), weight: 3 }, { arbitrary: fc.constantFrom(...EXTS), weight: 1 }), front: FRONT,
});
type Post = typeof POST extends fc.Arbitrary<infer T> ? T : never;
const yamlString = (s: string) => JSON.stringify(s);

/** Jekyll's views of generated posts (distinct files) in a site with `config`. */
function views(config: string, posts: Post[]): { site: SiteConfig; views: PostView[] } {
  const site = parseSiteConfig(`timezone: Asia/Shanghai\n${config}`, ROOT);
  const seen = new Set<string>();
  const out: PostView[] = [];
  for (const p of posts) {
    const file = `${ROOT}/${p.folder}${p.date}-${p.slug}.${p.ext}`;
    if (seen.has(file)) continue;
    seen.add(file);
    const f = p.front;
    const lines = [
      f.permalink !== null ? `permalink: ${f.permalink.startsWith('[') ? f.permalink : yamlString(f.permalink)}` : '',
      f.slug !== null ? `slug: ${yamlString(f.slug)}` : '',
      f.categories !== null ? `categories: ${JSON.stringify(f.categories)}` : '',
      f.date !== null ? `date: ${f.date}` : '', f.published !== null ? `published: ${f.published}` : '', f.broken ?? '',
    ].filter(Boolean).map((l) => l.endsWith('\n') ? l : `${l}\n`).join('');
    const text = `---\n${lines}---\nbody\n`;
    const view = jekyllPostView(text, { site, file, now: NOW });
    // check hands the reader the parse its rules use: the view read from it is the same.
    assert.deepEqual(jekyllPostView(text, { site, file, now: NOW, parsed: parsePost(text) }), view, text);
    out.push(view);
  }
  return { site, views: out };
}

describe('permalink-conflict: keys first, URLs only where keys collide', () => {
  it('reports exactly what the straightforward path reports (same destinations, same files, same order)', () => {
    let conflicts = 0;
    let cheap = 0;
    fc.assert(fc.property(fc.constantFrom(...SITE_PERMALINK), fc.array(POST, { minLength: 1, maxLength: 40 }), (config, posts) => {
      const { site, views: vs } = views(config, posts);
      const want = straightforward(vs, site);
      conflicts += want.size;
      const memo = new WeakMap<PostView, DestinationMemo>();
      assert.deepEqual([...findViewConflicts(vs, site, NOW, memo)], [...want]);
      // The editor keeps the memo between updates: a second pass over the same views answers the same.
      assert.deepEqual([...findViewConflicts(vs, site, NOW, memo)], [...want]);
      for (const v of vs) if (memo.get(v)?.destination === undefined && memo.get(v)?.key !== undefined) cheap++;
    }), { numRuns: 3000 });
    // The generator makes conflicts, and the cheap key does decide posts (else the property would prove little).
    console.log(`      (${conflicts} conflicts; ${cheap} posts decided by the cheap key alone)`);
    assert.ok(conflicts > 300, `conflicts: ${conflicts}`);
    assert.ok(cheap > 1000, `posts decided by the cheap key alone: ${cheap}`);
  });

  it('gives each plain post the key of its whole destination', () => {
    fc.assert(fc.property(fc.constantFrom(...SITE_PERMALINK), fc.constantFrom(...DATES), fc.constantFrom(...SLUGS), fc.constantFrom(...EXTS), fc.subarray(CATEGORIES), (config, date, slug, ext, categories) => {
      const site = parseSiteConfig(config, ROOT);
      const cfg = permalinkConfig(site.raw ?? {});
      const input = { rel: `_posts/${date}-${slug}.${ext}`, data: Object.create(null) as Record<string, unknown>, categories, date: `${date} 10:00:00 +0800` };
      const key = cheapDestinationKey(input, cfg);
      const url = postUrl(input, cfg);
      if (key !== undefined && 'destination' in url) assert.equal(key, destinationKey(url.destination), `${cfg.template} ${input.rel} ${categories.join(',')}`);
    }), { numRuns: 3000 });
  });

  it('keys a destination by its last segment, or its last two before index.html', () => {
    assert.equal(destinationKey('/a/b/c.html'), 'c.html');
    assert.equal(destinationKey('/a/b/index.html'), 'b/index.html');
    assert.equal(destinationKey('/index.html'), 'index.html');
    assert.equal(cheapDestinationKey({ rel: '_posts/2021-12-01-index.html', data: Object.create(null) }, permalinkConfig({})), undefined);
    assert.equal(cheapDestinationKey({ rel: '_posts/2021-12-01-My_Post.md', data: Object.create(null) }, permalinkConfig({ permalink: 'pretty' })), 'My_Post/index.html');
  });
});
