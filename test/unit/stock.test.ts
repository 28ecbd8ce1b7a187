// Stock-image blocks: every marker variant, spacer, unpaired and nested markers, code, CRLF/BOM, the corpus, properties.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits';
import { findStockBlocks, stripStockBlocks, type StockOptions } from '../../src/core/stock';
import { corpusDir, projectRoot } from './corpus';

const FM = '---\nlayout: post\ntitle: "示例"\ndate: 2022-03-21 23:17:46 +0800\ncategories: jingjiwang\ntags: 经济网新闻\n---\n';
const SP = '<p style="display:none;height:1px;overflow:hidden;"><br /></p>';
const S = '<!-- EM_StockImg_Start -->';
const E = '<!-- EM_StockImg_End -->';
const IMG = '<p style="text-align:center;"><a href="http://quote.example.com/unify/r/1.600000" class="EmImageRemark"><img src="https://charts.example.com/GetPic.aspx?nid=1.600000" /></a></p>';
const BLOCK = SP + S + IMG + E;
const P = '<p>　　正文第一段。</p>';

const strip = (t: string, o?: StockOptions) => applyEdits(t, stripStockBlocks(t, undefined, o).edits);

describe('findStockBlocks / stripStockBlocks', () => {
  it('finds and strips the two blocks of the sample post, spacers included', () => {
    const text = fs.readFileSync(path.join(projectRoot, 'sample-site/_posts/2022-03-21-stock-blocks.md'), 'utf8');
    const { blocks, unterminated } = findStockBlocks(text);
    assert.equal(blocks.length, 2);
    assert.equal(unterminated.length, 0);
    for (const b of blocks) {
      assert.equal(b.line, 8);
      assert.match(text.slice(b.spacerStart, b.start), /^<p style="display:none;height:1px;overflow:hidden;"><br \/><\/p>$/);
      assert.match(text.slice(b.start, b.end), /^<!-- EM_StockImg_Start -->[\s\S]*<!-- EM_StockImg_End -->$/);
    }
    assert.equal(blocks[0].end, blocks[1].spacerStart);
    const res = stripStockBlocks(text);
    assert.equal(res.count, 2);
    const out = applyEdits(text, res.edits);
    assert.equal(out, text.slice(0, blocks[0].spacerStart) + text.slice(blocks[1].end));
    assert.ok(!/EM_StockImg/i.test(out));
    assert.ok(out.includes('---\n<p>　　示例银行'));
  });

  it('matches markers case-insensitively with any whitespace inside the comment', () => {
    const variants: [string, string][] = [
      ['<!--EM_StockImg_Start-->', '<!--EM_StockImg_End-->'],
      ['<!--   em_stockimg_start   -->', '<!--\tEM_STOCKIMG_END\t-->'],
      ['<!--\n  Em_StockImg_START\n-->', '<!--\r\n EM_StockImg_end \r\n-->'],
    ];
    for (const [s, e] of variants) {
      const text = `${FM}${P}${s}${IMG}${e}${P}`;
      const { blocks } = findStockBlocks(text);
      assert.equal(blocks.length, 1, s);
      assert.equal(blocks[0].spacerStart, undefined);
      assert.equal(strip(text), `${FM}${P}${P}`);
    }
    assert.equal(findStockBlocks(`${FM}<!-- EM_StockImg_Starts -->x${E}`).blocks.length, 0);
    assert.equal(findStockBlocks(`${FM}EM_StockImg_Start x EM_StockImg_End`).blocks.length, 0);
  });

  it('takes the hidden spacer in any <br> spelling, only when it stands directly before the start marker', () => {
    for (const br of ['<br>', '<br/>', '<br />', '<BR  />']) {
      const text = `${FM}${P}<p style="display:none;height:1px;overflow:hidden;">${br}</p>${S}${IMG}${E}${P}`;
      assert.equal(strip(text), `${FM}${P}${P}`, br);
    }
    assert.equal(strip(`${FM}${P}${SP} \t${S}${IMG}${E}${P}`), `${FM}${P}${P}`);
    // Spacer without a block, and spacer on the line before the marker: the spacer stays.
    assert.equal(strip(`${FM}${P}${SP}${P}`), `${FM}${P}${SP}${P}`);
    assert.equal(strip(`${FM}${P}${SP}\n${S}${IMG}${E}\n${P}`), `${FM}${P}${SP}\n${P}`);
    // A spacer after a block is not part of it.
    assert.equal(strip(`${FM}${S}${IMG}${E}${SP}${P}`), `${FM}${SP}${P}`);
  });

  it('never pairs greedily: each start goes to the nearest end', () => {
    const text = `${FM}${BLOCK}${P}${BLOCK}${P}`;
    assert.equal(findStockBlocks(text).blocks.length, 2);
    assert.equal(strip(text), `${FM}${P}${P}`);
  });

  it('reports an unterminated start and removes nothing after it', () => {
    const text = `${FM}${P}${SP}${S}${IMG}${P}<p>后文</p>`;
    const res = stripStockBlocks(text);
    assert.equal(res.count, 0);
    assert.deepEqual(res.edits, []);
    assert.deepEqual(res.unterminated.map((m) => [m.kind, m.reason, m.line, text.slice(m.start, m.end)]), [['start', 'unpaired', 8, S]]);
    // A complete block after the stray start is still a block; the stray start stays.
    const two = `${FM}${S}${P}${SP}${S}${IMG}${E}${P}`;
    assert.equal(strip(two), `${FM}${S}${P}${P}`);
    assert.equal(stripStockBlocks(two).unterminated.length, 1);
  });

  it('reports an end before any start and still strips the block after it', () => {
    const text = `${FM}${E}${P}${BLOCK}${P}`;
    const res = stripStockBlocks(text);
    assert.equal(res.count, 1);
    assert.deepEqual(res.unterminated.map((m) => [m.kind, m.reason]), [['end', 'unpaired']]);
    assert.equal(applyEdits(text, res.edits), `${FM}${E}${P}${P}`);
  });

  it('leaves "two starts then two ends" alone and reports all four markers as nested', () => {
    const text = `${FM}${S}${P}${S}${IMG}${E}${P}${E}${P}`;
    const res = stripStockBlocks(text);
    assert.equal(res.count, 0);
    assert.deepEqual(res.unterminated.map((m) => `${m.kind}:${m.reason}`), ['start:nested', 'start:nested', 'end:nested', 'end:nested']);
    // A normal block after the nested run is still stripped.
    assert.equal(strip(`${text}${BLOCK}`), text);
  });

  it('ignores markers in the front matter and in Markdown code', () => {
    const fm = `---\ntitle: "${S}x${E}"\n---\n`;
    assert.equal(findStockBlocks(`${fm}${P}`).blocks.length, 0);
    assert.equal(strip(`${fm}${BLOCK}${P}`), `${fm}${P}`);
    const code = [
      `Text \`${S}${IMG}${E}\` more.`,
      `Text \`\`a \` ${S}x${E}\`\` more.`,
      `\`\`\`html\n${BLOCK}\n\`\`\``,
      `~~~\n${S}\n${E}\n~~~`,
      `Para.\n\n    ${BLOCK}\n\nAfter.`,
      `\`\`\`\nunclosed fence\n${BLOCK}`,
    ];
    for (const body of code) {
      assert.equal(findStockBlocks(FM + body).blocks.length, 0, body);
      assert.equal(findStockBlocks(FM + body).unterminated.length, 0, body);
      assert.equal(strip(FM + body), FM + body);
    }
    // Backticks inside raw HTML or an HTML block are not code; an HTML post has no Markdown code at all.
    assert.equal(strip(`${FM}<p>a \`b</p>${BLOCK}<p>c\` d</p>`), `${FM}<p>a \`b</p><p>c\` d</p>`);
    assert.equal(strip(`${FM}Text <a title="\`">x</a>${BLOCK} and <b title="\`">y</b>`), `${FM}Text <a title="\`">x</a> and <b title="\`">y</b>`);
    assert.equal(strip(`${FM}Text \\\`${BLOCK}\\\``), `${FM}Text \\\`\\\``);
    assert.equal(strip(`${FM}x \`${BLOCK}\``, { markdown: false }), `${FM}x \`\``);
  });

  it('takes a block alone on its line with the line, and adds no blank line', () => {
    assert.equal(strip(`${FM}a\n${BLOCK}\nb`), `${FM}a\nb`);
    assert.equal(strip(`${FM}a\n  ${BLOCK}\t\nb`), `${FM}a\nb`);
    assert.equal(strip(`${FM}a\n${BLOCK} ${BLOCK}\nb`), `${FM}a\nb`);
    assert.equal(strip(`${FM}a\n\n${BLOCK}\n\nb`), `${FM}a\n\n\nb`);
    assert.equal(strip(`${FM}a\n${BLOCK}`), `${FM}a`);
    assert.equal(strip(`${FM}${BLOCK}`), FM);
    assert.equal(strip(`${FM}${BLOCK}\n`), FM);
    assert.equal(strip(`${FM}a ${BLOCK}\nb`), `${FM}a \nb`);
    assert.equal(strip(`${BLOCK}\nno front matter`), 'no front matter');
    assert.equal(strip(`${S}\n${IMG}\n${E}\nb`), 'b');    assert.equal(strip(`${FM}${BLOCK}\n${BLOCK}`), FM);
    assert.equal(strip(`${FM}a\r\n${BLOCK}\r\n${BLOCK}`), `${FM}a`);
  });

  it('strips until no block is left when removing one changes the Markdown around it', () => {
    // The line starts as an HTML block (no code spans); once the first block goes it is a paragraph with a code span.
    const text = `${FM}${S}${E}\`${S}\`${S}${E}${E}`;
    assert.equal(findStockBlocks(text).blocks.length, 1);
    const res = stripStockBlocks(text);
    const out = applyEdits(text, res.edits);
    assert.equal(res.count, 2);
    assert.equal(out, `${FM}\`${S}\`${E}`);
    assert.equal(findStockBlocks(out).blocks.length, 0);
    assert.deepEqual(res.unterminated.map((m) => text.slice(m.start, m.end)), [E]);
  });

  it('keeps CRLF line breaks and the BOM', () => {
    const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n');
    const sample = fs.readFileSync(path.join(projectRoot, 'sample-site/_posts/2022-03-21-stock-blocks.md'), 'utf8');
    assert.equal(strip(crlf(sample)), crlf(strip(sample)));
    assert.equal(strip(crlf(`${FM}a\n${BLOCK}\nb`)), crlf(`${FM}a\nb`));
    assert.equal(strip(crlf(`${FM}a\n${BLOCK}`)), crlf(`${FM}a`));
    assert.equal(strip(`\uFEFF${BLOCK}\nbody`), '\uFEFFbody');
    assert.equal(strip(`\uFEFF${crlf(FM)}${BLOCK}${P}`), `\uFEFF${crlf(FM)}${P}`);
    assert.equal(strip(`\uFEFF${BLOCK}`), '\uFEFF');
  });

  it('strips only blocks inside the given ranges', () => {
    const text = `${FM}${BLOCK}${P}\n${BLOCK}${P}`;
    const second = text.lastIndexOf(S);
    const res = stripStockBlocks(text, { start: second - SP.length, end: text.length });
    assert.equal(res.count, 1);
    assert.equal(applyEdits(text, res.edits), `${FM}${BLOCK}${P}\n${P}`);
    assert.equal(stripStockBlocks(text, [{ start: 0, end: 5 }, { start: second, end: text.length }]).count, 1);
    assert.equal(stripStockBlocks(text, { start: second + 1, end: text.length }).count, 0);
  });
});

