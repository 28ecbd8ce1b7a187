// Edits through the provider: Insert Tags on a post, Strip in All Posts changing only the files with blocks.
import * as assert from './assert';
import * as vscode from 'vscode';
import { at, openPost, postDesk, readText, rules, waitFor, writeText } from './util';

interface Result { changed: string[]; unchanged: string[]; failed: { file: string; message: string }[] }
interface StripResult { count: number; files?: { uri: vscode.Uri; count: number }[] }

const SINGLE = '_posts/2021-12-09-block-tags.md';
const SAMPLE = '_posts/2022-03-21-stock-blocks.md';
const FM = '---\nlayout: post\ntitle: "剥离测试"\ndate: 2022-03-22 10:00:00 +0800\ncategories: jingjiwang\ntags: 经济网新闻\n---\n';
const BLOCK = '<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p style="text-align:center;"><img src="https://charts.example.com/GetPic.aspx?nid=1.600000" /></p><!-- EM_StockImg_End -->';
const REF = /<p style="display:none;height:1px;overflow:hidden;"><br \/><\/p><!-- EM_StockImg_Start -->[\s\S]*?<!-- EM_StockImg_End -->/g;

describe('web: edits through the file system provider', function () {
  this.timeout(120000);
  const originals = new Map<string, string>();
  before(async () => {
    await postDesk();
    for (const rel of [SINGLE, SAMPLE]) originals.set(rel, await readText(rel));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [rel, text] of originals) await writeText(rel, text);
  });

  it('Insert Tags… edits the value and saves it through the provider', async () => {
    const editor = await openPost(SINGLE);
    const before = editor.document.getText();
    const r = await vscode.commands.executeCommand<Result>('postdesk.insertTags', editor.document.uri, { values: ['港股', '新 标签'] });
    assert.deepEqual(r.failed, []);
    const want = before.replace(/^tags:\n(?:  - .*\n)+/m, 'tags:\n  - 港股\n  - 新 标签\n');
    assert.notEqual(want, before);
    assert.equal(editor.document.getText(), want);
    assert.ok(await editor.document.save());
    assert.equal(await readText(SINGLE), want);
  });

  it('Strip in All Posts changes only the files with blocks', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const extra = await writeText('_posts/2022-03-22-web-strip-extra.md', `${FM}<p>a</p>\n${BLOCK}\n<p>b</p>`);
    const clean = await writeText('_posts/2022-03-22-web-strip-clean.md', `${FM}<p>clean</p>`);
    try {
      // The watcher must have brought the new post into the workspace model (its block is a Problem) before the command.
      await waitFor(() => rules(extra).includes('stock-image-block'), 30000, 'the new post to be analysed');
      const res = await vscode.commands.executeCommand<StripResult>('postdesk.stripStockImagesInAllPosts', { confirm: false });
      const counts = new Map(res.files!.map((f) => [f.uri.toString(), f.count]));
      assert.equal(counts.get(at(SAMPLE).toString()), 2);
      assert.equal(counts.get(extra.toString()), 1);
      assert.ok(!counts.has(clean.toString()));
      await waitFor(() => !vscode.workspace.textDocuments.some((d) => d.isDirty), 20000, 'stripped posts to be saved');
      assert.equal(await readText('_posts/2022-03-22-web-strip-extra.md'), `${FM}<p>a</p>\n<p>b</p>`);
      assert.equal(await readText(SAMPLE), originals.get(SAMPLE)!.replace(REF, ''));
      assert.equal(await readText('_posts/2022-03-22-web-strip-clean.md'), `${FM}<p>clean</p>`);
    } finally {
      await vscode.workspace.fs.delete(extra);
      await vscode.workspace.fs.delete(clean);
    }
  });
});
