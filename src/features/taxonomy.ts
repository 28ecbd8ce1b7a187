// "Insert Categories…" / "Insert Tags…" (editor, palette, Explorer bulk), plus registering completion and the taxonomy view.
import * as vscode from 'vscode';
import { registerCommand } from '../host/commands';
import { fixToWorkspaceEdit } from '../host/edits';
import { frontMatterValues, type TaxonomyChange } from '../core/taxonomy/apply';
import type { RankedValue, TaxonomyKey } from '../core/taxonomy/index';
import type { Services } from '../services';
import { applyTaxonomyChanges, type TaxonomyArgs, type TaxonomyResult } from './taxonomyEdits';

export type { TaxonomyArgs, TaxonomyResult } from './taxonomyEdits';
import { workspaceTaxonomy, type WorkspaceTaxonomy } from './taxonomyIndex';
import { registerTaxonomyCompletion } from './taxonomyCompletion';
import { registerTaxonomyView } from './taxonomyView';
import { addValuesEdit, unlisted } from './taxonomyPickerModel';
import { parseSiteConfig } from '../core/site';
import { TEST_HOOKS } from '../util/test-hooks';

interface ValueItem extends vscode.QuickPickItem { value: string }

/** The multi-select picker: known values with counts, current ones picked, typed text offered as "Create '…'". */
/**
 * Values the picker shows: what is known now, whether more are coming, and when they change; `configured` is the
 * site's list (`postdesk.taxonomy` in `_config.yml`, empty: any value is fine) and `addToConfig` lists a value there.
 */
export interface ValueSource {
  ranked(): RankedValue[];
  readonly busy: boolean;
  readonly onDidChange: vscode.Event<void>;
  configured?(): readonly string[];
  addToConfig?(value: string): Promise<boolean>;
}

/**
 * The multi-select picker: known values with counts, current ones picked, typed text offered as "Create '…'".
 * It opens at once with the values known so far (`busy` while the workspace is still read) and fills in.
 */
export function pickValues(key: TaxonomyKey, source: ValueSource, current: readonly string[], bulk: boolean): Promise<string[] | undefined> {
  let ranked = source.ranked();
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
  // Values outside the site's list are marked, with a button that adds them to `_config.yml`.
  const listed = new Set<string>();
  const off = (v: string) => !!source.configured && unlisted([v], [...source.configured(), ...listed]).length > 0;
  const addButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('add'), tooltip: cats ? vscode.l10n.t("Add to the site's categories in _config.yml") : vscode.l10n.t("Add to the site's tags in _config.yml") };
  const mark = (i: ValueItem, extra?: string): ValueItem => {
    const notListed = off(i.value);
    const description = [extra, notListed ? vscode.l10n.t('not in _config.yml') : undefined].filter(Boolean).join(' · ') || undefined;
    return { ...i, description, buttons: notListed && source.addToConfig ? [addButton] : undefined };
  };
  const item = (r: RankedValue): ValueItem => mark({ value: r.value, label: r.value }, `${r.count}${r.configured || listed.has(r.value) ? ` · ${vscode.l10n.t('configured')}` : ''}`);
  const rebuild = () => {
    const typed = qp.value.trim();
    const known = new Set([...ranked.map((r) => r.value), ...created]);
    const items: ValueItem[] = [
      ...(typed && !known.has(typed) ? [mark({ value: typed, label: vscode.l10n.t("Create '{0}'", typed), alwaysShow: true })] : []),
      ...created.map((v) => mark({ value: v, label: v }, vscode.l10n.t('new'))),
      ...ranked.map(item),
    ];
    qp.items = items;
    qp.selectedItems = items.filter((i) => selected.has(i.value) && !(i.label !== i.value && !created.includes(i.value)));
  };
  return new Promise((resolve) => {
    let done = false;
    qp.onDidChangeValue(rebuild);
    qp.onDidTriggerItemButton(async (e) => {
      if (e.button !== addButton || !source.addToConfig) return;
      if (await source.addToConfig(e.item.value)) { listed.add(e.item.value); rebuild(); }
    });
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
    // Items are replaced only when the values or counts changed: a replaced list drops a click that is on its way.
    const shown = (r: RankedValue[]) => r.map((x) => `${x.value}\u0000${x.count}\u0000${x.configured ? 1 : 0}`).join('\u0001');
    const sub = source.onDidChange(() => {
      const next = source.ranked();
      qp.busy = source.busy;
      if (shown(next) === shown(ranked)) return;
      ranked = next;
      rebuild();
    });
    qp.onDidHide(() => { sub.dispose(); if (!done) resolve(undefined); qp.dispose(); });
    qp.busy = source.busy;
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
    else if (TEST_HOOKS && a && typeof a === 'object') args = a as TaxonomyArgs;
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
  // The values this command adds to a post (for the offer to list them in `_config.yml`).
  let fresh: string[] = [];
  let interactive = false;
  if (args.values) {
    change = bulk ? { op: 'add', values: args.values } : { op: 'set', values: args.values };
    const before = bulk ? [] : frontMatterValues((await vscode.workspace.openTextDocument(uris[0])).getText(), key);
    fresh = args.values.filter((v) => !before.includes(v));
  }
  else if (args.add) { change = { op: 'add', values: args.add }; fresh = args.add; }
  else if (args.remove) change = { op: 'remove', values: args.remove };
  else {
    await s.workspace.ready();
    const current = bulk ? [] : frontMatterValues((await vscode.workspace.openTextDocument(uris[0])).getText(), key);
    const source: ValueSource = {
      ranked: () => tax.indexFor(uris[0]).ranked(key, current), get busy() { return tax.busy; }, onDidChange: tax.onDidChange,
      configured: () => s.sites.siteFor(uris[0]).postdesk.taxonomy[key],
      addToConfig: async (v) => (await addToSiteList(s, uris[0], key, [v])).length > 0,
    };
    const picked = await pickValues(key, source, current, bulk);
    if (!picked) return { changed: [], unchanged: [], failed: [], cancelled: true };
    change = bulk ? { op: 'add', values: picked } : { op: 'set', values: picked };
    fresh = picked.filter((v) => !current.includes(v));
    interactive = true;
  }
  const result = await applyTaxonomyChanges(s.workspace, uris.map((uri) => ({ uri, changes: { [key]: change } })), { createFrontMatter: args.createFrontMatter, save: args.save ?? bulk });
  // New values outside the site's list: taxonomy-unknown will warn, so offer to list them (asked, or answered by a test).
  if (fresh.length) await s.sites.ready();
  const off = unlisted(fresh, s.sites.siteFor(uris[0]).postdesk.taxonomy[key]);
  if (off.length && result.changed.length) {
    if (args.addToConfig !== undefined) result.addedToConfig = args.addToConfig ? await addToSiteList(s, uris[0], key, off) : [];
    else if (interactive) void offerToList(s, uris[0], key, off);
  }
  if (result.failed.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} post(s) were not changed: {1}', result.failed.length, result.failed.map((f) => `${vscode.workspace.asRelativePath(f.file)} (${f.message})`).join(', ')));
  }
  s.output.debug(`taxonomy ${key}: changed ${result.changed.length}, failed ${result.failed.length}`);
  return result;
}

