// "Post Desk: Show Post Info": how the active post is read, in the Post Desk output channel.
import * as vscode from 'vscode';
import { registerCommand } from '../host/commands';
import { postInfo } from '../core/info';
import type { Services } from '../services';

/** Registers `postdesk.showInfo`. */
export function registerShowInfo(s: Services): vscode.Disposable {
  return registerCommand(s.output, 'postdesk.showInfo', async (uri?: vscode.Uri) => {
    const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    if (!doc) { void vscode.window.showInformationMessage(vscode.l10n.t('Open a post first.')); return undefined; }
    await s.sites.ready();
    const result = postInfo(doc.getText(), s.sites.siteFor(doc.uri));
    s.output.appendLine(`${doc.uri.fsPath}: ${JSON.stringify(result, null, 2)}`);
    s.output.show(true);
    return result;
  });
}
