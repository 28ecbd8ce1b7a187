// The one place core offset edits become vscode.TextEdits and WorkspaceEdits.
import * as vscode from 'vscode';
import { uriOf } from './uris';
import { LineIndex } from '../core/edits';
import type { Fix, TextEdit } from '../core/types';

/** Core edits (offsets into `document.getText()`) as vscode.TextEdits. */
export function toTextEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map((e) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText));
}

/** A fix (text edits and an optional rename) as one WorkspaceEdit. */
export function fixToWorkspaceEdit(document: vscode.TextDocument, fix: Fix, into = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  // A fix of another file (the site's _config.yml): its offsets are into the text the fix carries.
  if (fix.target) return targetEdit(fix.target, fix.edits, into);
  if (fix.edits.length) into.set(document.uri, toTextEdits(document, fix.edits));
  if (fix.rename) into.renameFile(uriOf(fix.rename.from), uriOf(fix.rename.to), { overwrite: false });
  return into;
}

/** Edits of another file, offsets into its `text` as Post Desk read it. */
function targetEdit(target: NonNullable<Fix['target']>, edits: readonly TextEdit[], into: vscode.WorkspaceEdit): vscode.WorkspaceEdit {
  // Offsets into text that has changed since (unsaved edits of the open file) would land elsewhere: no edit then.
  const uri = uriOf(target.file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && open.getText() !== target.text) return into;
  const lines = new LineIndex(target.text);
  const at = (o: number) => { const p = lines.positionAt(o); return new vscode.Position(p.line, p.character); };
  into.set(uri, edits.map((e) => vscode.TextEdit.replace(new vscode.Range(at(e.start), at(e.end)), e.newText)));
  return into;
}
