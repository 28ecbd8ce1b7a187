// S6c of `npm run bench`: the extension host's memory with the least S6's job needs (read every post, publish check's problems), without Post Desk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../scripts/lib/vscode.mjs';
import { runInHost } from './host-run.mjs';

/**
 * Opens `site` in real VS Code with an empty development extension and bench/memory-control-host.ts as its test
 * runner (Post Desk is not loaded); `postdesk check` gives the problems it publishes. Resolves with the host's memory
 * at start, after reading every post, and after publishing the diagnostics.
 */
export async function memoryControl(site, log = () => {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-bench-memory-'));
  try {
    const ext = path.join(work, 'ext');
    fs.mkdirSync(ext);
    fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify({ name: 'memory-control', publisher: 'bench', version: '0.0.0', engines: { vscode: '*' } }));
    const problems = path.join(work, 'problems.json');
    const check = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], { cwd: site, maxBuffer: 1 << 30 });
    fs.writeFileSync(problems, check.stdout);
    const snap = process.env.POSTDESK_BENCH_HEAPSNAP ? { POSTDESK_BENCH_HEAPSNAP: path.resolve(`${process.env.POSTDESK_BENCH_HEAPSNAP}.control`) } : {};
    const { result: r } = await runInHost({ entry: path.join(ROOT, 'bench', 'memory-control-host.ts'), name: 'memory-control', folder: site, extensionDevelopmentPath: ext, env: { POSTDESK_BENCH_PROBLEMS: problems, ...snap }, minutes: 15 });
    log(`memory control: ${JSON.stringify(r).slice(0, 800)}`);
    if (r.error) throw new Error(r.error.split('\n')[0]);
    if (r.postDeskLoaded) throw new Error('Post Desk was loaded in the control host');
    return r;
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

// Alone: `node bench/memory-control.mjs [POSTS]` on a fresh generated site.
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const { generateSite, tempSiteDir } = await import('./generate.mjs');
  const site = tempSiteDir();
  generateSite(site, { posts: Number(process.argv[2] ?? 20000) });
  try {
    console.log(s6cRow(await memoryControl(site, console.log)).info);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}
