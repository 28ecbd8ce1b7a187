// The preview's "As published" mode in real VS Code: the setting switches it, the page comes through the site's layouts, edits patch it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPost, waitFor } from './util';

interface PreviewState { uri: string; version: number; acked: number; htmlLength: number; htmlHash: string; reloads: number; mode?: string; published?: boolean }
const state = () => vscode.commands.executeCommand<PreviewState | undefined>('postdesk.preview._state');
const settled = (what: string, extra: (s: PreviewState) => boolean = () => true): Promise<PreviewState> =>
  waitFor(async () => { const s = await state(); return s && s.acked === s.version && extra(s) ? s : undefined; }, 20000, what) as Promise<PreviewState>;

describe('preview: As published', function () {
  this.timeout(60000);
  after(async () => {
    await vscode.workspace.getConfiguration('postdesk.preview').update('mode', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('switches with postdesk.preview.mode, renders through the layouts, and patches after an edit', async () => {
    const editor = await openPost('_posts/2022-03-21-stock-blocks.md');
    await vscode.commands.executeCommand('postdesk.preview.openToSide');
    const article = await settled('the article preview', (s) => s.mode === 'article');
    assert.equal(article.published, false);
    await vscode.workspace.getConfiguration('postdesk.preview').update('mode', 'published', vscode.ConfigurationTarget.Global);
    const page = await settled('the published page', (s) => s.published === true);
    assert.ok(page.reloads > article.reloads && page.htmlHash !== article.htmlHash);
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, '<p>　　新增的一段。</p>')));
    const edited = await settled('the edit in the published page', (s) => s.version > page.version);
    assert.ok(edited.published && edited.htmlLength > page.htmlLength);
    assert.equal(edited.reloads, page.reloads, 'an edit is a patch');
    await vscode.workspace.getConfiguration('postdesk.preview').update('mode', 'article', vscode.ConfigurationTarget.Global);
    await settled('back to the article', (s) => s.published === false);
  });
});
