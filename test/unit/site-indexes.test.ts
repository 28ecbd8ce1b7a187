// SiteIndexes (src/host/siteIndexes.ts): the workspace model's per-site taxonomy indexes and the version features watch.
import * as assert from 'node:assert/strict';
import { parseSiteConfig } from '../../src/core/site';
import { SiteIndexes } from '../../src/host/siteIndexes';

const post = (tags: string, body = 'Body.') => `---\nlayout: post\ntitle: T\ndate: 2021-12-01 10:00:00\ntags: [${tags}]\n---\n${body}\n`;

describe('SiteIndexes', () => {
  const site = parseSiteConfig('title: S\n', '/site');
  const file = '/site/_posts/2021-12-01-a.md';

  it('moves its version when a view changes, not for an edit of the body alone', () => {
    const x = new SiteIndexes();
    const v0 = x.version;
    x.update(site, file, post('a'), { invalidUtf8: false });
    assert.ok(x.version > v0, 'a new post moves the version');
    const v1 = x.version;
    x.update(site, file, post('a', 'Another body.'), { invalidUtf8: false });
    assert.equal(x.version, v1, 'the same view keeps the version');
    x.update(site, file, post('a, b'), { invalidUtf8: false });
    assert.ok(x.version > v1, 'a new tag moves the version');
    assert.deepEqual({ ...x.of(site).counts().tags }, { a: 1, b: 1 });
  });

  it('removes a file from every index, and clears', () => {
    const x = new SiteIndexes();
    const other = parseSiteConfig('title: O\n', '/other');
    x.update(site, file, post('a'), { invalidUtf8: false });
    x.update(other, '/other/_posts/2021-12-01-b.md', post('b'), { invalidUtf8: false });
    assert.deepEqual(x.all().map(([root]) => root), ['/other', '/site']);
    const v = x.version;
    x.remove(file);
    assert.ok(x.version > v);
    assert.equal(x.of(site).size, 0);
    const w = x.version;
    x.remove(file);
    assert.equal(x.version, w, 'removing what is not indexed moves nothing');
    x.clear();
    assert.ok(x.version > w);
    assert.deepEqual(x.all(), []);
  });

  it('starts a new index when the site config object changes', () => {
    const x = new SiteIndexes();
    x.update(site, file, post('a'), { invalidUtf8: false });
    const changed = parseSiteConfig('title: S2\n', '/site');
    assert.equal(x.of(changed).size, 0);
    assert.equal(x.of(changed).site, changed);
  });
});
