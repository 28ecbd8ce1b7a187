// A hover on the front matter's `---` fences: how Jekyll will publish the post (the Show Post Info view), with "Copy as JSON".
import * as vscode from 'vscode';
import { isWorkspaceUri, workspaceSchemes } from '../host/uris';
import { pathOf } from '../host/site';
import { renderPostInfo } from '../core/info';
import { parsePost } from '../core/parse';
import { isValidated } from '../core/validate';
import type { Services } from '../services';
import { infoFor } from './info';

const FENCE = /^\uFEFF?(?:---|\.\.\.)[ \t]*$/;

/** The line numbers of the opening and closing fences of `doc`'s front matter. */
function fenceLines(doc: vscode.TextDocument): number[] {
  if (!FENCE.test(doc.lineAt(0).text)) return [];
  const fm = parsePost(doc.getText()).frontMatter;
  return fm ? [0, doc.positionAt(fm.closeStart).line] : [0];
}

/** Registers the hover for posts (Markdown and HTML files Jekyll reads as posts). */
export function registerInfoHover(s: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider([...workspaceSchemes().flatMap((scheme) => [{ scheme, language: 'markdown' }, { scheme, language: 'html' }]), { scheme: 'untitled', language: 'markdown' }], {
    async provideHover(doc, position) {
      if (!FENCE.test(doc.lineAt(position.line).text) || !fenceLines(doc).includes(position.line)) return undefined;
      if (isWorkspaceUri(doc.uri) && !isValidated(s.sites.siteFor(doc.uri), pathOf(doc.uri))) return undefined;
      const link = `command:postdesk.copyPostInfoJson?${encodeURIComponent(JSON.stringify([doc.uri.toString()]))}`;
      const md = new vscode.MarkdownString(renderPostInfo(await infoFor(s, doc), link));
      md.isTrusted = { enabledCommands: ['postdesk.copyPostInfoJson'] };
      md.supportHtml = false;
      return new vscode.Hover(md, doc.lineAt(position.line).range);
    },
  });
}
