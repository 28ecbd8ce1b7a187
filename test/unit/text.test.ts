// The shared trim helpers (src/core/text.ts) against the regular expressions they stand for, and their call sites.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { trimChar, trimEndIndex, trimTrailing } from '../../src/core/text';
import { imageUrl } from '../../src/node/render-budget';
import { defaultsFor, parseSiteConfig } from '../../src/core/site';

const text = fc.string({ unit: fc.constantFrom('a', '/', '\\', '.', ' ', '\t', ',', '\n', '\u3000') });

describe('text: trim helpers', () => {
  it('trimTrailing drops exactly the trailing characters of the set', () => {
    fc.assert(fc.property(text, (s) => {
      assert.equal(trimTrailing(s, '/'), s.replace(/\/+$/, ''));
      assert.equal(trimTrailing(s, '/\\'), s.replace(/[/\\]+$/, ''));
      assert.equal(trimTrailing(s, ' \t'), s.replace(/[ \t]+$/, ''));
    }));
  });

  it('trimChar drops both ends; a RegExp set tests one character', () => {
    fc.assert(fc.property(text, (s) => {
      assert.equal(trimChar(s, '/'), s.replace(/^\/+|\/+$/g, ''));
      assert.equal(trimChar(s, /[\s,]/), s.replace(/^[\s,]+|[\s,]+$/g, ''));
    }));
  });

  it('trimEndIndex stays within [start, end]', () => {
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (s, x, y) => {
      const start = Math.min(x, y) % (s.length + 1);
      const end = Math.max(start, Math.max(x, y) % (s.length + 1));
      const e = trimEndIndex(s, ' \t\n', start, end);
      assert.equal(e, start + s.slice(start, end).replace(/[ \t\n]+$/, '').length);
    }));
  });

  it('is linear on a long run that is not at the end', () => {
    const s = `${'/'.repeat(200_000)}x`;
    assert.equal(trimTrailing(s, '/'), s);
    assert.equal(trimChar(s, '/'), 'x');
  });

  it('call sites: image base URL, collections_dir, scope paths', () => {
    assert.equal(imageUrl('https://x.test/base///', 'a/b.png'), 'https://x.test/base/a/b.png');
    const site = parseSiteConfig('collections_dir: //my_collections//\ndefaults:\n  - scope: { path: "/news/" }\n    values: { layout: post }\n', '/site');
    assert.equal(site.collectionsDir, 'my_collections');
    assert.equal(defaultsFor(site, 'news/_posts/x.md', 'posts').layout, 'post');
    assert.equal(defaultsFor(site, 'newsy/_posts/x.md', 'posts').layout, undefined);
  });
});
