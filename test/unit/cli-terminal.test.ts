// escapeControls / jsonText: what the CLI may write to a terminal (no C0/C1 controls, separators or bidi overrides raw).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControls, jsonText } from '../../src/cli/terminal';

// Everything a terminal could act on; tab and line feed only as layout.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const DANGEROUS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]
  .map((c) => String.fromCharCode(c));
// Strings rich in the characters that matter.
const hostile = fc.array(fc.oneof(fc.constantFrom(...DANGEROUS, '\\', 'a', '中', '\u200f', '😀'), fc.string()), { maxLength: 40 }).map((xs) => xs.join(''));

describe('escapeControls (CLI text output)', () => {
  it('writes the terminal attacks of issue 13 as visible escapes', () => {
    assert.equal(escapeControls('post\x1b[2K\rNo problems'), 'post\\x1b[2K\\rNo problems');
    assert.equal(escapeControls('\x1b]0;PWNED\x07'), '\\x1b]0;PWNED\\x07');
    assert.equal(escapeControls('a\u009b2Jb\u202eevil\u2066'), 'a\\x9b2Jb\\u202eevil\\u2066');
    assert.equal(escapeControls('line\nfeed\ttab\0nul\x7f'), 'line\\nfeed\\ttab\\x00nul\\x7f');
  });

  it('keeps tab and line feed as layout when asked, and everything harmless as is', () => {
    assert.equal(escapeControls('a\tb\nc\x1bd\re', 'text', true), 'a\tb\nc\\x1bd\\re');
    const plain = 'C:\\posts\\中文 😀 \u200f RTL mark, ~`!@#$%^&*()';
    assert.equal(escapeControls(plain), plain);
  });

  it('escapes every dangerous character, in every form', () => {
    for (const c of DANGEROUS) {
      for (const form of ['text', 'json', 'html'] as const) assert.doesNotMatch(escapeControls(`x${c}y`, form), UNSAFE, `${form} U+${c.charCodeAt(0).toString(16)}`);
    }
    assert.equal(escapeControls('\x1b\u202e', 'json'), '\\u001b\\u202e');
    assert.equal(escapeControls('<p>\x1b\u009b</p>', 'html'), '<p>&#x1b;&#x9b;</p>');
  });

  it('no output holds a raw dangerous character; harmless characters pass unchanged (fast-check)', () => {
    fc.assert(fc.property(hostile, fc.boolean(), (s, keep) => {
      const out = escapeControls(s, 'text', keep);
      assert.doesNotMatch(out, keep ? UNSAFE_BUT_LAYOUT : UNSAFE);
      if (!UNSAFE.test(s)) assert.equal(out, s);
    }), { numRuns: 2000 });
  });

  it('jsonText is JSON of the same value with C1, separators and bidi escaped too (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.record({ file: hostile, tags: fc.array(hostile, { maxLength: 3 }) }), { maxLength: 5 }), (value) => {
      const text = jsonText(value);
      assert.doesNotMatch(text, UNSAFE_BUT_LAYOUT);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
    }), { numRuns: 1000 });
  });
});
