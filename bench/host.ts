// Runs inside the real VS Code extension host (extensionTestsPath) for the bench: activation, open→diagnostics, heap after 10,000 edits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when `uri` has diagnostics (or after `timeout` ms, with -1). */
function firstDiagnostics(uri: vscode.Uri, timeout = 10000): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const done = (ms: number) => { sub.dispose(); clearTimeout(timer); resolve(ms); };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && vscode.languages.getDiagnostics(uri).length) done(performance.now() - t0);
    });
    const timer = setTimeout(() => done(-1), timeout);
  });
}

/** Called by the extension host; writes its measurements to $POSTDESK_BENCH_RESULTS. */
export async function run(): Promise<void> {
  const out: Record<string, unknown> = { vscodeVersion: vscode.version };
  try {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'postdesk');
    if (!ext) throw new Error('Post Desk is not loaded');
    const api = await ext.activate() as { activateMs?: number } | undefined;
    out.activateMs = api?.activateMs;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!root) throw new Error('no workspace folder');

    // Open posts never opened before → their first diagnostics (validate.scope is `open` for this run): every
    // sample-site post with a problem except the article edited below, one at a time; the first is right after start-up.
    const samples: number[] = [];
    for (const name of fs.readdirSync(path.join(root, '_posts')).sort()) {
      if (name === '2022-03-21-stock-blocks.md') continue;
      const uri = vscode.Uri.file(path.join(root, '_posts', name));
      const diag = firstDiagnostics(uri, 5000);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const ms = await diag;
      if (ms >= 0) samples.push(ms);
    }
    out.openToDiagnosticsSamples = samples;
    out.openToDiagnosticsMs = [...samples].sort((a, b) => a - b)[Math.floor((samples.length - 1) / 2)];

    // 10,000 edits of the sample article with its preview open: insert a character, then remove it.
    const post = vscode.Uri.file(path.join(root, '_posts', '2022-03-21-stock-blocks.md'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(post));
    await vscode.commands.executeCommand('postdesk.preview.openToSide');
    await sleep(2000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
    const before = heap();
    const edits = Number(process.env.POSTDESK_BENCH_EDITS ?? 10000);
    const t0 = performance.now();
    for (let i = 0; i < edits; i++) {
      const end = editor.document.positionAt(editor.document.getText().length);
      if (i % 2 === 0) await editor.edit((b) => b.insert(end, '增'), { undoStopBefore: false, undoStopAfter: false });
      else await editor.edit((b) => b.delete(new vscode.Range(end.translate(0, -1), end)), { undoStopBefore: false, undoStopAfter: false });
      // Let the debounced validation and the preview catch up now and then, as they would between bursts of typing.
      if (i % 500 === 499) await sleep(400);
    }
    out.editMs = performance.now() - t0;
    await sleep(1500);
    const after = heap();
    out.edits = edits;
    out.heapBefore = before;
    out.heapAfter = after;
    out.heapGrowthMB = (after - before) / 1048576;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  } catch (e) {
    out.error = String((e as Error)?.stack ?? e);
  }
  const file = process.env.POSTDESK_BENCH_RESULTS;
  if (file) { fs.writeFileSync(`${file}.tmp`, JSON.stringify(out)); fs.renameSync(`${file}.tmp`, file); }
}
