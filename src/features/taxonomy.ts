// "Insert Categories…" / "Insert Tags…" (editor, palette, Explorer bulk), plus registering completion and the taxonomy view.
import * as vscode from 'vscode';
import { registerCommand } from '../host/commands';
import { changeTaxonomy, frontMatterValues, type TaxonomyChange } from '../core/taxonomy/apply';
import type { RankedValue, TaxonomyKey } from '../core/taxonomy/index';
import { toTextEdits } from '../host/edits';
import type { Services } from '../services';
import { workspaceTaxonomy, type WorkspaceTaxonomy } from './taxonomyIndex';
import { registerTaxonomyCompletion } from './taxonomyCompletion';
import { registerTaxonomyView } from './taxonomyView';

/**
 * Options a caller (tests, scripts) may pass instead of answering the UI. `values` sets the exact values
 * of one post (adds them in bulk), `add` / `remove` add or remove; `createFrontMatter` answers the "no front
 * matter" question; `save` saves edited files that were not dirty (default: only in bulk).
 */
export interface TaxonomyArgs { values?: string[]; add?: string[]; remove?: string[]; createFrontMatter?: boolean; save?: boolean }

/** What a taxonomy command did. */
export interface TaxonomyResult { changed: string[]; unchanged: string[]; failed: { file: string; message: string }[]; cancelled?: boolean }

/** A file to change and how. */
export interface FileChange { uri: vscode.Uri; changes: Partial<Record<TaxonomyKey, TaxonomyChange>> }

/**
 * Applies taxonomy changes to many files as one WorkspaceEdit: each post gets one minimal edit, so one undo
 * step restores it. Files without front matter are offered one (modal question unless `createFrontMatter`).
 */
export async function applyTaxonomyChanges(tax: WorkspaceTaxonomy, files: FileChange[], opts: { createFrontMatter?: boolean; save?: boolean; token?: vscode.CancellationToken } = {}): Promise<TaxonomyResult> {
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
      tax.updateFromDocument(p.doc);
      result.changed.push(p.doc.uri.fsPath);
    }
  }
  return result;
}

interface ValueItem extends vscode.QuickPickItem { value: string }

/** The multi-select picker: known values with counts, current ones picked, typed text offered as "Create '…'". */
export function pickValues(key: TaxonomyKey, ranked: RankedValue[], current: readonly string[], bulk: boolean): Promise<string[] | undefined> {
  const qp = vscode.window.createQuickPick<ValueItem>();
  qp.canSelectMany = true;
  qp.matchOnDescription = false;
  const cats = key === 'categories';
  qp.title = bulk
    ? (cats ? vscode.l10n.t('Add Categories to the Selected Posts') : vscode.l10n.t('Add Tags to the Selected Posts'))
    : (cats ? vscode.l10n.t('Categories') : vscode.l10n.t('Tags'));
  qp.placeholder = vscode.l10n.t('Pick values or type a new one');
  const selected = new Set(current);
  const created: string[] = [];
  const item = (r: RankedValue): ValueItem => ({ value: r.value, label: r.value, description: `${r.count}${r.configured ? ` · ${vscode.l10n.t('configured')}` : ''}` });
  const rebuild = () => {
    const typed = qp.value.trim();
    const known = new Set([...ranked.map((r) => r.value), ...created]);
    const items: ValueItem[] = [
      ...(typed && !known.has(typed) ? [{ value: typed, label: vscode.l10n.t("Create '{0}'", typed), alwaysShow: true }] : []),
      ...created.map((v) => ({ value: v, label: v, description: vscode.l10n.t('new') })),
      ...ranked.map(item),
    ];
    qp.items = items;
    qp.selectedItems = items.filter((i) => selected.has(i.value) && !(i.label !== i.value && !created.includes(i.value)));
  };
  return new Promise((resolve) => {
    let done = false;
    qp.onDidChangeValue(rebuild);
    qp.onDidChangeSelection((sel) => {
      const now = new Set(sel.map((i) => i.value));
      for (const i of qp.items) if (!now.has(i.value)) selected.delete(i.value);
      for (const i of sel) {
        selected.add(i.value);
        if (i.label !== i.value && !created.includes(i.value)) { created.unshift(i.value); qp.value = ''; rebuild(); }
      }
    });
    qp.onDidAccept(() => {
      // Enter with typed text that matches no value creates it, as "Create '…'" would.
      const typed = qp.value.trim();
      if (typed && !ranked.some((r) => r.value === typed)) selected.add(typed);
      done = true; resolve([...current.filter((v) => selected.has(v)), ...[...selected].filter((v) => !current.includes(v))]); qp.hide();
    });
    qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
    rebuild();
    qp.show();
  });
}

