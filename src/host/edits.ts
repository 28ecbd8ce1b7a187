// The one place core offset edits become vscode.TextEdits and WorkspaceEdits.
import * as vscode from 'vscode';
import type { Fix, TextEdit } from '../core/types';

/** Core edits (offsets into `document.getText()`) as vscode.TextEdits. */
export function toTextEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map((e) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText));
}

/** A fix (text edits and an optional rename) as one WorkspaceEdit. */
export function fixToWorkspaceEdit(document: vscode.TextDocument, fix: Fix, into = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  if (fix.edits.length) into.set(document.uri, toTextEdits(document, fix.edits));
  if (fix.rename) into.renameFile(vscode.Uri.file(fix.rename.from), vscode.Uri.file(fix.rename.to), { overwrite: false });
  return into;
}