describe('stock blocks in the real corpus', () => {
  const dir = corpusDir();
  const files: string[] = [];
  const walk = (d: string) => { for (const n of fs.readdirSync(d)) { const p = path.join(d, n); if (fs.statSync(p).isDirectory()) walk(p); else if (/\.(md|markdown|html)$/.test(n)) files.push(p); } };
  if (dir) walk(dir);

  (dir ? it : it.skip)('finds blocks in exactly 3 posts and stripping removes exactly them', () => {
    // An independent reference for the corpus shape: spacer + start … nearest end.
    const ref = /<p style="display:none;height:1px;overflow:hidden;"><br \/><\/p><!-- EM_StockImg_Start -->[\s\S]*?<!-- EM_StockImg_End -->/g;
    const withBlocks: string[] = [];
    let total = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const res = stripStockBlocks(text);
      assert.equal(res.unterminated.length, 0, f);
      const out = applyEdits(text, res.edits);
      assert.equal(out, text.replace(ref, ''), f);
      assert.ok(!/EM_StockImg/i.test(out), f);
      if (res.count) { withBlocks.push(path.basename(f)); total += res.count; }
      assert.deepEqual(stripStockBlocks(out).edits, [], `${f} strips once`);
    }
    assert.equal(withBlocks.length, 3, withBlocks.join(', '));
    assert.ok(withBlocks.includes('2022-03-21-202203212317465687.md'));
    assert.equal(total, 4);
  });
});

