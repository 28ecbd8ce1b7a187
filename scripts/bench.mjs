// `npm run bench`: builds, generates a site, times each performance target against its baseline in the same run, writes bench/results.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import esbuild from 'esbuild';
import { generateSite, tempSiteDir } from '../bench/generate.mjs';
import { CODE_SERVER_VERSION, cacheDir, ensureNode24 } from './lib/tools.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const OUT = path.join(ROOT, 'bench', 'out');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const POSTS = Number(opt('--posts', 20000));
const RUNS = Math.max(1, Number(opt('--runs', 5)));
const MDL_RUNS = Math.max(1, Number(opt('--mdl-runs', POSTS >= 5000 ? Math.min(3, RUNS) : RUNS)));
const ITER = Number(opt('--iterations', 2000));
const KEEP = argv.includes('--keep');
const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const rows = [];
const results = { date: new Date().toISOString(), posts: POSTS, runs: RUNS, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavgStart: os.loadavg() }, tools: {}, rows };
const na = (id, what, reason) => { rows.push({ id, what, na: reason }); log(`${id} ${what}: n/a (${reason})`); };
const row = (r) => { rows.push(r); log(`${r.id} ${r.what}: ${fmtRatio(r)}`); };

// ---- build and bench bundles -------------------------------------------------------------------------------
// `npm run bench -- hostile`: only the hostile table (no build, no site; the table bundles what it measures).
const HOSTILE_ONLY = argv[0] === 'hostile';
if (!HOSTILE_ONLY) {
  log('building (node scripts/build.mjs)');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  results.build = build.status === 0 ? 'ok' : `failed (exit ${build.status}); measuring the dist/ already there`;
}
fs.mkdirSync(OUT, { recursive: true });
const bundle = async (name, o) => {
  try { await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', absWorkingDir: ROOT, ...o }); return undefined; } catch (e) { return `${name} bundle: ${e.message.split('\n').slice(0, 2).join(' ')}`; }
};
const LAZY = /[\\/]node_modules[\\/](markdown-it|sanitize-html|htmlparser2|postcss|linkify-it|entities)[\\/].*\.(c|m)?js$/;
const marker = { name: 'mark-lazy', setup(b) { b.onLoad({ filter: LAZY }, (a) => ({ contents: `${fs.readFileSync(a.path, 'utf8')}\n;globalThis.__pdEvaluated?.add(${JSON.stringify(LAZY.exec(a.path)[1])});\n`, loader: 'js' })); } };
const bundleErr = HOSTILE_ONLY ? {} : {
  core: await bundle('core', { entryPoints: ['bench/entry.ts'], outfile: 'bench/out/core.cjs' }),
  bare: await bundle('bare-check', { entryPoints: ['bench/bare-check.mjs'], outfile: 'bench/out/bare-check.cjs' }),
  marked: await bundle('marked extension', { entryPoints: ['src/extension.ts'], outfile: 'bench/out/extension-marked.cjs', external: ['vscode'], plugins: [marker] }),
  markedCore: await bundle('marked core', { entryPoints: ['bench/entry.ts'], outfile: 'bench/out/core-marked.cjs', plugins: [marker] }),
  timeline: await bundle('timeline', { entryPoints: ['bench/timeline.ts'], outfile: 'bench/out/timeline.cjs' }),
};

// ---- hostile table (issue 13): `npm run bench -- hostile` runs only this -------------------------------------
const HOSTILE_SIZE = Number(opt('--hostile-size', 1024 * 1024));
const HOSTILE_RUNS = Math.max(1, Number(opt('--hostile-runs', 3)));
/** Runs bench/hostile.ts (bundled) in a child; returns the table's Markdown lines, or an n/a line. */
async function hostileTable() {
  const err = await bundle('hostile', { entryPoints: ['bench/hostile.ts'], outfile: 'bench/out/hostile.cjs' });
  if (err) return { lines: [`hostile table: n/a (${err})`] };
  log(`hostile table: ${HOSTILE_SIZE} characters per case, ${HOSTILE_RUNS} runs per side`);
  const r = spawnSync(process.execPath, [path.join(OUT, 'hostile.cjs'), String(HOSTILE_SIZE), String(HOSTILE_RUNS), opt('--cases', '')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  let d;
  try { d = JSON.parse(r.stdout); } catch { return { lines: [`hostile table: n/a (bench/hostile.ts failed: ${(r.stderr || '').split('\n').find((l) => /Error/.test(l)) ?? r.status})`] }; }
  const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
  const lines = [
    `Hostile posts (issue 13): each case about ${(HOSTILE_SIZE / 1024).toFixed(0)} KiB (front matter cases under its 128 KiB bound) through parsePost, validatePost, renderPost, the taxonomy reader and the stock scan+strip, against a normal news post of the same size; medians of ${d.runs} runs, in one process`,
    '',
    '| case | what | size | hostile | normal post | ratio | slowest stage |',
    '|---|---|---|---|---|---|---|',
    ...d.rows.map((x) => `| ${x.name} | ${x.what.replace(/\|/g, '\\|')} | ${(x.chars / 1024).toFixed(0)} KiB | ${ms(x.hostile.ms)} | ${ms(x.normal.ms)} | ${x.ratio.toFixed(2)}× | ${x.slowest} ${ms(x.slowestMs)} |`),
  ];
  return { lines, data: d };
}
if (HOSTILE_ONLY) {
  const h = await hostileTable();
  const out = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg() }, node: process.version, hostile: h.data, table: h.lines.join('\n') };
  fs.writeFileSync(path.join(ROOT, 'bench', 'results-hostile.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`load avg ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n\n${out.table}\n\nwrote bench/results-hostile.json\n`);
  process.exit(0);
}

// ---- the site ------------------------------------------------------------------------------------------------
const site = tempSiteDir();
let t = performance.now();
const gen = generateSite(site, { posts: POSTS });
results.site = { dir: site, generateMs: Math.round(performance.now() - t), stats: gen.stats };
log(`${POSTS} posts generated in ${site} (${results.site.generateMs} ms)`);

// ---- process timing --------------------------------------------------------------------------------------
/** Runs a command once, capturing output (the warm-up, and the check that it works). */
function once(cmd, args, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error?.message };
}
/** Wall and CPU (user+sys) seconds of one fresh process, from bash's `time`; output discarded. */
function timed(cmd, args, cwd = ROOT) {
  const script = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; } 2>&1; echo "rc $?"';
  const r = spawnSync('bash', ['-c', script, 'bash', cmd, ...args], { cwd, encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  const [wall, user, sys] = lines.at(-2).split(' ').map(Number);
  return { ms: wall * 1000, cpuMs: (user + sys) * 1000, rc: Number(lines.at(-1).split(' ')[1]) };
}
/** Times several commands interleaved (order rotates each round); `runs` may differ per command. */
function interleave(cmds) {
  const samples = cmds.map(() => ({ ms: [], cpuMs: [] }));
  const maxRuns = Math.max(...cmds.map((c) => c.runs));
  for (let r = 0; r < maxRuns; r++) {
    const order = cmds.map((_, i) => i);
    for (let k = 0; k < r % cmds.length; k++) order.push(order.shift());
    for (const i of order) {
      if (r >= cmds[i].runs) continue;
      const s = timed(cmds[i].cmd, cmds[i].args, cmds[i].cwd);
      samples[i].ms.push(s.ms);
      samples[i].cpuMs.push(s.cpuMs);
    }
  }
  return samples.map((s) => ({ ms: median(s.ms), cpuMs: median(s.cpuMs), runs: s.ms.length, samples: s.ms.map((x) => Math.round(x)) }));
}

const node = process.execPath;
const cli = path.join(ROOT, 'dist', 'cli.js');
const posts = path.join(site, '_posts');
const FLOOR = path.join(ROOT, 'bench', 'floor-read.cjs');

// T1: taxonomy vs ripgrep.
(() => {
  const what = 'taxonomy, fresh process, vs rg';
  if (!fs.existsSync(cli)) return na('T1', what, 'dist/cli.js missing');
  const tax = once(node, [cli, 'taxonomy', site, '--format', 'json']);
  let counts;
  try { counts = JSON.parse(tax.stdout); } catch { return na('T1', what, `postdesk taxonomy failed (exit ${tax.status}): ${tax.stderr.split('\n')[0]}`); }
  const rg = once('rg', ['-N', '--no-filename', '^(categories|tags):', posts]);
  if (rg.status !== 0) return na('T1', what, `rg failed: ${rg.error ?? rg.stderr.split('\n')[0]}`);
  results.tools.rg = once('rg', ['--version']).stdout.split('\n')[0];
  const [a, b, f] = interleave([{ cmd: node, args: [cli, 'taxonomy', site, '--format', 'json'], runs: RUNS }, { cmd: 'rg', args: ['-N', '--no-filename', '^(categories|tags):', posts], runs: RUNS }, { cmd: node, args: [FLOOR, site, 'head'], runs: RUNS }]);
  row({ id: 'T1', what, a: { label: 'postdesk taxonomy --format json', ...a }, b: { label: "rg -N --no-filename '^(categories|tags):'", ...b }, ratio: a.ms / b.ms, cpuRatio: a.cpuMs / b.cpuMs, target: '≤ 1.5×', met: a.ms / b.ms <= 1.5, note: `${Object.keys(counts.categories ?? {}).length} categories, ${Object.keys(counts.tags ?? {}).length} tags; rg printed ${rg.stdout.split('\n').length - 1} lines` });
  row({ id: 'T1f', what: 'floor for T1: a Node process that only reads each post\'s first 4 KiB, vs rg', a: { label: 'bench/floor-read.cjs head', ...f }, b: { label: 'rg', ...b }, ratio: f.ms / b.ms, cpuRatio: f.cpuMs / b.cpuMs, target: 'context', note: 'no parsing at all: what any Node tool pays to start and open/read/close every post' });
})();

// T2: check vs the bare parse loop, and vs markdownlint-cli2.
(() => {
  const what = 'check, fresh process, vs bare read+yaml.parseDocument loop';
  if (!fs.existsSync(cli)) return na('T2', what, 'dist/cli.js missing');
  if (bundleErr.bare) return na('T2', what, bundleErr.bare);
  const chk = once(node, [cli, 'check', site, '--format', 'json']);
  let problems;
  try { problems = JSON.parse(chk.stdout); } catch { return na('T2', what, `postdesk check failed (exit ${chk.status}): ${chk.stderr.split('\n')[0]}`); }
  const bare = path.join(OUT, 'bare-check.cjs');
  const b0 = once(node, [bare, site]);
  if (b0.status !== 0) return na('T2', what, `bare loop failed: ${b0.stderr.split('\n')[0]}`);
  let mdl;
  try {
    const node24 = path.join(ensureNode24(), 'bin', 'node');
    const bin = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    if (!fs.existsSync(bin)) throw new Error('markdownlint-cli2 is not installed (npm install)');
    results.tools.markdownlintCli2 = `${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')).version} on Node ${once(node24, ['--version']).stdout.trim()}`;
    mdl = { cmd: node24, args: [bin, '_posts/*.md'], cwd: site, runs: MDL_RUNS };
    log(`markdownlint-cli2 warm-up on ${POSTS} files`);
    const m0 = once(mdl.cmd, mdl.args, site);
    if (m0.status !== 0 && m0.status !== 1) throw new Error(`markdownlint-cli2 exited ${m0.status}: ${m0.stderr.split('\n')[0]}`);
  } catch (e) { mdl = undefined; results.tools.markdownlintCli2 = `n/a (${e.message})`; }
  log(`timing check / bare loop${mdl ? ` / markdownlint-cli2 (${MDL_RUNS} runs)` : ''}`);
  const cmds = [{ cmd: node, args: [cli, 'check', site, '--format', 'json'], runs: RUNS }, { cmd: node, args: [bare, site], runs: RUNS }, { cmd: node, args: [FLOOR, site, 'whole'], runs: RUNS }, ...(mdl ? [mdl] : [])];
  const [a, b, f, m] = interleave(cmds);
  const byRule = {};
  for (const p of problems) byRule[p.rule] = (byRule[p.rule] ?? 0) + 1;
  row({ id: 'T2', what, a: { label: 'postdesk check --format json', ...a }, b: { label: 'bench/bare-check.mjs (bundled)', ...b }, ratio: a.ms / b.ms, cpuRatio: a.cpuMs / b.cpuMs, target: '≤ 0.6×', met: a.ms / b.ms <= 0.6, note: `${problems.length} problems: ${JSON.stringify(byRule)}` });
  row({ id: 'T2f', what: 'floor for T2: a Node process that only reads each post whole, vs the bare loop', a: { label: 'bench/floor-read.cjs whole', ...f }, b: { label: 'bare loop', ...b }, ratio: f.ms / b.ms, cpuRatio: f.cpuMs / b.cpuMs, target: 'context', note: 'no parsing at all: the part of T2 that no validator can save' });
  if (!m) return na('T2b', 'check vs markdownlint-cli2', results.tools.markdownlintCli2);
  row({ id: 'T2b', what: 'markdownlint-cli2 vs check (speed-up of check)', a: { label: `markdownlint-cli2 '_posts/*.md' (${m.runs} runs)`, ...m }, b: { label: 'postdesk check', ...a }, ratio: m.ms / a.ms, cpuRatio: m.cpuMs / a.cpuMs, target: '≥ 30×', met: m.ms / a.ms >= 30 });
})();

// T3, T4: in-process, in a child so the JIT state is the bench's own.
(() => {
  if (bundleErr.core) { na('T3', 'validatePost vs yaml.parseDocument', bundleErr.core); na('T4', 'renderPost vs markdown-it + sanitize-html', bundleErr.core); return; }
  const r = once(node, [path.join(ROOT, 'bench', 'inproc.mjs'), path.join(OUT, 'core.cjs'), path.join(ROOT, 'sample-site'), String(ITER), String(RUNS)]);
  let d;
  try { d = JSON.parse(r.stdout); } catch { na('T3', 'validatePost vs yaml.parseDocument', `bench/inproc.mjs failed: ${r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.status}`); return; }
  results.inproc = d;
  const add = (id, what, v, labels, limit) => {
    if (v.na) return na(id, what, v.na);
    const ratio = v.a.p50 / v.b.p50;
    row({ id, what, a: { label: labels[0], ms: v.a.p50, p95: v.a.p95 }, b: { label: labels[1], ms: v.b.p50, p95: v.b.p95 }, ratio, p95Ratio: v.a.p95 / v.b.p95, target: `≤ ${limit}× (p50)`, met: ratio <= limit, note: `${v.runs} rounds × ${v.iterations} iterations; medians of per-round p50/p95` });
  };
  add('T3', 'validate sample article, all rules, in-process', d.t3, ['validatePost', 'yaml.parseDocument(front matter)'], 2);
  add('T4a', 'render sample article, in-process', d.t4Article, ['renderPost', 'markdown-it({html:true}) + sanitize-html()'], 1.3);
  add('T4b', 'render a digest, in-process', d.t4Digest, ['renderPost', 'markdown-it({html:true}) + sanitize-html()'], 1.3);
  add('T4p', 'render sample article "As published" (layouts, cache kept), in-process', d.t4Published, ['renderPublished (page body + stylesheets)', 'renderPost (article preview)'], 3);
  if (!d.t4Published?.na) rows[rows.length - 1].note += `; layouts ${d.t4Published.layouts.join(' → ')}, ${d.t4Published.parses} template parses in all (the edited body's only after the first)`;
})();

// T6: bundle sizes and activation with a fake vscode module.
(() => {
  results.bundles = {};
  for (const f of ['extension.js', 'render-worker.js', 'web/extension.js', 'cli.js', 'preview.js']) {
    const p = path.join(ROOT, 'dist', f);
    if (!fs.existsSync(p)) { results.bundles[f] = 'missing'; continue; }
    const buf = fs.readFileSync(p);
    results.bundles[f] = { bytes: buf.length, gzip: zlib.gzipSync(buf).length };
  }
  const sizes = Object.entries(results.bundles).map(([f, v]) => typeof v === 'string' ? `${f} ${v}` : `${f} ${(v.bytes / 1024).toFixed(0)} KiB (${(v.gzip / 1024).toFixed(0)} KiB gz)`).join(', ');
  rows.push({ id: 'T6a', what: 'bundle sizes', info: sizes });
  log(`T6a bundle sizes: ${sizes}`);
  // The `browser` entry (github.dev / vscode.dev): what the web worker host downloads at activation.
  const web = results.bundles['web/extension.js'];
  if (typeof web === 'object') {
    const info = `dist/web/extension.js ${(web.bytes / 1024).toFixed(0)} KiB (${(web.gzip / 1024).toFixed(0)} KiB gz); its render worker loads on the first large post`;
    rows.push({ id: 'W1', what: 'web bundle size (browser entry)', info });
    log(`W1 web bundle size: ${info}`);
  } else na('W1', 'web bundle size (browser entry)', 'dist/web/extension.js missing');
  const what = 'activate() with a fake vscode module, fresh process';
  const ext = path.join(ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(ext)) return na('T6', what, 'dist/extension.js missing');
  const act = path.join(ROOT, 'bench', 'activation.mjs');
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const r = once(node, [act, ext, path.join(ROOT, 'sample-site')]);
    try { samples.push(JSON.parse(r.stdout)); } catch { return na('T6', what, `bench/activation.mjs failed: ${r.stderr.split('\n')[0]}`); }
  }
  if (samples[0].error) return na('T6', what, samples[0].error);
  let lazy = 'n/a (marked bundle failed)';
  if (!bundleErr.marked && !bundleErr.markedCore) {
    const r = once(node, [act, path.join(OUT, 'extension-marked.cjs'), path.join(ROOT, 'sample-site'), path.join(OUT, 'core-marked.cjs')]);
    try {
      const d = JSON.parse(r.stdout);
      results.lazyLoad = d;
      lazy = `evaluated at activation: [${d.evaluatedAtActivate.join(', ')}]; 300 ms later: [${d.evaluatedAfter300ms.join(', ')}]; control (renderPost in a marked core bundle): [${(d.control ?? []).join(', ')}]`;
    } catch { lazy = `marked run failed: ${r.stderr.split('\n')[0]}`; }
  }
  const activateMs = median(samples.map((s) => s.activateMs));
  const loadMs = median(samples.map((s) => s.loadMs));
  results.activation = { samples };
  row({ id: 'T6', what, a: { label: 'activate()', ms: activateMs }, b: { label: 'require(dist/extension.js)', ms: loadMs }, target: 'activate ≤ 50 ms; markdown-it/sanitize-html lazy', met: activateMs <= 50 && !!results.lazyLoad && !results.lazyLoad.evaluatedAtActivate.some((p) => /markdown-it|sanitize-html/.test(p)), note: lazy });
})();

// T8: the timeline view's data for the whole site, once the index is read (issue 18: fills in ≤ 300 ms).
(() => {
  const what = 'timeline of every post: order, badges, days (in-process, after the index is read)';
  if (bundleErr.timeline) return na('T8', what, bundleErr.timeline);
  const r = once(node, [path.join(OUT, 'timeline.cjs'), site, String(RUNS)]);
  let d;
  try { d = JSON.parse(r.stdout); } catch { return na('T8', what, `bench/timeline.ts failed: ${r.stderr.split('\n').find((l) => /Error/.test(l)) ?? r.status}`); }
  results.timeline = d;
  row({ id: 'T8', what, a: { label: `buildTimeline + groupByDay (${d.posts} posts, ${d.days} days)`, ms: d.timelineMs }, b: { label: 'reading the index (sitePostViews)', ms: d.indexMs }, ratio: d.timelineMs / d.indexMs, target: '≤ 300 ms', met: d.timelineMs <= 300, note: `timeline runs: ${d.runs.map((x) => x.toFixed(0)).join(', ')} ms` });
})();

// T5, T7 (and T6c): need real VS Code; run when code-server and Chromium are installed (or with --vscode, which installs them).
const vscodeReady = fs.existsSync(path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js')) && fs.existsSync('/usr/bin/chromium');
if (argv.includes('--no-vscode') || (!vscodeReady && !argv.includes('--vscode'))) {
  const why = argv.includes('--no-vscode') ? 'skipped (--no-vscode)' : 'code-server/Chromium not installed: pass --vscode to install them and run';
  na('T5', 'keystroke → preview DOM, p95 (code-server)', why);
  na('T5p', 'keystroke → "As published" page DOM (code-server)', why);
  na('T7', 'extension-host heap after 10,000 edits', why);
} else {
  try {
    // bench/vscode.mjs reuses test/e2e/lib.mjs, which registers a mocha root hook when it loads: outside mocha, a no-op.
    globalThis.after ??= () => {};
    const { vscodeBench } = await import('../bench/vscode.mjs');
    for (const r of await vscodeBench({ site: path.join(ROOT, 'sample-site'), log })) {
      if (r.na) na(r.id, r.what, r.na);
      else row(r);
    }
  } catch (e) { na('T5', 'keystroke → preview DOM (code-server)', e.message.split('\n')[0]); na('T7', 'extension-host heap after 10,000 edits', e.message.split('\n')[0]); }
}

// The hostile table (also alone: `npm run bench -- hostile`).
const hostile = await hostileTable();
results.hostile = hostile.data;

// ---- report --------------------------------------------------------------------------------------------------
function fmtMs(ms) { return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(3)} ms`; }
function fmtRatio(r) { return r.na ? `n/a (${r.na})` : r.info ?? `${r.ratio !== undefined ? `${r.ratio.toFixed(2)}×` : fmtMs(r.a.ms)} (${r.met === undefined ? r.target : r.met ? 'met' : 'missed'})`; }
results.machine.loadavgEnd = os.loadavg();
const lines = [
  `Post Desk bench: ${POSTS} posts, ${RUNS} runs (markdownlint-cli2: ${MDL_RUNS}), Node ${process.version}, ${os.cpus().length} cores, load avg ${results.machine.loadavgStart.map((x) => x.toFixed(1)).join(' ')} → ${results.machine.loadavgEnd.map((x) => x.toFixed(1)).join(' ')}`,
  '',
  '| # | measurement | Post Desk (median) | baseline (median) | ratio | CPU ratio | target | met |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    if (r.na) return `| ${r.id} | ${r.what} | n/a (${r.na}) | | | | | |`;
    if (r.info) return `| ${r.id} | ${r.what} | ${r.info} | | | | | |`;
    const cell = (s) => `${s.label}: ${fmtMs(s.ms)}${s.p95 !== undefined ? ` (p95 ${fmtMs(s.p95)})` : ''}`;
    const ratio = r.ratio !== undefined ? `${r.ratio.toFixed(2)}×${r.p95Ratio !== undefined ? ` (p95 ${r.p95Ratio.toFixed(2)}×)` : ''}` : '';
    return `| ${r.id} | ${r.what} | ${cell(r.a)} | ${r.b ? cell(r.b) : ''} | ${ratio} | ${r.cpuRatio !== undefined ? `${r.cpuRatio.toFixed(2)}×` : ''} | ${r.target} | ${r.met === undefined ? '—' : r.met ? 'yes' : '**no**'} |`;
  }),
  '',
  ...rows.filter((r) => r.note).map((r) => `- ${r.id}: ${r.note}`),
  '',
  ...hostile.lines,
];
results.table = lines.join('\n');
fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${results.table}\n\nwrote bench/results.json\n`);
if (!KEEP) fs.rmSync(site, { recursive: true, force: true });
else log(`site kept at ${site}`);
