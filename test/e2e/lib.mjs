// Playwright helpers that drive the real VS Code workbench (code-server) the way a person does.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, copySite, launchBrowser, startCodeServer, workbenchUrl } from '../../scripts/lib/vscode.mjs';

export { ROOT, copySite, startCodeServer };

/**
 * Opens a workbench on `folder` in a fresh browser; with `fromSource`, Post Desk is loaded from this folder.
 * @returns {Promise<{page: import('playwright-core').Page, close: () => Promise<void>}>}
 */
export async function openWorkbench(server, folder, { fromSource = true } = {}) {
  const { context, close } = await launchBrowser();
  const page = context.pages()[0] ?? await context.newPage();
  const url = fromSource ? workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT }) : workbenchUrl(server, folder);
  await page.goto(url);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 30000 });
  return { page, close };
}

/**
 * A workbench on a fresh copy of the sample site: `prepare(site)` may add posts first; `server` and `open` are
 * passed to startCodeServer and openWorkbench. Everything is closed and the copy removed by `dispose`.
 */
async function workbenchOnSite({ prepare, server: serverOptions, open } = {}) {
  const site = copySite();
  let server;
  try {
    await prepare?.(site);
    server = await startCodeServer(serverOptions);
    const wb = await openWorkbench(server, site, open);
    const dispose = async () => { try { await wb.close(); } finally { await server.stop(); fs.rmSync(site, { recursive: true, force: true }); } };
    return { site, server, page: wb.page, dispose };
  } catch (e) {
    await server?.stop();
    fs.rmSync(site, { recursive: true, force: true });
    throw e;
  }
}

/** Runs `fn({site, server, page})` on a workbench of its own (see workbenchOnSite's options), then closes it. */
export async function withWorkbench(fn, options) {
  const wb = await workbenchOnSite(options);
  try { return await fn(wb); } finally { await wb.dispose(); }
}

/**
 * One workbench for a whole mocha suite, opened in `before` and closed in `after`: the returned object gets
 * `site`, `server` and `page` once `before` has run (see workbenchOnSite's options).
 */
export function useWorkbench(options) {
  const holder = {};
  before(async () => { Object.assign(holder, await workbenchOnSite(options)); });
  after(async () => { await holder.dispose?.(); });
  return holder;
}

let shared;
/**
 * The one workbench that specs without special needs share (a fresh copy of sample-site, secondary side bar hidden),
 * started by the first suite that asks and closed after the whole run: one code-server boot instead of one per spec.
 * Suites using it must not depend on what earlier suites left open or edited (posts stay as they are on disk).
 */
export function useSharedWorkbench() {
  const holder = {};
  before(async () => {
    shared ??= workbenchOnSite({ server: { settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } } });
    Object.assign(holder, await shared);
    await holder.page.keyboard.press('Escape');
  });
  return holder;
}
// A root-level hook (lib.mjs is loaded while mocha reads the spec files): closes the shared workbench at the end.
// `npm run bench` imports this file outside mocha (bench/vscode.mjs), where there is no `after`.
if (typeof after === 'function') after(async () => { if (shared) await (await shared.catch(() => undefined))?.dispose(); });

/**
 * The frame holding the Post Desk preview document (VS Code nests it in two iframes), once its body shows `hasText`.
 * The default wait is long: on a busy machine a fresh workbench takes tens of seconds to start the extension host.
 */
export async function previewFrame(page, hasText = '', timeout = 120000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f.isDetached()) continue;
      if (await f.locator('#pd-body', hasText ? { hasText } : {}).count().catch(() => 0)) return f;
    }
    if (Date.now() > end) throw new Error(`no preview frame${hasText ? ` with "${hasText}"` : ''}\n${await previewDiagnostics(page, hasText)}`);
    await page.waitForTimeout(250);
  }
}

/**
 * What the workbench shows of webviews, for a failure message: the editor tabs (active ones marked), and every frame
 * with its load state, whether it holds the preview document (and `hasText`), and VS Code's webview host's progress
 * marks (content/started → workerReady → innerFrameLoaded → wroteInnerContent) and service-worker controller.
 */
