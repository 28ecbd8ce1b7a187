// The CLI's per-folder post places (src/node/posts.ts postPlacer) equal the general postPlace of each file, on odd paths too.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { entryRules, isSiteContent, isSiteContentIn } from '../../src/core/postFiles';
import { parseSiteConfig } from '../../src/core/site';
import { postPlace } from '../../src/core/taxonomy/posts';
import { postPlacer } from '../../src/node/posts';

const ROOT = path.join(path.sep, 'site');
// Folder and file names that change what a path means: post folders, a folder named like the file, `x`, line
// breaks, backslashes (read as `/`), `_posts` inside a name, collections.
const folder = fc.constantFrom('_posts', '_drafts', 'news', 'a', 'x', '2021-12-08-a.md', 'my_posts', 'a\\b', 'n\nl', '_coll', 'coll', '.hidden');
const name = fc.constantFrom('2021-12-08-a.md', '2021-12-9-b.markdown', 'x', 'a', 'news', '_posts', 'my_posts.md', 'a\\b.md', 'n\nl.md', '2021-12-08-_drafts.md', 'page.md', '.x.md', 'x.yml');
const file = fc.tuple(fc.array(folder, { maxLength: 4 }), name).map(([dirs, n]) => path.join(ROOT, ...dirs, n));
const config = fc.constantFrom('', 'collections_dir: coll\n', 'collections_dir: _coll\ncollections: [recipes]\n');

describe('post places worked out per folder', () => {
  it('equal postPlace for every file, in walk order and out of it', () => {
    let fast = 0;
    fc.assert(fc.property(config, fc.array(file, { maxLength: 30 }), fc.boolean(), (cfg, files, sorted) => {
      const site = parseSiteConfig(cfg, ROOT);
      const place = postPlacer(site);
      // Files of one folder come together in a walk; unsorted lists check the folder cache is keyed right.
      for (const f of sorted ? [...files].sort() : files) {
        const got = place(f);
        assert.deepEqual(got, postPlace(site, f), JSON.stringify(f));
        if (got.kind.kind !== 'other') fast++;
      }
    }), { numRuns: 3000 });
    assert.ok(fast > 1000, `${fast} post-folder files checked`);
  });

  it('equal postPlace for files outside the site and at its root', () => {
    const site = parseSiteConfig('', ROOT);
    const place = postPlacer(site);
    for (const f of [path.join(ROOT, 'a.md'), path.join(path.sep, 'other', '_posts', '2021-12-08-a.md'), path.join(`${ROOT}x`, '_posts', 'a.md'), path.join(ROOT, '_posts', '2021-12-08-a.md')]) {
      assert.deepEqual(place(f), postPlace(site, f), f);
    }
  });
});

describe('site content of a file in a folder that is site content', () => {
  const seg = fc.constantFrom('_posts', 'a', 'vendor', 'bundle', 'x.md', 'x.bak', 'keep', 'n\nl');
  const pattern = fc.constantFrom('*.bak', 'x.md', '/vendor', 'vendor/bundle/', 'a/x*', 'keep', '[ab]', '?', '', '/', '_posts/x.md');
  it('isSiteContentIn equals isSiteContent whenever every folder above is content', () => {
    let checked = 0;
    fc.assert(fc.property(fc.array(pattern, { maxLength: 4 }), fc.array(pattern, { maxLength: 3 }), fc.array(seg, { minLength: 1, maxLength: 4 }), (exclude, include, segs) => {
      const rules = entryRules(`exclude: ${JSON.stringify(exclude)}\ninclude: ${JSON.stringify(include)}\n`);
      for (let i = 1; i < segs.length; i++) if (!isSiteContent(rules, segs.slice(0, i).join('/'), true)) return;
      checked++;
      const rel = segs.join('/');
      assert.equal(isSiteContentIn(rules, rel), isSiteContent(rules, rel), JSON.stringify({ exclude, include, rel }));
    }), { numRuns: 10000 });
    assert.ok(checked > 2000, `${checked} files checked`);
  });

  it('keeps a file excluded by a pattern over its path but included by its name (and the reverse)', () => {
    const rules = entryRules('exclude: ["a/x*", "*.bak"]\ninclude: ["x.md"]\n');
    assert.equal(isSiteContentIn(rules, 'a/x.md'), true);
    assert.equal(isSiteContentIn(rules, 'a/x.bak'), false);
    assert.equal(isSiteContentIn(rules, 'a/y.md'), true);
  });
});
