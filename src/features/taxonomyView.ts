// The Explorer view "Post Desk: Taxonomy": categories and tags with counts (long sections collapsed, a text filter), their posts, and Rename…/Merge into….
import * as vscode from 'vscode';
import { uriOf } from '../host/uris';
import { registerCommand } from '../host/commands';
import type { RankedValue, TaxonomyKey } from '../core/taxonomy/index';
import type { Services } from '../services';
import { applyTaxonomyChanges, type TaxonomyResult } from './taxonomyEdits';
import type { WorkspaceTaxonomy } from './taxonomyIndex';
import { sectionView, type SectionView } from './taxonomyViewModel';
import { TEST_HOOKS } from '../util/test-hooks';

/** A node of the taxonomy tree. */
export type TaxonomyNode =
  | { kind: 'site'; root: string }
  | { kind: 'key'; root: string; key: TaxonomyKey }
  | { kind: 'value'; root: string; key: TaxonomyKey; value: string; count: number }
  | { kind: 'post'; file: string };

/** Arguments of Rename…/Merge into… when driven without UI: the target value and `confirm: false`. */
export interface RenameArgs { to?: string; confirm?: boolean }

class TaxonomyTree implements vscode.TreeDataProvider<TaxonomyNode> {
  private readonly emitter = new vscode.EventEmitter<TaxonomyNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Text the values must contain (empty: all). */
  filter = '';
  // Each section's view, worked out once per refresh (ranking walks every indexed post).
  private readonly sections = new Map<string, SectionView>();
  constructor(private readonly tax: WorkspaceTaxonomy) {}
  refresh(): void { this.sections.clear(); this.emitter.fire(undefined); }
  dispose(): void { this.emitter.dispose(); }

  /** A section's values and state under the current filter. */
  section(root: string, key: TaxonomyKey): SectionView {
    const id = `${root}\0${key}`;
    let v = this.sections.get(id);
    if (!v) {
      const idx = this.tax.all().find(([r]) => r === root)?.[1];
      v = sectionView(idx ? idx.ranked(key) : ([] as RankedValue[]), this.filter);
      this.sections.set(id, v);
    }
    return v;
  }

  /** Values shown in all sections under the filter, and in all. */
  matches(): { shown: number; total: number } {
    let shown = 0; let total = 0;
    for (const [root, idx] of this.tax.all()) {
      if (idx.size === 0) continue;
      for (const key of ['categories', 'tags'] as const) { const v = this.section(root, key); shown += v.count.shown; total += v.count.total; }
    }
    return { shown, total };
  }

  /** What is known so far: the view fills in as the scan reads posts (its message says so). */
  getChildren(node?: TaxonomyNode): TaxonomyNode[] {
    const sites = this.tax.all().filter(([, idx]) => idx.size > 0);
    if (!node) {
      if (sites.length === 1) return this.keys(sites[0][0]);
      return sites.map(([root]) => ({ kind: 'site', root }));
    }
    if (node.kind === 'site') return this.keys(node.root);
    const idx = this.tax.all().find(([root]) => root === (node as { root?: string }).root)?.[1];
    if (!idx) return [];
    if (node.kind === 'key') return this.section(node.root, node.key).shown.map((r) => ({ kind: 'value', root: node.root, key: node.key, value: r.value, count: r.count }));
    if (node.kind === 'value') return idx.filesWith(node.key, node.value).map((file) => ({ kind: 'post', file }));
    return [];
  }

  private keys(root: string): TaxonomyNode[] {
    return [{ kind: 'key', root, key: 'categories' }, { kind: 'key', root, key: 'tags' }];
  }

  getTreeItem(node: TaxonomyNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'site': return Object.assign(new vscode.TreeItem(node.root.replace(/^.*[\\/]/, ''), vscode.TreeItemCollapsibleState.Expanded), { description: node.root, iconPath: new vscode.ThemeIcon('globe') });
      case 'key': {
        const v = this.section(node.root, node.key);
        const item = new vscode.TreeItem(node.key === 'categories' ? vscode.l10n.t('Categories') : vscode.l10n.t('Tags'), v.collapsed ? collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.description = v.count.filtered ? vscode.l10n.t('{0} of {1}', v.count.shown, v.count.total) : String(v.count.total);
        item.tooltip = v.count.filtered ? vscode.l10n.t("{0} of {1} values contain '{2}'", v.count.shown, v.count.total, this.filter) : vscode.l10n.t('{0} values', v.count.total);
        // The state is in the id: VS Code keeps an item's expansion by id, so a section that grows long, or a new
        // filter, shows the state meant for it.
        item.id = `key\0${node.root}\0${node.key}\0${v.collapsed ? 'long' : 'short'}\0${this.filter}`;
        item.iconPath = new vscode.ThemeIcon(node.key === 'categories' ? 'folder-library' : 'tag');
        return item;
      }
      case 'value': {
        const item = new vscode.TreeItem(node.value, collapsed);
        item.description = String(node.count);
        item.tooltip = vscode.l10n.t('{0} published post(s)', node.count);
        item.contextValue = 'postdesk.taxonomyValue';
        item.id = `${node.root}\0${node.key}\0${node.value}`;
        return item;
      }
      case 'post': {
        const uri = uriOf(node.file);
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
        item.description = vscode.workspace.asRelativePath(node.file.replace(/[\\/][^\\/]*$/, ''));
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
        return item;
      }
    }
  }
}

