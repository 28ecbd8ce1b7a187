// The one place a core Problem becomes a vscode.Diagnostic: message in the display language, severity, source, rule doc link.
import * as vscode from 'vscode';
import { LineIndex } from '../core/edits';
import type { Problem, Severity } from '../core/types';
import { ruleDocUrl } from '../core/validate';
import { localize } from './l10n';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint,
};
/** Each rule's doc page, parsed once. */
const docs = new Map<string, vscode.Uri>();
/** Localized messages by the (shared) l10n object of disk problems: one string per distinct message. */
const texts = new WeakMap<object, string>();

/** The diagnostic of `p` at `range`: source `Post Desk`, code = the rule id linked to its doc page. */
export function toDiagnostic(p: Problem, range: vscode.Range): vscode.Diagnostic {
  let text = p.l10n && texts.get(p.l10n);
  if (text === undefined) {
    text = localize(p.message, p.l10n);
    // In English the localized text equals the message: keep one string, not two per distinct message.
    if (text === p.message) text = p.message;
    if (p.l10n) texts.set(p.l10n, text);
  }
  const d = new vscode.Diagnostic(range, text, SEVERITY[p.severity]);
  d.source = 'Post Desk';
  let target = docs.get(p.rule);
  if (!target) { target = vscode.Uri.parse(ruleDocUrl(p.rule)); docs.set(p.rule, target); }
  d.code = { value: p.rule, target };
  return d;
}

/** The diagnostics of problems at offsets of `text`. */
export function toDiagnostics(text: string, problems: readonly Problem[]): vscode.Diagnostic[] {
  const lines = new LineIndex(text);
  return problems.map((p) => {
    const a = lines.positionAt(p.start);
    const b = lines.positionAt(p.end);
    return toDiagnostic(p, new vscode.Range(a.line, a.character, b.line, b.character));
  });
}
