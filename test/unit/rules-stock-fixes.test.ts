// stock-image-block fixes built from one scan equal the ones stripStockBlocks gives for each block and for all blocks.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePost } from '../../src/core/parse';
import { parseSiteConfig } from '../../src/core/site';
import { findStockBlocks, stripStockBlocks } from '../../src/core/stock';
import { validatePost } from '../../src/core/validate';

const SP = '<p style="display:none;height:1px;overflow:hidden;"><br /></p>';
const S = '<!-- EM_StockImg_Start -->';
const E = '<!-- EM_StockImg_End -->';
const IMG = '<p style="text-align:center;"><a href="http://quote.example.com/unify/r/1.600000"><img src="https://charts.example.com/x" /></a></p>';
const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');

/** What the rule gave before it shared one scan: a strip per block, and a strip of every block. */
function reference(text: string, markdown: boolean): { start: number; end: number; fixes: { title: string; edits: unknown[]; preferred?: boolean }[] }[] {
  const parsed = parsePost(text);
  const { blocks } = findStockBlocks(text, parsed, { markdown });
  const all = stripStockBlocks(text, undefined, { markdown, parsed });
  return blocks.map((b) => {
    const start = b.spacerStart ?? b.start;
    const fixes: { title: string; edits: unknown[]; preferred?: boolean }[] = [{ title: 'Strip this stock-image block.', edits: stripStockBlocks(text, { start, end: b.end }, { markdown, parsed }).edits, preferred: true }];
    if (blocks.length > 1) fixes.push({ title: `Strip all ${blocks.length} stock-image blocks.`, edits: all.edits });
    return { start, end: b.end, fixes };
  });
}

describe('stock-image-block fixes from one scan', function () {
  this.timeout(60000);
  const ws = fc.constantFrom('', ' ', '\t', '\n');
  const marker = (name: string) => fc.tuple(ws, fc.constantFrom(name, name.toLowerCase()), ws).map(([a, n, b]) => `<!--${a}${n}${b}-->`);
  const spacer = fc.constantFrom('', SP, `${SP} `, '<p style="display:none;height:1px;overflow:hidden;"><br></p>');
  const inner = fc.constantFrom('', IMG, '图片', `${IMG}\n${IMG}`, '`x`');
  const block = fc.tuple(spacer, marker('EM_StockImg_Start'), inner, marker('EM_StockImg_End')).map((p) => p.join(''));
  const piece = fc.constantFrom('正文', 'text', ' ', '\t', '    ', '<p>', '</p>', '\n', '\r\n', '\n\n', '# 标题\n', '- item\n', '<!-- EM_StockImg', 'Img_End -->', 'EM_StockImg_', SP, S, E);
  const code = fc.tuple(fc.constantFrom('`', '``'), fc.constantFrom(S, E, `${SP}${S}${IMG}${E}`, 'x')).map(([t, c]) => `${t}${c}${t}`);
  const fence = fc.constantFrom(S, E, `${S}${E}`, '').map((c) => `\n\`\`\`\n${c}\n\`\`\`\n`);
  const eol = fc.constantFrom('\n', '\r\n');
  const text = fc.tuple(fc.boolean(), fc.boolean(), eol, fc.array(fc.oneof(piece, block, block, code, fence), { maxLength: 20 }))
    .map(([bom, lead, nl, ps]) => `${bom ? '\uFEFF' : ''}${lead ? nl : ''}---${nl}title: x${nl}date: 2021-12-08 10:00:00 +0800${nl}---${nl}${ps.join('')}`);

  for (const file of ['/site/_posts/2021-12-08-x.md', '/site/_posts/2021-12-08-x.html']) {
    it(`equal to stripStockBlocks per block and for all blocks (${file.slice(-4)})`, () => {
      fc.assert(fc.property(text, (t) => {
        const got = validatePost(t, { site, file, now: 0 }).filter((p) => p.rule === 'stock-image-block')
          // l10n (the localizable title) is checked in messages.test.ts; here the titles, edits and preference count.
          .map((p) => ({ start: p.start, end: p.end, fixes: p.fixes.map(({ title, edits, preferred }) => ({ title, edits, ...(preferred === undefined ? {} : { preferred }) })) }));
        // Behind a leading blank line the rule runs on the text after it, shifted back.
        const nf = parsePost(t).noFrontMatter;
        const shift = nf?.reason === 'leading-blank' ? nf.end : 0;
        const ref = reference(t.slice(shift), !file.endsWith('.html')).map((r) => ({
          start: r.start + shift, end: r.end + shift,
          fixes: r.fixes.map((f) => ({ ...f, edits: (f.edits as { start: number; end: number; newText: string }[]).map((e) => ({ ...e, start: e.start + shift, end: e.end + shift })) })),
        }));
        assert.deepEqual(got, ref);
      }), { numRuns: 3000 });
    });
  }
});
