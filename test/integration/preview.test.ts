// The live preview in real VS Code: opens beside the post, patches after an edit, follows editor switches, locks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openPost, postDeskLog, siteRoot, waitFor } from './util';

interface PreviewState { uri: string; locked: boolean; version: number; acked: number; htmlLength: number; htmlHash: string; reloads: number; restarts: number; ready: boolean; visible: boolean; panels: number; scriptRequests: number }
const state = () => vscode.commands.executeCommand<PreviewState | undefined>('postdesk.preview._state');
/** Waits for `pick` to give a value; on a timeout the error says what the preview's state was (and the log's preview lines). */
async function until<T>(what: string, pick: (s: PreviewState) => T | undefined, ms = 90000): Promise<T> {
  let last: PreviewState | undefined;
  try {
    return await waitFor(async () => { last = await state(); return last ? pick(last) : undefined; }, ms, what) as T;
  } catch (e) {
    let log = '';
    try { log = postDeskLog().split('\n').filter((l) => /preview/.test(l)).slice(-10).join('\n'); } catch { /* no log dir */ }
    throw new Error(`${(e as Error).message}; preview state: ${JSON.stringify(last)}${log ? `\nPost Desk log:\n${log}` : ''}`);
  }
}
/** Waits until the webview has applied the host's latest render (its script acknowledges each version). */
const settled = (what: string, extra: (s: PreviewState) => boolean = () => true): Promise<PreviewState> =>
  until(what, (s) => (s.acked === s.version && extra(s) ? s : undefined));
const closePreviews = async () => { for (const t of previewTabs()) await vscode.window.tabGroups.close(t); };

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('postdesk.preview'));
}

describe('preview', function () {
  this.timeout(240000);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the post and renders it in the webview', async () => {
    const editor = await openPost('_posts/2022-03-21-stock-blocks.md');
    const opened = await vscode.commands.executeCommand<{ uri: string; viewColumn: number; locked: boolean }>('postdesk.preview.openToSide');
    assert.equal(opened.uri, editor.document.uri.toString());
    assert.equal(opened.viewColumn, (editor.viewColumn ?? 1) + 1, 'the preview is in the column beside the post');
    assert.equal(opened.locked, false);
    const s = await settled('the first render to reach the webview');
    assert.ok(s.htmlLength > 1000);
    assert.equal(previewTabs().length, 1);
    assert.equal(previewTabs()[0].group.viewColumn, opened.viewColumn);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'focus stays in the post');
  });

  it('patches the webview after an edit, without a full reload', async () => {
    const editor = await openPost('_posts/2022-03-21-stock-blocks.md');
    const before = await settled('the preview');
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, '<p>　　新增的一段。</p>')));
    const after = await settled('the edit to reach the webview', (s) => s.version > before.version);
    assert.notEqual(after.htmlHash, before.htmlHash);
    assert.equal(after.htmlLength > before.htmlLength, true);
    assert.equal(after.reloads, before.reloads, 'an edit is a patch, not a page reload');
  });

  it('follows the active post, and stays when locked', async () => {
    const first = await settled('the preview');
    const other = await openPost('_posts/2021-12-01-digest-no-offset.md');
    const switched = await settled('the preview to follow the editor', (s) => s.uri === other.document.uri.toString());
    assert.ok(switched.reloads > first.reloads, 'another document is a full reload');
    assert.equal(switched.panels, 1);
    const locked = await vscode.commands.executeCommand<{ locked: boolean }>('postdesk.preview.toggleLock');
    assert.equal(locked.locked, true);
    const before = await settled('the locked preview');
    await openPost('_posts/2022-03-21-stock-blocks.md');
    // No sleep: showTextDocument resolves once the host has the new active editor (its listeners have run). An edit
    // of the locked post made after that renders into the preview only if the preview still shows that post.
    const doc = other.document;
    const end = doc.positionAt(doc.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, end, '<p>锁定</p>');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const kept = await settled('the locked preview to render an edit of its own post', (s) => s.version > before.version);
    assert.equal(kept.uri, doc.uri.toString(), 'a locked preview keeps its post');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(doc.uri, new vscode.Range(end, doc.positionAt(doc.getText().length)));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await doc.save();
    assert.equal((await vscode.commands.executeCommand<{ locked: boolean }>('postdesk.preview.toggleLock')).locked, false);
  });
  it('an edit made while the page\'s script is still loading reaches the page once it runs', async () => {
    await closePreviews();
    // A page, not a post: no diagnostics, so the edit below is the only patch (a later one would carry it too).
    const scratch = 'preview-scratch.html';
    fs.writeFileSync(path.join(siteRoot(), scratch), '<p>草稿页</p>\n');
    const editor = await openPost(scratch);
    const before = (await state())?.scriptRequests ?? 0;
    // The page's script is held: VS Code writes the page and, 200 ms later, hands it what was posted, script or not.
    await vscode.commands.executeCommand('postdesk.preview._holdScript', 'hold');
    try {
      await vscode.commands.executeCommand('postdesk.preview.openToSide');
      const loading = await until('the page to ask for its script', (s) => (s.scriptRequests > before ? s : undefined));
      assert.equal(loading.ready, false);
      const end = editor.document.positionAt(editor.document.getText().length);
      assert.ok(await editor.edit((b) => b.insert(end, '<p>　　加载时的修改。</p>')));
      await until('the edit to be rendered for the page', (s) => (s.version > loading.version ? s : undefined));
    } finally {
      await vscode.commands.executeCommand('postdesk.preview._holdScript', 'off');
    }
    const s = await settled('the edit to reach the page once its script ran');
    assert.equal(s.ready, true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(path.join(siteRoot(), scratch), { force: true });
  });

  it('a page whose script never runs is set again, and then shows the post', async () => {
    await closePreviews();
    await openPost('_posts/2022-03-21-stock-blocks.md');
    await vscode.commands.executeCommand('postdesk.preview._holdScript', 'fail-once');
    try {
      await vscode.commands.executeCommand('postdesk.preview.openToSide');
      const s = await settled('the page set again to start', (x) => x.ready && x.restarts > 0);
      assert.ok(s.restarts >= 1);
      assert.match(postDeskLog(), /preview: the page of \S+ did not start within \d+ s; setting it again \(1 of 3\)/);
    } finally {
      await vscode.commands.executeCommand('postdesk.preview._holdScript', 'off');
    }
  });
});
