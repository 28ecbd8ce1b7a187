// In-process timings (T3 validate vs bare yaml.parseDocument, T4 renderPost vs bare markdown-it + sanitize-html); prints JSON.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [bundle, siteRoot, iterArg, runArg] = process.argv.slice(2);
const ITER = Number(iterArg ?? 2000);
const RUNS = Number(runArg ?? 5);
const core = createRequire(import.meta.url)(path.resolve(bundle));
const NOW = Date.UTC(2026, 0, 1);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const median = (xs) => pct(xs, 0.5);

/** Times `fn` `n` times, one sample per call (ms). */
function sample(fn, n) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return out;
}

/** Runs a and b alternately (RUNS rounds of ITER calls each, after a warm-up); medians of per-round p50/p95. */
function compare(a, b, iter = ITER) {
  for (let i = 0; i < Math.min(500, iter); i++) { a(); b(); }
  const rounds = { a: { p50: [], p95: [] }, b: { p50: [], p95: [] } };
  for (let r = 0; r < RUNS; r++) {
    for (const [k, fn] of r % 2 ? [['b', b], ['a', a]] : [['a', a], ['b', b]]) {
      const xs = sample(fn, iter);
      rounds[k].p50.push(pct(xs, 0.5));
      rounds[k].p95.push(pct(xs, 0.95));
    }
  }
  const sum = (x) => ({ p50: median(x.p50), p95: median(x.p95), p50Runs: x.p50, p95Runs: x.p95 });
  return { iterations: iter, runs: RUNS, a: sum(rounds.a), b: sum(rounds.b) };
}

function guard(name, fn) {
  try { return fn(); } catch (e) { return { na: `${name}: ${e.message.split('\n')[0]}` }; }
}

const cfgText = fs.readFileSync(path.join(siteRoot, '_config.yml'), 'utf8');
const postPath = (n) => path.join(siteRoot, '_posts', n);
const article = postPath('2022-03-21-stock-blocks.md');
const digest = postPath('2021-12-01-digest-no-offset.md');
const result = { node: process.version };

const site = guard('parseSiteConfig', () => core.site.parseSiteConfig(cfgText, siteRoot));
const frontMatter = (text) => { const s = text.indexOf('\n') + 1; return text.slice(s, text.indexOf('\n---', s - 1) + 1); };

result.t3 = guard('validatePost', () => {
  if (typeof core.validate?.validatePost !== 'function') throw new Error('validatePost is not exported');
  const text = fs.readFileSync(article, 'utf8');
  const layouts = core.validate.layoutLookup?.(site, (p) => fs.existsSync(p), cfgText);
  const opts = { site, file: article, layouts, now: NOW };
  const problems = core.validate.validatePost(text, opts);
  const r = compare(() => core.validate.validatePost(text, opts), () => core.yaml.parseDocument(frontMatter(text)));
  return { ...r, problems: problems.map((p) => p.rule) };
});

const bareRender = (() => {
  const md = new core.MarkdownIt({ html: true });
  return (text) => core.sanitizeHtml(md.render(text.slice(text.indexOf('\n---', 4) + 5)));
})();
for (const [key, file] of [['t4Article', article], ['t4Digest', digest]]) {
  result[key] = guard('renderPost', () => {
    if (typeof core.render?.renderPost !== 'function') throw new Error('renderPost is not exported');
    const text = fs.readFileSync(file, 'utf8');
    const opts = { site, path: file };
    const out = core.render.renderPost(text, opts);
    return { ...compare(() => core.render.renderPost(text, opts), () => bareRender(text), Math.max(500, ITER / 2)), bodyChars: out.bodyHtml.length, bareChars: bareRender(text).length };
  });
}
// T4p: the sample article "As published" (layouts, includes, cache kept as the preview keeps it; the page split as the
// preview splits it) vs renderPost of the same article, each call on a text one character longer (a keystroke).
result.t4Published = guard('renderPublished', () => {
  if (typeof core.published?.renderPublished !== 'function') throw new Error('renderPublished is not exported');
  const text = fs.readFileSync(article, 'utf8');
  const files = core.nodeSiteFiles(siteRoot);
  const cache = new core.published.PublishedCache();
  const rel = path.relative(siteRoot, article).split(path.sep).join('/');
  let n = 0;
  const typed = () => `${text}${'Q'.repeat((n++ % 40) + 1)}\n`;
  const pub = () => core.published.renderPublished({ files, file: rel, text: typed(), now: NOW, cache, budgetMs: 1000 }).body;
  const out = core.published.renderPublished({ files, file: rel, text, now: NOW, cache });
  const opts = { site, path: article };
  return { ...compare(pub, () => core.render.renderPost(typed(), opts), Math.max(200, ITER / 4)), layouts: out.layouts, errors: out.errors, parses: cache.parses };
});
process.stdout.write(`${JSON.stringify(result)}\n`);
