// Post Desk diagnostics in a real VS Code: never-opened posts, open and edit, a quick fix, fix-all and fix-on-save kind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, openPost, siteRoot, waitFor } from './util';

const FM = (date: string, title = '"测试标题"') => `---\nlayout: post\ntitle: ${title}\ndate: ${date}\ncategories: emnews\ntags: 东财滚动新闻\n---\n正文\n`;
const created: string[] = [];

/** Writes a post of our own into the fixture site (removed after the suite). */
function writePost(name: string, text: string): vscode.Uri {
  const file = path.join(siteRoot(), '_posts', name);
  fs.writeFileSync(file, text);
  created.push(file);
  return vscode.Uri.file(file);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Post Desk');
const rules = (uri: vscode.Uri) => ours(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))).sort();
const waitRules = (uri: vscode.Uri, want: string[], what: string) =>
  waitFor(() => JSON.stringify(rules(uri)) === JSON.stringify([...want].sort()), 10000, `${what}: ${JSON.stringify(want)} (have ${JSON.stringify(rules(uri))})`);

describe('diagnostics', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    await ext?.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of created) fs.rmSync(f, { force: true });
  });

  it('shows problems of posts that were never opened (workspace scan)', async () => {
    const uri = vscode.Uri.file(path.join(siteRoot(), '_posts', '2021-12-08-empty-title.md'));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    await waitRules(uri, ['title-empty'], 'never-opened post');
  });

  it('keeps the Problems of never-opened posts current through the file watcher', async () => {
    const uri = writePost('2021-12-10-pd-watch.md', FM('2021-12-10 10:00:00'));
    await waitRules(uri, ['date-no-offset'], 'created file');
    fs.writeFileSync(uri.fsPath, FM('2021-12-10 10:00:00 +0800'));
    await waitRules(uri, [], 'changed file');
  });

  it("leaves what Jekyll excludes out of Problems: vendor/bundle/ (a default exclude) gets none, vendor/theme/ does", async () => {
    const write = (rel: string) => {
      const f = path.join(siteRoot(), rel);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, FM('2021-12-11 10:00:00'));
      created.push(f);
      return vscode.Uri.file(f);
    };
    // Opened, so analysed at once (no wait for a watcher on new folders); the PostWorkspace asks the core's isSiteContent.
    const theme = write('vendor/theme/_posts/2021-12-11-pd-theme.md');
    await vscode.workspace.openTextDocument(theme);
    await waitRules(theme, ['date-no-offset'], 'an open post in vendor/theme');
    const bundle = write('vendor/bundle/_posts/2021-12-11-pd-bundle.md');
    await vscode.workspace.openTextDocument(bundle);
    // A post opened after it shows its Problems: by then the excluded one would have shown its own.
    const after = writePost('2021-12-11-pd-after.md', FM('2021-12-11 10:00:00'));
    await vscode.workspace.openTextDocument(after);
    await waitRules(after, ['date-no-offset'], 'a post opened after the excluded one');
    assert.deepEqual(rules(bundle), []);
  });

  it('validates a post on open, with exact ranges and a code linking to the rule page', async () => {
    const uri = writePost('2021-12-10-pd-open.md', FM('2021-12-10 10:00:00'));
    const editor = await openPost('_posts/2021-12-10-pd-open.md');
    await waitRules(uri, ['date-no-offset'], 'opened post');
    const [d] = ours(uri);
    assert.equal(editor.document.getText(d.range), '2021-12-10 10:00:00');
    assert.match(d.message, /2021-12-10 18:00:00 \+0800/);
    assert.equal(typeof d.code === 'object' && d.code.target.toString(), 'https://github.com/postdesk/postdesk/blob/main/docs/rules/date-no-offset.md');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('re-validates after an edit', async () => {
    const uri = writePost('2021-12-10-pd-edit.md', FM('2021-12-10 10:00:00 +0800'));
    const editor = await openPost('_posts/2021-12-10-pd-edit.md');
    await waitRules(uri, [], 'clean post');
    const at = editor.document.getText().indexOf('"测试标题"');
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), '""'));
    await waitRules(uri, ['title-empty'], 'after the edit');
  });

  it('sees a layout created or deleted in _layouts/ without an edit (lookups are cached per site, cleared by a watcher)', async () => {
    const uri = writePost('2021-12-10-pd-layout.md', FM('2021-12-10 10:00:00 +0800').replace('layout: post', 'layout: pd-brief'));
    await openPost('_posts/2021-12-10-pd-layout.md');
    await waitRules(uri, ['layout-missing'], 'unknown layout');
    const layout = path.join(siteRoot(), '_layouts', 'pd-brief.html');
    fs.writeFileSync(layout, '{{ content }}\n');
    created.push(layout);
    await waitRules(uri, [], 'layout created');
    fs.rmSync(layout);
    await waitRules(uri, ['layout-missing'], 'layout deleted');
  });

  it('applies the preferred quick fix', async () => {
    const uri = writePost('2021-12-10-pd-fix.md', FM('2021-12-10 10:00:00'));
    const editor = await openPost('_posts/2021-12-10-pd-fix.md');
    await waitRules(uri, ['date-no-offset'], 'before the fix');
    // The open document's own diagnostics replace the scan's a moment after it opens: ask until they are there, as
    // a person pressing Ctrl+. again would (the e2e test does the same).
    const actions: vscode.CodeAction[] = await waitFor(async () => {
      const [d] = ours(uri);
      const got = d ? await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value) : [];
      return got.length ? got : undefined;
    }, 20000, 'the quick fixes of the date-no-offset diagnostic') ?? [];
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length >= 1, true, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.title === 'Fix all Post Desk problems in this file'));
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    assert.match(editor.document.getText(), /^date: 2021-12-10 10:00:00 \+0800$/m);
    await waitRules(uri, [], 'after the fix');
  });

  it('fixes all problems of a file (source.fixAll.postdesk and the command)', async () => {
    const uri = writePost('2021-12-10-pd-all.md', `\n\n${FM('2021-12-10 10:00:00').replace('tags: 东财滚动新闻', 'tags: [东财滚动新闻, 东财滚动新闻]')}`);
    const editor = await openPost('_posts/2021-12-10-pd-all.md');
    await waitRules(uri, ['date-no-offset', 'front-matter-missing', 'taxonomy-duplicate'], 'before fix-all');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.postdesk');
    const all = actions.find((a) => a.kind?.value === 'source.fixAll.postdesk');
    assert.ok(all?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    // One pass fixes what does not overlap; the command settles the rest.
    await vscode.commands.executeCommand('postdesk.fixAll');
    assert.equal(editor.document.getText(), FM('2021-12-10 10:00:00 +0800').replace('tags: 东财滚动新闻', 'tags: [东财滚动新闻]'));
    await waitRules(uri, [], 'after fix-all');
  });
});
