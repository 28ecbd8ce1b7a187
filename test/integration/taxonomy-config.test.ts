// A tag outside the site's list, added to _config.yml from Insert Tags (taxonomy-unknown then stops), and the taxonomy view's filter.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openPost, siteRoot, waitFor } from './util';

interface Result { changed: string[]; failed: unknown[]; addedToConfig?: string[] }
const POST = '_posts/2021-12-01-digest-no-offset.md';
const unknownTag = (uri: vscode.Uri, value: string) => vscode.languages.getDiagnostics(uri).some((d) => JSON.stringify(d.code).includes('taxonomy-unknown') && d.message.includes(value));

describe('taxonomy: the site list and the view filter', () => {
  const saved = new Map<string, string>();
  before(() => { for (const rel of [POST, '_config.yml']) saved.set(rel, fs.readFileSync(path.join(siteRoot(), rel), 'utf8')); });
  // The edits here are saved (save: true), so restoring the files on disk leaves no unsaved document behind for the next suite.
  after(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [rel, text] of saved) fs.writeFileSync(path.join(siteRoot(), rel), text);
    for (const [rel, text] of saved) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path.join(siteRoot(), rel));
      if (doc) await waitFor(() => doc.getText() === text, 30000, `${rel} to be read back`);
    }
  });

  it('Insert Tags with a value outside the site list: warned, then listed in _config.yml on request (comments kept), and the warning goes', async () => {
    const editor = await openPost(POST);
    const uri = editor.document.uri;
    const r1 = await vscode.commands.executeCommand<Result>('postdesk.insertTags', uri, { values: ['东财滚动新闻', '新能源'], addToConfig: false, save: true });
    assert.deepEqual(r1.failed, []);
    assert.deepEqual(r1.addedToConfig, []);
    await waitFor(() => unknownTag(uri, '新能源'), 20000, 'taxonomy-unknown for 新能源');
    const r2 = await vscode.commands.executeCommand<Result>('postdesk.insertTags', uri, { values: ['东财滚动新闻', '新能源', '光伏'], addToConfig: true, save: true });
    assert.deepEqual(r2.addedToConfig, ['光伏']);
    const config = fs.readFileSync(path.join(siteRoot(), '_config.yml'), 'utf8');
    assert.equal(config, saved.get('_config.yml')!.replace('财联社电报]', '财联社电报, 光伏]'), 'one value added, the rest of the file as it was');
    const r3 = await vscode.commands.executeCommand<Result>('postdesk.insertTags', uri, { add: ['新能源'], addToConfig: true, save: true });
    assert.deepEqual(r3.addedToConfig, undefined, 'nothing new was inserted');
    const r4 = await vscode.commands.executeCommand<Result>('postdesk.insertTags', uri, { values: ['东财滚动新闻', '光伏'], addToConfig: true, save: true });
    assert.deepEqual(r4.addedToConfig, undefined, 'no new value');
    const r5 = await vscode.commands.executeCommand<Result>('postdesk.insertTags', uri, { values: ['东财滚动新闻', '光伏', '新能源'], addToConfig: true, save: true });
    assert.deepEqual(r5.addedToConfig, ['新能源']);
    await waitFor(() => !unknownTag(uri, '新能源') && !unknownTag(uri, '光伏'), 20000, 'the warnings to go once _config.yml lists the values');
  });

  it('the taxonomy view filter keeps the matching values and counts them; clearing it shows all again', async () => {
    const all = (await waitFor(async () => {
      const m = await vscode.commands.executeCommand<{ shown: number; total: number }>('postdesk.taxonomy.filter', '');
      return m && m.total > 3 ? m : undefined;
    }, 20000, 'the taxonomy index'))!;
    assert.equal(all.shown, all.total);
    // Each answer counts one state of the index (it may still be taking in the posts edited above).
    const some = await vscode.commands.executeCommand<{ shown: number; total: number }>('postdesk.taxonomy.filter', 'EMN');
    assert.ok(some.shown >= 1 && some.shown < some.total, JSON.stringify(some));
    const none = await vscode.commands.executeCommand<{ shown: number; total: number }>('postdesk.taxonomy.filter', 'no such value');
    assert.equal(none.shown, 0);
    await vscode.commands.executeCommand('postdesk.taxonomy.clearFilter');
    const back = await vscode.commands.executeCommand<{ shown: number; total: number }>('postdesk.taxonomy.filter', '');
    assert.equal(back.shown, back.total);
  });
});