/** Asks whether to add `values` (outside the site's list) to `_config.yml`; adds them on "Add". */
async function offerToList(s: Services, uri: vscode.Uri, key: TaxonomyKey, values: string[]): Promise<void> {
  const list = values.map((v) => `'${v}'`).join(', ');
  const add = vscode.l10n.t('Add to _config.yml');
  const text = key === 'categories'
    ? vscode.l10n.t("{0} is not in the site's categories (postdesk.taxonomy in _config.yml), so Post Desk warns about it. Add it to the list?", list)
    : vscode.l10n.t("{0} is not in the site's tags (postdesk.taxonomy in _config.yml), so Post Desk warns about it. Add it to the list?", list);
  if (await vscode.window.showInformationMessage(text, add) === add) await addToSiteList(s, uri, key, values);
}

/**
 * Adds `values` to `postdesk.taxonomy.<key>` of the site's `_config.yml` as one edit (comments and layout kept) and
 * saves it when it had no unsaved changes, so the site's list is re-read. Returns the values added.
 */
export async function addToSiteList(s: Services, uri: vscode.Uri, key: TaxonomyKey, values: string[]): Promise<string[]> {
  const site = s.sites.siteFor(uri);
  const cfg = s.sites.config(site);
  const doc = cfg && await vscode.workspace.openTextDocument(cfg.uri);
  if (doc?.isDirty) {
    void vscode.window.showWarningMessage(vscode.l10n.t('_config.yml has unsaved changes: save it, then add the value again.'));
    return [];
  }
  // The file as it is now (the site may not have re-read a change saved a moment ago).
  const text = doc?.getText() ?? '';
  const missing = doc ? unlisted(values, parseSiteConfig(text, site.root).postdesk.taxonomy[key]) : values;
  if (doc && !missing.length) return [];
  const edit = doc ? addValuesEdit(text, key, missing) : undefined;
  if (!doc || !edit) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Post Desk cannot add to this _config.yml (no file, a YAML error, or a `postdesk:` that is not a mapping): edit it by hand.'));
    return [];
  }
  const we = fixToWorkspaceEdit(doc, { title: '', edits: [edit], target: { file: doc.uri.fsPath, text } });
  if (!(await vscode.workspace.applyEdit(we))) return [];
  await doc.save();
  s.output.debug(`taxonomy ${key}: listed ${missing.join(', ')} in ${doc.uri.fsPath}`);
  return missing;
}

/** Registers the taxonomy index, `postdesk.insertCategories` / `postdesk.insertTags`, completion and the view. */
export function registerTaxonomy(s: Services): vscode.Disposable {
  const tax = workspaceTaxonomy(s);
  return vscode.Disposable.from(
    tax,
    registerCommand(s.output, 'postdesk.insertCategories', (...raw: unknown[]) => insert(s, tax, 'categories', raw)),
    registerCommand(s.output, 'postdesk.insertTags', (...raw: unknown[]) => insert(s, tax, 'tags', raw)),
    registerTaxonomyCompletion(tax),
    registerTaxonomyView(s, tax),
  );
}
