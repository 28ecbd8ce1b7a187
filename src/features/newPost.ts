// "Post Desk: New Post…": asks for the title, categories and tags, creates the post the site's way and opens it at its body.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LineIndex } from '../core/edits';
import { relativeToSite, type SiteConfig } from '../core/site';
import { registerCommand } from '../host/commands';
import { prepareNewPost, writeNewPost } from '../node/newpost';
import type { Services } from '../services';
import { pickValues } from './taxonomy';
import { workspaceTaxonomy } from './taxonomyIndex';

/** Arguments for scripted use (tests, keybindings): given values skip their prompt. */
export interface NewPostArgs { title?: string; categories?: string[]; tags?: string[]; date?: string }

const EXCLUDE = '{**/node_modules/**,**/_site/**,**/.*/**}';

/** The site and the post folder (site-relative) a new post goes to: the clicked folder, the open post's, or a site's `_posts`. */
async function target(s: Services, clicked: vscode.Uri | undefined): Promise<{ site: SiteConfig; folder: string } | undefined> {
  const inFolder = (dir: string) => {
    const site = s.sites.siteFor(vscode.Uri.file(path.join(dir, 'new-post.md')));
    const rel = relativeToSite(site, dir.replace(/\\/g, '/'));
    return { site, folder: /(^|\/)_posts(\/|$)/.test(rel) ? rel : '_posts' };
  };
  if (clicked?.scheme === 'file') return inFolder(clicked.fsPath);
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.uri.scheme === 'file' && /[\\/]_posts[\\/]/.test(doc.uri.fsPath)) return inFolder(path.dirname(doc.uri.fsPath));
  const configs = (await vscode.workspace.findFiles('**/_config.yml', EXCLUDE, 20)).sort((a, b) => a.fsPath.length - b.fsPath.length);
  let cfg = configs[0];
  if (configs.length > 1) {
    const pick = await vscode.window.showQuickPick(configs.map((u) => ({ label: vscode.workspace.asRelativePath(path.dirname(u.fsPath)) || '.', uri: u })), { title: vscode.l10n.t('New Post: which site?') });
    if (!pick) return undefined;
    cfg = pick.uri;
  }
  const root = cfg ? path.dirname(cfg.fsPath) : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a Jekyll site folder first.')); return undefined; }
  return { site: s.sites.siteFor(vscode.Uri.file(path.join(root, '_posts', 'new-post.md'))), folder: '_posts' };
}

/** Runs New Post; resolves to the new file's uri, or undefined when cancelled. */
async function newPost(s: Services, clicked: vscode.Uri | undefined, args: NewPostArgs): Promise<vscode.Uri | undefined> {
  const where = await target(s, clicked);
  if (!where) return undefined;
  const title = args.title ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('New Post'), prompt: vscode.l10n.t('Title of the new post'),
    validateInput: (v) => v.trim() ? undefined : vscode.l10n.t('The title cannot be empty.'),
  });
  if (!title?.trim()) return undefined;
  const tax = workspaceTaxonomy(s);
  const probe = vscode.Uri.file(path.join(where.site.root, where.folder, 'new-post.md'));
  const pick = async (key: 'categories' | 'tags', given: string[] | undefined) => {
    if (given) return given;
    await tax.ready();
    return pickValues(key, tax.indexFor(probe).ranked(key), [], false);
  };
  const categories = await pick('categories', args.categories);
  if (!categories) return undefined;
  const tags = await pick('tags', args.tags);
  if (!tags) return undefined;
  const post = prepareNewPost(where.site, { title: title.trim(), categories, tags, date: args.date, folder: where.folder });
  const uri = vscode.Uri.file(writeNewPost(where.site, post));
  void tax.refresh(uri);
  const editor = await vscode.window.showTextDocument(uri);
  const at = new LineIndex(post.text).positionAt(post.bodyOffset);
  const pos = new vscode.Position(at.line, at.character);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
  s.output.info(`new post ${post.rel} (${post.rule})`);
  return uri;
}

/** Registers `postdesk.newPost` (palette, and the Explorer context menu on a `_posts` folder). */
export function registerNewPost(s: Services): vscode.Disposable {
  return registerCommand(s.output, 'postdesk.newPost', (...raw: unknown[]) => {
    const clicked = raw.find((a): a is vscode.Uri => a instanceof vscode.Uri);
    const args = (raw.find((a) => a && typeof a === 'object' && !(a instanceof vscode.Uri) && !Array.isArray(a)) ?? {}) as NewPostArgs;
    return newPost(s, clicked, args);
  });
}
