// Post Desk activates in a real extension host when a post of the fixture site opens, and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openPost, extensionId, waitFor } from './util';

describe('activation', () => {
  it('activates when a post opens and registers every contributed command', async () => {
    await openPost('_posts/2022-03-21-stock-blocks.md');
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, 'Post Desk is installed in the host');
    // Activation is an event after the open: wait for it (bounded generously, a loaded machine is slow), never force it.
    await waitFor(() => ext.isActive, 60000, 'Post Desk to activate after a post opened');
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length > 0);
    for (const c of contributed) assert.ok(all.has(c), `command ${c} is registered`);
  });

  it('Show Post Info reads the front matter the way Jekyll does', async () => {
    await openPost('_posts/2021-12-01-leading-blank.md');
    const info = await vscode.commands.executeCommand<{ noFrontMatter: { reason: string } | null; keys: string[] }>('postdesk.showInfo');
    assert.equal(info.noFrontMatter?.reason, 'leading-blank');
    assert.deepEqual(info.keys, []);
    await openPost('_posts/2022-03-21-stock-blocks.md');
    const good = await vscode.commands.executeCommand<{ keys: string[]; timezone: string }>('postdesk.showInfo');
    assert.deepEqual(good.keys, ['layout', 'title', 'date', 'categories', 'tags']);
    assert.equal(good.timezone, 'Asia/Shanghai');
  });
});
