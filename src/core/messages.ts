// User-facing core messages as data: the English text plus the template and arguments a UI can localize.
import type { L10nText } from './types';

/** A message: its English `text`, and the literal `template` with `{0}`… placeholders and their `args`. */
export interface Message extends L10nText {
  text: string;
}

/** `template` with `{0}`, `{1}`… replaced by `args` (other braces are left alone). */
export function format(template: string, args: readonly string[]): string {
  let parts = split.get(template);
  if (!parts) {
    // Literal pieces at even indexes, placeholder digits at odd ones; templates are few, so each is split once.
    parts = template.split(/\{(\d+)\}/);
    if (split.size < 1000) split.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const n = +parts[i];
    out += (n < args.length ? args[n] : `{${parts[i]}}`) + parts[i + 1];
  }
  return out;
}
const split = new Map<string, string[]>();

/**
 * A message from a literal English template (scripts/l10n.mjs collects the literal first argument of every `msg`
 * call into l10n/bundle.l10n.json, so it must be a string literal); dynamic pieces go in `args` only.
 */
export function msg(template: string, ...args: (string | number)[]): Message {
  const a = args.map(String);
  return { text: format(template, a), template, args: a };
}

/** The localizable part of a message (what `Problem.l10n` and `Fix.l10n` hold). */
export function l10nOf(m: L10nText): L10nText {
  return { template: m.template, args: m.args };
}

/** `title` and `l10n` of a fix from a message: `{ ...fixTitle(msg(template, x)), edits }`. */
export function fixTitle(m: Message): { title: string; l10n: L10nText } {
  return { title: m.text, l10n: l10nOf(m) };
}

/** `s` as a finished sentence: trimmed, with a full stop added unless it already ends with `.`, `。`, `?` or `!`. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.。?!？！]$/.test(t) || !t ? t : `${t}.`;
}
