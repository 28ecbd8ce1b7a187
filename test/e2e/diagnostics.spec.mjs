// e2e: the Problems panel lists Post Desk diagnostics for every post (never opened ones too); a quick fix chosen in the UI edits the text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, editorText, goToLine, openFile, problemsEntries, runCommand, screenshot, useWorkbench, quickFixRow } from './lib.mjs';

const POST = '2021-12-01-digest-no-offset.md';
// The two fix titles of src/core/rules/date-no-offset.ts for `date: 2021-12-01 13:33:50` under Asia/Shanghai.
const FIX = "Add the site's offset: 2021-12-01 13:33:50 +0800.";
const OTHER_FIX = 'Keep the published time: 2021-12-01 21:33:50 +0800.';
/** Problems sample-site must show whatever else changes: [file, rule, severity, line]. */
const MUST = [
  [POST, 'date-no-offset', 'warning', 4],
  ['2021-12-01-leading-blank.md', 'front-matter-missing', 'error', 1],
  ['2021-12-08-empty-title.md', 'title-empty', 'error', 3],
  ['-2022052623919.md', 'filename-invalid', 'error', 1],
  ['-2022052623919.md', 'title-empty', 'error', 3],
  ['-2022052623919.md', 'date-invalid', 'error', 4],
];

const show = (entries) => entries.map((e) => `${e.file}:${e.line}:${e.column} ${e.severity} ${e.source} (${e.code}) ${e.message}`).join('\n');
const key = (e) => `${e.file}:${e.line}:${e.column} ${e.severity} ${e.code}`;

/** Reads the Problems panel until `done(entries)` holds; throws with the last rows seen on timeout. */
async function problemsUntil(page, done, what, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const entries = await problemsEntries(page);
    if (done(entries)) return entries;
    if (Date.now() > end) throw new Error(`${what}; the Problems panel shows:\n${show(entries)}`);
    await page.waitForTimeout(500);
  }
}

/** `postdesk check --format json` on the site, as the panel's keys (the CLI and the extension share the core). */
function cliKeys(site) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', site], { cwd: site, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `postdesk check exited ${r.status}:\n${r.stderr}`);
  return JSON.parse(r.stdout).filter((p) => p.severity !== 'hint') // the Problems panel does not list hints
    .map((p) => key({ file: path.basename(p.file), line: p.line, column: p.column, severity: p.severity, code: p.rule })).sort();
}

describe('diagnostics in the Problems panel (real VS Code in Chromium)', function () {
  this.timeout(240000);
  const wb = useWorkbench({ server: { settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } } });

  it('Problems lists Post Desk diagnostics with their rule ids for posts never opened, as `postdesk check` does', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Focus Problems');
    await page.locator('.markers-panel').first().waitFor({ timeout: 30000 });
    const expected = cliKeys(wb.site);
    const has = (entries, [file, code, severity, line]) => entries.some((e) => e.file === file && e.code === code && e.severity === severity && e.line === line);
    const entries = await problemsUntil(page, (es) => MUST.every((m) => has(es, m)) && es.length >= expected.length,
      `Problems never listed ${MUST.map((m) => `${m[0]} ${m[1]}`).join(', ')}`, 60000);
    assert.equal(await page.locator('.part.editor .tabs-container .tab').count(), 0, 'no post was opened: the workspace scan filled Problems');
    const ours = entries.filter((e) => e.source === 'Post Desk');
    assert.deepEqual(ours.map(key).sort(), expected, `the panel and \`postdesk check\` disagree; panel:\n${show(entries)}`);
    for (const e of ours) assert.ok(e.message.length > 10, `a message for ${key(e)}`);
    assert.match(ours.find((e) => e.code === 'date-no-offset').message, /publishes this post at 2021-12-01 21:33:50 \+0800/);
    // Each rule id is a link to its rule page.
    const href = await page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'title-empty' }).first().getAttribute('href');
    assert.match(href ?? '', /docs\/rules\/title-empty\.md$/);
  });

  it('a quick fix chosen from the Ctrl+. menu appends the offset and the diagnostic leaves Problems; saves a screenshot', async () => {
    const { page } = wb;
    // Also when run alone (--grep): the screenshot and the last check need the Problems panel.
    if (!await page.locator('.markers-panel').first().isVisible().catch(() => false)) await runCommand(page, 'View: Focus Problems');
    await openFile(page, POST);
    await page.locator('.part.editor .monaco-editor .view-lines').first().click(); // focus the text, not the tab
    await goToLine(page, 4, 10); // inside `2021-12-01 13:33:50`
    const fix = await quickFixRow(page, FIX);
    const titles = (await page.locator('.action-widget .monaco-list-row.action .title').allInnerTexts()).map((t) => t.trim());
    assert.ok(titles.includes(OTHER_FIX), `menu: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Fix all Post Desk problems in this file'), `menu: ${titles.join(' | ')}`);
    assert.ok(await page.locator('.markers-panel .marker-code', { hasText: 'date-no-offset' }).first().isVisible(), 'Problems shows the warning next to the menu');
    await screenshot(page, 'problems-quickfix');

    await fix.click();
    await page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 10000 });
    const end = Date.now() + 15000;
    let text = await editorText(page);
    while (!/^date: 2021-12-01 13:33:50 \+0800$/m.test(text)) {
      if (Date.now() > end) assert.fail(`the date line never became \`date: 2021-12-01 13:33:50 +0800\`; editor:\n${text}`);
      await page.waitForTimeout(250);
      text = await editorText(page);
    }
    assert.match(text, /^title: "离岸人民币兑美元小幅走高"$/m, 'the rest of the front matter is untouched');
    const after = await problemsUntil(page, (es) => !es.some((e) => e.file === POST) && es.some((e) => e.code === 'front-matter-missing'),
      `the date-no-offset warning of ${POST} stayed in Problems`);
    assert.ok(after.some((e) => e.file === '2021-12-08-empty-title.md' && e.code === 'title-empty'), 'other posts keep their problems');
  });
});
