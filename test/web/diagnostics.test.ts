// Problems on a virtual workspace: posts never opened (the scan walks the folders through the file system provider), the watcher, a quick fix.
import * as assert from './assert';
import * as vscode from 'vscode';
import { at, openPost, ours, postDesk, readText, waitRules, writeText } from './util';

const FM = (date: string) => `---\nlayout: post\ntitle: "测试标题"\ndate: ${date}\ncategories: emnews\ntags: 东财滚动新闻\n---\n正文\n`;

describe('web: diagnostics', () => {
  const created: vscode.Uri[] = [];
  before(async () => { await postDesk(); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of created) await vscode.workspace.fs.delete(u);
  });

  it('shows problems of posts that were never opened', async () => {
    const uri = at('_posts/2021-12-08-empty-title.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    await waitRules(uri, ['title-empty'], 'never-opened post');
  });

  it('keeps them current through the file watcher of the provider', async () => {
    const uri = await writeText('_posts/2021-12-10-web-watch.md', FM('2021-12-10 10:00:00'));
    created.push(uri);
    await waitRules(uri, ['date-no-offset'], 'created file');
    await writeText('_posts/2021-12-10-web-watch.md', FM('2021-12-10 10:00:00 +0800'));
    await waitRules(uri, [], 'changed file');
  });

  it('applies the preferred quick fix and saves it through the provider', async () => {
    const uri = await writeText('_posts/2021-12-10-web-fix.md', FM('2021-12-10 10:00:00'));
    created.push(uri);
    const editor = await openPost('_posts/2021-12-10-web-fix.md');
    await waitRules(uri, ['date-no-offset'], 'before the fix');
    const [d] = ours(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.ok(preferred.length >= 1, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    assert.match(editor.document.getText(), /^date: 2021-12-10 10:00:00 \+0800$/m);
    assert.ok(await editor.document.save());
    assert.match(await readText('_posts/2021-12-10-web-fix.md'), /^date: 2021-12-10 10:00:00 \+0800$/m);
    await waitRules(uri, [], 'after the fix');
  });
});
