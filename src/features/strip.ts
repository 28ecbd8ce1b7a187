// "Strip Stock-Image Blocks" on the post, the selection or all posts, and the strip-on-save option.
import * as vscode from 'vscode';
import { registerCommand } from '../host/commands';
import { decodeText } from '../core/parse';
import { stripStockBlocks, type OffsetRange, type StockMarker } from '../core/stock';
import { toTextEdits } from '../host/edits';
import { isPostFile } from '../core/postFiles';
import { pathOf } from '../host/site';
import type { Services } from '../services';
import { TEST_HOOKS } from '../util/test-hooks';

/** What each strip command returns (for tests and other callers). */
export interface StripResult {
  count: number;
  /** Affected files and their counts (the all-posts command). */
  files?: { uri: vscode.Uri; count: number }[];
  /** Markers left alone. */
  unterminated?: number;
  cancelled?: boolean;
}

/** Arguments of "… in All Posts"; `confirm: false` skips the modal confirmation (used by tests and scripts). */
export interface StripAllArgs { confirm?: boolean }

const POST_NAME = /[\\/]_posts[\\/].*\.(md|markdown|html)$/i;

const isHtml = (doc: vscode.TextDocument) => doc.languageId === 'html' || /\.html?$/i.test(doc.fileName);

/** Blocks to remove from a document (inside `ranges` when given), as core edits and counts. */
function compute(doc: vscode.TextDocument, ranges?: OffsetRange[]) {
  return stripStockBlocks(doc.getText(), ranges, { markdown: !isHtml(doc) });
}

function say(count: number, unterminated: readonly StockMarker[]): void {
  const msg = count === 0
    ? vscode.l10n.t('No stock-image blocks found.')
    : vscode.l10n.t('Removed {0} stock-image block(s).', count);
  if (unterminated.length) {
    void vscode.window.showWarningMessage(`${msg} ${vscode.l10n.t('{0} unpaired stock-image marker(s) left alone (line {1}).', unterminated.length, unterminated[0].line)}`);
  } else void vscode.window.showInformationMessage(msg);
}

async function applyTo(doc: vscode.TextDocument, ranges?: OffsetRange[]): Promise<StripResult> {
  const res = compute(doc, ranges);
  if (res.count > 0) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, toTextEdits(doc, res.edits));
    if (!await vscode.workspace.applyEdit(edit)) throw new Error('the edit was not applied');
  }
  say(res.count, res.unterminated);
  return { count: res.count, unterminated: res.unterminated.length };
}

