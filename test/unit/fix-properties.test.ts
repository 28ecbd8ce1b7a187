// No quick fix loses a byte: on random posts with CRLF, a BOM and no final newline, every fix touches only its edit,
// keeps the BOM and line-ending style, and applying the preferred fixes until settled is idempotent.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits';
import { parseSiteConfig } from '../../src/core/site';
import { fixPost, layoutLookup, validatePost } from '../../src/core/validate';

const CONFIG = 'timezone: Asia/Shanghai\npostdesk:\n  taxonomy:\n    categories: [emnews, cls]\n    tags: [东财滚动新闻, 财联社电报]\n';
const site = parseSiteConfig(CONFIG, '/site');
const layouts = layoutLookup(site, (p) => p === '/site/_layouts/post.html');
const NOW = Date.UTC(2024, 0, 1);
const STOCK = '<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p><img src="https://x/GetPic.aspx"></p><!-- EM_StockImg_End -->';

const value = fc.oneof(
  fc.constantFrom('emnews', 'cls cls', '[cls, emnews, cls]', '[emnews, emnes]', '123', '"a"b"', '""', '', '2021-12-08 20:00:00', '2021-12-08 20:00:00 +0800', ' +0800', '东财滚动新闻 东财滚动新闻'),
  fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
);
const body = fc.array(fc.constantFrom('正文', STOCK, '<p>段落</p>', '\n', '\n\n', '<!-- EM_StockImg_Start -->', 'x'), { maxLength: 6 }).map((a) => a.join(''));
const postArb = fc.record({
  fm: fc.record({ layout: fc.constantFrom('post', 'nope'), title: value, date: value, categories: value, tags: value }, { requiredKeys: [] }),
  body, crlf: fc.boolean(), bom: fc.boolean(), blank: fc.boolean(), finalNewline: fc.boolean(),
  name: fc.constantFrom('2021-12-08-x.md', '2021-12-9-x.md', '20211208-x.md', '-2022.md'),
}).map(({ fm, body: b, crlf, bom, blank, finalNewline, name }) => {
  const lines = ['---', ...Object.entries(fm).map(([k, v]) => `${k}: ${v}`), '---', b];
  let text = (blank ? '\n' : '') + lines.join('\n') + (finalNewline ? '\n' : '');
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  return { text: (bom ? '\uFEFF' : '') + text, file: `/site/_posts/${name}`, crlf, bom };
});

const lineEndings = (t: string) => ({ crlf: (t.match(/\r\n/g) ?? []).length, lf: (t.match(/(?<!\r)\n/g) ?? []).length });

describe('quick fixes lose no byte (fast-check, 10,000 posts per property)', function () {
  this.timeout(300000);

  it('every fix of every problem changes only its edited ranges, keeps the BOM and never mixes line endings', () => {
    const seen = new Set<string>();
    let applied = 0;
    fc.assert(fc.property(postArb, ({ text, file, crlf, bom }) => {
      for (const p of validatePost(text, { site, file, now: NOW, layouts })) {
        for (const f of p.fixes) {
          if (!f.edits.length) continue;
          // A fix of another file (the site's _config.yml) is checked against that file's text, the one its offsets are into.
          const subject = f.target?.text ?? text;
          const out = applyEdits(subject, f.edits);
          applied++;
          seen.add(p.rule);
          const sorted = [...f.edits].sort((a, b) => a.start - b.start);
          // Bytes between and around the edits are identical.
          let pos = 0; let outPos = 0;
          for (const e of sorted) {
            assert.equal(out.slice(outPos, outPos + (e.start - pos)), subject.slice(pos, e.start));
            outPos += e.start - pos + e.newText.length;
            pos = e.end;
          }
          assert.equal(out.slice(outPos), subject.slice(pos));
          assert.equal(out.startsWith('\uFEFF'), f.target ? subject.startsWith('\uFEFF') : bom, `${p.rule}: ${f.title}`);
          const le = lineEndings(out);
          if (f.target) assert.equal(le.crlf && le.lf, 0, `${p.rule}: ${f.title} mixed line endings in ${f.target.file}`);
          else if (crlf) assert.equal(le.lf, 0, `${p.rule}: ${f.title} added a bare LF`);
          else assert.equal(le.crlf, 0, `${p.rule}: ${f.title} added a CRLF`);
        }
      }
    }), { numRuns: 10000 });
    // The generator must reach the fixable rules, or the property proves nothing.
    assert.ok(applied > 10000, `only ${applied} fixes applied`);
    for (const rule of ['front-matter-missing', 'date-no-offset', 'taxonomy-duplicate', 'taxonomy-unknown', 'stock-image-block', 'yaml-syntax']) assert.ok(seen.has(rule), `no fix of ${rule} exercised`);
  });

  it('fixing until settled is idempotent: a second fixPost changes nothing', () => {
    fc.assert(fc.property(postArb, ({ text, file, bom }) => {
      const once = fixPost(text, { site, file, now: NOW, layouts });
      const twice = fixPost(once.text, { site, file: once.rename?.to ?? file, now: NOW, layouts });
      assert.equal(twice.text, once.text);
      assert.equal(once.text.startsWith('\uFEFF'), bom);
    }), { numRuns: 10000 });
  });
});
