// taxonomy-unknown: a category or tag outside `postdesk.taxonomy` (only when known values are configured).
import { addTaxonomyValue, type TaxonomyField } from '../config-edit';
import { fixTitle, msg } from '../messages';
import type { SiteConfig } from '../site';
import type { Fix, Severity, TextEdit } from '../types';
import { entry, taxonomyValues, TAXONOMY_KEYS, yamlOk, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';
import { trimTrailing } from '../text';

export const id = 'taxonomy-unknown' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = 'A category or tag outside the configured taxonomy.';

/** Levenshtein distance, bounded to short taxonomy values. */
export function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Reports unknown values with up to three did-you-mean fixes (case-insensitive match first, then edit distance ≤ 2). */
export function check(ctx: RuleContext, report: Report): void {
  if (!yamlOk(ctx)) return;
  for (const k of TAXONOMY_KEYS) {
    const { key, field } = k;
    const known = ctx.site.postdesk.taxonomy[field];
    const e = known.length ? entry(ctx, key) : undefined;
    const values = e && taxonomyValues(ctx, e, k);
    if (!values) continue;
    for (const v of values) {
      if (known.includes(v.value)) continue;
      const near = known
        .map((k) => ({ k, d: k.toLowerCase() === v.value.toLowerCase() ? 0 : distance(k.toLowerCase(), v.value.toLowerCase()) }))
        .filter((x) => x.d <= Math.min(2, Math.max(1, Math.floor(v.value.length / 3))))
        .sort((a, b) => a.d - b.d).slice(0, 3);
      const exact = ctx.text.slice(v.start, v.end) === v.value || (v.end - v.start === v.value.length + 2);
      const fixes: Fix[] = exact ? near.map((n, i) => ({
        ...fixTitle(msg('Change it to `{0}`.', n.k)),
        edits: [{ start: v.start, end: v.end, newText: ctx.text.slice(v.start, v.end) === v.value ? n.k : JSON.stringify(n.k) }],
        preferred: i === 0 && near.length === 1 && n.d === 0,
      })) : [];
      const cat = field === 'categories';
      const add = addToConfig(ctx.site, field, v.value);
      if (add) fixes.push({ ...fixTitle(cat ? msg("Add '{0}' to the site's categories.", v.value) : msg("Add '{0}' to the site's tags.", v.value)), edits: [add], target: { file: `${trimTrailing(ctx.site.root, '/')}/_config.yml`, text: ctx.site.text! } });
      const did = near.map((n) => `\`${n.k}\``).join(', ');
      const list = `${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}`;
      const message = near.length
        ? cat ? msg('Unknown category `{0}`: did you mean {1}?', v.value, did) : msg('Unknown tag `{0}`: did you mean {1}?', v.value, did)
        : cat ? msg('Unknown category `{0}` (known: {1}).', v.value, list) : msg('Unknown tag `{0}` (known: {1}).', v.value, list);
      report(message, v.start, v.end, fixes);
    }
  }
}

// One config edit per site, list and value: many posts share an unknown tag, and each edit parses `_config.yml`.
const added = new WeakMap<SiteConfig, Map<string, TextEdit | undefined>>();

/** The `_config.yml` edit that lists `value` (not preferred: fix-all must not silence the rule by listing every typo). */
function addToConfig(site: SiteConfig, field: TaxonomyField, value: string): TextEdit | undefined {
  if (site.text === undefined) return undefined;
  let m = added.get(site);
  if (!m) added.set(site, m = new Map());
  const key = `${field}\0${value}`;
  if (!m.has(key)) m.set(key, addTaxonomyValue(site.text, field, value));
  return m.get(key);
}
