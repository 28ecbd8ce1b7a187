// Show Post Info in real VS Code: the hover on the front matter fence shows the publish time; the command opens the view; Copy as JSON.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPost, waitFor } from './util';

/** The Markdown of every hover at a position, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('post info', () => {
  it('a hover on the opening and closing `---` says when and where Jekyll publishes the post', async () => {
    const editor = await openPost('_posts/2021-12-01-digest-no-offset.md');
    const uri = editor.document.uri;
    const text = await waitFor(async () => { const t = await hoverText(uri, new vscode.Position(0, 1)); return t.includes('Time:') ? t : ''; }, 20000, 'the fence hover');
    assert.match(text, /\*\*Time:\*\* ` 2021-12-01 21:33:50 \+0800 ` \(Asia\/Shanghai\); the file says ` 2021-12-01 13:33:50 `/);
    assert.match(text, /\*\*URL:\*\* ` \/emnews\/2021\/12\/01\/digest-no-offset\.html `/);
    assert.match(text, /\[Copy as JSON\]\(command:postdesk\.copyPostInfoJson\?/);
    const close = editor.document.getText().split('\n').indexOf('---', 1);
    assert.ok(close > 0);
    assert.match(await hoverText(uri, new vscode.Position(close, 0)), /\*\*Time:\*\*/);
    // Not on other lines of the front matter.
    assert.doesNotMatch(await hoverText(uri, new vscode.Position(1, 1)), /\*\*Time:\*\*/);
  });

  it('Show Post Info opens a readable view and Copy as JSON puts the JSON on the clipboard', async () => {
    const editor = await openPost('_posts/2021-12-01-digest-no-offset.md');
    const info = await vscode.commands.executeCommand<{ date: string; keys: string[] }>('postdesk.showInfo');
    assert.equal(info.date, '2021-12-01 21:33:50 +0800');
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'postdesk-info'), 10000, 'the info document');
    assert.ok(doc);
    assert.match(doc.getText(), /\*\*Published\*\*\./);
    const json = await vscode.commands.executeCommand<string>('postdesk.copyPostInfoJson', editor.document.uri.toString());
    assert.equal(await vscode.env.clipboard.readText(), json);
    assert.equal((JSON.parse(json) as { url: string }).url, '/emnews/2021/12/01/digest-no-offset.html');
  });
});
