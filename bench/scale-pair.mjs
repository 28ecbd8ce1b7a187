// Alternating pairs of the S1 runs (issue 15): Post Desk's scaleBench against the control, or two builds of Post Desk, with every process's CPU.
// node bench/scale-pair.mjs ROUNDS A B [C…]: each kind once per round, the order rotated each round; a kind is `control`, `postdesk`
// (this checkout's dist) or `dist:FOLDER`: a copy of another build's dist/ put in this checkout's place before the run (the
// extension then loads from the same path in both). Lines of JSON go to $POSTDESK_BENCH_PAIRS_OUT.
import fs from 'node:fs';
import { cpuTable } from './host-cpu.mjs';
import { controlRows, memoryControl } from './memory-control.mjs';
import { generateSite, tempSiteDir } from './generate.mjs';
import { scaleBench } from './vscode.mjs';

globalThis.after ??= () => {};
const [pairs = '1', ...given] = process.argv.slice(2);
const kinds = given.length ? given : ['postdesk', 'control'];
const out = process.env.POSTDESK_BENCH_PAIRS_OUT ?? 'bench/out/scale-pairs.jsonl';
const posts = Number(process.env.POSTDESK_BENCH_SCALE_POSTS ?? 20000);
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function one(kind) {
  const started = new Date().toISOString();
  const l = load();
  if (kind === 'control') {
    const site = tempSiteDir();
    generateSite(site, { posts });
    try {
      const r = await memoryControl(site);
      const [s1c, s7c] = controlRows(r);
      return { kind, started, load: l, s1: s1c.a.ms, check: s1c.b.ms, s7: s7c.a.ms, cpu: r.cpu };
    } finally { fs.rmSync(site, { recursive: true, force: true }); }
  }
  if (kind.startsWith('dist:')) {
    fs.rmSync('dist', { recursive: true, force: true });
    fs.cpSync(kind.slice(5), 'dist', { recursive: true });
  }
  const rows = await scaleBench({ posts });
  const row = (id) => rows.find((x) => x.id === id);
  return { kind, started, load: l, s1: row('S1').a.ms, check: row('S1').b.ms, s2: row('S2').a.ms, s2after: row('S2').b.ms, s7: row('S7').a.ms, note: row('S1').note, s2note: row('S2').note, cpu: row('S1').cpu, checkCpu: row('S1').checkCpu };
}

for (let i = 0; i < Number(pairs); i++) {
  for (const kind of kinds.map((_, k) => kinds[(k + i) % kinds.length])) {
    let r;
    try { r = await one(kind); } catch (e) { r = { kind, error: String(e?.message ?? e) }; }
    fs.mkdirSync('bench/out', { recursive: true });
    fs.appendFileSync(out, `${JSON.stringify({ pair: i, ...r })}\n`);
    if (r.error) { console.log(`pair ${i} ${kind}: ${r.error}`); continue; }
    console.log(`pair ${i} ${kind} ${r.started} load ${r.load}: S1 ${(r.s1 / 1000).toFixed(1)} s (${(r.s1 / r.check).toFixed(1)}× check ${(r.check / 1000).toFixed(1)} s)${r.s2 !== undefined ? `, S2 p95 during ${r.s2?.toFixed(0)} / after ${r.s2after?.toFixed(0)} ms` : ''}, S7 p99 ${r.s7?.toFixed(1)} ms`);
    if (r.cpu?.['open→end']) console.log(cpuTable(r.cpu));
  }
}
