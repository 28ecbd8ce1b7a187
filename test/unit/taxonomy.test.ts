// Categories and tags: Jekyll 4.3.1's reading (every jekyll-facts row), the post view, the index, and setTaxonomy's edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parsePost } from '../../src/core/parse';
import { defaultSite, parseSiteConfig } from '../../src/core/site';
import { applyEdits } from '../../src/core/edits';
import { jekyllRead, jekyllReadMerging, postCategoriesAndTags } from '../../src/core/taxonomy/jekyll';
import { jekyllPostView, titleizeSlug } from '../../src/core/taxonomy/posts';
import { TaxonomyIndex, frontMatterBytes, frontMatterSlice, rankValues } from '../../src/core/taxonomy/index';
import { setTaxonomy, normalizeValues, doubleQuoted } from '../../src/core/taxonomy/edit';
import { changeTaxonomy, diffEdit, frontMatterValues } from '../../src/core/taxonomy/apply';
import { fastFrontMatter } from '../../src/core/parse-fast';
import { corpusDir } from './corpus';

const read = (fm: string, folders: string[] = []) => postCategoriesAndTags(parsePost(`---\n${fm}\n---\n`).data, folders);

describe('Jekyll categories and tags (jekyll-facts table)', () => {
  const rows: [string, string[], 'categories' | 'tags', unknown[]][] = [
    ['categories: "A B"', [], 'categories', ['A', 'B']],
    ['categories: A B', [], 'categories', ['A', 'B']],
    ['category: one two', [], 'categories', ['one two']],
    ['categories: [one, two]\ncategory: three', [], 'categories', ['one', 'two', 'three']],
    ['tag: x y', [], 'tags', ['x y']],
    ['tags: [x, y]\ntag: z', [], 'tags', ['z']],
    ['tags: [a b, c]', [], 'tags', ['a b', 'c']],
    ['tags:\n  - a\n  - b c', [], 'tags', ['a', 'b c']],
    ['tags: [x, x]', [], 'tags', ['x', 'x']],
    ['tags: [x, ~]', [], 'tags', ['x']],
    ['tags: 123', [], 'tags', []],
    ['categories: [x, 1]', [], 'categories', ['x', 1, '1']],
    ['categories: ""', [], 'categories', []],
    ['categories: c1', ['news', 'world'], 'categories', ['news', 'world', 'c1']],
  ];
  for (const [fm, folders, key, want] of rows) {
    it(`${JSON.stringify(fm)}${folders.length ? ` in ${folders.join('/')}/_posts` : ''} → ${key} ${JSON.stringify(want)}`, () => {
      assert.deepEqual(read(fm, folders)[key], want);
    });
  }
  it('splits a plural scalar on ASCII whitespace only (Ruby String#split), never on U+3000', () => {
    assert.deepEqual(read('tags: "a\tb  c\u3000d"').tags, ['a', 'b', 'c\u3000d']);
  });
  it('keeps folder categories when categories is null, and de-duplicates categories', () => {
    assert.deepEqual(read('categories: ~', ['news']).categories, ['news']);
    assert.deepEqual(read('categories: [a, a, news]', ['news']).categories, ['news', 'a']);
  });
  it('merges _config.yml defaults: categories united, tags replaced by front matter', () => {
    const r = postCategoriesAndTags(parsePost('---\ncategories: b\ntags: t\n---\n').data, [], { categories: ['a'], tags: ['d'] });
    assert.deepEqual(r, { categories: ['a', 'b'], tags: ['t'] });
  });
});

describe('jekyllRead shortcut', () => {
  it('gives what the general merging gives, for any front matter', () => {
    const word = fc.constantFrom('a', 'b c', ' a  b ', '', '中\u3000文', 'x\ty', 'a', '1');
    const value = fc.oneof(word, fc.constantFrom(null, undefined, 5, true, false, new Date(Date.UTC(2021, 0, 1))), fc.array(fc.oneof(word, fc.constantFrom(null, 1, true)), { maxLength: 4 }), fc.array(word, { maxLength: 4 }));
    const fm = fc.dictionary(fc.constantFrom('categories', 'tags', 'category', 'tag', 'title', 'date', 'published', '__proto__'), value, { maxKeys: 5 })
      .map((d) => Object.assign(Object.create(null), d) as Record<string, unknown>);
    const defaults = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, fm);
    fc.assert(fc.property(fm, defaults, fc.constantFrom([], ['news']), (f, d, folders) => {
      assert.deepEqual(jekyllRead(f, folders, d), jekyllReadMerging(f, folders, d));
    }), { numRuns: 3000 });
  });
});

