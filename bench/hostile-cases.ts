// Hostile inputs of issue 13 (and more of the same classes) at any size, and the stages every post goes through; shared by the bench's hostile table and test/unit/hostile-linear.test.ts.
import { parsePost } from '../src/core/parse';
import { renderPost } from '../src/core/render/index';
import { parseSiteConfig } from '../src/core/site';
import { findStockBlocks, stripStockBlocks } from '../src/core/stock';
import { jekyllPostView } from '../src/core/taxonomy/posts';
import { validatePost } from '../src/core/validate';
import { BLOCK_SHAPES, FLOW_SHAPES, type FlowShape } from './hostile-flow';

/** One post to run: its text, its path in the site, and the site's `_config.yml`. */
export interface HostileInput { text: string; file: string; config: string }

/** A hostile case: `make(n)` builds an input whose hostile part is about `n` characters long. */
export interface HostileCase {
  name: string;
  /** What it attacks (the issue's wording, or "own" for cases added beside the issue's). */
  what: string;
  make: (n: number) => HostileInput;
  /** Text the rendered body must hold (the post renders whole, not cut off). */
  end?: string;
  /** Largest useful `n` (front matter is refused past 128 KiB, before any scanner sees it). */
  maxN?: number;
}

export const CONFIG = 'timezone: Asia/Shanghai\n';
export const ROOT = '/site';
export const NOW = Date.UTC(2026, 0, 1);
const FILE = `${ROOT}/_posts/2022-01-01-hostile.md`;
const FM = '---\nlayout: post\ntitle: "hostile"\ndate: 2022-01-01 10:00:00 +0800\ncategories: emnews\ntags: 新闻\n---\n';
const STOCK = '<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p style="text-align:center;"><a href="http://quote.example.com/unify/r/1.600000" class="EmImageRemark" target="_blank"><img src="https://charts.example.com/GetPic.aspx?nid=1.600000&imageType=k" border="0" alt="K图 600000_0" style="border:#d1d1d1 1px solid;" width="578" height="276" /></a></p><!-- EM_StockImg_End -->';

/** `unit` repeated to about `n` characters. */
const fill = (unit: string, n: number): string => unit.repeat(Math.max(1, Math.ceil(n / unit.length)));
const post = (body: string): HostileInput => ({ text: `${FM}${body}\n`, file: FILE, config: CONFIG });

/** A normal news post of about `n` characters (paragraphs, emphasis, links, inline HTML), the baseline of each case. */
export function normalPost(n: number): HostileInput {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const p = i % 7 === 0 ? `<p style="text-align:center;"><img src="https://img.example/${i}.png" alt="图${i}"></p>\n\n`
      : i % 11 === 0 ? `| a | b |\n|---|---|\n| ${i} | **${i}** |\n\n`
        : `　　第${i}段：**示例**正文 _强调_ [链接](https://example.com/${i}) \`code\` ${'新闻'.repeat(40)}\n\n`;
    parts.push(p);
    size += p.length;
  }
  return post(parts.join(''));
}

