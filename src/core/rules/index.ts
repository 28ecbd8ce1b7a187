// The rule table: every rule module (id, default severity, scope, docs, check), in reporting order; plain data.
import * as bodyHeavy from './body-heavy';
import * as configInvalid from './config-invalid';
import * as dateFilenameMismatch from './date-filename-mismatch';
import * as dateInvalid from './date-invalid';
import * as dateNoOffset from './date-no-offset';
import * as duplicateKey from './duplicate-key';
import * as encodingInvalid from './encoding-invalid';
import * as fileUnreadable from './file-unreadable';
import * as filenameInvalid from './filename-invalid';
import * as frontMatterLanguage from './front-matter-language';
import * as frontMatterMissing from './front-matter-missing';
import * as frontMatterUnclosed from './front-matter-unclosed';
import * as futureDate from './future-date';
import * as layoutMissing from './layout-missing';
import * as permalinkConflict from './permalink-conflict';
import * as layoutUnescapedOutput from './layout-unescaped-output';
import * as requiredKey from './required-key';
import { RULE_IDS, type Rule, type RuleId } from './rule';
import * as stockImageBlock from './stock-image-block';
import * as stockImageUnterminated from './stock-image-unterminated';
import * as taxonomyDuplicate from './taxonomy-duplicate';
import * as taxonomyType from './taxonomy-type';
import * as taxonomyUnknown from './taxonomy-unknown';
import * as titleEmpty from './title-empty';
import * as unpublished from './unpublished';
import * as unsafeHtml from './unsafe-html';
import * as yamlSyntax from './yaml-syntax';

export type { Report, Rule, RuleId, RuleScope } from './rule';
export { isRuleId, RULE_IDS } from './rule';

/** A rule as the rest of Post Desk sees it (the same object as {@link Rule}; kept as a name for callers). */
export type RuleInfo = Rule;

const MODULES: readonly Rule[] = [
  encodingInvalid, frontMatterMissing, frontMatterUnclosed, frontMatterLanguage, yamlSyntax, duplicateKey, requiredKey, titleEmpty,
  dateInvalid, dateNoOffset, dateFilenameMismatch, filenameInvalid, taxonomyType, taxonomyDuplicate, taxonomyUnknown,
  layoutMissing, layoutUnescapedOutput, unsafeHtml, bodyHeavy, stockImageBlock, stockImageUnterminated, futureDate, unpublished, permalinkConflict, configInvalid, fileUnreadable,
];

/** Every rule, in reporting order (the order of {@link RULE_IDS}). */
export const RULES: readonly Rule[] = RULE_IDS.map((id) => {
  const rule = MODULES.find((m) => m.id === id);
  if (!rule) throw new Error(`no module for rule ${id}`);
  return rule;
});

/** The rule of an id, or undefined. */
export function ruleInfo(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The documentation page of a rule. */
export function ruleDocUrl(id: RuleId | string): string {
  return `https://github.com/postdesk/postdesk/blob/main/docs/rules/${id}.md`;
}
