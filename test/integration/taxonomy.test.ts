// Insert Categories/Tags in real VS Code: the edit, one undo step back to the exact text, bulk add, rename, completion.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openPost, siteRoot, waitFor } from './util';

interface Result { changed: string[]; unchanged: string[]; failed: { file: string; message: string }[] }

const BULK = ['_posts/2021-12-01-digest-no-offset.md', '_posts/2021-12-08-empty-title.md', '_posts/2021-12-09-cls-flow-tags.md'];
const SINGLE = '_posts/2021-12-09-block-tags.md';

describe('taxonomy', () => {
  const originals = new Map<string, string>();
  before(() => { for (const rel of [...BULK, SINGLE]) originals.set(rel, fs.readFileSync(path.join(siteRoot(), rel), 'utf8')); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [rel, text] of originals) fs.writeFileSync(path.join(siteRoot(), rel), text);
  });

  it('Insert Tags… edits only the value, keeps the block style, and one undo restores the exact text', async () => {
    const editor = await openPost(SINGLE);
    const before = editor.document.getText();
    const r = await vscode.commands.executeCommand<Result>('postdesk.insertTags', editor.document.uri, { values: ['港股', '新 标签'] });
    assert.deepEqual(r.failed, []);
    assert.equal(editor.document.getText(), before.replace(/^tags:\n(?:  - .*\n)+/m, 'tags:\n  - 港股\n  - 新 标签\n'));
    assert.notEqual(editor.document.getText(), before);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === before, 5000, 'one undo to restore the text');
  });

  it('Insert Categories… on three selected posts adds the value to each (bulk), saving them', async () => {
    const uris = BULK.map((rel) => vscode.Uri.file(path.join(siteRoot(), rel)));
    const r = await vscode.commands.executeCommand<Result>('postdesk.insertCategories', uris[0], uris, { values: ['bulk', '两 字'] });
    assert.deepEqual(r.failed, []);
    assert.equal(r.changed.length, 3);
    for (const rel of BULK) {
      const text = fs.readFileSync(path.join(siteRoot(), rel), 'utf8');
      const old = /^categories: (.*)$/m.exec(originals.get(rel)!)![1];
      assert.match(text, new RegExp(`^categories: \\[${old}, bulk, 两 字\\]$`, 'm'), rel);
      assert.equal(text.replace(/^categories: .*$/m, ''), originals.get(rel)!.replace(/^categories: .*$/m, ''), `${rel}: only the value changed`);
    }
  });

  it('the taxonomy view renames a value across posts as one edit', async () => {
    const node = { kind: 'value', root: siteRoot(), key: 'categories', value: 'bulk', count: 3 };
    const r = await waitFor(async () => {
      const res = await vscode.commands.executeCommand<Result | undefined>('postdesk.taxonomy.rename', node, { to: 'renamed', confirm: false });
      return res && res.changed.length === 3 ? res : undefined;
    }, 10000, 'the index to see the bulk values');
    assert.equal(r?.changed.length, 3);
    for (const rel of BULK) assert.match(fs.readFileSync(path.join(siteRoot(), rel), 'utf8'), /^categories: \[.*, renamed, 两 字\]$/m);
  });

  it('completes category values inside the front matter with counts', async () => {
    const editor = await openPost(SINGLE);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('categories:'));
    const pos = new vscode.Position(line, editor.document.lineAt(line).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos, ' ');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('emnews'), labels.join(','));
    assert.ok(labels.includes('jingjiwang'), 'configured values are offered even when unused');
  });
});
