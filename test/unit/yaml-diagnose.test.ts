// yaml-syntax reports one problem per common YAML mistake, at the place to fix, with a fix; Psych confirms each case and each fix.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, LineIndex } from '../../src/core/edits';
import { parsePost } from '../../src/core/parse';
import { parseSiteConfig } from '../../src/core/site';
import type { Problem } from '../../src/core/types';
import { validatePost } from '../../src/core/validate';
import { needsTool } from './needs';
import { psychRead, RUBY_PATH, type Reading } from './psych';

const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
const yamlProblems = (text: string): Problem[] =>
  validatePost(text, { site, file: '/site/_posts/2021-12-08-x.md', now: Date.UTC(2024, 0, 1) }).filter((p) => p.rule === 'yaml-syntax');
/** A corpus-shaped post: `layout` first, so the mistake is on line 3 or later. */
const post = (lines: string) => `---\nlayout: post\n${lines}\ncategories: emnews\n---\n<p>正文</p>`;
const pos = (text: string, at: number) => { const p = new LineIndex(text).positionAt(at); return `${p.line + 1}:${p.character + 1}`; };

interface Case {
  name: string;
  text: string;
  /** line:column (1-based, of the post) where the problem starts, and the text it underlines. */
  at: string;
  range: string;
  says: RegExp;
  /** The front matter after the fix (between the fences). */
  fixed: string;
}

const CASES: Case[] = [
  { name: 'a stray " inside a double-quoted title', text: post('title: "他说"好"了"\ndate: 2021-12-08 10:00:00 +0800'), at: '3:11', range: '"好"了"', says: /ends at this `"`.*write each `"` inside the value as `\\"`/, fixed: 'title: "他说\\"好\\"了"' },
  { name: 'a second " at the end of a title', text: post('title: "央行降准""\ndate: 2021-12-08 10:00:00 +0800'), at: '3:13', range: '""', says: /ends at this `"`/, fixed: 'title: "央行降准\\""' },
  { name: 'a quoted start followed by more text', text: post('title: "央行"宣布降准\ndate: 2021-12-08 10:00:00 +0800'), at: '3:11', range: '"宣布降准', says: /left over/, fixed: `title: '"央行"宣布降准'` },
  { name: "an apostrophe inside a single-quoted title", text: post("title: 'It's here'\ndate: 2021-12-08 10:00:00 +0800"), at: '3:11', range: "'s here'", says: /write each `'` inside the value as `''`/, fixed: "title: 'It''s here'" },
  { name: 'an unclosed " (the scalar would run to the end)', text: post('title: "央行降准\ndate: 2021-12-08 10:00:00 +0800\ntags: [a, b]'), at: '3:8', range: '"央行降准', says: /never closed: add a `"` at the end of the value/, fixed: 'title: "央行降准"' },
  { name: 'an unclosed [ flow list', text: post('title: x\ntags: [东财滚动新闻, 财联社电报\ndate: 2021-12-08 10:00:00 +0800'), at: '4:7', range: '[', says: /`\[` is never closed: add `\]`/, fixed: 'tags: [东财滚动新闻, 财联社电报]' },
  { name: 'a title starting with [', text: post('title: [快讯] 央行降准\ndate: 2021-12-08 10:00:00 +0800'), at: '3:8', range: '[快讯] 央行降准', says: /read as a list/, fixed: "title: '[快讯] 央行降准'" },
  { name: 'tabs indenting list items', text: post('title: x\ntags:\n\t- a\n\t- b\ndate: 2021-12-08 10:00:00 +0800'), at: '5:1', range: '\t', says: /A tab indents this line/, fixed: 'tags:\n  - a\n  - b' },
  { name: 'a tab before a key', text: post('title: x\n\tdate: 2021-12-08 10:00:00 +0800'), at: '4:1', range: '\t', says: /A tab indents this line/, fixed: 'title: x\ndate: 2021-12-08' },
  { name: 'an unquoted ": " inside a title', text: post('title: 快讯: 央行降准\ndate: 2021-12-08 10:00:00 +0800'), at: '3:8', range: '快讯: 央行降准', says: /The `: ` inside this value/, fixed: "title: '快讯: 央行降准'" },
  { name: '"- " on the key\'s own line', text: post('title: x\ntags: - a\n  - b\ndate: 2021-12-08 10:00:00 +0800'), at: '4:7', range: '-', says: /cannot start on the line of its key `tags`/, fixed: 'tags:\n  - a\n  - b' },
  { name: 'a leading space before a key', text: post('title: x\n date: 2021-12-08 10:00:00 +0800'), at: '4:1', range: ' date', says: /`date` is indented more than the line above it/, fixed: 'title: x\ndate: 2021' },
];

