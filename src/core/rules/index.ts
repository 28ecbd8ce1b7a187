// The rule table: every rule's id, default severity, one-line docs and check function.
import type { Problem, Severity } from '../types';
import type { RuleContext } from './context';
import { dateFilenameMismatch } from './date-filename-mismatch';
import { dateInvalid } from './date-invalid';
import { dateNoOffset } from './date-no-offset';
import { encodingInvalid } from './encoding-invalid';
import { filenameInvalid } from './filename-invalid';
import { frontMatterLanguage } from './front-matter-language';
import { frontMatterMissing } from './front-matter-missing';
import { frontMatterUnclosed } from './front-matter-unclosed';
import { futureDate } from './future-date';
import { layoutMissing } from './layout-missing';
import { requiredKey } from './required-key';
import { stockImageBlock } from './stock-image-block';
import { stockImageUnterminated } from './stock-image-unterminated';
import { taxonomyDuplicate } from './taxonomy-duplicate';
import { taxonomyType } from './taxonomy-type';
import { taxonomyUnknown } from './taxonomy-unknown';
import { titleEmpty } from './title-empty';
import { unpublished } from './unpublished';
import { unsafeHtml } from './unsafe-html';
import { bodyHeavy } from './body-heavy';
import { yamlSyntax } from './yaml-syntax';

/** One validation rule. `check` is undefined for rules reported outside one post (`config-invalid`, site-wide `permalink-conflict`). */
export interface RuleInfo {
  id: string;
  severity: Severity;
  docs: string;
  check?: (ctx: RuleContext) => Problem[];
}

/** Every rule, in reporting order. */
export const RULES: readonly RuleInfo[] = [
  { id: 'encoding-invalid', severity: 'error', docs: 'The file is not valid UTF-8.', check: encodingInvalid },
  { id: 'front-matter-missing', severity: 'error', docs: 'The first line is not `---` (a leading blank line is enough): Jekyll sees no front matter.', check: frontMatterMissing },
  { id: 'front-matter-unclosed', severity: 'error', docs: 'The front matter has no closing `---`.', check: frontMatterUnclosed },
  { id: 'front-matter-language', severity: 'error', docs: 'Front matter in a language other than YAML (`---js`), never evaluated.', check: frontMatterLanguage },
  { id: 'yaml-syntax', severity: 'error', docs: 'The front matter is not valid YAML.', check: yamlSyntax },
  { id: 'required-key', severity: 'error', docs: 'A required front matter key is missing.', check: requiredKey },
  { id: 'title-empty', severity: 'error', docs: 'The title is empty.', check: titleEmpty },
  { id: 'date-invalid', severity: 'error', docs: 'A date Jekyll cannot parse: the whole site fails to build.', check: dateInvalid },
  { id: 'date-no-offset', severity: 'warning', docs: 'A date without a UTC offset is read as UTC and published at another time.', check: dateNoOffset },
  { id: 'date-filename-mismatch', severity: 'warning', docs: "The file name's date differs from the front matter date.", check: dateFilenameMismatch },
  { id: 'filename-invalid', severity: 'error', docs: 'A file in _posts without a leading date: Jekyll skips it.', check: filenameInvalid },
  { id: 'taxonomy-type', severity: 'error', docs: 'Categories or tags that are not a string or a list of strings.', check: taxonomyType },
  { id: 'taxonomy-duplicate', severity: 'warning', docs: 'The same category or tag twice.', check: taxonomyDuplicate },
  { id: 'taxonomy-unknown', severity: 'warning', docs: 'A category or tag outside the configured taxonomy.', check: taxonomyUnknown },
  { id: 'layout-missing', severity: 'warning', docs: 'The layout does not exist in _layouts/.', check: layoutMissing },
  { id: 'unsafe-html', severity: 'warning', docs: 'Active HTML (script, iframe, handlers…) in the body, published as is.', check: unsafeHtml },
  { id: 'body-heavy', severity: 'info', docs: 'A body so large or so deeply tagged that the preview may cut it off.', check: bodyHeavy },
  { id: 'stock-image-block', severity: 'info', docs: 'A stock-image (EM_StockImg) block in the body.', check: stockImageBlock },
  { id: 'stock-image-unterminated', severity: 'warning', docs: 'A stock-image marker that does not form a block.', check: stockImageUnterminated },
  { id: 'future-date', severity: 'info', docs: 'Dated in the future: Jekyll skips it without --future.', check: futureDate },
  { id: 'unpublished', severity: 'info', docs: '`published: false`: Jekyll does not publish it.', check: unpublished },
  { id: 'permalink-conflict', severity: 'warning', docs: 'Two or more posts Jekyll writes to the same file: only one is published there (checked over the whole site).' },
  { id: 'config-invalid', severity: 'error', docs: 'A problem in _config.yml (YAML, timezone, `postdesk:` settings).' },
];

/** The rule of an id, or undefined. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.find((r) => r.id === id);
}

/** The documentation page of a rule. */
export function ruleDocUrl(id: string): string {
  return `https://github.com/postdesk/postdesk/blob/main/docs/rules/${id}.md`;
}
