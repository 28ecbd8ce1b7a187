// The workspace model's walk (src/host/postDiscovery.ts): a post in a deep folder of a site is listed by the scan; one under node_modules or behind a symlinked folder pointing out of the workspace is not.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, siteRoot, waitFor } from './util';

const FM = '---\nlayout: post\ntitle: "测试标题"\ndate: 2021-12-24 10:00:00\ncategories: emnews\ntags: 东财滚动新闻\n---\n正文\n';
const DEEP = 'pd-walk/b/c/_posts/2021-12-24-pd-deep.md';
const NPM = 'node_modules/pd-walk/_posts/2021-12-24-pd-npm.md';
const LINK = 'pd-walk-linked';
const OUTSIDE = `${LINK}/_posts/2021-12-24-pd-outside.md`;

const rules = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Post Desk').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
const scanning = async () => (await vscode.commands.executeCommand<{ scanning: boolean }>('postdesk._workspace'))!.scanning;

describe('workspace walk', function () {
  this.timeout(120000);
  const abs = (rel: string) => path.join(siteRoot(), rel);
  const uri = (rel: string) => vscode.Uri.file(abs(rel));
  let outside: string;

  before(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    for (const rel of [DEEP, NPM]) { fs.mkdirSync(path.dirname(abs(rel)), { recursive: true }); fs.writeFileSync(abs(rel), FM); }
    // A folder out of the workspace, reached through a symlinked folder inside it.
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-walk-'));
    fs.mkdirSync(path.join(outside, '_posts'));
    fs.writeFileSync(path.join(outside, '_posts', path.basename(OUTSIDE)), FM);
    fs.symlinkSync(outside, abs(LINK), 'dir');
  });
  after(async () => {
    for (const rel of ['pd-walk', 'node_modules/pd-walk', LINK]) fs.rmSync(abs(rel), { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
    await vscode.commands.executeCommand('postdesk.validateWorkspace');
  });

  it('a post in a deep folder of the site keeps its Problems through a rescan; none under node_modules or a symlinked folder', async () => {
    const rescan = async () => {
      await vscode.commands.executeCommand('postdesk.validateWorkspace');
      await waitFor(async () => !await scanning(), 60000, 'the rescan to end');
    };
    await rescan();
    await waitFor(() => rules(uri(DEEP)).includes('date-no-offset'), 60000, 'Problems of the deep post');
    // The watcher may have shown the deep post (a scan keeps what was analysed while it ran); a second rescan, with
    // nothing written since, keeps only what its walk listed.
    await rescan();
    assert.deepEqual(rules(uri(DEEP)), ['date-no-offset']);
    assert.deepEqual(rules(uri(NPM)), []);
    assert.deepEqual(rules(uri(OUTSIDE)), []);
  });
});
