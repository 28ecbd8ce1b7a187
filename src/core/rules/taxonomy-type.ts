// taxonomy-type: categories or tags Jekyll 4.3.1 drops or mangles (a number under a plural key, mappings, …), saying what it does.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { fixTitle, msg, type Message } from '../messages';
import type { Fix, Severity } from '../types';
import { entry, rangeOf, taxonomyValues, TAXONOMY_KEYS, yamlOk, type Entry, type RuleContext, type TaxonomyKey } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'taxonomy-type' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'Categories or tags Jekyll drops or mangles (a number under `categories:`/`tags:`, mappings, `tags` beside `tag`).';

/**
 * Reports each taxonomy value Jekyll does not keep as written. What is fine (`category: 2013` is the category
 * "2013", `tag: 5` and numbers in a `tags` list are kept, nulls are dropped) is not reported.
 */
export function check(ctx: RuleContext, report: Report): void {
  if (!yamlOk(ctx)) return;
  for (const k of TAXONOMY_KEYS) {
    const e = entry(ctx, k.key);
    if (!e || !e.value) continue;
    if (k.key === 'tags' && singularTagWins(ctx)) {
      report(msg('`tags` is ignored: Jekyll uses only `tag` when both are set.'), e.keyStart, e.keyEnd);
      continue;
    }
    if (taxonomyValues(ctx, e, k)) continue;
    // Jekyll keeps these as written or drops nothing written; only what it drops or mangles is reported.
    for (const [node, what] of findings(e, k)) {
      const [start, end] = rangeOf(ctx, node);
      const fixes: Fix[] = [];
      if (isScalar(node) && node.value !== null && typeof node.value !== 'string') {
        const src = ctx.text.slice(start, end);
        fixes.push({ ...fixTitle(msg('Quote it as a string: "{0}".', src)), edits: [{ start, end, newText: JSON.stringify(src) }] });
      }
      report(what, start, end, fixes);
    }
  }
}

/** Whether `tag:` holds a value Ruby finds truthy (then Jekyll never reads `tags:`). */
function singularTagWins(ctx: RuleContext): boolean {
  const t = entry(ctx, 'tag')?.value;
  return !!t && !(isScalar(t) && (t.value === null || t.value === false));
}

/** The nodes of an entry Jekyll drops or mangles, each with what Jekyll does to it. */
function findings(e: Entry, k: TaxonomyKey): [Node, Message][] {
  const v = e.value!;
  const { key } = k;
  if (isScalar(v) || isMap(v)) {
    if (isMap(v) && !k.split) return [[v, msg('`{0}` is a mapping: Jekyll keeps the mapping itself as one value, shown as Ruby hash text (`{"a"=>1}`).', key)]];
    if (key === 'categories') return [[v, msg('`categories: {0}` is not text or a list: Jekyll cannot read this post\'s front matter and publishes it with no title, categories or tags, dated at build time.', describe(v))]];
    if (key === 'tags') return [[v, msg('`tags: {0}` is not text or a list: Jekyll drops it and the post has no tags.', describe(v))]];
    return []; // `category: false` / `tag: false`: nothing written, nothing kept.
  }
  if (!isSeq(v)) return [];
  const out: [Node, Message][] = [];
  for (const item of v.items as Node[]) {
    if (isMap(item)) out.push([item, msg('A mapping in `{0}`: Jekyll keeps the mapping itself as one value, shown as Ruby hash text (`{"a"=>1}`).', key)]);
    else if (isSeq(item) && key === 'categories') out.push([item, msg('A nested list in `categories`: Jekyll keeps the list and its text as well as its items.')]);
    else if (isScalar(item) && key === 'categories' && item.value === null) out.push([item, msg('An empty item in `categories`: Jekyll adds an empty category (twice: nil and "").')]);
    else if (isScalar(item) && key === 'categories' && typeof item.value !== 'string') out.push([item, msg('`{0}` in `categories` is not text: Jekyll lists this category twice, as the value and as its text.', describe(item))]);
  }
  return out;
}

/** A short rendering of a node for messages. */
function describe(node: Node): string {
  return isScalar(node) ? String(node.source ?? node.value) : isMap(node) ? 'a mapping' : 'a list';
}
