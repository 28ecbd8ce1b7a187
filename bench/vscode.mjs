// T5 (keystroke → preview DOM in real VS Code), T7 (extension-host heap after 10,000 edits) and the "editor at scale" rows, on code-server + Playwright.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, copySite, launchBrowser, startCodeServer, workbenchUrl } from '../scripts/lib/vscode.mjs';
import { openFile, openWorkbench, runCommand } from '../test/e2e/lib.mjs';
import { generateSite, tempSiteDir } from './generate.mjs';
import { cpuTable, reapedCpu } from './host-cpu.mjs';
import { runInHost } from './host-run.mjs';
import { controlRows, memoryControl, s6cRow } from './memory-control.mjs';
import { WEB_FOLDER, WEB_SETTINGS, buildWebFolder } from '../scripts/lib/web-integration.mjs';

const KEYS = 50;
const WARM = 5;
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

/** The frame holding the preview document (VS Code nests it in two iframes). */
async function previewFrame(page, hasText, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      if (await f.locator('#pd-body', { hasText }).count().catch(() => 0)) return f;
    }
    if (Date.now() > end) throw new Error('no preview frame with #pd-body');
    await page.waitForTimeout(250);
  }
}

/**
 * T5: types 50 characters into the sample post and times each keydown → the preview DOM showing it. `settings`: code-server settings (T5p: `postdesk.preview.mode: published`). `web`: Post Desk
 * in the web worker host on the virtual `pdtest:` copy of sample-site (github.dev's set-up), as the web suites run it.
 */
export async function keystrokeToPreview(sampleSite, log, { web = false, settings = {} } = {}) {
  const site = web ? fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-bench-web-')) : copySite(sampleSite);
  if (web) await buildWebFolder(site);
  const server = await startCodeServer({ settings: web ? { ...WEB_SETTINGS, ...settings } : settings });
  let wb;
  try {
    if (web) {
      const { context, close } = await launchBrowser();
      const page = context.pages()[0] ?? await context.newPage();
      await page.goto(workbenchUrl(server, WEB_FOLDER, { extensionDevelopmentPath: site }));
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
      wb = { page, close };
    } else wb = await openWorkbench(server, site);
    const { page } = wb;
    await openFile(page, '2022-03-21-stock-blocks.md');
    await runCommand(page, 'Post Desk: Open Preview to the Side');
    const frame = await previewFrame(page, '普惠');
    if (settings['postdesk.preview.mode'] === 'published') await frame.locator('.pd-published-bar').waitFor({ timeout: 30000 });
    await page.locator('.editor-group-container').first().locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    // Clocks: performance.timeOrigin + now() is one monotonic wall clock across the workbench and the webview frames.
    await frame.evaluate(() => {
      window.__pdSeen = [];
      const count = () => (document.querySelector('#pd-body')?.textContent.match(/Q/g) ?? []).length;
      new MutationObserver(() => window.__pdSeen.push([count(), performance.timeOrigin + performance.now()]))
        .observe(document.body, { subtree: true, childList: true, characterData: true });
      window.__pdBase = count();
    });
    await page.evaluate(() => {
      window.__pdKeys = [];
      window.addEventListener('keydown', (e) => { if (e.key === 'Q') window.__pdKeys.push(performance.timeOrigin + performance.now()); }, true);
    });
    const base = await frame.evaluate(() => window.__pdBase);
    const lat = [];
    for (let i = 1; i <= KEYS + WARM; i++) {
      await page.keyboard.press('Shift+KeyQ');
      const shown = await frame.waitForFunction((n) => window.__pdSeen.find(([c]) => c >= n)?.[1], base + i, { timeout: 5000, polling: 5 }).then((h) => h.jsonValue()).catch(() => undefined);
      const key = await page.evaluate((k) => window.__pdKeys[k], i - 1);
      if (i > WARM) lat.push(shown === undefined || key === undefined ? 5000 : shown - key);
      await page.waitForTimeout(50);
    }
    log(`T5${settings['postdesk.preview.mode'] === 'published' ? 'p' : ''}${web ? ' (web worker host)' : ''} latencies (ms): ${lat.map((x) => x.toFixed(0)).join(' ')}`);
    return { p50: pct(lat, 0.5), p95: pct(lat, 0.95), max: Math.max(...lat), samples: lat.map((x) => Math.round(x)), timeouts: lat.filter((x) => x >= 5000).length };
  } finally {
    await wb?.close();
    await server.stop();
    fs.rmSync(site, { recursive: true, force: true });
  }
}

