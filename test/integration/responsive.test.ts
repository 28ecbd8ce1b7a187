// With a worst-case post open (and its preview rendering), the extension host still answers commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openPost, siteRoot, waitFor } from './util';

interface PreviewState { uri: string; version: number; acked: number; htmlLength: number; renderedIn?: string; rendersInFlight: number }

describe('responsiveness with hostile posts', () => {
  // An .html post: VS Code's own Markdown language server would spend minutes on this body in a .md file.
  const rel = '_posts/2022-05-01-worst-case.html';
  before(() => {
    // 100,000 unclosed <b> tags: the slowest body for the sanitizer (seconds), so the preview must render it off-thread.
    fs.writeFileSync(path.join(siteRoot(), rel), `---\nlayout: post\ntitle: "最坏情况"\ndate: 2022-05-01 10:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n${'<b>x'.repeat(100000)}`);
  });
  after(async () => {
    await vscode.commands.executeCommand('postdesk.preview._holdRender', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(siteRoot(), rel), { force: true });
  });

  it('a command round-trip answers while the worst-case preview is still rendering', async () => {
    const editor = await openPost(rel);
    const target = editor.document.uri.toString();
    const state = () => vscode.commands.executeCommand<PreviewState | undefined>('postdesk.preview._state');
    // Ordering, not timing: the render's result is held back until the test lets it go (test build only), so the
    // command below provably runs while the render is in flight. A render on the host's main thread could not be held:
    // it would be done, synchronously, before the host could answer anything.
    await vscode.commands.executeCommand('postdesk.preview._holdRender', true);
    void vscode.commands.executeCommand('postdesk.preview.openToSide');
    const started = await waitFor(async () => { const s = await state(); return s?.uri === target && (s.rendersInFlight > 0 || s.htmlLength > 0) ? s : undefined; }, 60000, 'the preview to start rendering') as PreviewState;
    assert.ok(started.rendersInFlight > 0 && started.htmlLength === 0, `the render was never in flight (it ran on the host's main thread): ${JSON.stringify(started)}`);
    const t0 = Date.now();
    const info = await vscode.commands.executeCommand<{ keys: string[] }>('postdesk.showInfo', editor.document.uri);
    // Timing is reported, not asserted (npm run bench measures speed).
    console.log(`[postdesk] command round-trip with a worst-case post rendering: ${Date.now() - t0} ms`);
    assert.deepEqual(info.keys, ['layout', 'title', 'date', 'categories', 'tags']);
    const during = await state();
    assert.ok(during && during.rendersInFlight > 0 && during.htmlLength === 0, `the command answered while the render was in flight: ${JSON.stringify(during)}`);
    await vscode.commands.executeCommand('postdesk.preview._holdRender', false);
    // Let go, the render reaches the preview (rendered, or cut off with a message when past its budget).
    const done = await waitFor(async () => { const s = await state(); return s && s.htmlLength > 0 ? s : undefined; }, 60000, 'the held render to reach the preview') as PreviewState;
    assert.equal(done.renderedIn, 'worker');
    const diags = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((d) => (d.code as { value: string }).value === 'body-heavy'), 20000, 'the body-heavy diagnostic');
    assert.ok(diags);
  });
});
