// S1c, S6c and S7c of `npm run bench`: the extension host's time, memory and event-loop delay with the least the scan's job needs (read every post, publish check's problems), without Post Desk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../scripts/lib/vscode.mjs';
import { cpuTable } from './host-cpu.mjs';
import { runInHost } from './host-run.mjs';

/**
 * Opens `site` in real VS Code with an empty development extension and bench/memory-control-host.ts as its test
 * runner (Post Desk is not loaded); `postdesk check` gives the problems it publishes. Resolves with the host's memory
 * at start, after reading every post, and after publishing the diagnostics; `opened` (the page open), the host's times
 * (`hostStart`, `listedAt`, `readAt`, `publishedAt`), its event-loop delay, and `checkMs` (three `check` runs).
 */
export async function memoryControl(site, log = () => {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-bench-memory-'));
  try {
    const ext = path.join(work, 'ext');
    fs.mkdirSync(ext);
    fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify({ name: 'memory-control', publisher: 'bench', version: '0.0.0', engines: { vscode: '*' } }));
    const problems = path.join(work, 'problems.json');
    const checkMs = [];
    let check;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      check = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], { cwd: site, maxBuffer: 1 << 30 });
      checkMs.push(performance.now() - t);
    }
    fs.writeFileSync(problems, check.stdout);
    const snap = process.env.POSTDESK_BENCH_HEAPSNAP ? { POSTDESK_BENCH_HEAPSNAP: path.resolve(`${process.env.POSTDESK_BENCH_HEAPSNAP}.control`) } : {};
    const { result: r, opened, cpu } = await runInHost({ entry: path.join(ROOT, 'bench', 'memory-control-host.ts'), name: 'memory-control', folder: site, extensionDevelopmentPath: ext, env: { POSTDESK_BENCH_PROBLEMS: problems, ...snap }, minutes: 15 });
    log(`memory control: ${JSON.stringify(r).slice(0, 800)}`);
    if (cpu['open→end']) log(`S1c CPU of every process, page open → host start → published (bench/host-cpu.mjs):\n${cpuTable(cpu)}`);
    if (r.error) throw new Error(r.error.split('\n')[0]);
    if (r.postDeskLoaded) throw new Error('Post Desk was loaded in the control host');
    return { ...r, opened, checkMs, cpu };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The S6c row, beside S6 (Post Desk's host on the same generated site, same run). */
export function s6cRow(r, s6) {
  const f = (m) => `${m.rssMB.toFixed(0)} MB RSS (after a full GC ${m.gcRssMB.toFixed(0)} MB, heap ${m.gcHeapMB.toFixed(0)} MB)`;
  return {
    id: 'S6c', what: `control for S6: a host without Post Desk that only reads the ${r.files} posts and publishes check's ${r.diagnostics} problems`,
    a: { label: 'RSS', ms: NaN },
    info: `at start ${f(r.start)}; after reading ${f(r.read)}; after publishing ${f(r.published)}${s6 ? `; Post Desk (S6): ${s6}` : ''}`,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * S1c and S7c, beside S1 and S7: page open → the control's diagnostics for every post published (its host start, list,
 * reads, and the `set`s of check's problems; the probe's GC left out), and its event-loop delay over the same span.
 */
export function controlRows(r, { s1, s7 } = {}) {
  const open = r.publishedAt - r.opened - (r.readGcMs ?? 0);
  const check = median(r.checkMs);
  const d = r.loopDelay;
  return [
    {
      id: 'S1c', what: `control for S1: page open → a host without Post Desk has read the ${r.files} posts and published check's problems`,
      a: { label: 'open → published', ms: open }, b: { label: 'postdesk check', ms: check }, cpu: r.cpu, target: 'context: S1 less S1c is Post Desk\'s own share',
      note: `host start ${r.hostStart - r.opened} ms after open; listed (findFiles) ${r.listedAt - r.hostStart} ms after it; read (readFile, 64 at a time) ${r.readAt - r.listedAt} ms; published ${r.publishedAt - r.readAt - (r.readGcMs ?? 0)} ms; check runs ${r.checkMs.map((x) => x.toFixed(0)).join(', ')} ms${s1 ? `; Post Desk (S1): ${(s1.a.ms / 1000).toFixed(1)} s, less the control ${((s1.a.ms - open) / 1000).toFixed(1)} s = ${((s1.a.ms - open) / s1.b.ms).toFixed(1)}× its check` : ''}`,
    },
    {
      id: 'S7c', what: 'control for S7: event-loop delay p99 in a host without Post Desk, from its start to its last publish',
      a: { label: 'p99', ms: d?.p99 ?? NaN }, target: 'context: the host\'s delay without Post Desk',
      note: `monitorEventLoopDelay: p50 ${d?.p50?.toFixed(1)} ms, max ${d?.max?.toFixed(0)} ms, ${d?.count} samples${s7 ? `; Post Desk (S7): p99 ${s7.a.ms?.toFixed(1)} ms` : ''}`,
    },
  ];
}

// Alone: `node bench/memory-control.mjs [POSTS]` on a fresh generated site.
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const { generateSite, tempSiteDir } = await import('./generate.mjs');
  const site = tempSiteDir();
  generateSite(site, { posts: Number(process.argv[2] ?? 20000) });
  try {
    const r = await memoryControl(site, console.log);
    console.log(s6cRow(r).info);
    for (const row of controlRows(r)) console.log(`${row.id} ${row.what}: ${(row.a.ms / 1000).toFixed(2)} s${row.b ? ` (check ${(row.b.ms / 1000).toFixed(2)} s)` : ''}; ${row.note}`);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}