const isValueNode = (n: unknown): n is Extract<TaxonomyNode, { kind: 'value' }> => !!n && typeof n === 'object' && (n as TaxonomyNode).kind === 'value';

/** Rewrites `from` to `to` under `key` in every post of the site holding it, as one WorkspaceEdit. */
export async function renameValue(tax: WorkspaceTaxonomy, root: string, key: TaxonomyKey, from: string, to: string, confirm = true): Promise<TaxonomyResult | undefined> {
  await tax.workspace.sync();
  const idx = tax.all().find(([r]) => r === root)?.[1];
  const files = idx ? idx.filesWith(key, from) : [];
  if (!files.length || from === to) return { changed: [], unchanged: files, failed: [] };
  if (confirm) {
    const go = vscode.l10n.t('Rewrite');
    const ok = await vscode.window.showWarningMessage(vscode.l10n.t("Rewrite '{0}' as '{1}' in {2} post(s)?", from, to, files.length), { modal: true }, go);
    if (ok !== go) return undefined;
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Rewriting '{0}'", from), cancellable: true }, (_progress, token) =>
    applyTaxonomyChanges(tax.workspace, files.map((f) => ({ uri: uriOf(f), changes: { [key]: { op: 'rename', from, to } } })), { createFrontMatter: false, save: true, token }));
}

/** Registers the `postdesk.taxonomy` view and its Rename…/Merge into…/Refresh commands. */
export function registerTaxonomyView(s: Services, tax: WorkspaceTaxonomy): vscode.Disposable {
  const tree = new TaxonomyTree(tax);
  const view = vscode.window.createTreeView('postdesk.taxonomy', { treeDataProvider: tree, showCollapseAll: true });
  const report = (r: TaxonomyResult | undefined, value: string) => {
    if (r?.unchanged.length) void vscode.window.showInformationMessage(vscode.l10n.t("{0} post(s) keep '{1}': it comes from their folder or the site defaults.", r.unchanged.length, value));
    s.output.debug(`taxonomy rename ${value}: ${JSON.stringify(r)}`);
    return r;
  };
  const progress = () => {
    const st = s.workspace.scanState();
    const m = tree.filter ? tree.matches() : undefined;
    view.message = st.scanning ? vscode.l10n.t('Reading posts… {0}/{1} (the counts are not complete yet)', st.done, st.total)
      : m && m.shown === 0 ? vscode.l10n.t("No category or tag contains '{0}'.", tree.filter) : undefined;
    view.description = tree.filter ? vscode.l10n.t("Filter: '{0}'", tree.filter) : undefined;
  };
  const setFilter = async (filter: string) => {
    tree.filter = filter.trim();
    tree.refresh();
    progress();
    await vscode.commands.executeCommand('setContext', 'postdesk.taxonomyFiltered', tree.filter !== '');
  };
  progress();
  return vscode.Disposable.from(
    tree, view,
    tax.onDidChange(() => { tree.refresh(); progress(); }),
    s.workspace.onDidChangeScan((st) => { if (!st.scanning || st.done === 0) progress(); }),
    registerCommand(s.output, 'postdesk.taxonomy.refresh', () => tree.refresh()),
    registerCommand(s.output, 'postdesk.taxonomy.filter', async (text?: unknown) => {
      const value = TEST_HOOKS && typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Categories and Tags'), value: tree.filter,
        prompt: vscode.l10n.t('Show only the values that contain this text (empty: show all).'),
      });
      if (value === undefined) return tree.matches();
      await setFilter(value);
      return tree.matches();
    }),
    registerCommand(s.output, 'postdesk.taxonomy.clearFilter', async () => { await setFilter(''); }),
    registerCommand(s.output, 'postdesk.taxonomy.rename', async (node?: unknown, testArgs: RenameArgs = {}) => {
      const args = TEST_HOOKS ? testArgs : {};
      if (!isValueNode(node)) return undefined;
      const to = args.to ?? (await vscode.window.showInputBox({ title: vscode.l10n.t("Rename '{0}'", node.value), value: node.value, validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A value cannot be empty.')) }))?.trim();
      if (!to) return undefined;
      return report(await renameValue(tax, node.root, node.key, node.value, to, args.confirm !== false), node.value);
    }),
    registerCommand(s.output, 'postdesk.taxonomy.merge', async (node?: unknown, testArgs: RenameArgs = {}) => {
      const args = TEST_HOOKS ? testArgs : {};
      if (!isValueNode(node)) return undefined;
      const idx = tax.all().find(([r]) => r === node.root)?.[1];
      const others = (idx?.ranked(node.key) ?? []).filter((r) => r.value !== node.value);
      const to = args.to ?? (await vscode.window.showQuickPick(others.map((r) => ({ label: r.value, description: String(r.count) })), { title: vscode.l10n.t("Merge '{0}' into…", node.value) }))?.label;
      if (!to) return undefined;
      return report(await renameValue(tax, node.root, node.key, node.value, to, args.confirm !== false), node.value);
    }),
  );
}