/** T7 (and the real activation / first-diagnostics numbers): bench/host.ts in the extension host, validate.scope `open`. */
async function hostRun(sampleSite, log) {
  const site = copySite(sampleSite);
  try {
    const { result } = await runInHost({ entry: path.join(ROOT, 'bench', 'host.ts'), name: 'host', folder: site, settings: { 'postdesk.validate.scope': 'open' } });
    log(`host run: ${JSON.stringify(result).slice(0, 400)}`);
    return result;
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}

/**
 * The "editor at scale" rows (issue 15): a generated site of `posts` posts opened in real VS Code; bench/scale-host.ts
 * runs in its extension host from the moment the workbench opens. `postdesk check` on the same site, same run, for scale.
 * `ext`: another build of Post Desk to open instead of this checkout (a folder with its package.json and dist, for pairs).
 */
export async function scaleBench({ posts = Number(process.env.POSTDESK_BENCH_SCALE_POSTS ?? 20000), log = () => {}, ext } = {}) {
  const site = tempSiteDir();
  generateSite(site, { posts });
  const checkMs = [];
  // check's own CPU (user + system, from /proc: the children this process reaped), beside its wall time.
  const checkCpu = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c = reapedCpu();
    spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', site, '--format', 'json'], { stdio: 'ignore' });
    checkMs.push(performance.now() - t);
    checkCpu.push(reapedCpu() - c);
  }
  // POSTDESK_BENCH_CPUPROF=file: a CPU profile of the extension host until the first scan ends (bench/scale-host.ts).
  const prof = process.env.POSTDESK_BENCH_CPUPROF ? { POSTDESK_BENCH_CPUPROF: path.resolve(process.env.POSTDESK_BENCH_CPUPROF) } : {};
  if (process.env.POSTDESK_BENCH_HEAPSNAP) prof.POSTDESK_BENCH_HEAPSNAP = path.resolve(process.env.POSTDESK_BENCH_HEAPSNAP);
  // POSTDESK_BENCH_SCAN_KEYS=0: the scan alone, without the keystrokes and pickers of S2/S3 while it runs (S2 then has no "during").
  if (process.env.POSTDESK_BENCH_SCAN_KEYS) prof.POSTDESK_BENCH_SCAN_KEYS = process.env.POSTDESK_BENCH_SCAN_KEYS;
  try {
    const { result: r, opened, cpu } = await runInHost({ entry: path.join(ROOT, 'bench', 'scale-host.ts'), name: 'scale', folder: site, env: prof, minutes: 15, ...(ext ? { extensionDevelopmentPath: ext } : {}) });
    log(`scale run: ${JSON.stringify(r).slice(0, 1500)}`);
    if (cpu['open→end']) log(`S1 CPU of every process, page open → host start → Problems complete (bench/host-cpu.mjs):\n${cpuTable(cpu)}`);
    if (r.error) throw new Error(r.error.split('\n')[0]);
    const med = (xs) => pct(xs, 0.5);
    const check = med(checkMs);
    const open = r.scanEnd - opened;
    const ok = (xs) => xs.filter((x) => x >= 0);
    const k = r.keystroke;
    // Each keystroke's latency less VS Code's own echo of the edit to the host: the extension's share.
    const own = (xs, echo = []) => xs.map((x, i) => x - (echo[i] ?? 0));
    return [
      { id: 'S1', what: `workbench open → Problems complete (${posts} posts)`, a: { label: 'open → scan done', ms: open }, b: { label: 'postdesk check', ms: check }, target: '≤ 4 s (≤ 4× check)', met: open <= 4000 || open <= 4 * check, cpu, checkCpu, note: `${r.scan.posts} posts; scan itself ${(r.scan.lastScanMs / 1000).toFixed(1)} s (sites known after ${r.scan.phases?.sitesMs?.toFixed(0)} ms, posts listed after ${r.scan.phases?.listedMs?.toFixed(0)} ms); check runs ${checkMs.map((x) => x.toFixed(0)).join(', ')} ms (CPU ${checkCpu.map((x) => x.toFixed(1)).join(', ')} s); bare VS Code findFiles ${r.bare?.findMs?.toFixed(0)} ms + stat/readFile of ${r.bare?.files} files ${r.bare?.readMs?.toFixed(0)} ms, readFile alone ${r.bare?.readOnlyMs?.toFixed(0)} ms (no analysis, after the scan); host start ${r.hostStart - opened} ms after open` },
      { id: 'S2', what: 'keystroke → own diagnostics, p95 during the scan / after', a: { label: 'during', ms: k.duringP95 }, b: { label: 'after', ms: k.afterP95 }, target: 'during ≤ 400 ms', met: k.during.length > 0 && k.duringP95 <= 400, note: `during (${k.during.length}): ${k.during.map((x) => x.toFixed(0)).join(' ')}; after: ${k.after.map((x) => x.toFixed(0)).join(' ')} (250 ms debounce included); edit → the host's onDidChangeTextDocument (VS Code's own round trip), p95 during ${pct(k.echoDuring ?? [], 0.95)?.toFixed(0)} / after ${pct(k.echoAfter ?? [], 0.95)?.toFixed(0)} ms; after that echo, p95 during ${pct(own(k.during, k.echoDuring), 0.95)?.toFixed(0)} / after ${pct(own(k.after, k.echoAfter), 0.95)?.toFixed(0)} ms` },
      { id: 'S3', what: 'Insert Tags… → picker shown, during the scan / after', a: { label: 'during', ms: med(ok(r.picker.during)) }, b: { label: 'after', ms: med(ok(r.picker.after)) }, target: '≤ 300 / ≤ 150 ms', met: Math.max(...ok(r.picker.during), 0) <= 300 && Math.max(...ok(r.picker.after), 0) <= 150, note: `command → QuickPick.show() in the extension host; during ${r.picker.during.map((x) => x.toFixed(0)).join(' ')}; after ${r.picker.after.map((x) => x.toFixed(0)).join(' ')}` },
      { id: 'S4', what: 'Taxonomy view first open', a: { label: 'focus command', ms: r.taxonomyViewMs }, target: '≤ 1 s', met: r.taxonomyViewMs <= 1000, note: 'after the scan; the view shows a progress message while the index fills' },
      { id: 'S5', what: 'external write of one post → its Problems updated', a: { label: 'median', ms: med(r.externalChange) }, target: '≤ 100 ms', met: Math.max(...r.externalChange) <= 100, note: `samples ${r.externalChange.map((x) => x.toFixed(0)).join(' ')} ms; a bare watcher of the file fired after ${(r.watcherMs ?? []).map((x) => x.toFixed(0)).join(' ')} ms` },
      { id: 'S6', what: `extension host RSS with ${posts} posts indexed`, a: { label: 'RSS', ms: NaN }, info: `${r.scan.rssMB.toFixed(0)} MB RSS, ${r.scan.heapMB.toFixed(0)} MB heap at the scan's end; after a full GC ${r.scan.gcRssMB?.toFixed(0)} MB RSS, ${r.scan.gcHeapMB?.toFixed(0)} MB heap; ${r.startMB?.toFixed(0)} MB RSS when the bench started in the host — target ≤ 250 MB: ${r.scan.rssMB <= 250 ? 'met' : 'MISSED'}`, met: r.scan.rssMB <= 250 },
      { id: 'S7', what: 'extension host event-loop delay p99 during the scan', a: { label: 'p99', ms: r.scan.loopDelay?.p99 ?? NaN }, target: '≤ 50 ms', met: (r.scan.loopDelay?.p99 ?? Infinity) <= 50, note: `monitorEventLoopDelay: p50 ${r.scan.loopDelay?.p50?.toFixed(1)} ms, max ${r.scan.loopDelay?.max?.toFixed(0)} ms` },
    ];
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}

/** Rows for scripts/bench.mjs: T5, T6c (real activation), T7, then the "editor at scale" rows S1–S7. */
export async function vscodeBench({ site, log = () => {} }) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const hasPreview = (pkg.contributes?.commands ?? []).some((c) => c.command === 'postdesk.preview.openToSide');
  const t5 = 'keystroke → preview DOM (code-server, 50 keys)';
  const t7 = 'extension-host heap growth after 10,000 edits';
  if (!hasPreview) return [{ id: 'T5', what: t5, na: 'no postdesk.preview.openToSide command' }, { id: 'T7', what: t7, na: 'no postdesk.preview.openToSide command' }];
  const rows = [];
  try {
    const k = await keystrokeToPreview(site, log);
    rows.push({ id: 'T5', what: t5, a: { label: 'keydown → #pd-body mutation', ms: k.p50, p95: k.p95 }, target: 'p95 ≤ 100 ms', met: k.p95 <= 100 && k.timeouts === 0, note: `p50 ${k.p50.toFixed(0)} ms, p95 ${k.p95.toFixed(0)} ms, max ${k.max.toFixed(0)} ms, ${k.timeouts} timeouts; samples ${k.samples.join(' ')}`, raw: k });
    const t5p = 'keystroke → "As published" page DOM (code-server, 50 keys), vs T5 in the same run';
    try {
      const p = await keystrokeToPreview(site, log, { settings: { 'postdesk.preview.mode': 'published' } });
      const ratio = p.p95 / k.p95;
      rows.push({ id: 'T5p', what: t5p, a: { label: 'keydown → page #pd-body mutation', ms: p.p50, p95: p.p95 }, b: { label: 'article preview (T5)', ms: k.p50, p95: k.p95 }, ratio: p.p50 / k.p50, p95Ratio: ratio, target: 'p95 ≤ 100 ms and ≤ 3× T5 (p95)', met: p.p95 <= 100 && ratio <= 3 && p.timeouts === 0, note: `p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms, max ${p.max.toFixed(0)} ms, ${p.timeouts} timeouts; samples ${p.samples.join(' ')}`, raw: p });
    } catch (e) { rows.push({ id: 'T5p', what: t5p, na: e.message.split('\n')[0] }); }
  } catch (e) { rows.push({ id: 'T5', what: t5, na: e.message.split('\n')[0] }); }
  const w2 = 'keystroke → preview DOM p95, web worker host (virtual workspace) vs Node host, same run';
  try {
    const node = rows.find((r) => r.id === 'T5')?.raw;
    const k = await keystrokeToPreview(site, log, { web: true });
    rows.push({ id: 'W2', what: w2, a: { label: 'web worker host', ms: k.p95 }, ...(node ? { b: { label: 'Node host', ms: node.p95 }, ratio: k.p95 / node.p95 } : {}), target: 'web p95 ≤ 1.5× Node p95', met: node ? k.p95 <= 1.5 * node.p95 && k.timeouts === 0 : undefined, note: `web p50 ${k.p50.toFixed(0)} ms, p95 ${k.p95.toFixed(0)} ms, max ${k.max.toFixed(0)} ms, ${k.timeouts} timeouts; samples ${k.samples.join(' ')}`, raw: k });
  } catch (e) { rows.push({ id: 'W2', what: w2, na: e.message.split('\n')[0] }); }
  try {
    const h = await hostRun(site, log);
    if (h.error) throw new Error(h.error.split('\n')[0]);
    rows.push({ id: 'T6c', what: 'activate() and open → first diagnostics in real VS Code', a: { label: 'activate()', ms: h.activateMs ?? NaN }, b: { label: 'open post → diagnostics', ms: h.openToDiagnosticsMs }, target: 'activate ≤ 50 ms', met: (h.activateMs ?? Infinity) <= 50, note: `VS Code ${h.vscodeVersion}; open → first diagnostics: median ${h.openToDiagnosticsMs?.toFixed(0)} ms of ${(h.openToDiagnosticsSamples ?? []).map((x) => x.toFixed(0)).join(', ')} ms (posts with problems, opened one by one; validate.scope open)` });
    rows.push({ id: 'T7', what: t7, a: { label: `heap growth after ${h.edits} edits`, ms: NaN }, info: `${h.heapGrowthMB.toFixed(2)} MB growth (${(h.heapBefore / 1048576).toFixed(1)} → ${(h.heapAfter / 1048576).toFixed(1)} MB after gc; ${h.edits} edits in ${(h.editMs / 1000).toFixed(1)} s, preview open) — target ≤ 10 MB: ${h.heapGrowthMB <= 10 ? 'met' : 'MISSED'}`, met: h.heapGrowthMB <= 10 });
  } catch (e) { rows.push({ id: 'T7', what: t7, na: e.message.split('\n')[0] }); }
  try {
    rows.push(...await scaleBench({ log }));
  } catch (e) { rows.push({ id: 'S1', what: 'editor at scale', na: e.message.split('\n')[0] }); }
  // S6's bound: the same site in a host without Post Desk that only reads the posts and publishes check's problems.
  const control = tempSiteDir();
  try {
    generateSite(control, { posts: Number(process.env.POSTDESK_BENCH_SCALE_POSTS ?? 20000) });
    const c = await memoryControl(control, log);
    const s1 = rows.find((r) => r.id === 'S1' && r.a);
    rows.push(...controlRows(c, { s1, s7: rows.find((r) => r.id === 'S7') }), s6cRow(c, rows.find((r) => r.id === 'S6')?.info));
  } catch (e) {
    rows.push({ id: 'S6c', what: 'control for S1, S6 and S7 (a host without Post Desk)', na: e.message.split('\n')[0] });
  } finally {
    fs.rmSync(control, { recursive: true, force: true });
  }
  return rows;
}
