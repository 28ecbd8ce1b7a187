// Taxonomy edits: one minimal front matter edit per post, all in one WorkspaceEdit (insert, bulk add, rename, merge).
import * as vscode from 'vscode';
import { changeTaxonomy, type TaxonomyChange } from '../core/taxonomy/apply';
import type { TaxonomyKey } from '../core/taxonomy/index';
import { toTextEdits } from '../host/edits';
import type { PostWorkspace } from '../host/postWorkspace';

/**
 * Options a caller (tests, scripts) may pass instead of answering the UI. `values` sets the exact values
 * of one post (adds them in bulk), `add` / `remove` add or remove; `createFrontMatter` answers the "no front
 * matter" question; `save` saves edited files that were not dirty (default: only in bulk); `addToConfig` answers
 * "add the values outside the site's list to `_config.yml`?".
 */
export interface TaxonomyArgs { values?: string[]; add?: string[]; remove?: string[]; createFrontMatter?: boolean; save?: boolean; addToConfig?: boolean }

/** What a taxonomy command did. */
export interface TaxonomyResult { changed: string[]; unchanged: string[]; failed: { file: string; message: string }[]; cancelled?: boolean; addedToConfig?: string[] }

/** A file to change and how. */
export interface FileChange { uri: vscode.Uri; changes: Partial<Record<TaxonomyKey, TaxonomyChange>> }

/**
 * Applies taxonomy changes to many files as one WorkspaceEdit: each post gets one minimal edit, so one undo
 * step restores it. Files without front matter are offered one (modal question unless `createFrontMatter`).
 */
export async function applyTaxonomyChanges(posts: PostWorkspace, files: FileChange[], opts: { createFrontMatter?: boolean; save?: boolean; token?: vscode.CancellationToken } = {}): Promise<TaxonomyResult> {
  const result: TaxonomyResult = { changed: [], unchanged: [], failed: [] };
  const planned: { doc: vscode.TextDocument; edits: vscode.TextEdit[]; wasDirty: boolean }[] = [];
  const noFm: FileChange[] = [];
  const plan = async (f: FileChange, create: boolean) => {
    const doc = await vscode.workspace.openTextDocument(f.uri);
    const r = changeTaxonomy(doc.getText(), f.changes, { createFrontMatter: create });
    if (r.ok) {
      if (r.edits.length) planned.push({ doc, edits: toTextEdits(doc, r.edits), wasDirty: doc.isDirty });
      else result.unchanged.push(f.uri.fsPath);
    } else if (r.reason === 'no-front-matter' && opts.createFrontMatter === undefined) noFm.push(f);
    else result.failed.push({ file: f.uri.fsPath, message: r.message });
  };
  for (const f of files) {
    if (opts.token?.isCancellationRequested) return { ...result, cancelled: true };
    try { await plan(f, opts.createFrontMatter === true); } catch (e) { result.failed.push({ file: f.uri.fsPath, message: (e as Error).message }); }
  }
  if (noFm.length) {
    const create = vscode.l10n.t('Create Front Matter');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} post(s) have no front matter. Create one holding the values?', noFm.length), { modal: true }, create);
    for (const f of noFm) {
      if (answer === create) await plan(f, true);
      else result.failed.push({ file: f.uri.fsPath, message: vscode.l10n.t('no front matter') });
    }
  }
  if (planned.length) {
    const edit = new vscode.WorkspaceEdit();
    for (const p of planned) edit.set(p.doc.uri, p.edits);
    if (!await vscode.workspace.applyEdit(edit)) throw new Error('the edit was not applied');
    for (const p of planned) {
      if (opts.save && !p.wasDirty) await p.doc.save();
      // The counts follow the edit at once, not after the typing debounce.
      posts.analyzeDocument(p.doc);
      result.changed.push(p.doc.uri.fsPath);
    }
  }
  return result;
}
