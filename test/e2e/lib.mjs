// Playwright helpers that drive the real VS Code workbench (code-server) the way a person does.
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
  await row.waitFor({ timeout: 15000 });
  await row.click();
  await page.locator(`.tabs-container .tab[aria-label*="${path.basename(name)}"]`).first().waitFor({ timeout: 15000 });
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
