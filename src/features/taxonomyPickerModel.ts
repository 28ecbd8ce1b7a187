// Insert Categories/Tags: which values are outside the site's configured list, and the one `_config.yml` edit that lists them (pure, no vscode).
import { addTaxonomyValue, type TaxonomyField } from '../core/config-edit';
import { applyEdits } from '../core/edits';
import { diffEdit } from '../core/taxonomy/apply';
import type { TextEdit } from '../core/types';

/**
 * The values of `values` that `taxonomy-unknown` will warn about: not in `configured`, when the site configures a
 * list at all (an empty list means every value is allowed). In the order given, without repeats.
 */
export function unlisted(values: readonly string[], configured: readonly string[]): string[] {
  if (!configured.length) return [];
  const known = new Set(configured);
  return [...new Set(values)].filter((v) => !known.has(v));
}

/**
 * One edit of the `_config.yml` `text` that adds every value of `values` to `postdesk.taxonomy.<field>` (each
 * added as addTaxonomyValue adds it: comments, layout and style kept), or undefined when there is nothing to add
 * or the file cannot take it (a YAML error, a `postdesk:` that is not a mapping).
 */
export function addValuesEdit(text: string, field: TaxonomyField, values: readonly string[]): TextEdit | undefined {
  let out = text;
  for (const v of values) {
    const e = addTaxonomyValue(out, field, v);
    if (e) out = applyEdits(out, [e]);
  }
  return diffEdit(text, out)[0];
}