describe('jekyllPostView', () => {
  const site = { ...defaultSite('/s'), timezone: 'Asia/Shanghai' };
  const view = (file: string, text: string, now = Date.UTC(2030, 0, 1)) => jekyllPostView(text, { site, file, now });
  it('publishes a dated post with the title, the date in the site timezone, and categories', () => {
    const v = view('/s/news/_posts/2021-12-08-hello-world.md', '---\ndate: 2021-12-08 10:00:00\ncategories: a b\n---\nx');
    assert.deepEqual(v, { file: 'news/_posts/2021-12-08-hello-world.md', published: true, date: '2021-12-08 18:00:00 +0800', dateMs: Date.UTC(2021, 11, 8, 10), categories: ['news', 'a', 'b'], tags: [], title: 'Hello World', written: '2021-12-08 10:00:00' });
  });
  it('uses the file name date at midnight in the site timezone, accepts one-digit months', () => {
    assert.equal(view('_posts/2021-12-8-x.md', 'no front matter').date, '2021-12-08 00:00:00 +0800');
  });
  it('marks skipped names, drafts, published: false, future dates and invalid dates as unpublished', () => {
    assert.equal(view('_posts/-2022.md', '---\n---\n').reason, 'skipped-name');
    assert.equal(view('_posts/_x-2022-01-01-a.md', '---\n---\n').reason, 'skipped-name');
    assert.equal(view('_drafts/a.md', '---\n---\n').reason, 'draft');
    assert.equal(view('_posts/2021-01-01-a.md', '---\npublished: false\n---\n').reason, 'published-false');
    assert.equal(view('_posts/2031-01-01-a.md', '---\n---\n').reason, 'future');
    assert.equal(jekyllPostView('---\n---\n', { site: { ...site, future: true }, file: '_posts/2031-01-01-a.md', now: 0 }).published, true);
    const bad = view('_posts/2021-01-01-a.md', '---\ndate: " +0800"\n---\n');
    assert.equal(bad.reason, 'invalid-date');
    assert.match(bad.error ?? '', /Invalid date/);
  });
  it('represents YAML that does not parse as date "build-time", title null, no data, with error', () => {
    const v = view('news/_posts/2021-01-01-a.md', '---\ntitle: "a "b" c"\ncategories: x\n---\n');
    assert.equal(v.published, true);
    assert.equal(v.date, 'build-time');
    assert.equal(v.title, null);
    assert.deepEqual(v.categories, ['news']);
    assert.match(v.error ?? '', /does not parse/);
  });
  it('titleizes slugs as Ruby does', () => {
    assert.equal(titleizeSlug('hello-wORLD'), 'Hello World');
    assert.equal(titleizeSlug('a--b-'), 'A  B');
  });
});

