// file-unreadable in the editor: a post the workspace model cannot read (a FIFO, a file over 1 MiB) is a problem in Problems, as `postdesk check` reports it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, siteRoot, waitFor } from './util';

const FIFO = '_posts/2021-12-21-a-fifo.md';
const BIG = '_posts/2021-12-22-too-big.md';
const SMALL = '_posts/2021-12-23-small-again.md';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Post Desk');
const rules = (uri: vscode.Uri) => ours(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

describe('unreadable posts in Problems', function () {
  this.timeout(120000);
  const abs = (rel: string) => path.join(siteRoot(), rel);
  const post = '---\nlayout: post\ntitle: t\ndate: 2021-12-22 10:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n';

  before(async () => { await vscode.extensions.getExtension(extensionId)?.activate(); });
  after(() => { for (const f of [FIFO, BIG, SMALL]) fs.rmSync(abs(f), { force: true }); });

  it('a FIFO among the posts is file-unreadable (an error), and the host does not hang on it', async () => {
    execFileSync('mkfifo', [abs(FIFO)]);
    const uri = vscode.Uri.file(abs(FIFO));
    // The scan lists it, or the watcher tells about it; either way it is reported, not read.
    await vscode.commands.executeCommand('postdesk.validateWorkspace');
    await waitFor(() => rules(uri).includes('file-unreadable'), 60000, 'file-unreadable on the FIFO');
    assert.equal(ours(uri)[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(ours(uri)[0].message, /regular file/);
    // The host still answers (a blocking read of the FIFO would have stopped the scan for good).
    await waitFor(async () => !(await vscode.commands.executeCommand<{ scanning: boolean }>('postdesk._workspace'))!.scanning, 60000, 'the scan to end');
  });

  it('a post over 1 MiB is file-unreadable (a warning); back under the limit, it is validated again', async () => {
    fs.writeFileSync(abs(BIG), post + 'x'.repeat(1024 * 1024 + 10));
    const uri = vscode.Uri.file(abs(BIG));
    await waitFor(() => rules(uri).includes('file-unreadable'), 60000, 'file-unreadable on the large post');
    assert.equal(ours(uri).find((d) => String((d.code as { value: string }).value) === 'file-unreadable')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(ours(uri)[0].message, /1 MiB/);
    // A rescan reads it through the scan (not the watcher): still file-unreadable, never validated.
    await vscode.commands.executeCommand('postdesk.validateWorkspace');
    assert.deepEqual(rules(uri), ['file-unreadable'], 'after a rescan');
    // A small post written meanwhile is read as usual (its empty title is reported).
    fs.writeFileSync(abs(SMALL), post.replace('title: t', 'title: ""'));
    await waitFor(() => rules(vscode.Uri.file(abs(SMALL))).includes('title-empty'), 60000, 'title-empty on the small post');
    fs.writeFileSync(abs(BIG), post.replace('title: t', 'title: ""'));
    await waitFor(() => rules(uri).includes('title-empty') && !rules(uri).includes('file-unreadable'), 60000, 'the shrunk post validated');
  });
});
