// The narrow view of the Problems store that code actions and the status bar depend on (no feature internals).
import type * as vscode from 'vscode';
import type { Problem } from '../core/types';

/** Read-only access to Post Desk's cached problems. */
export interface ProblemStore {
  /** The problems of a document's current text, from the cache (analysed now only when the cache is behind). */
  problemsFor(doc: vscode.TextDocument): readonly Problem[] | undefined;
  /** The core problem behind one of our diagnostics (undefined when it is out of date or not ours). */
  problemOf(diagnostic: vscode.Diagnostic): Problem | undefined;
  /** Whether the document's diagnostics were computed for its current version. */
  isCurrent(doc: vscode.TextDocument): boolean;
  /** Our diagnostics of a file (undefined when it is not a validated post). */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] | undefined;
  /** Fires with the files whose problems changed. */
  readonly onDidChange: vscode.Event<readonly vscode.Uri[]>;
}