describe('taxonomy index', () => {
  it('slices only the front matter (text and bytes), and asks for more when a prefix is not closed', () => {
    const text = '\uFEFF---\r\ntags: a\r\n---\r\nbody body';
    assert.equal(frontMatterSlice(text), '\uFEFF---\r\ntags: a\r\n---\r\n');
    assert.equal(frontMatterSlice('---\ntags: a\n', false), undefined);
    assert.equal(frontMatterSlice('no fence\nbody'), 'no fence\n');
    const bytes = new TextEncoder().encode(`${text}`);
    assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(frontMatterBytes(bytes)), '\uFEFF---\r\ntags: a\r\n---\r\n');
  });
  it('counts published posts only, duplicates twice, and updates per file', () => {
    const site = parseSiteConfig('postdesk:\n  taxonomy:\n    tags: [unused]\n', '/s');
    const idx = new TaxonomyIndex(site, () => Date.UTC(2030, 0, 1));
    idx.update('/s/_posts/2021-01-01-a.md', '---\ntags: [x, x]\ncategories: c\n---\n');
    idx.update('/s/_posts/2021-01-02-b.md', '---\ntags: x w\n---\n');
    idx.update('/s/_drafts/c.md', '---\ntags: draft\n---\n');
    assert.deepEqual({ ...idx.counts().tags }, { x: 3, w: 1 });
    assert.deepEqual(idx.ranked('tags').map((r) => [r.value, r.count, r.configured]), [['x', 3, false], ['w', 1, false], ['draft', 0, false], ['unused', 0, true]]);
    idx.update('/s/_posts/2021-01-02-b.md', '---\ntags: w\n---\n');
    idx.remove('/s/_posts/2021-01-01-a.md');
    assert.deepEqual({ ...idx.counts().tags }, { w: 1 });
    assert.deepEqual(idx.filesWith('tags', 'w'), ['/s/_posts/2021-01-02-b.md']);
  });
  it('an update that leaves the view equal returns the held view and keeps the counts (callers tell a change by identity)', () => {
    const idx = new TaxonomyIndex(defaultSite('/s'), () => Date.UTC(2030, 0, 1));
    const held = idx.update('/s/_posts/2021-01-01-a.md', '---\ntags: x\n---\nbody');
    const counts = idx.counts();
    assert.equal(idx.update('/s/_posts/2021-01-01-a.md', '---\ntags: x\n---\nanother body'), held);
    assert.equal(idx.counts(), counts);
    const changed = idx.update('/s/_posts/2021-01-01-a.md', '---\ntags: y\n---\n');
    assert.notEqual(changed, held);
    assert.deepEqual({ ...idx.counts().tags }, { y: 1 });
  });
  it('orders by count, then Intl.Collator("zh")', () => {
    assert.deepEqual(rankValues({ 北京: 1, 上海: 1, a: 2 }, [], []).map((r) => r.value), ['a', ...['北京', '上海'].sort(new Intl.Collator('zh').compare)]);
  });
});

const edit = (text: string, key: 'categories' | 'tags', values: string[]) => {
  const r = setTaxonomy(text, key, values);
  if (!r.ok) throw new Error(r.message);
  return applyEdits(text, r.edits);
};

describe('setTaxonomy per style', () => {
  it('keeps a scalar a scalar while values are space-free, else turns it into a flow list', () => {
    assert.equal(edit('---\ncategories: emnews # c\ntags: x\n---\nb', 'categories', ['a', 'b']), '---\ncategories: a b # c\ntags: x\n---\nb');
    assert.equal(edit('---\ncategories: "emnews"\n---\n', 'categories', ['a', 'b']), '---\ncategories: "a b"\n---\n');
    assert.equal(edit("---\ncategories: 'x'\n---\n", 'categories', ["it's"]), "---\ncategories: 'it''s'\n---\n");
    assert.equal(edit('---\ncategories: emnews\n---\n', 'categories', ['a b', 'c']), '---\ncategories: [a b, c]\n---\n');
    assert.equal(edit('---\ncategories: emnews\n---\n', 'categories', []), '---\ncategories: ""\n---\n');
  });
  it('keeps flow lists flow with their spacing, block lists block with their indentation', () => {
    assert.equal(edit('---\ntags: [ a, b ]\n---\n', 'tags', ['c', 'd e']), '---\ntags: [ c, d e ]\n---\n');
    assert.equal(edit('---\ntags: [a,b]\n---\n', 'tags', ['c', 'd']), '---\ntags: [c,d]\n---\n');
    assert.equal(edit('---\ntags:\n    -   a\n    - b\ntitle: t\n---\n', 'tags', ['x', 'w', 'z']), '---\ntags:\n    -   x\n    -   w\n    -   z\ntitle: t\n---\n');
    assert.equal(edit('---\ntags:\n- a\ntitle: t\n---\n', 'tags', []), '---\ntags: []\ntitle: t\n---\n');
  });
  it('appends an absent key at the end of the front matter with the file EOL, quoting YAML-special values', () => {
    assert.equal(edit('\uFEFF---\r\ntitle: t\r\n---\r\nbody', 'tags', ['yes', '1', 'a: b']), '\uFEFF---\r\ntitle: t\r\ntags: ["yes", "1", "a: b"]\r\n---\r\nbody');
    assert.equal(edit('---\r\ntitle: t\r\n---', 'tags', ['x']), '---\r\ntitle: t\r\ntags: x\r\n---');
    assert.equal(edit('---\n---\n', 'tags', []), '---\n---\n');
  });
  it('edits a lone singular key in place, and folds a singular next to the plural into the plural', () => {
    assert.equal(edit('---\ncategory: one two\n---\n', 'categories', ['three four']), '---\ncategory: three four\n---\n');
    assert.equal(edit('---\ntag: x\n---\n', 'tags', ['a', 'b']), '---\ntag: [a, b]\n---\n');
    assert.equal(edit('---\ntags: [x, y]\ntag: z # old\ntitle: t\n---\n', 'tags', ['a']), '---\ntags: [a]\ntitle: t\n---\n');
  });
  it('offers to create a front matter when there is none, and refuses front matter that does not parse', () => {
    const r = setTaxonomy('\uFEFFbody\r\n', 'tags', ['a b']);
    assert.ok(!r.ok && r.reason === 'no-front-matter');
    if (!r.ok && r.reason === 'no-front-matter') assert.equal(applyEdits('\uFEFFbody\r\n', r.create), '\uFEFF---\r\ntags: [a b]\r\n---\r\nbody\r\n');
    const bad = setTaxonomy('---\ntitle: "a "b""\n---\n', 'tags', ['x']);
    assert.ok(!bad.ok && bad.reason === 'unsupported');
  });
});