describe('stock blocks: properties', function () {
  this.timeout(20000);
  const spacer = fc.constantFrom('', SP, '<p style="display:none;height:1px;overflow:hidden;"><br></p>', `<p style="display:none;height:1px;overflow:hidden;"><br/></p> `);
  const ws = fc.constantFrom('', ' ', '  ', '\t', '\n');
  const marker = (name: string) => fc.tuple(ws, fc.constantFrom(name, name.toLowerCase(), name.toUpperCase()), ws).map(([a, n, b]) => `<!--${a}${n}${b}-->`);
  const inner = fc.constantFrom('', IMG, '图片', `${IMG}\n${IMG}`, '<p style="text-align:center;"><img src="x"><br></p>');
  const block = fc.tuple(spacer, marker('EM_StockImg_Start'), inner, marker('EM_StockImg_End')).map(([a, b, c, d]) => ({ spacer: a, rest: b + c + d }));
  const piece = fc.constantFrom('正文', 'text', ' ', '<p>', '</p>', '**粗体**', '[返回首页](//x.example/)', '｜', '<!-- note -->', 'EM_StockImg', SP, '<br />', '\n', '\r\n', '\n\n', '<center><img src="a.png" /></center>', '(责任编辑：DF000)', '# 标题\n', '- item\n');
  const eol = fc.constantFrom('\n', '\r\n');
  const post = fc.tuple(fc.boolean(), fc.boolean(), eol, fc.array(piece, { maxLength: 30 })).map(([bom, fm, nl, ps]) => {
    const head = fm ? FM.replace(/\n/g, nl) : '';
    return `${bom ? '\uFEFF' : ''}${head}${ps.join('').replace(/^[ \t]+/gm, '')}`;
  });

  it('stripping random blocks inserted into a random post gives the post back byte for byte', () => {
    fc.assert(fc.property(post, fc.array(fc.tuple(fc.nat(), block, fc.boolean(), eol), { minLength: 1, maxLength: 4 }), (orig, ins) => {
      const bodyStart = findBodyStart(orig);
      const span = orig.length - bodyStart + 1;
      const seen = new Set<number>();
      const chosen = ins.map(([n, b, own, nl]) => ({ pos: bodyStart + (n % span), b, own, nl }))
        .filter((x) => !(orig[x.pos - 1] === '\r' && orig[x.pos] === '\n') && !seen.has(x.pos) && seen.add(x.pos))
        .sort((a, b) => b.pos - a.pos);
      let text = orig;
      for (const { pos, b, own, nl } of chosen) {
        const atLineStart = pos === bodyStart || orig[pos - 1] === '\n' || orig[pos - 1] === '\r';
        const emptyLine = atLineStart && (pos === orig.length || orig[pos] === '\n' || orig[pos] === '\r');
        // A spacer-less block right after a spacer would take that spacer: give such a block its own.
        const sp = b.spacer || (/<p style="display:none;height:1px;overflow:hidden;"><br \/><\/p>[ \t]*$/.test(orig.slice(0, pos)) ? SP : '');
        let ins = sp + b.rest;
        if (emptyLine || (atLineStart && own)) ins += nl;
        else if (own && pos === orig.length) ins = nl + ins;
        text = text.slice(0, pos) + ins + text.slice(pos);
      }
      const res = stripStockBlocks(text);
      assert.equal(res.count, chosen.length);
      assert.equal(applyEdits(text, res.edits), orig);
    }), { numRuns: 10000 });
  });

  it('stripping twice equals stripping once, removing at least the two markers of each block', () => {
    const code = fc.tuple(fc.constantFrom('`', '``'), fc.constantFrom(S, E, BLOCK, 'x')).map(([t, c]) => `${t}${c}${t}`);
    const fence = fc.constantFrom(S, E, BLOCK, '').map((c) => `\n\`\`\`\n${c}\n\`\`\`\n`);
    const lone = fc.constantFrom(S, E, '<!--em_stockimg_start-->', '<!-- EM_StockImg_End\n-->');
    const soup = fc.tuple(fc.boolean(), fc.array(fc.oneof(piece, piece, block.map((b) => b.spacer + b.rest), lone, code, fence), { maxLength: 25 })).map(([fm, ps]) => (fm ? `---\ntitle: "${S}"\n---\n` : '') + ps.join(''));
    fc.assert(fc.property(soup, (text) => {
      const res = stripStockBlocks(text);
      const once = applyEdits(text, res.edits);
      assert.equal(applyEdits(once, stripStockBlocks(once).edits), once);
      const markers = (t: string) => (t.match(/<!--\s*EM_StockImg_(?:Start|End)\s*-->/gi) ?? []).length;
      // Markers inside a block's code spans go with it, so at least two per block.
      assert.ok(markers(text) - markers(once) >= 2 * res.count);
    }), { numRuns: 10000 });
  });
});

/** Where the body starts (after the front matter, or after a BOM). */
function findBodyStart(text: string): number {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text.slice(bom));
  return bom + (m ? m[0].length : 0);
}
