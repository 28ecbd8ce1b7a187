// The preview in the web worker host: the sample article renders in the webview with its stock-image blocks marked.
import * as assert from './assert';
import * as vscode from 'vscode';
import { openPost, postDesk, siteUri, waitFor, writeText } from './util';

interface PreviewState { uri: string; version: number; acked: number; htmlLength: number; htmlHash: string; reloads: number; stockMarks: number; mode?: string; siteRoot?: string; renderedIn?: string }
const state = () => vscode.commands.executeCommand<PreviewState | undefined>('postdesk.preview._state');
const settled = (what: string, extra: (s: PreviewState) => boolean = () => true) =>
  waitFor(async () => { const s = await state(); return s && s.acked === s.version && extra(s) ? s : undefined; }, 90000, what) as Promise<PreviewState>;

describe('web: preview', function () {
  this.timeout(180000);
  before(async () => { await postDesk(); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renders the sample article with its stock-image blocks marked, acknowledged by the webview', async () => {
    const editor = await openPost('_posts/2022-03-21-stock-blocks.md');
    const opened = await vscode.commands.executeCommand<{ uri: string }>('postdesk.preview.openToSide');
    assert.equal(opened.uri, editor.document.uri.toString());
    const s = await settled('the first render to reach the webview');
    assert.ok(s.htmlLength > 1000, String(s.htmlLength));
    assert.equal(s.stockMarks, 2, 'both stock-image blocks are marked');
    assert.equal(s.mode, 'article', 'no "As published" on the web');
    assert.equal(s.siteRoot, siteUri().path, 'the post is previewed as part of its site (header, image base)');
  });

  it('patches the webview after an edit', async () => {
    const editor = await openPost('_posts/2022-03-21-stock-blocks.md');
    const before = await settled('the preview');
    assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(editor.document.getText().length), '<p>　　新增的一段。</p>')));
    const after = await settled('the edit to reach the webview', (x) => x.version > before.version);
    assert.notEqual(after.htmlHash, before.htmlHash);
    assert.equal(after.reloads, before.reloads, 'an edit is a patch, not a page reload');
    // The edit must not reach the provider: later suites compare the post on "disk" with what they read first.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.isDirty, false);
  });

  // code-server lets the web worker host start Web Workers (vscode.dev does too); the main-thread fallback, for hosts
  // that refuse (VS Code Server, microsoft/vscode#168942), is unit-tested in test/unit/offthread.test.ts.
  it('renders a post past the inline limit in a Web Worker', async () => {
    const paras = Array.from({ length: 3000 }, (_, i) => `<p>　　第${i + 1}段：长文正文，用于离线程渲染。</p>`).join('');
    const uri = await writeText('_posts/2022-04-03-web-long.md', `---\nlayout: post\ntitle: "长文"\ndate: 2022-04-03 10:00:00 +0800\n---\n${paras}`);
    try {
      await openPost('_posts/2022-04-03-web-long.md');
      await vscode.commands.executeCommand('postdesk.preview.openToSide');
      const s = await settled('the long post', (x) => x.uri === uri.toString() && x.htmlLength > 100000);
      assert.equal(s.renderedIn, 'worker');
      console.log(`[postdesk] a ${Math.round(paras.length / 1024)} KiB post rendered in: ${s.renderedIn}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