export async function previewDiagnostics(page, hasText = '') {
  const lines = [];
  const tabs = await page.locator('.part.editor .editor-group-container').evaluateAll((groups) => groups.map((g, i) => `group ${i + 1}${g.classList.contains('active') ? ' (active)' : ''}: ${[...g.querySelectorAll('.tabs-container .tab')].map((t) => `${t.classList.contains('active') ? '*' : ''}${t.getAttribute('aria-label') ?? t.textContent}`).join(' | ')}`)).catch((e) => [`tabs: ${e}`]);
  lines.push(...tabs);
  for (const f of page.frames()) {
    if (f === page.mainFrame() || f.isDetached()) continue;
    const info = await f.evaluate((text) => {
      const body = document.getElementById('pd-body');
      return {
        readyState: document.readyState, pdBody: body ? body.textContent.length : null, hasText: body && text ? body.textContent.includes(text) : undefined,
        swController: navigator.serviceWorker?.controller?.state ?? null, childFrames: [...document.querySelectorAll('iframe')].map((x) => x.id || '(no id)'),
        marks: performance.getEntriesByType('mark').map((m) => `${m.name.replace(/^webview\//, '')}@${Math.round(m.startTime)}`),
      };
    }, hasText).catch((e) => `unreadable: ${String(e).split('\n')[0].slice(0, 120)}`);
    lines.push(`frame ${f.url().replace(/^.*\/(pre\/|webview)/, '…/$1').slice(0, 120)}: ${JSON.stringify(info)}`);
  }
  return lines.map((l) => `    ${l}`).join('\n');
}

/**
 * Opens the quick-fix menu (Ctrl+.) at the cursor until it lists `title` (code actions come from the extension host,
 * which may still be busy), and returns that row for the caller to click.
 */
export async function quickFixRow(page, title) {
  const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+.');
    if (await fix.waitFor({ timeout: 5000 }).then(() => true, () => false)) return fix;
    if (attempt >= 5) throw new Error(`the quick-fix menu never listed "${title}"`);
    await page.keyboard.press('Escape');
  }
}

/** Quick-opens a file by name (Ctrl+P), clicking the matching row. */
export async function openFile(page, name) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 10 } }).catch(() => {});
    await page.keyboard.press('Control+P');
    if (await input.isVisible().catch(() => false)) break;
    await page.waitForTimeout(500);
  }
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(name) }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.locator(`.tabs-container .tab[aria-label*="${path.basename(name)}"]`).first().waitFor({ timeout: 60000 });
}

/** Opens the command palette and types `text`; returns the visible row labels once rows matching `expect` show. */
export async function paletteRows(page, text, expect = text, timeout = 30000) {
  const end = Date.now() + timeout;
  const input = page.locator('.quick-input-widget input');
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 10000 });
    await input.fill(`>${text}`);
    await page.waitForTimeout(300);
    const labels = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
    // The palette can open before the extension registers its commands: retry until the rows show.
    if (labels.some((l) => l.includes(expect))) return labels;
    if (Date.now() > end) throw new Error(`palette never showed "${expect}"; rows: ${labels.join(' | ')}`);
    await page.waitForTimeout(1000);
  }
}