// ---- property: random front matter styles × random value sets ----
const specials = ['yes', 'no', 'y', 'N', 'on', '1', '1.5', '0x1f', '~', 'null', 'true', '2021-01-01', '1:20', 'a b', 'c#', '#x', 'a: b', 'a:b', '-x', '- x', '[x]', 'x,y', '{a}', "it's", '"q"', '@at', '*star', '&amp', '!bang', '|pipe', '>gt', '%p', '`b`', '<<', '=', '?q', ':c',
  '东财滚动新闻', 'anxinguojizhengquan(xianggang)', '中\u3000文', 'a\tb', ' padded ', 'c++', 'x\\y', 'é'];
const valueArb = fc.oneof(fc.constantFrom(...specials), fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', '-', ':', '#', ',', '"', "'", '[', '中', '\u3000', '.', '_'), minLength: 1, maxLength: 6 }));
const wordArb = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
type Style = 'absent' | 'empty' | 'plain' | 'dq' | 'sq' | 'flow' | 'flow-tight' | 'block0' | 'block2' | 'block4' | 'singular' | 'singular-flow' | 'both';
const styleArb = fc.constantFrom<Style>('absent', 'empty', 'plain', 'dq', 'sq', 'flow', 'flow-tight', 'block0', 'block2', 'block4', 'singular', 'singular-flow', 'both');

function render(style: Style, key: 'categories' | 'tags', old: string[], eol: string): { value: string; lineKey: string; extra: string } {
  const q = (v: string) => doubleQuoted(v);
  const one = key === 'categories' ? 'category' : 'tag';
  switch (style) {
    case 'empty': return { lineKey: `${key}:`, value: '', extra: '' };
    case 'plain': return { lineKey: `${key}: `, value: old.join(' ') || '""', extra: '' };
    case 'dq': return { lineKey: `${key}: `, value: q(old.join(' ')), extra: '' };
    case 'sq': return { lineKey: `${key}: `, value: `'${old.join(' ')}'`, extra: '' };
    case 'flow': return { lineKey: `${key}: `, value: `[${old.map(q).join(', ')}]`, extra: '' };
    case 'flow-tight': return { lineKey: `${key}: `, value: `[${old.map(q).join(',')}]`, extra: '' };
    case 'block0': case 'block2': case 'block4': {
      const ind = ' '.repeat(Number(style.slice(5)));
      return old.length ? { lineKey: `${key}:`, value: `${eol}${old.map((v) => `${ind}- ${q(v)}`).join(eol)}`, extra: '' } : { lineKey: `${key}: `, value: '[]', extra: '' };
    }
    case 'singular': return { lineKey: `${one}: `, value: q(old.join(' ') || 'x'), extra: '' };
    case 'singular-flow': return { lineKey: `${one}: `, value: `[${old.map(q).join(', ')}]`, extra: '' };
    case 'both': return { lineKey: `${key}: `, value: `[${old.map(q).join(', ')}]`, extra: `${one}: ${q('zz top')} # gone${eol}` };
    default: return { lineKey: '', value: '', extra: '' };
  }
}

describe('setTaxonomy properties', function () {
  this.timeout(60000);
  it('Jekyll reads exactly the chosen set afterwards, and every byte outside the value is unchanged', () => {
    fc.assert(fc.property(
      styleArb, fc.constantFrom<'categories' | 'tags'>('categories', 'tags'), fc.array(wordArb, { maxLength: 3 }), fc.array(valueArb, { maxLength: 5 }),
      fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.constantFrom('', 'body', 'body\n', '正文\n---\ntags: fake\n'), fc.boolean(),
      (style, key, old, chosen, eol, bom, body, comment) => {
        const { lineKey, value, extra } = render(style, key, old, eol);
        const head = `${bom ? '\uFEFF' : ''}---${eol}layout: post${eol}title: "标题：a"${eol}${comment ? `# note${eol}${eol}` : ''}`;
        const before = style === 'absent' ? `${head}date: 2021-12-01 13:33:50${eol}` : `${head}${lineKey}`;
        const after = style === 'absent' ? `---${eol}${body}` : `${eol}${extra}date: 2021-12-01 13:33:50${eol}---${eol}${body}`;
        const text = before + value + after;
        assert.equal(parsePost(text).errors.length, 0, text);
        const r = setTaxonomy(text, key, chosen);
        assert.ok(r.ok, JSON.stringify(r));
        const out = applyEdits(text, r.edits);
        const p = parsePost(out);
        assert.deepEqual(p.errors, [], out);
        assert.deepEqual(postCategoriesAndTags(p.data, [])[key], normalizeValues(chosen), out);
        const keptAfter = style === 'both' ? after.replace(extra, '') : after;
        const cut = before.length;
        assert.ok(out.startsWith(before.slice(0, cut)) && out.endsWith(keptAfter) && out.length >= cut + keptAfter.length, `${JSON.stringify(text)}\n→ ${JSON.stringify(out)}`);
        assert.equal(p.data.title, '标题：a');
        assert.equal(text.slice(parsePost(text).body.start), out.slice(p.body.start));
      },
    ), { numRuns: 10000 });
  });
});

describe('changeTaxonomy (one minimal edit per post) and the real corpus', () => {
  it('adds, removes, renames and sets both keys as a single edit', () => {
    const text = '---\r\ncategories: emnews\r\ntags: [a, b]\r\n---\r\nbody';
    const r = changeTaxonomy(text, { categories: { op: 'add', values: ['x'] }, tags: { op: 'rename', from: 'a', to: 'b' } });
    assert.ok(r.ok);
    assert.equal(r.edits.length, 1);
    assert.equal(applyEdits(text, r.edits), '---\r\ncategories: emnews x\r\ntags: [b]\r\n---\r\nbody');
    const rm = changeTaxonomy(text, { tags: { op: 'remove', values: ['b'] } });
    assert.ok(rm.ok && applyEdits(text, rm.edits) === '---\r\ncategories: emnews\r\ntags: [a]\r\n---\r\nbody');
    const same = changeTaxonomy(text, { tags: { op: 'set', values: ['a', 'b'] } });
    assert.ok(same.ok && same.edits.length === 0);
    assert.deepEqual(frontMatterValues('---\ncategory: one two\ncategories: [p]\n---\n', 'categories'), ['p', 'one two']);
    assert.deepEqual(diffEdit('a\r\nb', 'a\r\nc'), [{ start: 3, end: 4, newText: 'c' }]);
  });

  it('edits every corpus post so Jekyll reads exactly the chosen set, body untouched', function () {
    const dir = corpusDir();
    if (!dir) { this.skip(); return; }
    let edited = 0;
    for (const sub of ['_posts', 'old_post']) {
      for (const name of fs.readdirSync(path.join(dir, sub))) {
        const text: string = fs.readFileSync(path.join(dir, sub, name), 'utf8');
        const before = parsePost(text);
        for (const [key, values] of [['categories', ['emnews', 'anxinguojizhengquan(xianggang)', '21shijijingjibaodao  nancailicaitong']], ['tags', ['东财滚动新闻']]] as const) {
          const r = setTaxonomy(text, key, values);
          if (!r.ok) { assert.ok(before.errors.length || !before.frontMatter, `${name}: ${r.message}`); continue; }
          const out = applyEdits(text, r.edits);
          const p = parsePost(out);
          assert.deepEqual(postCategoriesAndTags(p.data, [])[key], values, name);
          assert.equal(out.slice(p.body.start), text.slice(before.body.start), name);
          edited++;
        }
      }
    }
    assert.ok(edited > 200);
  });
});

describe('fast path for flat front matter', () => {
  const site = { ...defaultSite('/s'), timezone: 'Asia/Shanghai' };
  const same = (text: string, file = '/s/news/_posts/2021-12-01-x.md') => {
    const opts = { site, file, now: Date.UTC(2022, 0, 1) };
    assert.deepEqual(jekyllPostView(text, opts), jekyllPostView(text, { ...opts, slow: true }), JSON.stringify(text));
  };
  it('gives the same view as the YAML parser on every corpus post', function () {
    const dir = corpusDir();
    if (!dir) { this.skip(); return; }
    let fast = 0;
    for (const sub of ['_posts', 'old_post']) {
      for (const name of fs.readdirSync(path.join(dir, sub))) {
        const text: string = fs.readFileSync(path.join(dir, sub, name), 'utf8');
        if (fastFrontMatter(text)) fast++;
        same(text, `/s/${sub === '_posts' ? '' : 'old/'}_posts/${name}`);
      }
    }
    assert.ok(fast > 100, `fast path taken ${fast} times`);
  });
  it('gives the same view on random flat front matter', () => {
    const key = fc.constantFrom('title', 'date', 'categories', 'tags', 'category', 'tag', 'layout', 'published', 'yes', 'x-y');
    const raw = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '-', ':', '#', ',', '"', "'", '[', '{', '中', '：', '.', '+', '~', '\\', '\t', '!', '&', '*', '|', '>', '%', '@'), maxLength: 8 });
    const value = fc.oneof(raw, raw.map((s) => `"${s}"`), raw.map((s) => `'${s}'`), fc.constantFrom('2021-12-01 13:33:50', ' +0800', '"2021-12-01 10:00"', '2021-12-01', 'yes', 'No', '~', 'null', '12', '-1', '.5', 'y', 'a #c', 'x y z', '21shiji  nancai', '1st', '3g', '1e5', '0x1F', '1:30', '1:3z', '2021-12-01T10:00:00Z', '+x', '.hidden', '+.inf', '.NaN'));
    const line = fc.oneof({ weight: 6, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) }, fc.constantFrom('', '# comment', '  indented: x', '- item', 'k:v'));
    fc.assert(fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      same(`---${eol}${lines.join(eol)}${eol}---${eol}body`);
    }), { numRuns: 3000 });
  });
  it('gives the same data and view on random flow and block lists', () => {
    // Mostly well-formed lists under distinct keys (so the fast path is taken often), with odd items, spacing and stray lines.
    const keys = ['title', 'date', 'categories', 'tags', 'category', 'tag', 'layout', 'published'];
    const unit = fc.constantFrom('a', 'Z', '1', ' ', '-', ':', '#', ',', '"', "'", '[', ']', '{', '}', '中', '（', '(', ')', '.', '+', '~', '\\', '\t', '!', '&', '*', '|', '>', '%', '@', '?', '`');
    const raw = fc.string({ unit, maxLength: 7 });
    const good = fc.constantFrom('emnews', 'cls', '东财滚动新闻', 'A股', 'anxinguojizhengquan(xianggang)', '21shijijingjibaodao  nancailicaitong', 'a b', 'x-y', 'a#b', 'a!', 'b?c', 'Yes', 'Off', '~', 'null', 'y', '中 文');
    const odd = fc.constantFrom('12', '.5', '-1', '2021-12-01', 'a #c', "it's", 'a:b', 'a: b', '', '&x', '*x', '!t', '.inf', '+.inf', '-.NaN', 'a\\b', '1st', '12 monkeys', '3g', '1e5', '0x1F', '0b101', '007', '1_0', '1:30', '1:3z', '2021-12-01T10:00:00Z', '2021-12-01 10:00:00 +08:00', '1.2.3', '+x', '.hidden');
    const word = fc.oneof({ weight: 12, arbitrary: good }, odd);
    const item = fc.oneof({ weight: 40, arbitrary: word }, { weight: 6, arbitrary: word.map((s) => `"${s}"`) }, { weight: 2, arbitrary: word.map((s) => `'${s}'`) }, raw, raw.map((s) => `"${s}"`), raw.map((s) => `'${s}'`));
    const rare = <T>(common: T, ...others: T[]) => fc.oneof({ weight: 4 * others.length, arbitrary: fc.constant(common) }, fc.constantFrom(...others));
    const sp = rare('', ' ', '  ', '\t');
    const flow = fc.tuple(fc.array(fc.tuple(sp, item, sp), { maxLength: 4 }), sp, rare('', ' # c', '#c', ' x', ',', ' ,]'))
      .map(([xs, inner, tail]) => `[${inner}${xs.map(([x, v, y]) => `${x}${v}${y}`).join(',')}]${tail}`);
    const block = fc.tuple(fc.constantFrom('', '  ', '  ', '    ', ' '), fc.array(fc.tuple(rare(' ', '  ', '', '\t'), item, rare('', ' ', ' # c', '\t')), { maxLength: 4 }), rare('', ' ', ' # c'))
      .map(([ind, xs, after]) => (k: string) => [`${k}:${after}`, ...xs.map(([gap, v, tail]) => `${ind}-${gap}${v}${tail}`)]);
    const entry = fc.oneof(
      { weight: 3, arbitrary: flow.map((v) => (k: string) => [`${k}: ${v}`]) },
      { weight: 3, arbitrary: block },
      { weight: 2, arbitrary: fc.constantFrom('emnews', '"x y"', '2021-12-01 13:33:50', 'yes', '', '~').map((v) => (k: string) => [`${k}: ${v}`]) },
    );
    const stray = fc.constantFrom('', '# comment', '  - stray', '- stray', '    continued', 'k:v');
    const front = fc.tuple(fc.shuffledSubarray(keys, { maxLength: 5 }), fc.array(entry, { minLength: 5, maxLength: 5 }), fc.option(fc.tuple(stray, fc.nat(8)), { freq: 4 }))
      .map(([ks, es, extra]) => {
        const lines = ks.flatMap((k, i) => es[i](k));
        if (extra) lines.splice(extra[1] % (lines.length + 1), 0, extra[0]);
        return lines;
      });
    let fastLists = 0;
    fc.assert(fc.property(front, fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = `---${eol}${lines.join(eol)}${eol}---${eol}body`;
      same(text);
      const fast = fastFrontMatter(text);
      if (!fast) return;
      const full = parsePost(text);
      assert.equal(full.errors.length, 0, JSON.stringify(text));
      assert.deepEqual(fast.data, full.data, JSON.stringify(text));
      if (Object.values(fast.data).some((v) => Array.isArray(v) && v.length > 1)) fastLists++;
    }), { numRuns: 5000 });
    assert.ok(fastLists > 250, `fast path read ${fastLists} lists`);
  });
  it('takes the fast path for the usual flow and block lists', () => {
    for (const text of ['---\ntags: [a, b c, "d"]\n---\n', '---\ncategories:\n  - emnews\n  - cls\ntags:\n- 港股\n---\n', '---\ntags: []\ncategories: [ x ] # c\n---\n']) {
      assert.ok(fastFrontMatter(text), text);
      same(text);
    }
  });
});
