// Runs in a VS Code extension host WITHOUT Post Desk: the least any extension doing S6's job keeps the host at (S6c of `npm run bench`).
import * as fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';

/** One problem as `postdesk check --format json` prints it. */
interface CheckProblem { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function memory(): { rssMB: number; heapMB: number; gcRssMB: number; gcHeapMB: number } {
  const before = process.memoryUsage();
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const after = process.memoryUsage();
  return { rssMB: before.rss / 1048576, heapMB: before.heapUsed / 1048576, gcRssMB: after.rss / 1048576, gcHeapMB: after.heapUsed / 1048576 };
}

/**
 * Called by the extension host: reads every post of the workspace through `workspace.fs` (what the scan must do),
 * then publishes the problems `postdesk check` found ($POSTDESK_BENCH_PROBLEMS) as diagnostics, 500 posts a `set`
 * (what the Problems panel needs). Keeps nothing else. Writes the host's memory after each step to $POSTDESK_BENCH_RESULTS,
 * and the controls for S1 and S7: when the host started, listed, read and published (Date.now(), the clock of the page
 * open in bench/host-run.mjs), and the event-loop delay from the start to the last `set` (the same histogram as Post Desk's).
 */
export async function run(): Promise<void> {
  const hostStart = Date.now();
  mark('hostStart');
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const out: Record<string, unknown> = { vscodeVersion: vscode.version, postDeskLoaded: vscode.extensions.all.some((e) => e.packageJSON?.name === 'postdesk'), hostStart };
  try {
    out.start = memory();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) throw new Error('no workspace folder');
    // The first post open in an editor, as in Post Desk's run (bench/scale-host.ts): the explorer then reveals it and
    // holds the 20,000 entries of `_posts`, whose decorations follow every `set` (the same workbench work in both runs).
    if (process.env.POSTDESK_BENCH_CONTROL_OPEN !== '0') {
      const first = fs.readdirSync(vscode.Uri.joinPath(root, '_posts').fsPath).filter((n) => n.endsWith('.md')).sort()[0];
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, '_posts', first)));
    }
    loop.reset();
    const found = await vscode.workspace.findFiles('**/{_posts,_drafts}/**', '{**/node_modules/**,**/_site/**,**/.*/**}');
    out.listedAt = Date.now();
    let bytes = 0;
    for (let i = 0; i < found.length; i += 64) {
      for (const b of await Promise.all(found.slice(i, i + 64).map((u) => vscode.workspace.fs.readFile(u)))) bytes += b.byteLength;
    }
    out.readAt = Date.now();
    out.files = found.length;
    out.bytes = bytes;
    // The memory probe's full GC is the bench's, not the job's: its time is left out of the control's S1.
    loop.disable();
    const g0 = Date.now();
    out.read = memory();
    out.readGcMs = Date.now() - g0;
    loop.enable();
    const problems = JSON.parse(fs.readFileSync(process.env.POSTDESK_BENCH_PROBLEMS!, 'utf8')) as CheckProblem[];
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const severity = (s: string) => (s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
    for (const p of problems) {
      const d = new vscode.Diagnostic(new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1), p.message, severity(p.severity));
      d.source = 'control';
      d.code = p.rule;
      const list = byFile.get(p.file) ?? [];
      list.push(d);
      byFile.set(p.file, list);
    }
    const collection = vscode.languages.createDiagnosticCollection('control');
    const entries = [...byFile].map(([file, ds]) => [vscode.Uri.joinPath(root, file), ds] as [vscode.Uri, vscode.Diagnostic[]]);
    for (let i = 0; i < entries.length; i += 500) { collection.set(entries.slice(i, i + 500)); await sleep(0); }
    out.publishedAt = Date.now();
    mark('end');
    const ms = (n: number) => n / 1e6;
    out.loopDelay = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max), count: loop.count };
    loop.disable();
    out.diagnostics = problems.length;
    out.posts = byFile.size;
    await sleep(3000);
    out.published = memory();
    if (process.env.POSTDESK_BENCH_HEAPSNAP) v8.writeHeapSnapshot(process.env.POSTDESK_BENCH_HEAPSNAP);
  } catch (e) {
    out.error = (e as Error).stack ?? String(e);
  }
  loop.disable();
  fs.writeFileSync(process.env.POSTDESK_BENCH_RESULTS!, JSON.stringify(out));
}

/** Marks a moment for the bench's CPU accounting of every process (bench/host-run.mjs snapshots /proc when the file appears). */
function mark(name: string): void {
  const file = process.env.POSTDESK_BENCH_RESULTS;
  if (file) fs.writeFileSync(`${file}.${name}`, String(Date.now()));
}