const isUri = (x: unknown): x is vscode.Uri => x instanceof vscode.Uri;

/** Sorts out `(uri?, uris?, args?)` (Explorer passes the clicked uri and the selection) or `(uris?, args?)`. */
export function commandTargets(...raw: unknown[]): { uris: vscode.Uri[]; args: TaxonomyArgs } {
  const uris: vscode.Uri[] = [];
  let args: TaxonomyArgs = {};
  for (const a of raw) {
    if (isUri(a)) { if (!uris.some((u) => u.toString() === a.toString())) uris.push(a); }
    else if (Array.isArray(a)) { for (const u of a) if (isUri(u) && !uris.some((x) => x.toString() === u.toString())) uris.push(u); }
    else if (a && typeof a === 'object') args = a as TaxonomyArgs;
  }
  // The Explorer passes the clicked item and the whole selection: the selection wins.
  const list = raw.find((a) => Array.isArray(a) && a.length > 0) as vscode.Uri[] | undefined;
  return { uris: list ? list.filter(isUri) : uris, args };
}

async function insert(s: Services, tax: WorkspaceTaxonomy, key: TaxonomyKey, raw: unknown[]): Promise<TaxonomyResult | undefined> {
  const { uris, args } = commandTargets(...raw);
  if (!uris.length && vscode.window.activeTextEditor) uris.push(vscode.window.activeTextEditor.document.uri);
  if (!uris.length) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.')); return undefined; }
  const bulk = uris.length > 1;
  let change: TaxonomyChange;
  if (args.values) change = bulk ? { op: 'add', values: args.values } : { op: 'set', values: args.values };
  else if (args.add) change = { op: 'add', values: args.add };
  else if (args.remove) change = { op: 'remove', values: args.remove };
  else {
    await tax.ready();
    const current = bulk ? [] : frontMatterValues((await vscode.workspace.openTextDocument(uris[0])).getText(), key);
    const picked = await pickValues(key, tax.indexFor(uris[0]).ranked(key, current), current, bulk);
    if (!picked) return { changed: [], unchanged: [], failed: [], cancelled: true };
    change = bulk ? { op: 'add', values: picked } : { op: 'set', values: picked };
  }
  const result = await applyTaxonomyChanges(tax, uris.map((uri) => ({ uri, changes: { [key]: change } })), { createFrontMatter: args.createFrontMatter, save: args.save ?? bulk });
  if (result.failed.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} post(s) were not changed: {1}', result.failed.length, result.failed.map((f) => `${vscode.workspace.asRelativePath(f.file)} (${f.message})`).join(', ')));
  }
  s.output.debug(`taxonomy ${key}: changed ${result.changed.length}, failed ${result.failed.length}`);
  return result;
}

/** Registers the taxonomy index, `postdesk.insertCategories` / `postdesk.insertTags`, completion and the view. */
export function registerTaxonomy(s: Services): vscode.Disposable {
  const tax = workspaceTaxonomy(s);
  return vscode.Disposable.from(
    registerCommand(s.output, 'postdesk.insertCategories', (...raw: unknown[]) => insert(s, tax, 'categories', raw)),
    registerCommand(s.output, 'postdesk.insertTags', (...raw: unknown[]) => insert(s, tax, 'tags', raw)),
    registerTaxonomyCompletion(tax),
    registerTaxonomyView(s, tax),
  );
}