export const CASES: HostileCase[] = [
  // The issue's reproducers.
  { name: 'date-spaces', maxN: 120000, what: '`date: "2021-01-01` + spaces + `!"` (date.ts)', make: (n) => ({ ...post('body'), text: `---\nlayout: post\ntitle: t\ndate: "2021-01-01${' '.repeat(n)}!"\n---\nbody\n` }) },
  { name: 'deep-folders', what: 'a file n/2 folders deep under `_posts/`, its name undated (posts.ts)', make: (n) => ({ ...normalPost(2000), file: `${ROOT}/_posts/${fill('a/', n)}deep.md` }) },
  { name: 'handler-dashes', what: '`<a` + `-a`×n + `> onx=` (unsafe-html)', make: (n) => post(`<a${fill('-a', n)}> onx= END`), end: 'END' },
  { name: 'stock-one-line', what: 'stock-image blocks on one line (stock.ts)', make: (n) => post(`${fill(`${STOCK} x `, n)}END`), end: 'END' },
  { name: 'unclosed-comments', what: 'many unclosed `<!--` (stock scan, render)', make: (n) => post(`\`x\` ${fill('a <!-- ', n)}`) },
  { name: 'defaults-glob', what: '`defaults:` `_posts/*a*a*a*a*a*b` against a long name (site.ts)', make: (n) => ({ ...normalPost(2000), file: `${ROOT}/_posts/2022-01-01-${'a'.repeat(n)}.md`, config: `${CONFIG}defaults:\n  - scope: { path: "_posts/*a*a*a*a*a*b" }\n    values: { tags: [x] }\n` }) },
  { name: 'unclosed-b', what: '`<b>`×n, never closed (render)', make: (n) => post(`${fill('<b>', n)}END`), end: 'END' },
  // Own cases of the same classes.
  { name: 'long-line', what: 'own: one line of text, no break', make: (n) => post(`${fill('新闻abc ', n)}END`), end: 'END' },
  { name: 'many-lt', what: 'own: `<` and `a < b` everywhere', make: (n) => post(`${fill('a < b <<c ', n)}END`), end: 'END' },
  { name: 'unclosed-quotes', what: 'own: `<a b="` and `<a b=\'` never closed (inline HTML)', make: (n) => post(`\`x\` ${fill('<a b="x <a c=\'y ', n)}`) },
  { name: 'backtick-runs', what: 'own: backtick runs of growing length, never closed', make: (n) => { let s = ''; for (let k = 1; s.length < n; k++) s += `${'`'.repeat(k)} x `; return post(s); } },
  { name: 'deep-html', what: 'own: `<div>`×n, then `</p>`×n, in an HTML block', make: (n) => post(`<div>\n${fill('<div><span>', n / 2)}x${fill('</p>', n / 2)}END`), end: 'END' },
  { name: 'mismatched-close', what: 'own: `<b>` then `</i>` repeated', make: (n) => post(`${fill('<b>x</i>', n)}END`), end: 'END' },
  { name: 'emphasis-storm', what: 'own: `**_* ` repeated', make: (n) => post(fill('**_* ', n)) },
  { name: 'link-brackets', what: 'own: `[` and `](` never closed', make: (n) => post(fill('[a](b [c ', n)) },
  { name: 'deep-quote', what: 'own: `> `×n (blockquote nesting)', make: (n) => post(`${fill('> ', n)}x`) },
  { name: 'fm-brackets', maxN: 40000, what: 'own: nested `[` in front matter', make: (n) => ({ ...post('body'), text: `---\ntitle: t\ntags: ${'['.repeat(n / 2)}x${']'.repeat(n / 2)}\n---\nbody\n` }) },
  { name: 'fm-long-value', maxN: 60000, what: 'own: a 1-line front matter value of spaces and commas', make: (n) => ({ ...post('body'), text: `---\ntitle: t\ndate: 2021-01-01 ${fill(' ,', n)}Sat\ntags: ${fill('a, ', n)}\n---\nbody\n` }) },
  // Issue h9: flow collections packed with entries (lines left of their key, joined as libyaml reads them), and dense
  // block YAML of the same size to compare with (what any front matter the flat reader declines costs).
  ...['flow-left', 'flow-nested-left', 'flow-map-left', 'flow-many-short-left'].map((name) => frontMatterCase(FLOW_SHAPES, name)),
  frontMatterCase(BLOCK_SHAPES, 'block-seq-maps'),
  { name: 'control-chars', what: 'own: C0/C1 controls and lone surrogates', make: (n) => post(fill('\u0000\u0001\u001b[2K\r\u0085\u009b\ud800x<\u0007>', n)) },
];

/** A case of `bench/hostile-flow.ts`'s shapes: the front matter is the hostile part, up to the 128 KB cap. */
function frontMatterCase(shapes: readonly FlowShape[], name: string): HostileCase {
  const s = shapes.find((x) => x.name === name)!;
  return { name: `fm-${name}`, maxN: 126 * 1024, what: `own: ${s.what} (front matter)`, make: (n) => ({ ...post('body'), text: `---\ntitle: t\n${s.make(n).yaml}---\nbody\n` }) };
}

/** What one run of the stages saw (for tests: the output must be whole, not cut off). */
export interface StageResult { problems: string[]; bodyHtml: string; published: boolean; blocks: number; stripped: number }

/** Timings (ms) of each stage of one run. */
export type StageTimes = Record<'parse' | 'validate' | 'render' | 'taxonomy' | 'stock', number>;

/** Runs `input` through parsePost, validatePost, renderPost, the taxonomy reader and the stock-block scan and strip. */
export function runStages(input: HostileInput, clock: () => number = () => 0): { result: StageResult; times: StageTimes } {
  const site = parseSiteConfig(input.config, ROOT);
  const times = {} as StageTimes;
  const time = <T>(stage: keyof StageTimes, f: () => T): T => { const t = clock(); const r = f(); times[stage] = clock() - t; return r; };
  time('parse', () => parsePost(input.text));
  const problems = time('validate', () => validatePost(input.text, { site, file: input.file, now: NOW }));
  const rendered = time('render', () => renderPost(input.text, { site, path: input.file }));
  const view = time('taxonomy', () => jekyllPostView(input.text, { site, file: input.file, now: NOW }));
  const [blocks, stripped] = time('stock', () => [findStockBlocks(input.text).blocks.length, stripStockBlocks(input.text).count]);
  return { result: { problems: problems.map((p) => p.rule), bodyHtml: rendered.bodyHtml, published: view.published, blocks, stripped }, times };
}
