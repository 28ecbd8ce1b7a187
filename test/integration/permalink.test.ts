// permalink-conflict in real VS Code: two posts Jekyll writes to one file are both in Problems, and the quick fix opens the other.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { siteRoot, waitFor } from './util';

const post = (title: string) => `---\nlayout: post\ntitle: "${title}"\ndate: 2021-12-20 10:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\npermalink: /clash-it/\n---\n正文\n`;
const NAMES = ['2021-12-20-clash-it-a.md', '2021-12-20-clash-it-b.md'];

describe('permalink conflicts', () => {
  const files = () => NAMES.map((n) => path.join(siteRoot(), '_posts', n));
  after(async () => {
    for (const f of files()) fs.rmSync(f, { force: true });
    // The other suites see the site as it was: wait until the conflict has left Problems.
    await waitFor(() => vscode.languages.getDiagnostics().every(([, ds]) => !ds.some((d) => JSON.stringify(d.code).includes('permalink-conflict'))), 30000, 'the conflict to leave Problems');
  });

  it('both posts show permalink-conflict, and its quick fix opens the other post', async () => {
    files().forEach((f, i) => fs.writeFileSync(f, post(`冲突${i}`)));
    const [a] = files().map((f) => vscode.Uri.file(f));
    const diag = (await waitFor(() => vscode.languages.getDiagnostics(a).find((d) => JSON.stringify(d.code).includes("permalink-conflict")), 30000, "the conflict in Problems"))!;
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diag.message, /clash-it-b\.md/);
    // Made by the one Problem → Diagnostic helper (src/host/diagnostic.ts), as the post's own problems are.
    assert.equal(diag.source, 'Post Desk');
    assert.equal(typeof diag.code === 'object' && diag.code.target.toString(), 'https://github.com/postdesk/postdesk/blob/main/docs/rules/permalink-conflict.md');
    const doc = await vscode.workspace.openTextDocument(a);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', a, diag.range);
    const open = actions.find((x) => x.title.includes('2021-12-20-clash-it-b.md'));
    assert.ok(open?.command, `actions: ${actions.map((x) => x.title).join(' | ')}`);
    await vscode.commands.executeCommand(open.command.command, ...(open.command.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('clash-it-b.md'), 10000, 'the other post to open');
    assert.ok(doc);
  });
});
