// The strip commands in real VS Code: the post (one undo step), the selection, all posts, and strip-on-save.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openPost, siteRoot, waitFor } from './util';

const SAMPLE = '_posts/2022-03-21-stock-blocks.md';
const SP = '<p style="display:none;height:1px;overflow:hidden;"><br /></p>';
const BLOCK = `${SP}<!-- EM_StockImg_Start --><p style="text-align:center;"><img src="https://charts.example.com/GetPic.aspx?nid=1.600000" /></p><!-- EM_StockImg_End -->`;
const FM = '---\nlayout: post\ntitle: "剥离测试"\ndate: 2022-03-22 10:00:00 +0800\ncategories: jingjiwang\ntags: 经济网新闻\n---\n';
/** An independent reference: the well-formed blocks of the fixtures, spacer included. */
const REF = /<p style="display:none;height:1px;overflow:hidden;"><br \/><\/p><!-- EM_StockImg_Start -->[\s\S]*?<!-- EM_StockImg_End -->/g;

interface StripResult { count: number; files?: { uri: vscode.Uri; count: number }[] }

const abs = (rel: string) => path.join(siteRoot(), rel);

/** Reverts every dirty document (ours or left by an earlier suite) and closes all editors, so no prompt can block. */
async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !doc.isDirty, 10000, `${doc.uri.fsPath} to revert`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Puts `text` back into the document and on disk through VS Code (no file written behind an open model's back). */
async function restore(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  if (doc.isDirty) assert.ok(await doc.save(), `${uri.fsPath} saved`);
}

describe('strip stock-image blocks', function () {
  this.timeout(60000);
  const snapshot = new Map<string, string>();
  const created: string[] = [];

  before(async () => {
    await closeAll();
    for (const name of fs.readdirSync(abs('_posts'))) snapshot.set(path.join('_posts', name), fs.readFileSync(abs(path.join('_posts', name)), 'utf8'));
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('postdesk').update('stripStockImagesOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
    for (const [rel, text] of snapshot) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === abs(rel));
      if (fs.readFileSync(abs(rel), 'utf8') !== text || (open && open.getText() !== text)) await restore(vscode.Uri.file(abs(rel)), text);
    }
    await closeAll();
    for (const rel of created.splice(0)) fs.rmSync(abs(rel), { force: true });
  });
  const create = (rel: string, text: string) => { fs.writeFileSync(abs(rel), text); created.push(rel); };

  it('"Strip Stock-Image Blocks" removes the 2 blocks of the sample post, and one undo restores the exact text', async () => {
    const editor = await openPost(SAMPLE);
    const original = editor.document.getText();
    assert.equal(original, snapshot.get(path.normalize(SAMPLE)));
    const res = await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImages');
    assert.equal(res.count, 2);
    const stripped = editor.document.getText();
    assert.equal(stripped, original.replace(REF, ''));
    assert.ok(!/EM_StockImg/i.test(stripped));
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === original, 5000, 'undo to restore the text');
    assert.equal(editor.document.isDirty, false);
    // Nothing left to strip after stripping once.
    await vscode.commands.executeCommand('postdesk.stripStockImages');
    assert.equal((await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImages')).count, 0);
  });

  it('"… in Selection" removes only the blocks inside the selection', async () => {
    const editor = await openPost(SAMPLE);
    const doc = editor.document;
    const text = doc.getText();
    const second = text.indexOf(SP, text.indexOf(SP) + 1);
    const end = text.indexOf('<!-- EM_StockImg_End -->', second) + '<!-- EM_StockImg_End -->'.length;
    editor.selection = new vscode.Selection(doc.positionAt(second), doc.positionAt(end));
    const res = await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImagesInSelection');
    assert.equal(res.count, 1);
    assert.equal(doc.getText(), text.slice(0, second) + text.slice(end));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal((await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImagesInSelection')).count, 0);
  });

  it('"… in All Posts" strips every post in one edit and saves them; {confirm:false} skips the modal', async () => {
    create('_posts/2022-03-22-strip-extra.md', `${FM}<p>a</p>\n${BLOCK}\n<p>b</p>`.replace(/\n/g, '\r\n'));
    create('_posts/2022-03-22-strip-clean.md', `${FM}<p>clean</p>`);
    const res = await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImagesInAllPosts', { confirm: false });
    const counts = new Map(res.files!.map((f) => [path.relative(siteRoot(), f.uri.fsPath).split(path.sep).join('/'), f.count]));
    assert.equal(counts.get(SAMPLE), 2);
    assert.equal(counts.get('_posts/2022-03-22-strip-extra.md'), 1);
    assert.ok(!counts.has('_posts/2022-03-22-strip-clean.md'));
    assert.equal(res.count, [...counts.values()].reduce((a, b) => a + b, 0));
    await waitFor(() => !vscode.workspace.textDocuments.some((d) => d.isDirty), 10000, 'stripped posts to be saved');
    assert.equal(fs.readFileSync(abs('_posts/2022-03-22-strip-extra.md'), 'utf8'), `${FM}<p>a</p>\n<p>b</p>`.replace(/\n/g, '\r\n'));
    assert.equal(fs.readFileSync(abs(SAMPLE), 'utf8'), snapshot.get(path.normalize(SAMPLE))!.replace(REF, ''));
    assert.equal(fs.readFileSync(abs('_posts/2022-03-22-strip-clean.md'), 'utf8'), `${FM}<p>clean</p>`);
    for (const name of fs.readdirSync(abs('_posts'))) assert.ok(!new RegExp(REF.source).test(fs.readFileSync(abs(path.join('_posts', name)), 'utf8')), name);
    const again = await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImagesInAllPosts', { confirm: false });
    assert.equal(again.count, 0);
  });

  it('strips on save only when postdesk.stripStockImagesOnSave is on', async () => {
    create('_posts/2022-03-23-strip-save.md', `${FM}<p>a</p>${BLOCK}<p>b</p>`);
    const editor = await openPost('_posts/2022-03-23-strip-save.md');
    const doc = editor.document;
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), '\n<p>c</p>'));
    await doc.save();
    assert.equal(fs.readFileSync(abs('_posts/2022-03-23-strip-save.md'), 'utf8'), `${FM}<p>a</p>${BLOCK}<p>b</p>\n<p>c</p>`, 'off by default');
    await vscode.workspace.getConfiguration('postdesk').update('stripStockImagesOnSave', true, vscode.ConfigurationTarget.Workspace);
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), '\n<p>d</p>'));
    await doc.save();
    const expected = `${FM}<p>a</p><p>b</p>\n<p>c</p>\n<p>d</p>`;
    assert.equal(doc.getText(), expected);
    assert.equal(fs.readFileSync(abs('_posts/2022-03-23-strip-save.md'), 'utf8'), expected);
    assert.equal(doc.isDirty, false);
  });
});
