// The open post first (runs last: it writes 5,000 posts): on a large generated site, a keystroke's own diagnostics arrive before the workspace scan ends; the persisted taxonomy index serves the pickers while a scan runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, openPost, siteRoot, waitFor } from './util';

/** What `postdesk._workspace` returns (src/host/debug.ts). */
interface WorkspaceState {
  scanning: boolean; done: number; total: number; posts: number;
  documents: { uri: string; version: number | undefined; scanning: boolean; done: number; total: number }[];
}
const state = async () => (await vscode.commands.executeCommand<WorkspaceState>('postdesk._workspace'))!;

const N = 5000;
const GENERATED = '_posts/generated-scale';
const TYPED = '_posts/2021-12-20-scale-typing.md';
/** A news-sized body: one long line of HTML, as the corpus posts have. */
const BODY = `<p>${'港股收盘：恒生指数上涨，成交额放大。'.repeat(300)}</p>\n`;
const post = (i: number) => `---\nlayout: post\ntitle: "生成 ${i}"\ndate: 2021-11-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00 +0800\ncategories: emnews\ntags: [t${i % 50}]\n---\n${BODY}`;

const rules = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Post Desk').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

describe('workspace at scale', function () {
  this.timeout(300000);
  const abs = (rel: string) => path.join(siteRoot(), rel);

  before(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
    fs.mkdirSync(abs(GENERATED), { recursive: true });
    for (let i = 0; i < N; i++) fs.writeFileSync(path.join(abs(GENERATED), `2021-11-01-generated-${i}.md`), post(i));
    fs.writeFileSync(abs(TYPED), '---\nlayout: post\ntitle: typed\ndate: 2021-12-20 10:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n正文\n');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(abs(GENERATED), { recursive: true, force: true });
    fs.rmSync(abs(TYPED), { force: true });
    await vscode.commands.executeCommand('postdesk.validateWorkspace');
  });

  it("a keystroke's own diagnostics arrive while the scan of 5,000 posts is still running", async () => {
    const editor = await openPost(TYPED);
    const uri = editor.document.uri;
    await waitFor(() => state().then((s) => s.documents.some((d) => d.uri === uri.toString())), 30000, 'the typed post to be analysed');
    assert.ok(!rules(uri).includes('title-empty'));
    // A fresh scan of every post (the generated ones included); not awaited: we type while it runs.
    void vscode.commands.executeCommand('postdesk.validateWorkspace');
    await waitFor(() => state().then((s) => s.scanning && s.total >= N), 60000, 'the scan to have listed the generated posts');
    const line = editor.document.lineAt(2);
    assert.equal(line.text, 'title: typed');
    await editor.edit((b) => b.replace(line.range, 'title: ""'));
    const version = editor.document.version;
    await waitFor(() => rules(uri).includes('title-empty'), 60000, 'title-empty on the typed post');
    const st = await state();
    const analysed = st.documents.find((d) => d.uri === uri.toString() && d.version === version);
    assert.ok(analysed, `no analysis of version ${version} recorded`);
    assert.ok(analysed.scanning && analysed.done < analysed.total, `the keystroke waited for the scan: ${JSON.stringify(analysed)}`);
    // And the scan does complete, with every generated post in the model.
    await waitFor(() => state().then((s) => !s.scanning), 240000, 'the scan to end');
    assert.ok((await state()).posts >= N);
  });

  it('the taxonomy index is persisted in storageUri; the values of Insert Tags come from it while a scan runs, and the scan refreshes it', async () => {
    await waitFor(() => state().then((s) => !s.scanning), 240000, 'the scan to end');
    const file = vscode.Uri.parse((await vscode.commands.executeCommand<string>('postdesk._reloadTaxonomySnapshot'))!).fsPath;
    type Snap = { v: number; sites: { root: string; posts: number; counts: { tags: Record<string, number> }; known: { tags: string[] } }[] };
    const read = (): Snap | undefined => { try { return JSON.parse(fs.readFileSync(file, 'utf8')) as Snap; } catch { return undefined; } };
    const site = () => read()?.sites.find((x) => x.root === siteRoot());
    // Written once the scan is complete: every generated post counted (t7 is on 1 post in 50).
    await waitFor(() => (site()?.posts ?? 0) >= N && site()!.counts.tags.t7 === N / 50, 60000, 'the persisted index of the generated site');
    // As if the workspace had been open before with one more tag: the next scan's pickers must show it at once.
    const snap = read()!;
    const mine = snap.sites.find((x) => x.root === siteRoot())!;
    mine.counts.tags['persisted-only'] = 999;
    mine.known.tags.push('persisted-only');
    fs.writeFileSync(file, JSON.stringify(snap));
    void vscode.commands.executeCommand('postdesk.validateWorkspace');
    await waitFor(() => state().then((s) => s.scanning), 60000, 'the scan to start');
    await vscode.commands.executeCommand('postdesk._reloadTaxonomySnapshot');
    const typed = (await openPost(TYPED)).document.uri;
    const during = await pickerItems(typed);
    assert.ok((await state()).scanning, 'the scan ended before the picker was read: the test proves nothing');
    const shown = during.find((i) => i.label === 'persisted-only');
    assert.ok(shown, `the values of Insert Tags during the scan are the persisted ones: ${during.slice(0, 5).map((i) => i.label).join(', ')}…`);
    assert.match(String(shown.description), /^999/);
    // The scan refreshes it: the persisted file and the picker lose the value no post has.
    await waitFor(() => state().then((s) => !s.scanning), 240000, 'the scan to end');
    await waitFor(() => site() !== undefined && !('persisted-only' in site()!.counts.tags) && site()!.posts >= N, 60000, 'the refreshed persisted index');
    const after = await pickerItems(typed);
    assert.ok(after.some((i) => i.label === 't7') && !after.some((i) => i.label === 'persisted-only'), 'the picker after the scan reads the live index');
  });
});

