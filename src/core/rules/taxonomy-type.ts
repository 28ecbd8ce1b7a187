// taxonomy-type: `categories`/`category`/`tags`/`tag` that are not a string or a list of strings.
import { isScalar, isSeq, type Node } from 'yaml';
import { fixTitle, msg } from '../messages';
import type { Fix, Problem } from '../types';
import { entry, rangeOf, taxonomyValues, TAXONOMY_KEYS, yamlOk, type RuleContext } from './context';

/** Reports taxonomy values Jekyll drops or mangles (numbers, booleans, mappings, nested lists). */
export function taxonomyType(ctx: RuleContext): Problem[] {
  if (!yamlOk(ctx)) return [];
  const out: Problem[] = [];
  for (const { key, split } of TAXONOMY_KEYS) {
    const e = entry(ctx, key);
    if (!e || !e.value || taxonomyValues(ctx, e, split)) continue;
    const bad: Node[] = isSeq(e.value) ? (e.value.items as Node[]).filter((i) => !(isScalar(i) && (i.value === null || typeof i.value === 'string'))) : [e.value];
    for (const node of bad) {
      const [start, end] = rangeOf(ctx, node);
      const fixes: Fix[] = [];
      if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
        const src = ctx.text.slice(start, end);
        fixes.push({ ...fixTitle(msg('Quote it as a string: "{0}"', src)), edits: [{ start, end, newText: JSON.stringify(src) }] });
      }
      out.push(ctx.problem('taxonomy-type', msg('`{0}` must be a string or a list of strings: Jekyll drops or mangles this value.', key), start, end, fixes));
    }
  }
  return out;
}
