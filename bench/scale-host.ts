// Runs inside the real VS Code extension host on a generated 20,000-post site: the "editor at scale" rows of `npm run bench`.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface WorkspaceState {
  scanning: boolean; done: number; total: number; posts: number;
  loopDelay?: { p50: number; p99: number; max: number; count: number };
  rssBytes: number; heapUsedBytes: number; lastScanMs?: number;
  scanPhases?: { sitesMs: number; listedMs: number; endMs: number };
}
const state = async () => (await vscode.commands.executeCommand<WorkspaceState>('postdesk._workspace'))!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rules = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Post Desk').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

/** Resolves with the ms until `check()` holds, tested on every diagnostics change (and every 5 ms); -1 after `timeout`. */
function until(check: () => boolean, timeout = 30000): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (ms: number) => { if (done) return; done = true; sub.dispose(); clearInterval(poll); resolve(ms); };
    const test = () => { if (check()) finish(performance.now() - t0); else if (performance.now() - t0 > timeout) finish(-1); };
    const sub = vscode.languages.onDidChangeDiagnostics(test);
    const poll = setInterval(test, 5);
  });
}

/** ms from each keystroke's edit to the host's onDidChangeTextDocument (VS Code's own round trip, before any extension runs). */
const echo: number[] = [];

/** Toggles the title of `editor`'s post between empty and set; resolves with the ms until its own diagnostics follow. */
async function keystroke(editor: vscode.TextEditor): Promise<number> {
  const doc = editor.document;
  const line = [...Array(10).keys()].map((i) => doc.lineAt(i)).find((l) => l.text.startsWith('title:'))!;
  const empty = line.text.trim() === 'title: ""';
  const wait = until(() => rules(doc.uri).includes('title-empty') !== empty);
  const t0 = performance.now();
  const changed = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc) { echo.push(performance.now() - t0); changed.dispose(); } });
  await editor.edit((b) => b.replace(line.range, empty ? 'title: "键入"' : 'title: ""'));
  return wait;
}

/**
 * The bare cost VS Code itself puts under S1: one findFiles of the posts and workspace.fs.stat + readFile of each,
 * 64 at a time, no analysis (run after the scan, so the page cache is as warm as the scan left it); then readFile
 * alone, 256 at a time.
 */
async function bareRead(): Promise<{ findMs: number; readMs: number; readOnlyMs: number; files: number }> {
  const t0 = performance.now();
  const found = await vscode.workspace.findFiles('**/{_posts,_drafts}/**', '{**/node_modules/**,**/_site/**,**/.*/**}');
  const t1 = performance.now();
  for (let i = 0; i < found.length; i += 64) {
    await Promise.all(found.slice(i, i + 64).map(async (u) => { await vscode.workspace.fs.stat(u); await vscode.workspace.fs.readFile(u); }));
  }
  const t2 = performance.now();
  // One call per file (what the scan does when the folder listing says "regular file"), 256 at a time.
  for (let i = 0; i < found.length; i += 256) await Promise.all(found.slice(i, i + 256).map((u) => vscode.workspace.fs.readFile(u)));
  return { findMs: t1 - t0, readMs: t2 - t1, readOnlyMs: performance.now() - t2, files: found.length };
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };

/** Called by the extension host; writes its measurements to $POSTDESK_BENCH_RESULTS. */
export async function run(): Promise<void> {
  const out: Record<string, unknown> = { vscodeVersion: vscode.version, hostStart: Date.now() };
  mark('hostStart');
  try {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'postdesk');
    if (!ext) throw new Error('Post Desk is not loaded');
    const profile = startProfile();
    out.startMB = process.memoryUsage().rss / 1048576;
    await ext.activate();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!root) throw new Error('no workspace folder');
    const names = fs.readdirSync(path.join(root, '_posts')).filter((n) => n.endsWith('.md')).sort();

    // Keystrokes while the scan runs (the first scan after start-up), then the same after it.
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, '_posts', names[0]))));
    const during: number[] = [];
    const after: number[] = [];
    const pickerDuring: number[] = [];
    const pickerAfter: number[] = [];
    let first = await state();
    out.scanAtFirstKey = { done: first.done, total: first.total, scanning: first.scanning };
    // POSTDESK_BENCH_SCAN_KEYS=0: no keystrokes or pickers while the scan runs (the scan alone, against the control).
    const typing = process.env.POSTDESK_BENCH_SCAN_KEYS !== '0';
    while (typing && (first = await state()).scanning && during.length < 40) {
      const ms = await keystroke(editor);
      if ((await state()).scanning) during.push(ms);
      if (during.length % 5 === 1 && (await state()).scanning) pickerDuring.push(await picker());
    }
    while ((await state()).scanning) await sleep(50);
    const scanned = await state();
    out.scanEnd = Date.now();
    mark('end');
    await profile?.();
    out.scan = { posts: scanned.posts, lastScanMs: scanned.lastScanMs, phases: scanned.scanPhases, loopDelay: scanned.loopDelay, rssMB: scanned.rssBytes / 1048576, heapMB: scanned.heapUsedBytes / 1048576, ...afterGc() };
    // POSTDESK_BENCH_HEAPSNAP=FILE: a heap snapshot of the host when the first scan has ended (after the full GC).
    if (process.env.POSTDESK_BENCH_HEAPSNAP) v8.writeHeapSnapshot(process.env.POSTDESK_BENCH_HEAPSNAP);
    for (let i = 0; i < 20; i++) after.push(await keystroke(editor));
    for (let i = 0; i < 5; i++) pickerAfter.push(await picker());
    out.keystroke = { during, after, duringP95: pct(during, 0.95), afterP95: pct(after, 0.95), echoDuring: echo.slice(0, during.length), echoAfter: echo.slice(during.length) };
    out.bare = await bareRead();
    out.picker = { during: pickerDuring, after: pickerAfter };
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // An external change of one post (another tool writes it): its Problems and the taxonomy counts follow.
    const other = vscode.Uri.file(path.join(root, '_posts', names[1]));
    const text = fs.readFileSync(other.fsPath, 'utf8');
    const external: number[] = [];
    // A bare watcher of that one file: when VS Code itself tells the host about the write (the bound under S5).
    const watched: number[] = [];
    // The same kind of watcher as the PostWorkspace's (a recursive '**/*'), so the same path through VS Code.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    let wrote = 0;
    watcher.onDidChange((u) => { if (wrote && u.fsPath === other.fsPath) { watched.push(performance.now() - wrote); wrote = 0; } });
    await sleep(500);
    for (let i = 0; i < 6; i++) {
      const on = i % 2 === 0;
      const wait = until(() => rules(other).includes('title-empty') === on);
      wrote = performance.now();
      fs.writeFileSync(other.fsPath, on ? text.replace(/^title:.*$/m, 'title: ""') : text);
      external.push(await wait);
      await sleep(200);
    }
    watcher.dispose();
    out.externalChange = external;
    out.watcherMs = watched;

    // Taxonomy view first open (after the scan): the command resolves once the view is shown.
    const t0 = performance.now();
    await vscode.commands.executeCommand('postdesk.taxonomy.focus');
    out.taxonomyViewMs = performance.now() - t0;
  } catch (e) {
    out.error = String((e as Error)?.stack ?? e);
  }
  const file = process.env.POSTDESK_BENCH_RESULTS;
  if (file) { fs.writeFileSync(`${file}.tmp`, JSON.stringify(out)); fs.renameSync(`${file}.tmp`, file); }
}

/** RSS and heap after a full garbage collection (what the 20,000 posts hold, not garbage not yet collected). */
function afterGc(): { gcRssMB?: number; gcHeapMB?: number } {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    const m = process.memoryUsage();
    return { gcRssMB: m.rss / 1048576, gcHeapMB: m.heapUsed / 1048576 };
  } catch {
    return {};
  }
}

/**
 * With $POSTDESK_BENCH_CPUPROF set, a CPU profile of the extension host from here to the end of the first scan is
 * written to that file (open it in Chrome DevTools, or summarise it with `node bench/profile-summary.mjs FILE`).
 */
function startProfile(): (() => Promise<void>) | undefined {
  const file = process.env.POSTDESK_BENCH_CPUPROF;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  const started = post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 500 })).then(() => post('Profiler.start'));
  return async () => {
    await started;
    const { profile } = await post('Profiler.stop') as { profile: unknown };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** Insert Tags… → the picker's `show()`: ms until the command has opened its quick pick (then it is closed). */
async function picker(): Promise<number> {
  const t0 = performance.now();
  const orig = vscode.window.createQuickPick;
  let shownAt = -1;
  const patched = <T extends vscode.QuickPickItem>() => {
    const qp = orig<T>();
    const show = qp.show.bind(qp);
    qp.show = () => { show(); shownAt = performance.now() - t0; setTimeout(() => qp.hide(), 0); };
    return qp;
  };
  try {
    (vscode.window as { createQuickPick: typeof orig }).createQuickPick = patched;
  } catch {
    return -1;
  }
  try {
    await vscode.commands.executeCommand('postdesk.insertTags');
  } finally {
    (vscode.window as { createQuickPick: typeof orig }).createQuickPick = orig;
  }
  return shownAt;
}

/** Marks a moment for the bench's CPU accounting of every process (bench/host-run.mjs snapshots /proc when the file appears). */
function mark(name: string): void {
  const file = process.env.POSTDESK_BENCH_RESULTS;
  if (file) fs.writeFileSync(`${file}.${name}`, String(Date.now()));
}
