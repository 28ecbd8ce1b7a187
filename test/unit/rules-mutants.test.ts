// Cases found by `npm run test:mutation` (survivors in filename-invalid and taxonomy-unknown): rename targets, ranges, suggestions.
import * as assert from 'node:assert/strict';
import { parseSiteConfig } from '../../src/core/site';
import type { Problem } from '../../src/core/types';
import { distance } from '../../src/core/rules/taxonomy-unknown';
import { validatePost } from '../../src/core/validate';

const NOW = Date.UTC(2024, 0, 1);
const config = (categories: string[], tags: string[] = ['东财滚动新闻']) =>
  `timezone: Asia/Shanghai\npostdesk:\n  taxonomy:\n    categories: ${JSON.stringify(categories)}\n    tags: ${JSON.stringify(tags)}\n`;
const check = (text: string, file: string, cfg = 'timezone: Asia/Shanghai\n', rule = '') =>
  validatePost(text, { site: parseSiteConfig(cfg, '/site'), file, now: NOW }).filter((p) => !rule || p.rule === rule);
const renameOf = (p: Problem) => p.fixes.map((f) => ({ to: f.rename?.to, from: f.rename?.from, edits: f.edits.length, preferred: f.preferred }));

describe('filename-invalid (mutation survivors)', () => {
  const noDate = '---\nlayout: post\ntitle: "标题"\n---\n正文\n';
  const invalid = (name: string, text = noDate) => check(text, `/site/_posts/${name}`, undefined, 'filename-invalid');

  it('a name starting with YYYYMMDD digits is renamed to that day, leading dashes dropped', () => {
    const [p] = invalid('--20220526x.md');
    assert.deepEqual(renameOf(p), [{ to: '/site/_posts/2022-05-26-20220526x.md', from: '/site/_posts/--20220526x.md', edits: 0, preferred: true }]);
    assert.equal(noDate.slice(p.start, p.end), '---', 'the problem sits on the opening fence');
  });

  it('digits that are no date (month 00 or 13, day 00 or 32) or not at the start give no rename', () => {
    for (const name of ['20221301x.md', '20220001x.md', '20220500x.md', '20220532x.md', 'x20220526.md', '2022526x.md']) {
      const [p] = invalid(name);
      assert.ok(p, name);
      assert.deepEqual(p.fixes, [], name);
    }
    assert.equal(renameOf(invalid('20221231x.md')[0])[0].to, '/site/_posts/2022-12-31-20221231x.md');
    assert.equal(renameOf(invalid('20220101x.md')[0])[0].to, '/site/_posts/2022-01-01-20220101x.md');
  });

  it('the front matter date wins over digits in the name; an empty stem becomes "post"; only the last extension is kept', () => {
    const dated = '---\nlayout: post\ntitle: "标题"\ndate: 2021-12-08 23:30:00 +0800\n---\n正文\n';
    assert.equal(renameOf(invalid('20220526x.md', dated)[0])[0].to, '/site/_posts/2021-12-08-20220526x.md');
    assert.equal(renameOf(invalid('-_ .md', dated)[0])[0].to, '/site/_posts/2021-12-08-post.md');
    assert.equal(renameOf(invalid('a.b.md', dated)[0])[0].to, '/site/_posts/2021-12-08-a.b.md');
    assert.deepEqual(invalid('news', dated).flatMap((p) => p.fixes), [], 'no extension, no rename');
  });

  it('without front matter the problem covers the first line (or the whole one-line text)', () => {
    const [a] = invalid('x.md', 'first line\nsecond\n');
    assert.deepEqual([a.start, a.end], [0, 'first line'.length]);
    const [b] = invalid('x.md', 'only');
    assert.deepEqual([b.start, b.end], [0, 4]);
    const [c] = invalid('x.md', '\n---\ntitle: x\n---\n');
    assert.ok(c.start <= c.end && c.end <= 1, `${c.start}-${c.end}`);
  });
});

describe('taxonomy-unknown (mutation survivors)', () => {
  const post = (line: string) => `---\nlayout: post\ntitle: "标题"\ndate: 2021-12-08 10:00:00 +0800\n${line}\n---\n正文\n`;
  const unknown = (line: string, cfg: string) => check(post(line), '/site/_posts/2021-12-08-x.md', cfg, 'taxonomy-unknown');
  // The post's own fixes (the one that adds the value to _config.yml targets that file).
  const fixes = (p: Problem, text: string) => p.fixes.filter((f) => !f.target).map((f) => ({ title: f.title, text: f.edits.map((e) => `${text.slice(0, e.start)}${e.newText}${text.slice(e.end)}`)[0], preferred: !!f.preferred }));

  it('Levenshtein distance, bounded: more than 3 characters apart is 99', () => {
    assert.equal(distance('kitten', 'sitting'), 3);
    assert.equal(distance('abc', 'abc'), 0);
    assert.equal(distance('abc', 'abd'), 1);
    assert.equal(distance('', 'ab'), 2);
    assert.equal(distance('abc', 'abcdef'), 3);
    assert.equal(distance('a', 'abcde'), 99);
    assert.equal(distance('ab', 'ba'), 2);
  });

  it('a case-only difference is the one preferred fix; the replacement keeps the quoting', () => {
    const cfg = config(['emnews', 'cls']);
    const plain = post('categories: EMNEWS');
    const [p] = unknown('categories: EMNEWS', cfg);
    assert.match(p.message, /^Unknown category `EMNEWS`: did you mean `emnews`\?/);
    assert.deepEqual(fixes(p, plain), [{ title: 'Change it to `emnews`.', text: post('categories: emnews'), preferred: true }]);
    const quoted = post('categories: "EMNEWS"');
    const [q] = unknown('categories: "EMNEWS"', cfg);
    assert.deepEqual(fixes(q, quoted).map((f) => f.text), [post('categories: "emnews"')]);
  });

  it('near values are offered closest first, none preferred, within a distance that grows with the length', () => {
    const [p] = unknown('categories: abcdef', config(['abcxyz', 'abcdxx', 'abcdeg', 'cls']));
    assert.match(p.message, /did you mean `abcdeg`, `abcdxx`\?/);
    assert.deepEqual(fixes(p, post('categories: abcdef')).map((f) => [f.title, f.preferred]), [['Change it to `abcdeg`.', false], ['Change it to `abcdxx`.', false]]);
    // Three letters allow one edit, not two.
    const [one] = unknown('categories: abx', config(['abc', 'xyx']));
    assert.match(one.message, /did you mean `abc`\?/);
    assert.deepEqual(one.fixes.filter((f) => !f.target).map((f) => f.preferred), [false], 'a typo fix is offered, not applied by Fix All');
    assert.deepEqual(unknown('categories: ab', config(['xy']))[0].fixes.filter((f) => !f.target), []);
  });

  it('without a near value the message lists the known ones (eight at most), for categories and for tags', () => {
    const nine = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8', 'i9'];
    const [c] = unknown('categories: zzzzzz', config(nine));
    assert.match(c.message, /^Unknown category `zzzzzz` \(known: a1, b2, c3, d4, e5, f6, g7, h8, …\)/);
    const [t] = unknown('tags: zzzzzz', config(['x'], ['t1', 't2']));
    assert.match(t.message, /^Unknown tag `zzzzzz` \(known: t1, t2\)/);
    assert.match(unknown('tags: t3', config(['x'], ['t1', 't2']))[0].message, /^Unknown tag `t3`: did you mean `t1`, `t2`\?/);
    assert.deepEqual(unknown('categories: a1', config(nine)), [], 'a known value is fine');
  });
});
