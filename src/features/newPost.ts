// "Post Desk: New Post…": asks for the title, categories and tags, creates the post the site's way and opens it at its body.
import * as vscode from 'vscode';
import { LineIndex } from '../core/edits';
import type { NewPost } from '../core/newpost';
import { prepareNewPost } from '../core/newpost-sample';
import { decodeText } from '../core/parse';
import { relativeToSite, type SiteConfig } from '../core/site';
import { frontMatterBytes } from '../core/taxonomy/index';
import { registerCommand } from '../host/commands';
import { pathOf } from '../host/site';
import type { Services } from '../services';
import { pickValues, type ValueSource } from './taxonomy';
import { workspaceTaxonomy } from './taxonomyIndex';

/** Arguments for scripted use (tests, keybindings): given values skip their prompt. */
export interface NewPostArgs { title?: string; categories?: string[]; tags?: string[]; date?: string }

/** The site and the post folder (site-relative) a new post goes to: the clicked folder, the open post's, or a site's `_posts`. */
async function target(s: Services, clicked: vscode.Uri | undefined): Promise<{ site: SiteConfig; rootUri: vscode.Uri; folder: string } | undefined> {
  await s.sites.ready();
  const inFolder = (dir: vscode.Uri) => {
    const site = s.sites.siteFor(vscode.Uri.joinPath(dir, 'new-post.md'));
    const rel = relativeToSite(site, pathOf(dir));
    const rootUri = dir.with({ path: site.root });
    return { site, rootUri, folder: /(^|\/)_posts(\/|$)/.test(rel) ? rel : '_posts' };
  };
  if (clicked) return inFolder(clicked);
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && /\/_posts\//.test(doc.uri.path)) return inFolder(vscode.Uri.joinPath(doc.uri, '..'));
  const sites = s.sites.sites().sort((a, b) => a.site.root.length - b.site.root.length);
  let pick = sites[0];
  if (sites.length > 1) {
    const chosen = await vscode.window.showQuickPick(sites.map((x) => ({ label: vscode.workspace.asRelativePath(x.uri) || '.', x })), { title: vscode.l10n.t('New Post: which site?') });
    if (!chosen) return undefined;
    pick = chosen.x;
  }
  if (pick) return { site: pick.site, rootUri: pick.uri, folder: '_posts' };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a Jekyll site folder first.')); return undefined; }
  return { site: s.sites.siteFor(vscode.Uri.joinPath(folder, '_posts', 'new-post.md')), rootUri: folder, folder: '_posts' };
}

/** The post `newPost` makes, from the site as `workspace.fs` shows it (the newest posts of the folder as samples). */
function prepare(where: { site: SiteConfig; rootUri: vscode.Uri; folder: string }, req: { title: string; categories: string[]; tags: string[]; date?: string }): Promise<NewPost> {
  const fsys = vscode.workspace.fs;
  const at = (rel: string) => vscode.Uri.joinPath(where.rootUri, rel);
  return prepareNewPost(where.site, { ...req, now: Date.now(), folder: where.folder }, {
    list: async (folder) => { try { return (await fsys.readDirectory(at(folder))).map(([name, t]) => ({ name, isFile: t === vscode.FileType.File })); } catch { return []; /* a new folder */ } },
    frontMatter: async (rel) => decodeText(frontMatterBytes(await fsys.readFile(at(rel)))).text,
    size: async (rel) => { try { const st = await fsys.stat(at(rel)); return st.type & vscode.FileType.File ? st.size : undefined; } catch { return undefined; } },
    text: async (rel) => decodeText(await fsys.readFile(at(rel))).text,
  });
}

/** Writes the post; never overwrites (a file that appeared meanwhile is an error). */
async function write(rootUri: vscode.Uri, post: NewPost): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(rootUri, post.rel);
  let exists = true;
  try { await vscode.workspace.fs.stat(uri); } catch { exists = false; }
  if (exists) throw new Error(vscode.l10n.t('{0} already exists.', post.rel));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(post.text));
  return uri;
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
  const probe = vscode.Uri.joinPath(where.rootUri, where.folder, 'new-post.md');
  const pick = async (key: 'categories' | 'tags', given: string[] | undefined) => {
    if (given) return given;
    // New Post lists values in a stable order: it waits for the index (at once on a site already read), so a
    // click never lands on a row that moved as counts came in.
    await tax.ready();
    const source: ValueSource = { ranked: () => tax.indexFor(probe).ranked(key), get busy() { return tax.busy; }, onDidChange: tax.onDidChange };
    return pickValues(key, source, [], false);
  };
  const categories = await pick('categories', args.categories);
  if (!categories) return undefined;
  const tags = await pick('tags', args.tags);
  if (!tags) return undefined;
  const post = await prepare(where, { title: title.trim(), categories, tags, date: args.date });
  const uri = await write(where.rootUri, post);
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