describe('yaml-syntax: one problem per common mistake', () => {
  for (const c of CASES) {
    it(`${c.name}: one problem at ${c.at}, and its fix leaves none`, () => {
      const before = parsePost(c.text).errors.length;
      assert.ok(before >= 1, 'the case has a YAML error');
      const ps = yamlProblems(c.text);
      assert.equal(ps.length, 1, JSON.stringify(ps.map((p) => p.message)));
      const [p] = ps;
      assert.equal(pos(c.text, p.start), c.at);
      assert.equal(c.text.slice(p.start, p.end), c.range);
      assert.match(p.message, c.says);
      assert.match(p.message, /Jekyll cannot read this front matter/);
      assert.equal(p.fixes.length, 1);
      const out = applyEdits(c.text, p.fixes[0].edits);
      assert.ok(out.includes(c.fixed), out);
      assert.deepEqual(yamlProblems(out), []);
    });
  }

  it('fixes that guess what was meant are offered, not preferred (Fix All and fix-on-save skip them)', () => {
    const preferred = (name: string) => yamlProblems(CASES.find((c) => c.name === name)!.text)[0].fixes[0].preferred;
    assert.equal(preferred('a stray " inside a double-quoted title'), true);
    assert.equal(preferred('an unquoted ": " inside a title'), true);
    assert.equal(preferred('a quoted start followed by more text'), false);
    assert.equal(preferred('a tab before a key'), false);
    assert.equal(preferred('tabs indenting list items'), true);
  });

  it('an indented first key: one warning saying what Jekyll drops (it reads the lines above), fixed by removing the indent', () => {
    const text = '---\n  title: x\n  layout: post\ndate: 2021-12-08 10:00:00 +0800\n---\nbody\n';
    const parsed = parsePost(text);
    assert.deepEqual({ ...parsed.data }, { title: 'x', layout: 'post' });
    assert.deepEqual(parsed.errors, []);
    assert.equal(text.slice(parsed.dropped!.start, parsed.dropped!.end), 'date: 2021-12-08 10:00:00 +0800\n');
    const ps = yamlProblems(text);
    assert.equal(ps.length, 1);
    assert.equal(ps[0].severity, 'warning');
    assert.equal(pos(text, ps[0].start), '2:1');
    assert.match(ps[0].message, /reads only the lines above `date` and silently drops the rest/);
    assert.equal(applyEdits(text, ps[0].fixes[0].edits), '---\ntitle: x\nlayout: post\ndate: 2021-12-08 10:00:00 +0800\n---\nbody\n');
  });

  it('an indented first block list then a key at column 0: a warning naming that key; no warning when nothing is dropped', () => {
    const text = '---\n tags:\n - a\n - b\ndate: 2021-12-08 10:00:00 +0800\n---\nbody\n';
    assert.deepEqual(JSON.parse(JSON.stringify(parsePost(text).data)), { tags: ['a', 'b'] });
    const [p] = yamlProblems(text);
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /the line of `date` is not: Jekyll reads only the lines above `date`/);
    assert.equal(applyEdits(text, p.fixes[0].edits), '---\ntags:\n- a\n- b\ndate: 2021-12-08 10:00:00 +0800\n---\nbody\n');
    assert.deepEqual(yamlProblems('---\n title: x\n date: 2021-12-08 10:00:00 +0800\n---\nbody\n'), []);
    assert.equal(parsePost('---\n title: x\n date: 2021-12-08 10:00:00 +0800\n---\nbody\n').dropped, null);
  });

  it('a cascade of parser errors is one problem (an unclosed [ in a flat post gives the parser many)', () => {
    const text = post('title: "财联社电报"[\ndate: 2021-12-09 09:15:00 +0800\ntags: [财联社电报, 券商]');
    assert.ok(parsePost(text).errors.length > 1, 'the parser cascades');
    assert.equal(yamlProblems(text).length, 1);
  });

  it('a YAML error no detector explains is still one problem: the parser\'s first, as a sentence', () => {
    const text = post('title: x\n- a\ndate: 2021-12-08 10:00:00 +0800');
    assert.ok(parsePost(text).errors.length >= 1);
    const ps = yamlProblems(text);
    assert.equal(ps.length, 1);
    assert.match(ps[0].message, /^YAML error: .+\. Jekyll cannot read/);
    assert.deepEqual(ps[0].fixes, []);
  });

  it('not blamed: a valid multi-line quoted value before a real mistake', () => {
    const text = post('title: "央行\n  降准"\ndate: 快讯: x');
    const [p] = yamlProblems(text);
    assert.equal(text.slice(p.start, p.end), '快讯: x');
  });

  it('hostile: thousands of lines that each look like a mistake are diagnosed in bounded work (a hang shows as the timeout)', () => {
    const many = (line: (i: number) => string) => `---\n${Array.from({ length: 20000 }, (_, i) => line(i)).join('\n')}\n---\n`;
    // Valid multi-line values whose lines each look like an unclosed quote, then a real mistake at the end.
    const quotes = many((i) => (i === 19999 ? 'z: a: b' : i % 2 ? '  x"' : `k${i}: "x`));
    assert.ok(yamlProblems(quotes).length <= 1);
    const tabs = many((i) => (i === 0 ? 'k: |' : i === 19999 ? 'z: a: b' : `  \tline ${i}`));
    assert.ok(yamlProblems(tabs).length <= 1);
    const long = `---\ntitle: "${'a"'.repeat(3000)}\ndate: x\n---\n`;
    assert.equal(yamlProblems(long).length, 1);
  });

  it('property: one inserted quote, bracket, tab or ": " in a corpus-shaped post gives at most one yaml-syntax problem, inside the front matter', () => {
    const base = post('title: "财联社电报：多家券商上调全年业绩预期｜快讯"\ndate: 2021-12-09 09:15:00 +0800\ntags: [财联社电报, 券商]');
    const fmEnd = base.indexOf('\n---\n', 4) + 1;
    fc.assert(fc.property(fc.integer({ min: 4, max: fmEnd - 1 }), fc.constantFrom('"', "'", '[', ']', '{', '\t', ': ', ' ', '- '), (at, s) => {
      const text = base.slice(0, at) + s + base.slice(at);
      const ps = yamlProblems(text);
      assert.ok(ps.length <= 1, JSON.stringify(ps));
      for (const p of ps) {
        assert.ok(p.start >= 4 && p.end <= fmEnd + s.length, `${p.start}-${p.end}`);
        // A fix, when offered, removes the problem it was offered for.
        for (const f of p.fixes) assert.ok(yamlProblems(applyEdits(text, f.edits)).every((q) => q.start !== p.start || q.message !== p.message));
      }
    }), { numRuns: 300 });
  });
});

