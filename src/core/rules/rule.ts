// The shape of a rule module (markdownlint-style): typed id, default severity, scope, docs, and a check that reports through a bound report().
import type { Message } from '../messages';
import type { Fix, Severity } from '../types';
import type { RuleContext } from './context';

/** Every rule id, in reporting order (the rule table in `index.ts` follows it). */
export const RULE_IDS = [
  'encoding-invalid', 'front-matter-missing', 'front-matter-unclosed', 'front-matter-language', 'yaml-syntax', 'duplicate-key', 'required-key',
  'title-empty', 'date-invalid', 'date-no-offset', 'date-filename-mismatch', 'filename-invalid', 'taxonomy-type',
  'taxonomy-duplicate', 'taxonomy-unknown', 'layout-missing', 'layout-unescaped-output', 'unsafe-html', 'body-heavy', 'stock-image-block',
  'stock-image-unterminated', 'future-date', 'unpublished', 'permalink-conflict', 'config-invalid', 'file-unreadable',
] as const;

/** A rule id. */
export type RuleId = typeof RULE_IDS[number];

/** What a rule looks at: the whole file (checked even behind a leading blank line), the front matter, the body, or `_config.yml`. */
export type RuleScope = 'file' | 'front-matter' | 'body' | 'config';

/**
 * Reports one problem of the running rule (its id is bound, so a rule cannot report under another id). `severity`
 * overrides the rule's default where the consequence differs; a `msg(…)` message also sets `l10n`.
 */
export type Report = (message: string | Message, start: number, end: number, fixes?: Fix[], severity?: Severity) => void;

/** A rule module: `src/core/rules/<id>.ts` exports these. `check` is absent for rules reported outside posts (`config-invalid`). */
export interface Rule {
  readonly id: RuleId;
  /** The default severity: what Jekyll does (see docs/rules/README.md). */
  readonly severity: Severity;
  readonly scope: RuleScope;
  /** One line for `postdesk check --format sarif` and the rules table. */
  readonly docs: string;
  readonly check?: (ctx: RuleContext, report: Report) => void;
}

/** Whether `id` is a rule id. */
export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