/** Runs a palette command by clicking its row (Enter would run whichever row has focus). */
export async function runCommand(page, title) {
  await paletteRows(page, title, title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** Text of the visible output panel (the editor inside the Output view). */
export async function outputText(page) {
  const view = page.locator('.part.panel .output-view, .part.panel .monaco-editor').first();
  await view.waitFor({ timeout: 15000 });
  return (await page.locator('.part.panel .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Every row of the Problems panel, scrolling its virtualised tree from top to bottom.
 * @returns {Promise<Array<{file:string, severity:string, message:string, source:string, code:string, line:number, column:number}>>}
 */
export async function problemsEntries(page) {
  const list = page.locator('.markers-panel .monaco-list').first();
  await list.waitFor({ timeout: 30000 });
  const box = await list.boundingBox();
  const read = () => page.locator('.markers-panel .monaco-list-row:not(.monaco-tree-sticky-row)').evaluateAll((rs) => rs.map((r) => {
    const text = (sel) => r.querySelector(sel)?.textContent?.trim() ?? '';
    const icon = r.querySelector('.marker-icon')?.className ?? '';
    return {
      index: Number(r.dataset.index), last: r.dataset.lastElement === 'true', marker: !!r.querySelector('.marker-message-details-container'),
      file: text('.label-name') || (/in file (.+) of folder/.exec(r.getAttribute('aria-label') ?? '')?.[1] ?? ''),
      severity: ['error', 'warning', 'info'].find((s) => icon.split(/\s+/).includes(s)) ?? 'hint',
      message: text('.marker-message'), source: text('.marker-source'), code: text('.marker-code'), at: text('.marker-line'),
    };
  }));
  const indexes = (rows) => rows.map((r) => r.index).sort((a, b) => a - b).join();
  await page.mouse.move(box.x + 12, box.y + Math.min(box.height / 2, 40));
  // Back to the top (the panel reveals the active file's problems), in steps: one huge wheel delta is not always honoured.
  let visible = await read();
  for (let i = 0; i < 50 && visible.length && !visible.some((r) => r.index === 0); i++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(50);
    visible = await read();
  }
  const rows = new Map();
  for (let i = 0; i < 100; i++) {
    for (const r of visible) rows.set(r.index, r);
    const end = [...rows.values()].find((r) => r.last);
    if (!visible.length || (end && rows.size >= end.index + 1)) break;
    await page.mouse.wheel(0, 150);
    let next = visible;
    // Wait for the list to re-render; rows that stay the same mean the bottom is reached.
    for (let w = 0; w < 10 && indexes(next) === indexes(visible); w++) { await page.waitForTimeout(50); next = await read(); }
    if (indexes(next) === indexes(visible)) break;
    visible = next;
  }
  for (let i = 0; i < 50 && !(await read()).some((r) => r.index === 0); i++) await page.mouse.wheel(0, -400);
  await page.mouse.move(1, 1); // no hover left over a row (screenshots)
  const out = [];
  let file = '';
  for (const r of [...rows.values()].sort((a, b) => a.index - b.index)) {
    if (!r.marker) { file = r.file; continue; }
    const [, line, column] = /Ln (\d+), Col (\d+)/.exec(r.at) ?? [];
    out.push({ file, severity: r.severity, message: r.message, source: r.source, code: r.code, line: Number(line), column: Number(column) });
  }
  return out;
}

/** Moves the cursor of the active editor with Go to Line (Ctrl+G), waiting for the status bar to show it. */
export async function goToLine(page, line, column = 1) {
  const input = page.locator('.quick-input-widget input');
  const where = page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` });
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    await input.waitFor({ timeout: 10000 });
    await input.fill(`:${line}:${column}`);
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    if (await where.first().waitFor({ timeout: 5000 }).then(() => true, () => false)) return;
    if (attempt >= 4) throw new Error(`Go to Line never reached Ln ${line}, Col ${column}`);
  }
}

/** The text the active editor shows (its rendered lines; non-breaking spaces as spaces). */
export async function editorText(page) {
  const lines = page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first();
  await lines.waitFor({ timeout: 15000 });
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Waits until what a document could still do on its own has happened: every image has loaded or failed (its
 * load/error handlers have run), then the tasks already queued (timers of 0, a clicked link's navigation) have run.
 * Checks for the absence of an effect come after this instead of after a fixed sleep.
 */
export async function settleFrame(frame, timeout = 30000) {
  await frame.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout });
  await frame.evaluate(() => new Promise((resolve) => { setTimeout(() => setTimeout(resolve, 0), 0); }));
}

/**
 * Saves a README screenshot as `<name>.png` into $POSTDESK_SCREENSHOTS (set by `npm run screenshots` to docs/images);
 * in an ordinary test run it writes nothing, so `npm test` never changes tracked files.
 */
export async function screenshot(page, name) {
  const dir = process.env.POSTDESK_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(path.resolve(ROOT, dir), `${name}.png`) });
}