describe('yaml-syntax cases against Psych (the oracle)', function () {
  this.timeout(120000);
  before(function () { needsTool(this, RUBY_PATH, 'apt-get install ruby'); });

  it('Psych fails on every case and reads every fixed post; where it names a line, it is the problem\'s line', () => {
    const fixedTexts = CASES.map((c) => applyEdits(c.text, yamlProblems(c.text)[0].fixes[0].edits));
    const readings = psychRead([...CASES.map((c) => c.text), ...fixedTexts]);
    let compared = 0;
    CASES.forEach((c, i) => {
      const r = readings[i];
      assert.ok(r.fence && !r.ok, `${c.name}: Psych reads it: ${JSON.stringify(r)}`);
      // Jekyll hands Psych the text from the opening `---` on, so Psych's "at line N" is the post's line; its
      // context for "did not find expected key" is where the mapping starts, and for a tab that continues a plain
      // scalar where that scalar starts, so only its other errors are compared.
      const m = /^Psych::SyntaxError: .*? at line (\d+) column \d+/.exec(r.error);
      assert.ok(m, r.error);
      if (!/did not find expected key|while scanning a plain scalar/.test(r.error)) { compared++; assert.equal(+m[1], +c.at.split(':')[0], `${c.name}: ${r.error}`); }
      const f = readings[CASES.length + i];
      assert.ok(f.fence && f.ok, `${c.name}: Psych cannot read the fixed post: ${JSON.stringify(f)}`);
    });
    assert.ok(compared >= 6, `only ${compared} lines compared`);
  });

  it('an indented first key: Psych reads only the indented lines (no error), as the message says', () => {
    const [r] = psychRead(['---\n  title: x\n  layout: post\ndate: 2021-12-08 10:00:00 +0800\n---\nbody\n']);
    assert.deepEqual(r, { fence: true, ok: true, data: { title: 'x', layout: 'post' } } satisfies Reading);
  });

  it('Psych reads the valid multi-line quoted value the diagnosis leaves alone', () => {
    const [r] = psychRead([post('title: "央行\n  降准"\ndate: x')]);
    assert.ok(r.fence && r.ok);
  });
});
