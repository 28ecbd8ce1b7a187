// The render fast paths keep their contracts: one sanitizer context per render (re-entrant), the attribute allowlist, line starts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeHtml, lineOffsets, renderPost } from '../../src/core/render';
import { sanitizeBody } from '../../src/core/render/sanitize';

const attrs = { line: 'data-pdlk1', offset: 'data-pdok1', kind: 'data-pdkk1' };

describe('render fast paths', () => {
  it('keeps only the allowlisted attributes of each tag, in source order', () => {
    const html = '<a title="t" target="_blank" href="https://x.example/" onclick="x()" data-pdok1="5" class="c" id="i">a</a>'
      + '<img border="0" alt="a" src="//img.example/x.png" width="5" height="6" title="t" style="border:1px; text-align:right">'
      + '<p href="https://x.example/" src="https://x.example/y.png" title="t" style="display:none" data-pdlk1="3">p</p><center>c</center>';
    assert.equal(sanitizeBody(html, { attrs, remoteImages: 'allow' }),
      '<a title="t" href="https://x.example/" data-offset="5">a</a>'
      + '<img alt="a" src="https://img.example/x.png" width="5" height="6" title="t" style="text-align:right" class="pd-ta-right" />'
      + '<p data-line="3" class="pd-hidden">p</p><div style="text-align:center" class="pd-ta-center">c</div>');
  });

  it('uses the markers of the render being sanitized, also when a callback renders another post meanwhile', () => {
    let inner = '';
    const outer = sanitizeBody('<img src="/a.png" data-pdok1="7"><p data-pdok1="8">x</p>', {
      attrs,
      remoteImages: 'allow',
      resolveImage: (p) => {
        inner = sanitizeBody('<p data-pdok1="1" data-pdok2="2">i</p>', { attrs: { ...attrs, offset: 'data-pdok2' }, remoteImages: 'block' });
        return `https://file.example${p}`;
      },
    });
    assert.equal(inner, '<p data-offset="2">i</p>');
    assert.equal(outer, '<img src="https://file.example/a.png" data-offset="7" /><p data-offset="8">x</p>');
  });

  it('finds the same line starts with and without carriage returns', () => {
    const slow = (t: string) => [0, ...[...t.matchAll(/\r\n?|\n/g)].map((m) => m.index + m[0].length)];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '\r\n', 'é'), maxLength: 20 }), (t) => {
      assert.deepEqual(lineOffsets(t), slow(t));
    }), { numRuns: 2000 });
  });

  it('escapes the five HTML specials and leaves other text as it is', () => {
    assert.equal(escapeHtml(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&#39;f');
    const s = 'plain 文本';
    assert.equal(escapeHtml(s), s);
  });

  it('renders the same body twice in a row with fresh markers each time', () => {
    const text = '---\ntitle: t\n---\n<p>x</p>\n\ny\n';
    const a = renderPost(text);
    const b = renderPost(text);
    assert.equal(a.bodyHtml, b.bodyHtml);
    assert.match(a.bodyHtml, /^<p data-offset="\d+">x<\/p>\n<p data-line="5">y<\/p>\n$/);
  });
});
