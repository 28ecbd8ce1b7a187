// The web suites run where github.dev runs Post Desk: the web worker host, its `browser` entry, a virtual workspace.
import * as assert from './assert';
import * as vscode from 'vscode';
import { postDesk, SCHEME, siteUri } from './util';

describe('web worker extension host', () => {
  it('runs in a worker, not in Node (no silent fallback to the Node host)', () => {
    assert.equal(typeof process, 'undefined');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
  });

  it('opens the site through the test file system provider, not file:', () => {
    assert.equal(siteUri().scheme, SCHEME);
    assert.ok(!vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme === 'file'));
  });

  it('activates Post Desk from its browser entry and registers every contributed command', async () => {
    const ext = await postDesk();
    assert.equal(ext.exports.host, 'web', 'activate() of src/web/extension.ts');
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI);
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of (ext.packageJSON.contributes.commands as { command: string }[]).map((x) => x.command)) assert.ok(all.has(c), `command ${c}`);
  });

  it('Show Post Info reads the site of a virtual workspace (its _config.yml timezone)', async () => {
    await postDesk();
    const info = await vscode.commands.executeCommand<{ keys: string[]; timezone: string }>('postdesk.showInfo');
    assert.deepEqual(info.keys, ['layout', 'title', 'date', 'categories', 'tags']);
    assert.equal(info.timezone, 'Asia/Shanghai');
  });
});
