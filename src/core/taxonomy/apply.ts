// Whole taxonomy changes of one post (set / add / remove / rename, both keys) as one minimal edit: shared by CLI and editor.
import { parsePost } from '../parse';
import { applyEdits } from '../edits';
import type { TextEdit } from '../types';
import { jekyllRead } from './jekyll';
import { normalizeValues, setTaxonomy } from './edit';
import type { TaxonomyKey } from './index';

/** What to do to each key: the exact values (`set`), values to add, to remove, or a rename `from → to`. */
export type TaxonomyChange =
  | { op: 'set'; values: readonly string[] }
  | { op: 'add'; values: readonly string[] }
  | { op: 'remove'; values: readonly string[] }
  | { op: 'rename'; from: string; to: string };

/** The result of {@link changeTaxonomy}: one edit (or none), or why the post was left alone. */
export type ChangeResult =
  | { ok: true; edits: TextEdit[]; text: string }
  | { ok: false; reason: 'no-front-matter' | 'unsupported'; message: string };

/**
 * The values a post's own front matter contributes under `key` as Jekyll reads them, as strings (no folder
 * categories, no `_config.yml` defaults; nulls dropped).
 */
export function frontMatterValues(text: string, key: TaxonomyKey): string[] {
  const p = parsePost(text);
  return (jekyllRead(p.data, [])[key] ?? []).filter((v) => v !== null).map(String);
}

function target(current: string[], change: TaxonomyChange): string[] {
  switch (change.op) {
    case 'set': return normalizeValues(change.values);
    case 'add': return normalizeValues([...current, ...change.values]);
    case 'remove': { const drop = new Set(normalizeValues(change.values)); return current.filter((v) => !drop.has(v)); }
    case 'rename': return normalizeValues(current.map((v) => (v === change.from ? change.to : v)));
  }
}

/** One replacement covering everything that differs between `a` and `b` (common prefix and suffix kept). */
export function diffEdit(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  let s = 0;
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  // Never split a CRLF or a surrogate pair.
  if (s > 0 && (a.charCodeAt(s - 1) === 13 || (a.charCodeAt(s - 1) & 0xfc00) === 0xd800)) s--;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a.charCodeAt(a.length - 1 - e) === b.charCodeAt(b.length - 1 - e)) e++;
  const at = a.length - e;
  if (e > 0 && ((a.charCodeAt(at) & 0xfc00) === 0xdc00 || (a.charCodeAt(at) === 10 && a.charCodeAt(at - 1) === 13))) e--;
  return [{ start: s, end: a.length - e, newText: b.slice(s, b.length - e) }];
}

/**
 * Applies taxonomy changes to one post (categories first, then tags) and returns them as a single minimal
 * edit, so an editor records one undo step. A post without front matter gets one created only when
 * `createFrontMatter` is set (and something is to be written); otherwise it is reported as `no-front-matter`.
 */
export function changeTaxonomy(text: string, changes: Partial<Record<TaxonomyKey, TaxonomyChange>>, opts: { createFrontMatter?: boolean } = {}): ChangeResult {
  let out = text;
  for (const key of ['categories', 'tags'] as const) {
    const change = changes[key];
    if (!change) continue;
    const current = frontMatterValues(out, key);
    const values = target(current, change);
    if (values.length === current.length && values.every((v, i) => v === current[i]) && parsePost(out).frontMatter) continue;
    const r = setTaxonomy(out, key, values);
    if (r.ok) out = applyEdits(out, r.edits);
    else if (r.reason === 'no-front-matter') {
      if (values.length === 0) continue;
      if (!opts.createFrontMatter) return { ok: false, reason: r.reason, message: r.message };
      out = applyEdits(out, r.create);
    } else return { ok: false, reason: r.reason, message: r.message };
  }
  return { ok: true, edits: diffEdit(text, out), text: out };
}
