// Helpers for integration suites: the fixture workspace, opening posts, waiting for conditions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../shared/wait';

export const extensionId = 'postdesk.postdesk';

/** The open workspace folder (the fixture site copy the runner opened). */
export function siteRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('no workspace folder open');
  return f.uri.fsPath;
}

/** Opens a site-relative file in an editor and returns it. */
export async function openPost(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(siteRoot(), rel)));
  return vscode.window.showTextDocument(doc);
}

export { waitFor };

/** Every file under `dir` whose path matches `re` (missing folders give none). */
function filesUnder(dir: string, re: RegExp): string[] {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.flatMap((e) => e.isDirectory() ? filesUnder(path.join(dir, e.name), re) : re.test(path.join(dir, e.name)) ? [path.join(dir, e.name)] : []);
}

/** The text of Post Desk's log ("Post Desk" output channel) as written to disk by this window's extension host. */
export function postDeskLog(): string {
  const dir = process.env.POSTDESK_USER_DATA_DIR;
  if (!dir) throw new Error('POSTDESK_USER_DATA_DIR is not set (scripts/lib/vscode.mjs sets it)');
  return filesUnder(path.join(dir, 'logs'), /postdesk\.postdesk[\\/][^\\/]*\.log$/).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/** Asks the test runner, which drives the workbench page, what the person sees (see scripts/lib/integration.mjs). */
export async function userSees(what: 'notifications'): Promise<string[]> {
  const dir = process.env.POSTDESK_PROBE_DIR;
  if (!dir) throw new Error('POSTDESK_PROBE_DIR is not set (scripts/lib/integration.mjs sets it)');
  const file = path.join(dir, `probe-${process.pid}-${++probes}.json`);
  console.log(`[postdesk:probe] ${what} ${file}`);
  const text = await waitFor(() => { try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; } }, 20000, `the runner's answer to ${what}`);
  fs.rmSync(file, { force: true });
  return JSON.parse(text as string) as string[];
}
let probes = 0;
