// Core messages in the display language: a core `msg` template through `vscode.l10n.t`.
import * as vscode from 'vscode';
import type { L10nText } from '../core/types';

/** A core message in the display language: its template through `vscode.l10n.t` (English when there is no translation). */
export function localize(english: string, l10n: (L10nText & { suffix?: L10nText }) | undefined): string {
  if (!l10n) return english;
  const text = vscode.l10n.t(l10n.template, ...l10n.args);
  return l10n.suffix ? text + vscode.l10n.t(l10n.suffix.template, ...l10n.suffix.args) : text;
}
