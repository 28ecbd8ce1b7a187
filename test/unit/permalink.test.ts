// Jekyll's URL pieces: slugify modes, escape_path and permalink styles (expected values printed by Ruby's Jekyll 4.3.1).
import * as assert from 'node:assert/strict';
import { escapePath, permalinkConfig, postUrl, sanitizeUrl, slugify, unescapePath } from '../../src/core/jekyll/permalink';

describe('permalink', () => {
  it('slugifies like Jekyll::Utils.slugify (default and pretty, cased)', () => {
    assert.equal(slugify('Hello, 世界! Ünïcode_x.y', 'pretty', true), 'Hello,-世界!-Ünïcode_x.y');
    assert.equal(slugify('Hello, 世界! Ünïcode_x.y'), 'hello-世界-ünïcode-x-y');
    assert.equal(slugify('--a--b--'), 'a-b');
  });

  it('escapes path values like Jekyll::URL.escape_path', () => {
    const ruby: [string, string][] = [['新闻 a', '%E6%96%B0%E9%97%BB%20a'], ['c#', 'c%23'], ['a?b', 'a?b'], ['x:y', 'x:y'], ['100%', '100%25'],
      ['a b/c', 'a%20b/c'], ['[x]', '%5Bx%5D'], ['é', '%C3%A9'], ['a%20b', 'a%2520b'], ['^{}|\\"<>`', '%5E%7B%7D%7C%5C%22%3C%3E%60']];
    for (const [input, want] of ruby) assert.equal(escapePath(input), want, input);
    assert.equal(unescapePath('/%E6%96%B0%20a/%ZZ'), '/新 a/%ZZ');
    assert.equal(sanitizeUrl('a/../b//./c'), '/a/b/c');
  });

  it('turns permalink styles into templates (collections.posts.permalink wins)', () => {
    assert.equal(permalinkConfig({}).template, '/:categories/:year/:month/:day/:title:output_ext');
    assert.equal(permalinkConfig({ permalink: 'pretty' }).template, '/:categories/:year/:month/:day/:title/');
    assert.equal(permalinkConfig({ permalink: '/:title/' }).template, '/:title/');
    assert.equal(permalinkConfig({ permalink: 'pretty', collections: { posts: { permalink: '/p/:slug' } } }).template, '/p/:slug');
    assert.equal(permalinkConfig({ permalink: 'pretty', collections: null }).template, '/:collection/:path/');
  });

  it('reports an unknown placeholder (Jekyll fails the build) and keeps `_` after a known one', () => {
    const cfg = permalinkConfig({});
    const base = { rel: '_posts/2021-12-01-x.md', data: {}, categories: [], date: '2021-12-01 10:00:00 +0800' };
    assert.deepEqual(postUrl({ ...base, data: { permalink: '/:nope/' } }, cfg), { error: "The URL template doesn't have nope keys. Check your permalink template!" });
    assert.deepEqual(postUrl({ ...base, data: { permalink: '/:month_:day/' } }, cfg), { url: '/12_01/', destination: '/12_01/index.html' });
    assert.deepEqual(postUrl({ ...base, data: { permalink: '/:constructor/' } }, cfg), { error: "The URL template doesn't have constructor keys. Check your permalink template!" });
  });

  it('gives ISO weeks across a year boundary', () => {
    const cfg = permalinkConfig({ permalink: '/:w_year/:week/:w_day/:y_day/' });
    const url = (date: string) => (postUrl({ rel: '_posts/x.md', data: {}, categories: [], date }, cfg) as { url: string }).url;
    assert.equal(url('2021-01-01 12:00:00 +0800'), '/2020/53/5/001/');
    assert.equal(url('2024-12-30 12:00:00 +0800'), '/2025/01/1/365/');
  });
});
