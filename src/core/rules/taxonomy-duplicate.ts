// taxonomy-duplicate: the same tag twice in one key (Jekyll keeps both) or category (Jekyll keeps one).
import { fixTitle, msg } from '../messages';
import type { TextEdit, Severity } from '../types';
import { entry, taxonomyValues, TAXONOMY_KEYS, yamlOk, type RuleContext, type TaxonomyValue } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'taxonomy-duplicate' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = 'The same tag twice (Jekyll keeps both) or category (Jekyll keeps one).';

/** Reports each repeated value after its first occurrence; the fix removes it with its separator. */
export function check(ctx: RuleContext, report: Report): void {
  if (!yamlOk(ctx)) return;
  for (const k of TAXONOMY_KEYS) {
    const { key } = k;
    const e = entry(ctx, key);
    const values = e && taxonomyValues(ctx, e, k);
    if (!values) continue;
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (!seen.has(v.value)) { seen.add(v.value); return; }
      const edit = removal(ctx.text, values[i - 1], v);
      const fixes = edit && values[i - 1].end <= v.start ? [{ ...fixTitle(msg('Remove the second `{0}`.', v.value)), edits: [edit], preferred: true }] : [];
      // Jekyll de-duplicates categories (only style is at stake) but publishes a repeated tag twice.
      if (k.field === 'categories') report(msg('`{0}` is listed twice in `{1}`: Jekyll keeps it once.', v.value, key), v.start, v.end, fixes, 'info');
      else report(msg('`{0}` is listed twice in `{1}`: Jekyll keeps both.', v.value, key), v.start, v.end, fixes);
    });
  }
}

/** The edit that removes `v` and the separator before it (`, x` in a flow list, the `- x` line in a block list, ` x` in a string). */
function removal(text: string, prev: TaxonomyValue, v: TaxonomyValue): TextEdit | undefined {
  if (prev.start === v.start) return undefined;
  const between = text.slice(prev.end, v.start);
  if (/^[ \t]*,\s*$/.test(between) || /^[ \t]+$/.test(between) || /^[ \t]*\r?\n[ \t]*-[ \t]+$/.test(between)) return { start: prev.end, end: v.end, newText: '' };
  return undefined;
}
