// Profiles the editor scan's core work in plain Node: what PostWorkspace.analyze does per post, over a generated site.
// Run: node bench/out/scale-node.cjs SITE [--keep-text]   (bundle: see bench/README.md "editor at scale").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../src/core/edits';
import { decodeText } from '../src/core/parse';
import { entryRules, isExcludedEntry, isPostFile } from '../src/core/postFiles';
import { fileKind, parseSiteConfig, relativeToSite } from '../src/core/site';
import { frontMatterSlice, TaxonomyIndex } from '../src/core/taxonomy/index';
import type { Problem } from '../src/core/types';
import { isValidated, validatePost } from '../src/core/validate';

const site = path.resolve(process.argv[2] ?? '.');
const configText = fs.readFileSync(path.join(site, '_config.yml'), 'utf8');
const cfg = parseSiteConfig(configText, site);
const rules = entryRules(configText);
const files = fs.readdirSync(path.join(site, '_posts')).map((n) => path.join(site, '_posts', n));
const idx = new TaxonomyIndex(cfg);
const t = { read: 0, decode: 0, candidate: 0, validate: 0, ranges: 0, taxonomy: 0, stock: 0 };
const kept: unknown[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
let problemsN = 0;
for (const file of files) {
  let a = performance.now();
  const bytes = fs.readFileSync(file);
  let b = performance.now(); t.read += b - a; a = b;
  const { text, invalid } = decodeText(bytes);
  b = performance.now(); t.decode += b - a; a = b;
  const rel = relativeToSite(cfg, file);
  const ok = (isValidated(cfg, file) || fileKind(cfg, rel).kind !== 'other') && !isExcludedEntry(rules, rel) && isPostFile(file);
  b = performance.now(); t.candidate += b - a; a = b;
  if (!ok) continue;
  const problems: Problem[] = validatePost(text, { site: cfg, file, invalidUtf8: invalid });
  b = performance.now(); t.validate += b - a; a = b;
  const ranges: number[] = [];
  if (problems.length) {
    const lines = new LineIndex(text);
    for (const p of problems) { const x = lines.positionAt(p.start); const y = lines.positionAt(p.end); ranges.push(x.line, x.character, y.line, y.character); }
  }
  b = performance.now(); t.ranges += b - a; a = b;
  idx.update(file, frontMatterSlice(text) ?? text, { invalidUtf8: invalid });
  b = performance.now(); t.taxonomy += b - a; a = b;
  const stock = /EM_StockImg_/i.test(text);
  b = performance.now(); t.stock += b - a; a = b;
  problemsN += problems.length;
  kept.push({ file, problems: problems.map((p) => (p.fixes.length ? { ...p, fixes: [] } : p)), ranges, stock });
}
const total = performance.now() - t0;
gc?.();
const heap1 = process.memoryUsage().heapUsed;
const c0 = performance.now();
idx.counts();
const countsMs = performance.now() - c0;
console.log(JSON.stringify({ posts: files.length, problems: problemsN, totalMs: Math.round(total), ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])), countsMs: +countsMs.toFixed(1), retainedMB: +((heap1 - heap0) / 1048576).toFixed(1), rssMB: Math.round(process.memoryUsage().rss / 1048576) }));
if (kept.length < 0) console.log(kept);