async function stripAll(s: Services, args?: StripAllArgs): Promise<StripResult> {
  const found: { uri: vscode.Uri; count: number; doc: vscode.TextDocument; edits: vscode.TextEdit[] }[] = [];
  const skipped: string[] = [];
  const cancelled = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding stock-image blocks'), cancellable: true }, async (progress, token) => {
    // The workspace model has read every post once: only those that mention a marker (or are open) are looked at.
    progress.report({ message: vscode.l10n.t('reading posts') });
    await s.workspace.sync();
    const openKeys = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const uris = [...s.workspace.entries()].filter((e) => POST_NAME.test(pathOf(e.uri)) && (e.stock || openKeys.has(e.uri.toString()))).map((e) => e.uri);
    uris.sort((a, b) => pathOf(a).localeCompare(pathOf(b)));
    for (let i = 0; i < uris.length; i++) {
      if (token.isCancellationRequested) return true;
      if (i % 50 === 0) progress.report({ message: `${i}/${uris.length}`, increment: (50 / Math.max(1, uris.length)) * 100 });
      const uri = uris[i];
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!open) {
        // Read the bytes first: only files that mention a marker are opened as documents.
        const { text, invalid } = decodeText(await vscode.workspace.fs.readFile(uri));
        if (!/EM_StockImg_/i.test(text)) continue;
        if (invalid) { skipped.push(vscode.workspace.asRelativePath(uri)); continue; }
      }
      const doc = open ?? await vscode.workspace.openTextDocument(uri);
      const res = compute(doc);
      if (res.count > 0) found.push({ uri, count: res.count, doc, edits: toTextEdits(doc, res.edits) });
    }
    return token.isCancellationRequested;
  });
  if (cancelled) return { count: 0, files: [], cancelled: true };
  if (skipped.length) s.output.warn(`strip: not valid UTF-8, skipped: ${skipped.join(', ')}`);
  const total = found.reduce((n, f) => n + f.count, 0);
  const files = found.map(({ uri, count }) => ({ uri, count }));
  if (total === 0) { void vscode.window.showInformationMessage(vscode.l10n.t('No stock-image blocks found in the posts.')); return { count: 0, files }; }
  if (args?.confirm !== false) {
    const detail = found.slice(0, 30).map((f) => `${vscode.workspace.asRelativePath(f.uri)}: ${f.count}`).join('\n') + (found.length > 30 ? '\n…' : '');
    const go = vscode.l10n.t('Strip');
    const pick = await vscode.window.showWarningMessage(vscode.l10n.t('Remove {0} stock-image block(s) from {1} post(s)?', total, found.length), { modal: true, detail }, go);
    if (pick !== go) return { count: 0, files, cancelled: true };
  }
  const wasDirty = new Set(found.filter((f) => f.doc.isDirty).map((f) => f.uri.toString()));
  const edit = new vscode.WorkspaceEdit();
  for (const f of found) edit.set(f.uri, f.edits);
  if (!await vscode.workspace.applyEdit(edit, { isRefactoring: true })) throw new Error('the edit was not applied');
  // Files that had no unsaved changes are saved, so the site on disk is stripped; the others stay for the user.
  await Promise.all(found.filter((f) => !wasDirty.has(f.uri.toString())).map((f) => f.doc.save()));
  s.output.info(`strip: removed ${total} block(s) from ${found.length} post(s)`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Removed {0} stock-image block(s) from {1} post(s).', total, found.length));
  return { count: total, files };
}

/** Registers the three strip commands and `postdesk.stripStockImagesOnSave`. */
export function registerStrip(s: Services): vscode.Disposable {
  const active = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.'));
    return editor;
  };
  return vscode.Disposable.from(
    registerCommand(s.output, 'postdesk.stripStockImages', async (uri?: vscode.Uri): Promise<StripResult> => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : active()?.document;
      return doc ? applyTo(doc) : { count: 0 };
    }),
    registerCommand(s.output, 'postdesk.stripStockImagesInSelection', async (): Promise<StripResult> => {
      const editor = active();
      if (!editor) return { count: 0 };
      const doc = editor.document;
      const ranges = editor.selections.filter((sel) => !sel.isEmpty).map((sel) => ({ start: doc.offsetAt(sel.start), end: doc.offsetAt(sel.end) }));
      if (ranges.length === 0) { void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to strip first.')); return { count: 0 }; }
      return applyTo(doc, ranges);
    }),
    registerCommand(s.output, 'postdesk.stripStockImagesInAllPosts', (args?: StripAllArgs) => stripAll(s, TEST_HOOKS ? args : undefined)),
    vscode.workspace.onWillSaveTextDocument((e) => {
      const doc = e.document;
      if (e.reason === vscode.TextDocumentSaveReason.AfterDelay || !s.workspace.isCandidate(doc.uri) || !isPostFile(doc.fileName)) return;
      if (!vscode.workspace.getConfiguration('postdesk', doc.uri).get<boolean>('stripStockImagesOnSave', false)) return;
      const res = compute(doc);
      if (res.count === 0) return;
      s.output.info(`strip on save: removed ${res.count} block(s) from ${doc.uri.fsPath}`);
      e.waitUntil(Promise.resolve(toTextEdits(doc, res.edits)));
    }),
  );
}