describe('workspace at scale: posts that appear while a scan runs', function () {
  this.timeout(300000);
  const abs = (rel: string) => path.join(siteRoot(), rel);
  const OPENED = '_posts/2021-12-21-late-opened.md';
  const WRITTEN = '_posts/2021-12-21-late-written.md';
  const late = (title: string) => `---\nlayout: post\ntitle: ${title}\ndate: 2021-12-21 10:00:00\ncategories: emnews\ntags: 东财滚动新闻\n---\n正文\n`;

  before(async () => {
    fs.mkdirSync(abs(GENERATED), { recursive: true });
    for (let i = 0; i < N; i++) fs.writeFileSync(path.join(abs(GENERATED), `2021-11-01-generated-${i}.md`), post(i));
  });
  after(async () => {
    await vscode.commands.executeCommand('postdesk._holdScanEnd', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(abs(GENERATED), { recursive: true, force: true });
    for (const f of [OPENED, WRITTEN]) fs.rmSync(abs(f), { force: true });
    await vscode.commands.executeCommand('postdesk.validateWorkspace');
  });

  it('a post written (and one opened) after the scan listed the folders keeps its Problems when the scan ends', async () => {
    await waitFor(() => state().then((s) => !s.scanning), 240000, 'an earlier scan to end');
    // The scan is held after its last batch (test build only), so the late posts are analysed while it runs.
    await vscode.commands.executeCommand('postdesk._holdScanEnd', true);
    void vscode.commands.executeCommand('postdesk.validateWorkspace');
    await waitFor(() => state().then((s) => s.scanning && s.total >= N), 60000, 'the scan to have listed the generated posts');
    // Neither file was there when the scan listed the folders: one is opened, the other only written (the watcher's).
    fs.writeFileSync(abs(OPENED), late('opened'));
    fs.writeFileSync(abs(WRITTEN), late('written'));
    const opened = (await openPost(OPENED)).document.uri;
    const written = vscode.Uri.file(abs(WRITTEN));
    await waitFor(() => rules(opened).includes('date-no-offset') && rules(written).includes('date-no-offset'), 60000, 'the Problems of both late posts');
    assert.ok((await state()).scanning, 'the scan ended before the late posts were analysed: the test proves nothing');
    await vscode.commands.executeCommand('postdesk._holdScanEnd', false);
    await waitFor(() => state().then((s) => !s.scanning), 240000, 'the scan to end');
    assert.deepEqual(rules(opened), ['date-no-offset'], 'the opened post lost its Problems when the scan ended');
    assert.deepEqual(rules(written), ['date-no-offset'], 'the written post lost its Problems when the scan ended');
  });
});

/** The tag values Insert Tags offers on `uri` now, with their counts (the pickers' own source: the index of its site). */
async function pickerItems(uri: vscode.Uri): Promise<{ label: string; description: string }[]> {
  const ranked = (await vscode.commands.executeCommand<{ value: string; count: number }[]>('postdesk._taxonomyRanked', uri.toString(), 'tags'))!;
  return ranked.map((r) => ({ label: r.value, description: String(r.count) }));
}
