// addTaxonomyValue: yaml and Psych read the old list plus the new value, nothing else changes, the edit only inserts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { parse } from 'yaml';
import { addTaxonomyValue, type TaxonomyField } from '../../src/core/config-edit';
import { applyEdits } from '../../src/core/edits';

type Data = Record<string, unknown> | null;
const stripBom = (t: string) => t.replace(/^\uFEFF/, '');
const read = (t: string): Data => (parse(stripBom(t)) ?? null) as Data;
const listOf = (d: Data, field: string): unknown[] => {
  const l = ((d?.postdesk as Data)?.taxonomy as Data)?.[field];
  return Array.isArray(l) ? l : [];
};
/** `old` with `value` appended to postdesk.taxonomy.<field>, the objects on the way created. */
function expected(old: Data, field: string, value: string): Record<string, unknown> {
  const out = structuredClone(old ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  out.postdesk ??= {};
  out.postdesk.taxonomy ??= {};
  out.postdesk.taxonomy[field] = [...listOf(old, field), value];
  return out;
}
/** Psych's reading of each text (BOM stripped, as Jekyll's bom|utf-8 read does), in one ruby process. */
function psych(texts: string[]): unknown[] {
  const r = spawnSync('ruby', ['-ryaml', '-rjson', '-e', 'puts JSON.generate(JSON.parse(STDIN.read).map { |t| begin; YAML.safe_load(t); rescue => e; {"psych_error"=>e.message}; end })'],
    { input: JSON.stringify(texts.map(stripBom)), encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as unknown[];
}

const apply = (text: string, field: TaxonomyField, value: string) => {
  const e = addTaxonomyValue(text, field, value);
  assert.ok(e, `no edit for ${JSON.stringify(text)}`);
  return applyEdits(text, [e]);
};

describe('config-edit: addTaxonomyValue', () => {
  it('appends to flow and block lists in their own style, comments kept', () => {
    assert.equal(apply('postdesk:\n  taxonomy:\n    tags: [a, b]  # known\n', 'tags', '新能源'), 'postdesk:\n  taxonomy:\n    tags: [a, b, 新能源]  # known\n');
    assert.equal(apply('postdesk:\n  taxonomy:\n    tags: ["a"]\n', 'tags', '新能源'), 'postdesk:\n  taxonomy:\n    tags: ["a", "新能源"]\n');
    assert.equal(apply('postdesk:\n  taxonomy:\n    tags: []\n', 'tags', 'x'), 'postdesk:\n  taxonomy:\n    tags: [x]\n');
    assert.equal(apply('postdesk:\r\n  taxonomy:\r\n    categories:\r\n      - a # one\r\n      - \'b\'\r\nx: 1\r\n', 'categories', "it's"),
      'postdesk:\r\n  taxonomy:\r\n    categories:\r\n      - a # one\r\n      - \'b\'\r\n      - \'it\'\'s\'\r\nx: 1\r\n');
  });

  it('creates the keys where they are missing, in the file indentation', () => {
    assert.equal(apply('title: Blog\n', 'tags', '新能源'), 'title: Blog\npostdesk:\n  taxonomy:\n    tags: [新能源]\n');
    assert.equal(apply('\uFEFFtitle: Blog', 'tags', 'x'), '\uFEFFtitle: Blog\npostdesk:\n  taxonomy:\n    tags: [x]');
    assert.equal(apply('a:\n    b: 1\npostdesk:\n    rules: {}\n', 'tags', 'x'), 'a:\n    b: 1\npostdesk:\n    rules: {}\n    taxonomy:\n        tags: [x]\n');
    assert.equal(apply('postdesk:  # ours\nz: 1\n', 'categories', 'x'), 'postdesk:  # ours\n  taxonomy:\n    categories: [x]\nz: 1\n');
    assert.equal(apply('postdesk: {taxonomy: {tags: [a]}}\n', 'categories', 'x'), 'postdesk: {taxonomy: {tags: [a], categories: [x]}}\n');
    assert.equal(apply('postdesk:\n  taxonomy:\n    tags: ~\n', 'tags', 'yes'), 'postdesk:\n  taxonomy:\n    tags: ["yes"]\n');
    assert.equal(apply('', 'tags', 'x'), 'postdesk:\n  taxonomy:\n    tags: [x]\n');
  });

  it('no edit when the value is listed or the config cannot take it', () => {
    assert.equal(addTaxonomyValue('postdesk:\n  taxonomy:\n    tags: [a]\n', 'tags', 'a'), undefined);
    assert.equal(addTaxonomyValue('postdesk:\n  taxonomy:\n    tags: a\n', 'tags', 'b'), undefined);
    assert.equal(addTaxonomyValue('postdesk: [a]\n', 'tags', 'b'), undefined);
    assert.equal(addTaxonomyValue('a: [\n', 'tags', 'b'), undefined);
  });

  it('property: yaml reads the old data plus the value, Psych the old list plus the value, and the edit only inserts (fast-check)', () => {
    const list = (quote: string) => fc.array(fc.constantFrom('a', '东财', 'b c', '12', 'yes'), { maxLength: 3 })
      .map((xs) => [...new Set(xs)].map((x) => (quote ? `${quote}${x}${quote}` : /^(?:12|yes)$/.test(x) ? `"${x}"` : x)));
    const field = fc.constantFrom<TaxonomyField>('tags', 'categories');
    const fieldText = (f: string, ind: string, s: string) => fc.oneof(
      fc.tuple(list(''), list('"'), list("'")).chain(([p, d, q]) => fc.constantFrom(p, d, q)).chain((items) => fc.constantFrom(
        `${ind}${f}: [${items.join(', ')}]${s}\n`,
        `${ind}${f}: [${items.join(', ')}]  # ${f}\n`,
        items.length ? `${ind}${f}:\n${items.map((x) => `${ind}${s}- ${x}`).join('\n')}\n` : `${ind}${f}:\n`,
        items.length ? `${ind}${f}:\n${items.map((x) => `${ind}- ${x} # c`).join('\n')}\n` : `${ind}${f}: ~\n`,
      )),
      fc.constant(''),
    );
    const config = fc.record({
      bom: fc.boolean(), crlf: fc.boolean(), step: fc.constantFrom(2, 4), last: fc.boolean(),
      head: fc.constantFrom('', '# site\n', 'title: Blog\ntimezone: Asia/Shanghai # tz\n', 'defaults:\n  - scope: {path: ""}\n    values: {layout: post}\n'),
      tail: fc.constantFrom('', 'exclude: [vendor]\n', '# end\n', 'z: 1\n'),
      shape: fc.constantFrom('none', 'empty', 'rules', 'taxonomy', 'flowmap'),
      tags: fc.boolean(), cats: fc.boolean(),
    }).chain((c) => fc.tuple(fc.constant(c), fieldText('tags', ' '.repeat(2 * c.step), ' '.repeat(c.step)), fieldText('categories', ' '.repeat(2 * c.step), ''))).map(([c, tags, cats]) => {
      const i1 = ' '.repeat(c.step);
      const pd = c.shape === 'none' ? '' : c.shape === 'empty' ? 'postdesk:\n' : c.shape === 'rules' ? `postdesk:\n${i1}rules:\n${i1}${i1}unpublished: off\n`
        : c.shape === 'flowmap' ? `postdesk: {taxonomy: {${c.tags ? 'tags: [a]' : ''}}}\n` : `postdesk:\n${i1}taxonomy:\n${c.tags ? tags : ''}${c.cats ? cats : ''}`;
      let t = `${c.head}${pd}${c.tail}`;
      if (!c.last) t = t.replace(/\n$/, '');
      if (c.crlf) t = t.replace(/\n/g, '\r\n');
      return `${c.bom ? '\uFEFF' : ''}${t}`;
    });
    const value = fc.oneof(
      fc.constantFrom('新能源', 'yes', 'No', '123', '1.5', 'a b', 'a: b', '#x', 'x #y', '- x', '[x]', "it's", '"q"', '', ' lead', 'trail ', 'null', '~', '-', 'a,b', '{x}', '\\', '*a', '&a', '!t', '%', '@', '`', 'a\nb', '\t', '\u0085', '😀'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const oracle: { text: string; old: string; field: string; value: string }[] = [];
    fc.assert(fc.property(config, field, value, (text, f, v) => {
      const old = read(text);
      const e = addTaxonomyValue(text, f, v);
      if (listOf(old, f).includes(v)) { assert.equal(e, undefined); return; }
      assert.ok(e, `no edit: ${JSON.stringify(text)}`);
      const out = applyEdits(text, [e]);
      // Only an insertion (or a `~` replaced by the list): every other byte stays.
      assert.ok(e.start === e.end || text.slice(e.start, e.end) === '~', JSON.stringify(e));
      assert.deepEqual(read(out), expected(old, f, v), `${JSON.stringify(text)} + ${JSON.stringify(v)} → ${JSON.stringify(out)}`);
      if (text.includes('\r\n')) assert.doesNotMatch(out, /[^\r]\n/, 'CRLF kept');
      assert.equal(out.charCodeAt(0) === 0xfeff, text.charCodeAt(0) === 0xfeff);
      if (oracle.length < 400) oracle.push({ text: out, old: text, field: f, value: v });
    }), { numRuns: 1500 });
    const got = psych(oracle.flatMap((o) => [o.old, o.text]));
    oracle.forEach((o, i) => {
      const [before, after] = [got[2 * i], got[2 * i + 1]] as Data[];
      assert.deepEqual(listOf(after, o.field), [...listOf(before, o.field), o.value], `Psych: ${JSON.stringify(o.text)}`);
    });
  });
});
