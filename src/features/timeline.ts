// "Post Desk: Timeline": the site's posts as Jekyll orders site.posts, by day, with publish times and badges.
import * as vscode from 'vscode';
import { uriOf } from '../host/uris';
import { buildTimeline, groupByDay, matchesFilter, type TimelineBadge, type TimelineDay, type TimelineEntry, type TimelineInput } from '../core/timeline';
import { registerCommand } from '../host/commands';
import type { Services } from '../services';
import { Disposable } from '../util/dispose';
import { workspaceTaxonomy, type WorkspaceTaxonomy } from './taxonomyIndex';

/** One post as the timeline needs it: its uri (`key`), Jekyll's view of it and its site's timezone. */
export type TimelinePost = TimelineInput<vscode.Uri>;

/** What the timeline reads: every post of the workspace index, and when it changed (the narrow seam to the workspace model). */
export interface TimelineSource {
  posts(): Iterable<TimelinePost>;
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once the index is built. */
  ready(): Promise<void>;
}

/** The timeline source over the workspace taxonomy index (no second scan of the posts). */
export function taxonomyTimelineSource(tax: WorkspaceTaxonomy): TimelineSource {
  return {
    onDidChange: tax.onDidChange,
    ready: () => tax.ready(),
    *posts() {
      for (const [, idx] of tax.all()) for (const [file, view] of idx.files()) yield { key: uriOf(file), view, timezone: idx.site.timezone };
    },
  };
}

type Filter = { category?: string; tag?: string; badged?: boolean; problems?: boolean; label: string };
type Node = { kind: 'day'; id: string; day: TimelineDay<vscode.Uri> } | { kind: 'post'; entry: TimelineEntry<vscode.Uri> };

const ICONS: Record<TimelineBadge, string> = {
  'no-offset': 'warning', future: 'clock', unpublished: 'eye-closed', unreadable: 'error', draft: 'edit', 'invalid-date': 'error',
};

/** The short text of a badge. */
function badgeText(b: TimelineBadge, e: TimelineEntry<vscode.Uri>): string {
  switch (b) {
    case 'no-offset': return vscode.l10n.t('written {0} → published {1}', e.written?.slice(11, 16) ?? '', e.published.slice(11, 16));
    case 'future': return vscode.l10n.t('future: not built until then');
    case 'unpublished': return vscode.l10n.t('published: false');
    case 'unreadable': return vscode.l10n.t('unreadable: dated at build time');
    case 'draft': return vscode.l10n.t('draft');
    case 'invalid-date': return vscode.l10n.t('invalid date: the site build fails');
  }
}

/** The tree: days (newest first; only the first few expanded), each day's posts loaded when it is expanded. */
export class TimelineProvider extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly emitter = this._register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private days: TimelineDay<vscode.Uri>[] | undefined;
  filter: Filter | undefined;

  constructor(private readonly source: TimelineSource, private readonly now: () => number = Date.now) {
    super();
    this._register(source.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.days = undefined;
    this.emitter.fire(undefined);
  }

  /** The timeline as shown (filtered), worked out once per change. */
  timeline(): TimelineDay<vscode.Uri>[] {
    if (!this.days) {
      const f = this.filter;
      const hasProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'Post Desk');
      const entries = buildTimeline<vscode.Uri>(this.source.posts(), this.now(), (u) => u.fsPath)
        .filter((e) => matchesFilter(e, f) && (!f?.problems || hasProblems(e.key)));
      this.days = groupByDay(entries);
    }
    return this.days;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'post') return [];
    if (node) return node.day.entries.map((entry) => ({ kind: 'post', entry }));
    await this.source.ready();
    const seen = new Map<string, number>();
    return this.timeline().map((day) => {
      const n = (seen.get(day.day) ?? 0) + 1;
      seen.set(day.day, n);
      return { kind: 'day', id: `${day.day}#${n}`, day };
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'day') {
      const first = this.days?.[0] === node.day || this.days?.[1] === node.day || this.days?.[2] === node.day;
      const item = new vscode.TreeItem(node.day.day, first ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `day:${node.id}:${this.filter?.label ?? ''}`;
      item.description = vscode.l10n.t('{0} post(s)', node.day.entries.length);
      item.iconPath = new vscode.ThemeIcon('calendar');
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(`${e.published.slice(11, 16)}  ${e.title || vscode.workspace.asRelativePath(e.key)}`, vscode.TreeItemCollapsibleState.None);
    item.id = `post:${e.key.toString()}`;
    item.resourceUri = e.key;
    item.description = [e.categories.join(' '), ...e.badges.map((b) => badgeText(b, e))].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(e.badges.length ? ICONS[e.badges[0]] : e.live ? 'file' : 'circle-slash');
    item.contextValue = 'postdesk.timelinePost';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Post'), arguments: [e.key] };
    const md = new vscode.MarkdownString();
    md.appendText(`${e.title}\n\n`);
    md.appendText(`${vscode.l10n.t('Published by Jekyll at {0}', e.published)}\n`);
    if (e.written) md.appendText(`${vscode.l10n.t('Written as {0} (no offset: read as UTC)', e.written)}\n`);
    for (const b of e.badges) md.appendText(`${badgeText(b, e)}\n`);
    md.appendText(vscode.workspace.asRelativePath(e.key));
    item.tooltip = md;
    return item;
  }
}

/** Lets the user pick a filter: all, with badges, with problems, one category or one tag. */
async function pickFilter(p: TimelineProvider, source: TimelineSource): Promise<void> {
  const cats = new Map<string, number>(); const tags = new Map<string, number>();
  for (const { view } of source.posts()) {
    for (const c of view.categories) if (typeof c === 'string') cats.set(c, (cats.get(c) ?? 0) + 1);
    for (const t of view.tags ?? []) if (typeof t === 'string') tags.set(t, (tags.get(t) ?? 0) + 1);
  }
  type Item = vscode.QuickPickItem & { filter?: Filter };
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const items: Item[] = [
    { label: vscode.l10n.t('All posts') },
    { label: vscode.l10n.t('Posts with a badge'), filter: { badged: true, label: 'badged' } },
    { label: vscode.l10n.t('Posts with problems'), filter: { problems: true, label: 'problems' } },
    { label: vscode.l10n.t('Categories'), kind: vscode.QuickPickItemKind.Separator },
    ...sorted(cats).map(([c, n]): Item => ({ label: c, description: String(n), filter: { category: c, label: `c:${c}` } })),
    { label: vscode.l10n.t('Tags'), kind: vscode.QuickPickItemKind.Separator },
    ...sorted(tags).map(([t, n]): Item => ({ label: t, description: String(n), filter: { tag: t, label: `t:${t}` } })),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Filter the Timeline') });
  if (!pick) return;
  p.filter = pick.filter;
  p.refresh();
}

/** Registers the "Post Desk: Timeline" view over `source` (default: the workspace taxonomy index). */
export function registerTimeline(s: Services, source: TimelineSource = taxonomyTimelineSource(workspaceTaxonomy(s))): vscode.Disposable {
  const provider = new TimelineProvider(source);
  const view = vscode.window.createTreeView('postdesk.timeline', { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => { view.description = provider.filter ? provider.filter.label.replace(/^[ct]:/, '') : undefined; };
  return vscode.Disposable.from(
    provider, view,
    registerCommand(s.output, 'postdesk.timeline.refresh', () => provider.refresh()),
    registerCommand(s.output, 'postdesk.timeline.filter', async () => { await pickFilter(provider, source); describe(); }),
  );
}
