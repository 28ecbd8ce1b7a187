// An unknown site timezone (issue 13 point 6): a problem on _config.yml, and dates in UTC as Debian's jekyll 4.3 publishes them (checked with `timezone: Foo/Bar`).
import * as assert from 'node:assert/strict';
import { isValidTimezone, readDate } from '../../src/core/jekyll/date';
import { renderPost } from '../../src/core/render';
import { parseSiteConfig } from '../../src/core/site';
import { jekyllPostView } from '../../src/core/taxonomy/posts';
import { validateSiteConfig } from '../../src/core/validate';

describe('unknown site timezone', () => {
  const text = 'timezone: Foo/Bar\n';
  const site = parseSiteConfig(text, '/site');

  it('is a config-invalid problem on the timezone value, saying what Jekyll does', () => {
    const p = validateSiteConfig(site, text);
    assert.equal(p.length, 1);
    assert.equal(p[0].rule, 'config-invalid');
    assert.match(p[0].message, /unknown timezone `Foo\/Bar`: Jekyll builds the site with UTC dates/);
    assert.equal(text.slice(p[0].start, p[0].end), 'Foo/Bar');
  });

  it('reads dates in UTC instead of throwing (jekyll build: 2021-01-01 23:30:00 +0000, 2021-06-01 23:30:00 +0000)', () => {
    assert.equal(isValidTimezone('Foo/Bar'), false);
    const a = readDate('2021-01-01 23:30:00', false, 'Foo/Bar');
    const b = readDate('2021-06-01 23:30:00', true, 'Foo/Bar');
    assert.ok(a.ok && b.ok);
    assert.equal(a.date.published, '2021-01-01 23:30:00 +0000');
    assert.equal(b.date.published, '2021-06-01 23:30:00 +0000');
    const v = jekyllPostView('---\ndate: "2021-06-01 23:30:00"\n---\nx\n', { site, file: '/site/_posts/2021-06-01-b.md', now: Date.UTC(2026, 0, 1) });
    assert.equal(v.published, true);
    assert.equal(v.date, '2021-06-01 23:30:00 +0000');
  });

  it('the preview header shows the UTC date and says the zone is unknown', () => {
    const h = renderPost('---\ndate: 2022-01-01 10:00:00\n---\n', { site }).headerHtml;
    assert.match(h, /2022-01-01 10:00:00 \+0000/);
    assert.match(h, /unknown timezone &quot;Foo\/Bar&quot;: UTC/);
  });
});
