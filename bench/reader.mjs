// Issue 14's before/after: T1 and T2 of this checkout and of a baseline checkout, interleaved in one run, on finews- and Jekyll-shaped sites.
// Usage: node bench/reader.mjs --baseline DIR [--reference DIR2] [--posts 20000] [--runs 5] [--rows T1,T2]
//   DIR: a checkout of main with dist/ built (must print the same output); DIR2: a fixed older build (2dbf5de), no output check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import esbuild from 'esbuild';
import { generateSite, tempSiteDir } from './generate.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const BASE = opt('--baseline');
const POSTS = Number(opt('--posts', 20000));
const RUNS = Math.max(1, Number(opt('--runs', 5)));
// A fixed reference build timed with the others: its output rightly differs from later versions', so it is not compared.
const REF = opt('--reference');
const ROWS = opt('--rows', 'T1,T2').split(',');
if (!BASE || !fs.existsSync(path.join(BASE, 'dist', 'cli.js'))) throw new Error('--baseline DIR: a built checkout (DIR/dist/cli.js)');
if (REF !== undefined && !fs.existsSync(path.join(REF, 'dist', 'cli.js'))) throw new Error('--reference DIR: a built checkout (DIR/dist/cli.js)');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const node = process.execPath;

// The bare loop of T2, bundled as `npm run bench` bundles it.
const bare = path.join(ROOT, 'bench', 'out', 'bare-check.cjs');
await esbuild.build({ entryPoints: [path.join(ROOT, 'bench', 'bare-check.mjs')], outfile: bare, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });

/** Wall and CPU ms of one fresh process (bash's `time`), output discarded; as scripts/bench.mjs times T1/T2. */
function timed(args) {
  const script = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; } 2>&1';
  const r = spawnSync('bash', ['-c', script, 'bash', ...args], { encoding: 'utf8' });
  const [wall, user, sys] = r.stdout.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms: wall * 1000, cpu: (user + sys) * 1000 };
}
/** Medians of interleaved runs, the order rotating each round. */
function interleave(cmds) {
  const s = cmds.map(() => ({ ms: [], cpu: [] }));
  for (let r = 0; r < RUNS; r++) {
    const order = cmds.map((_, i) => i);
    for (let k = 0; k < r % cmds.length; k++) order.push(order.shift());
    for (const i of order) { const t = timed(cmds[i].args); s[i].ms.push(t.ms); s[i].cpu.push(t.cpu); }
  }
  return s.map((x) => ({ ms: median(x.ms), cpu: median(x.cpu) }));
}
/** Same output from both checkouts (the refactor changes no answer): taxonomy and check, byte for byte. */
function sameOutput(a, b) {
  const run = (args) => spawnSync(node, args, { encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  if (run(a) !== run(b)) throw new Error(`outputs differ: ${a.join(' ')} vs ${b.join(' ')}`);
}

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
const out = [`load avg ${load()} at the start; ${POSTS} posts; medians of ${RUNS} interleaved runs (wall, and user+sys CPU ms or ratio in parentheses); node ${process.version}${REF ? `; reference: ${REF}` : ''}`, ''];
const refCols = REF ? [' reference | after ÷ reference (CPU) |', '---|---|'] : ['', ''];
out.push(`| site | row | before | after | floor / baseline | before ratio (CPU) | after ratio (CPU) | after ÷ before (CPU) |${refCols[0]}`, `|---|---|---|---|---|---|---|---|${refCols[1]}`);
for (const shapes of ['finews', 'jekyll']) {
  const site = tempSiteDir();
  generateSite(site, { posts: POSTS, shapes });
  const tax = (cli) => [node, cli, 'taxonomy', site, '--format', 'json'];
  const chk = (cli) => [node, cli, 'check', site, '--format', 'json'];
  const before = path.join(BASE, 'dist', 'cli.js');
  const after = path.join(ROOT, 'dist', 'cli.js');
  const ref = REF && path.join(REF, 'dist', 'cli.js');
  const ms = (x) => `${x.ms.toFixed(0)} ms (${x.cpu.toFixed(0)})`;
  const r = (a, b) => `${(a.ms / b.ms).toFixed(2)}× (${(a.cpu / b.cpu).toFixed(2)}×)`;
  const rows = [['T1', 'T1 taxonomy ÷ T1f floor', tax, [node, path.join(ROOT, 'bench', 'floor-read.cjs'), site, 'head']], ['T2', 'T2 check ÷ bare loop', chk, [node, bare, site]]];
  for (const [id, name, cmd, floorArgs] of rows) {
    if (!ROWS.includes(id)) continue;
    sameOutput(cmd(before).slice(1), cmd(after).slice(1));
    const [b, a, floor, rf] = interleave([{ args: cmd(before) }, { args: cmd(after) }, { args: floorArgs }, ...(ref ? [{ args: cmd(ref) }] : [])]);
    out.push(`| ${shapes} | ${name} | ${ms(b)} | ${ms(a)} | ${ms(floor)} | ${r(b, floor)} | ${r(a, floor)} | ${r(a, b)} |${rf ? ` ${ms(rf)} | ${(a.cpu / rf.cpu).toFixed(2)}× |` : ''}`);
  }
  fs.rmSync(site, { recursive: true, force: true });
}
out.push('', `load avg ${load()} at the end`);
process.stdout.write(`${out.join('\n')}\n`);
