// parsePost on every shape of post: fences, languages, leading blank lines, CRLF, BOM, bad YAML, the real corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost, decodeText } from '../../src/core/parse';
import { corpusDir } from './corpus';

const fm = 'layout: post\ntitle: "标题"\ndate: 2021-12-01 13:33:50\ncategories: emnews\ntags: 东财滚动新闻\n';

describe('parsePost', () => {
  it('finds the exact front matter range, data and body of a normal post', () => {
    const text = `---\n${fm}---\n正文`;
    const p = parsePost(text);
    assert.equal(p.language, 'yaml');
    assert.deepEqual(p.frontMatter, { start: 0, end: 4 + fm.length + 4, contentStart: 4, contentEnd: 4 + fm.length, closeStart: 4 + fm.length, closeEnd: 4 + fm.length + 3 });
    assert.deepEqual(Object.keys(p.data), ['layout', 'title', 'date', 'categories', 'tags']);
    assert.equal(p.data.title, '标题');
    assert.equal(text.slice(p.body.start, p.body.end), '正文');
    assert.equal(Object.getPrototypeOf(p.data), null);
    assert.equal(p.noFrontMatter, null);
    assert.equal(p.errors.length, 0);
  });

  it('reads an offset-less timestamp as a UTC Date, like Psych', () => {
    const p = parsePost(`---\n${fm}---\n`);
    assert.ok(p.data.date instanceof Date);
    assert.equal((p.data.date as Date).toISOString(), '2021-12-01T13:33:50.000Z');
  });

  it('reads booleans as Psych does: yes/true/on in any case, but y and n stay strings', () => {
    const p = parsePost('---\na: y\nb: n\nc: yes\nd: On\ne: NO\nf: YeS\ng: off\nh: Y\n---\n');
    assert.deepEqual({ ...p.data }, { a: 'y', b: 'n', c: true, d: true, e: false, f: true, g: false, h: 'Y' });
  });

  it('keeps YAML node ranges usable as absolute offsets', () => {
    const text = `---\n${fm}---\n`;
    const p = parsePost(text);
    const node = p.doc!.get('categories', true) as { range: [number, number, number] };
    const base = p.frontMatter!.contentStart;
    assert.equal(text.slice(base + node.range[0], base + node.range[1]), 'emnews');
  });

  it('sees no front matter behind a leading blank line, and says so with the range to remove', () => {
    const text = `\n\n---\n${fm}---\n正文`;
    const p = parsePost(text);
    assert.equal(p.frontMatter, null);
    assert.deepEqual(p.noFrontMatter, { reason: 'leading-blank', start: 0, end: 2 });
    assert.equal(Object.keys(p.data).length, 0);
    assert.equal(p.body.start, 0);
  });

  it('reports other languages and never evaluates them', () => {
    for (const open of ['---js', '---javascript', '---JS', '---JavaScript', '--- js ', '---coffee', '---toml']) {
      const marker = `pd_${Math.random().toString(36).slice(2)}`;
      const text = `${open}\n{ title: (globalThis.${marker} = 1) }\n---\nbody`;
      const p = parsePost(text);
      assert.equal(p.noFrontMatter?.reason, 'language', open);
      assert.equal(p.language, open.replace(/-/g, '').trim().toLowerCase());
      assert.equal(p.doc, null);
      assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
      assert.equal(text.slice(p.body.start), 'body');
    }
  });

  it('reports an unclosed front matter', () => {
    const p = parsePost('---\ntitle: x\n\nbody');
    assert.equal(p.noFrontMatter?.reason, 'unclosed');
    assert.equal(p.frontMatter, null);
  });

  it('handles CRLF, a BOM, `...` as the closing fence and a missing final newline', () => {
    const text = `\uFEFF---\r\ntitle: "a"\r\ntags: x\r\n...\r\nbody`;
    const p = parsePost(text);
    assert.equal(p.bom, true);
    assert.equal(p.eol, '\r\n');
    assert.equal(p.frontMatter!.start, 1);
    assert.equal(p.data.title, 'a');
    assert.equal(text.slice(p.frontMatter!.closeStart, p.frontMatter!.closeEnd), '...');
    assert.equal(text.slice(p.body.start), 'body');
    const bare = parsePost('---\ntitle: a\n---');
    assert.equal(bare.data.title, 'a');
    assert.equal(bare.body.start, bare.text.length);
  });

  it('handles an empty file, an empty front matter and a file with no fence', () => {
    assert.equal(parsePost('').noFrontMatter?.reason, 'empty');
    assert.equal(parsePost('\uFEFF').noFrontMatter?.reason, 'empty');
    const empty = parsePost('---\n---\nx');
    assert.ok(empty.frontMatter);
    assert.equal(Object.keys(empty.data).length, 0);
    assert.equal(parsePost('# Title\n').noFrontMatter?.reason, 'no-fence');
  });

  it('gives YAML errors at absolute offsets: an unescaped quote in a title; a duplicate key is no error', () => {
    const text = '---\ntitle: "他说"好"的"\ntitle: b\n---\n';
    const p = parsePost(text);
    assert.ok(p.errors.length > 0);
    for (const e of p.errors) assert.ok(e.start >= 4 && e.end <= text.length - 4, `${e.code} ${e.start}-${e.end}`);
    const dup = parsePost('---\ntitle: a\ntitle: b\n---\n');
    assert.deepEqual(dup.errors, []);
    assert.equal(dup.data.title, 'b');
  });

  it('bounds alias expansion (billion laughs) and never pollutes prototypes', () => {
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = parsePost(`---\n${lol.join('\n')}\n---\n`);
    assert.ok(bomb.errors.some((e) => e.code === 'ALIAS_COUNT'));
    const evil = parsePost('---\n__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nbase: &b {x: 1}\nm:\n  <<: *b\n---\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(evil.data), null);
    assert.ok('__proto__' in evil.data);
    assert.equal((evil.data.m as Record<string, unknown>).x, 1);
  });

  it('gives an error, not a throw or a hang, for 10,000-deep nesting and a front matter of 100,000 keys', () => {
    const deep = parsePost(`---\na: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\n`);
    assert.ok(deep.errors.length > 0);
    const deepMap = parsePost(`---\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n---\n`);
    assert.ok(deepMap.errors.length > 0 || Object.keys(deepMap.data).length === 1);
    const huge = parsePost(`---\n${Array.from({ length: 100000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nbody`);
    assert.deepEqual(huge.errors.map((e) => e.code), ['TOO_LARGE']);
    assert.equal(huge.text.slice(huge.body.start), 'body');
  });

  it('finds duplicate keys in nested mappings too, at the earlier key, naming the lost value; the last value wins', () => {
    const text = '---\nm:\n  a: [1, 2]\n  b: 3\n  a: 2\n---\n';
    const p = parsePost(text);
    assert.deepEqual(p.errors, []);
    assert.equal(p.duplicates.length, 1);
    assert.equal(text.slice(p.duplicates[0].start, p.duplicates[0].end), 'a');
    assert.equal(p.duplicates[0].start, text.indexOf('a: [1'));
    assert.equal(p.duplicates[0].lost, '[1, 2]');
    assert.deepEqual({ ...(p.data.m as object) }, { a: 2, b: 3 });
  });

  it('rejects a front matter that is not a mapping', () => {
    const p = parsePost('---\n- a\n- b\n---\n');
    assert.ok(p.errors.some((e) => e.code === 'NOT_A_MAP'));
  });

  it('decodes invalid UTF-8 without throwing and says so', () => {
    const r = decodeText(Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    assert.equal(r.invalid, true);
    assert.doesNotThrow(() => parsePost(r.text));
    assert.equal(decodeText(Buffer.from('\uFEFF---\n', 'utf8')).text.charCodeAt(0), 0xfeff);
  });

  const corpus = corpusDir();
  (corpus ? it : it.skip)('reads every real post without a throw and finds the 14 leading-blank-line posts', () => {
    const dir = path.join(corpus!, '_posts');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.equal(files.length, 102);
    let leading = 0;
    for (const f of files) {
      const p = parsePost(decodeText(fs.readFileSync(path.join(dir, f))).text);
      if (p.noFrontMatter?.reason === 'leading-blank') leading++;
      else assert.ok(p.frontMatter, f);
    }
    assert.equal(leading, 14);
  });
});
