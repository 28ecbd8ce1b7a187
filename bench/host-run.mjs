// Runs a bench script inside a real VS Code extension host (code-server + Chromium) and returns the JSON it wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import esbuild from 'esbuild';
import { ROOT, launchBrowser, startCodeServer, workbenchUrl } from '../scripts/lib/vscode.mjs';
import { cpuBetween, snapshot } from './host-cpu.mjs';

/**
 * Bundles `entry` (a module exporting `run()`, the extension host's test runner), opens `folder` in code-server with
 * it and `extensionDevelopmentPath` (Post Desk by default), and waits for the JSON the script writes to
 * `$POSTDESK_BENCH_RESULTS`. Resolves with it, the time the workbench page was opened, and `cpu`: the CPU of every
 * process of the run (bench/host-cpu.mjs) from the page open to the marks the script writes (the files
 * `$POSTDESK_BENCH_RESULTS.hostStart` and `.end`), per window.
 */
export async function runInHost({ entry, name, folder, extensionDevelopmentPath = ROOT, settings, env = {}, minutes = 10 }) {
  const outDir = path.join(ROOT, 'bench', 'out', name);
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: path.join(outDir, 'index.js'), external: ['vscode'], logLevel: 'silent' });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `postdesk-bench-${name}-`));
  const resultsFile = path.join(work, 'results.json');
  // POSTDESK_BENCH_PROBE: the product build registers its `postdesk._workspace` probe only when this is set.
  const server = await startCodeServer({ settings, env: { POSTDESK_BENCH_RESULTS: resultsFile, POSTDESK_BENCH_PROBE: '1', ...env } });
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? await context.newPage();
    // POSTDESK_BENCH_RENDERER_PROF=FILE: a CPU profile of the workbench page (the renderer's main thread) from the
    // page open to the end mark, summarised by `node bench/profile-summary.mjs FILE`.
    const rprof = process.env.POSTDESK_BENCH_RENDERER_PROF;
    const cdp = rprof ? await context.newCDPSession(page) : undefined;
    if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 1000 }); await cdp.send('Profiler.start'); }
    const snaps = { open: snapshot() };
    const opened = Date.now();
    await page.goto(workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath: outDir }));
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > opened + minutes * 60000) throw new Error(`the ${name} run gave no results in ${minutes} minutes`);
      // The marks are polled often, so the snapshot is within ~20 ms of the host's mark.
      for (const m of ['hostStart', 'end']) if (!snaps[m] && fs.existsSync(`${resultsFile}.${m}`)) snaps[m] = snapshot();
      if (cdp && snaps.end && !snaps.profiled) { snaps.profiled = true; fs.writeFileSync(path.resolve(rprof), JSON.stringify((await cdp.send('Profiler.stop')).profile)); }
      await new Promise((r) => setTimeout(r, snaps.end ? 500 : 20));
    }
    const cpu = {};
    if (snaps.hostStart) cpu['open→host'] = cpuBetween(snaps.open, snaps.hostStart);
    if (snaps.hostStart && snaps.end) cpu['host→end'] = cpuBetween(snaps.hostStart, snaps.end);
    if (snaps.end) cpu['open→end'] = cpuBetween(snaps.open, snaps.end);
    return { result: JSON.parse(fs.readFileSync(resultsFile, 'utf8')), opened, cpu };
  } finally {
    await close();
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

