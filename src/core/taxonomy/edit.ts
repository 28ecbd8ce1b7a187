// setTaxonomy: rewrite only the value of a post's categories/tags key, keeping its style, so Jekyll reads exactly the chosen set.
import { isAlias, isMap, isNode, isScalar, isSeq, Scalar, visit, type Node, type Pair, type YAMLSeq } from 'yaml';
import { parsePost, parseYaml, type ParsedPost } from '../parse';
import type { TextEdit } from '../types';
import { isSpaceFree } from './jekyll';
import type { TaxonomyKey } from './index';
import { trimEndIndex } from '../text';

/** The result of {@link setTaxonomy}: the edits, or why the post cannot be edited in place. */
export type TaxonomyEditResult =
  | { ok: true; edits: TextEdit[] }
  /** No front matter: `create` inserts one (at the very start, after a BOM) holding only the key. Ask first. */
  | { ok: false; reason: 'no-front-matter'; message: string; create: TextEdit[] }
  /** Front matter that does not parse, is not YAML or not a block mapping: nothing is touched. */
  | { ok: false; reason: 'unsupported'; message: string };

const SINGULAR: Record<TaxonomyKey, string> = { categories: 'category', tags: 'tag' };
type Ctx = 'scalar' | 'flow' | 'block';

/** Trims, drops empty values and duplicates (first occurrence kept): the set the user chose, in order. */
export function normalizeValues(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

const plainCache = new Map<string, boolean>();

/** Whether `v` can be written as a plain YAML scalar in `ctx` and read back (YAML 1.1) as the same string. */
export function plainOk(v: string, ctx: Ctx): boolean {
  if (v === '' || v !== v.trim() || /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(v)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(v) || /: |:$| #/.test(v)) return false;
  if (ctx !== 'block' && /[,[\]{}]/.test(v)) return false;
  const key = `${ctx}\0${v}`;
  let ok = plainCache.get(key);
  if (ok === undefined) {
    const src = ctx === 'scalar' ? `k: ${v}\n` : ctx === 'flow' ? `k: [${v}]\n` : `k:\n- ${v}\n`;
    const { data, errors } = parseYaml(src);
    const got = ctx === 'scalar' ? data.k : Array.isArray(data.k) && data.k.length === 1 ? data.k[0] : undefined;
    // Psych reads y/n and `=` as strings where YAML 1.1 readers differ: quote anything not plainly a string.
    ok = errors.length === 0 && got === v && !/^(?:[yYnN]|=|<<)$/.test(v);
    if (plainCache.size > 5000) plainCache.clear();
    plainCache.set(key, ok);
  }
  return ok;
}

/** A YAML double-quoted scalar (JSON escapes are YAML escapes; YAML's extra breaks and C1 controls escaped too). */
export function doubleQuoted(v: string): string {
  return JSON.stringify(v).replace(/[\x7f-\x9f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function quoteLike(v: string, style: Scalar.Type | undefined, ctx: Ctx): string {
  if (style === Scalar.QUOTE_SINGLE && !/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  if (style === Scalar.QUOTE_DOUBLE) return doubleQuoted(v);
  return plainOk(v, ctx) ? v : doubleQuoted(v);
}

/** A flow sequence of the values, spaced like `like` (`[a, b]`, `[ a, b ]`, `[a,b]`). */
function flowList(values: string[], like = '[a, b]'): string {
  const pad = /^\[[ \t]/.test(like) ? ' ' : '';
  const sep = /,[ \t]/.test(like) || !like.includes(',') ? ', ' : ',';
  return values.length ? `[${pad}${values.map((v) => quoteLike(v, undefined, 'flow')).join(sep)}${pad}]` : '[]';
}

/** How the values are written when the key holds a scalar (plural: space-joined while space-free; singular: one value). */
function scalarOrFlow(values: string[], singular: boolean, style: Scalar.Type | undefined): string {
  if (!singular && values.every(isSpaceFree)) return quoteLike(values.join(' '), style, 'scalar');
  if (singular && values.length === 1) return quoteLike(values[0], style, 'scalar');
  return flowList(values);
}

/** Whether an alias in the front matter refers to `anchor`. */
function aliased(p: ParsedPost, anchor: string): boolean {
  let found = false;
  visit(p.doc!, { Alias(_k, node) { if (isAlias(node) && node.source === anchor) { found = true; return visit.BREAK; } return undefined; } });
  return found;
}

function findPair(p: ParsedPost, name: string): Pair<Node, Node | null> | undefined {
  if (!isMap(p.doc?.contents)) return undefined;
  // A repeated key: Jekyll reads the last one, so that is the one to edit.
  const items = p.doc.contents.items as Pair<Node, Node | null>[];
  for (let i = items.length - 1; i >= 0; i--) {
    const k = items[i].key;
    if (isScalar(k) && k.value === name) return items[i];
  }
  return undefined;
}

/** Trailing blanks and line breaks: not part of a node's own text. */
const SPACE = ' \t\r\n';

function valueEdit(p: ParsedPost, pair: Pair<Node, Node | null>, values: string[], singular: boolean): TextEdit[] {
  const { text } = p;
  const base = p.frontMatter!.contentStart;
  const keyEnd = base + pair.key.range![1];
  const colon = text.indexOf(':', keyEnd);
  const node = pair.value;
  const r = node?.range;
  const emptyScalar = !node || !r || (isScalar(node) && node.value === null && r[0] === r[1]);
  if (emptyScalar) {
    if (values.length === 0) return [];
    const after = text[colon + 1];
    const newText = ` ${scalarOrFlow(values, singular, Scalar.PLAIN)}${after === undefined || /[ \t\r\n]/.test(after) ? '' : ' '}`;
    return [{ start: colon + 1, end: colon + 1, newText }];
  }
  const start = base + r[0];
  if (isSeq(node) && !node.flow) return blockListEdits(p, node, colon, values);
  const end = trimEndIndex(text, SPACE, start, base + r[1]);
  if (isSeq(node)) return [{ start, end, newText: flowList(values, text.slice(start, end)) }];
  const style = isScalar(node) && (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) ? node.type : undefined;
  const scalarLike = isScalar(node) && style !== undefined;
  if (values.length === 0 && !singular && scalarLike) return [{ start, end, newText: style === Scalar.QUOTE_SINGLE ? "''" : '""' }];
  if (values.length === 0) return [{ start, end, newText: '[]' }];
  return [{ start, end, newText: scalarLike ? scalarOrFlow(values, singular, style) : singular && values.length === 1 ? quoteLike(values[0], undefined, 'scalar') : flowList(values) }];
}

/**
 * A block list edited item by item, so comments and blank lines between items stay: item i gets value i (only
 * a changed item is rewritten), extra values are appended after the last item, surplus items are removed
 * with their line.
 */
function blockListEdits(p: ParsedPost, node: YAMLSeq, colon: number, values: string[]): TextEdit[] {
  const { text } = p;
  const base = p.frontMatter!.contentStart;
  const items = (node.items as (Node | null)[]).filter((it): it is Node => !!it?.range);
  const start = base + node.range![0];
  const end = base + Math.max(node.range![0], ...items.map((it) => it.range![1]));
  if (values.length === 0) return [{ start: colon + 1, end: trimEndIndex(text, SPACE, colon + 1, end), newText: ' []' }];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*$/.test(text.slice(lineStart, start)) ? text.slice(lineStart, start) : '';
  const first = items[0] ? base + items[0].range![0] : start + 2;
  const gap = /^[ \t]+$/.test(text.slice(start + 1, first)) ? text.slice(start + 1, first) : ' ';
  const edits: TextEdit[] = [];
  const shared = Math.min(items.length, values.length);
  for (let i = 0; i < shared; i++) {
    const it = items[i];
    if (isScalar(it) && it.value === values[i]) continue;
    // From the item's `-`, so it takes the first item's spacing like the appended ones.
    const s0 = base + it.range![0];
    let dash = s0 - 1;
    while (text[dash] === ' ' || text[dash] === '\t') dash--;
    const from = text[dash] === '-' ? dash : s0;
    edits.push({ start: from, end: trimEndIndex(text, SPACE, s0, base + it.range![1]), newText: `${from === dash ? `-${gap}` : ''}${quoteLike(values[i], undefined, 'block')}` });
  }
  if (values.length > items.length) {
    const last = items[items.length - 1];
    const at = last ? trimEndIndex(text, SPACE, base + last.range![0], base + last.range![1]) : start + 1;
    const extra = values.slice(items.length).map((v) => `${p.eol}${indent}-${gap}${quoteLike(v, undefined, 'block')}`).join('');
    edits.push({ start: at, end: at, newText: extra });
  }
  for (let i = shared; i < items.length; i++) {
    // The surplus item's whole line, from its `-` line start through its line break.
    const s0 = base + items[i].range![0];
    const from = text.lastIndexOf('\n', s0 - 1) + 1;
    const valueEnd = trimEndIndex(text, SPACE, s0, base + items[i].range![1]);
    const nl = text.indexOf('\n', valueEnd);
    edits.push({ start: i === 0 ? start : from, end: nl < 0 ? valueEnd : nl + 1, newText: '' });
  }
  return edits;
}

/** Removes a whole `key: value` entry (its lines, comments on them included). */
function removeEntry(p: ParsedPost, pair: Pair<Node, Node | null>): TextEdit {
  const { text } = p;
  const base = p.frontMatter!.contentStart;
  const keyStart = base + pair.key.range![0];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const r = pair.value?.range;
  const valueEnd = r ? trimEndIndex(text, SPACE, keyStart, base + Math.max(r[1], pair.key.range![1])) : base + pair.key.range![1];
  const nl = text.indexOf('\n', valueEnd);
  return { start: lineStart, end: nl < 0 || nl >= p.frontMatter!.contentEnd ? p.frontMatter!.contentEnd : nl + 1, newText: '' };
}

/**
 * Edits a post so that Jekyll reads exactly `values` from its front matter under `key` (folder categories
 * and `_config.yml` defaults come on top; callers pass only what the front matter should hold). Only the
 * key's value changes: a scalar stays a space-separated scalar while every value is space-free (else it
 * becomes a flow list), a flow list stays flow (spacing kept), a block list stays block (indentation kept),
 * quoting follows the old value and YAML-special values (`yes`, `1`, `a: b`, `#x`) are double-quoted; an
 * absent key is appended at the end of the front matter with the file's line break. Singular keys
 * (`category`, `tag`): alone, the singular key is edited in place (it is never split, so one value stays a
 * scalar, several become a flow list); next to the plural key, the values go to the plural key and the
 * singular entry is removed (Jekyll would otherwise add it, or for tags read only it).
 * Values are trimmed, de-duplicated and empty ones dropped.
 */
export function setTaxonomy(text: string, key: TaxonomyKey, values: readonly string[]): TaxonomyEditResult {
  const vals = normalizeValues(values);
  const p = parsePost(text);
  if (!p.frontMatter) {
    const reason = p.noFrontMatter?.reason;
    if (reason === 'unclosed') return { ok: false, reason: 'unsupported', message: 'The front matter is not closed.' };
    // A front matter hidden behind blank lines is still there: a new one on top would turn it into body text.
    if (reason === 'leading-blank') return { ok: false, reason: 'unsupported', message: 'The front matter is hidden behind a blank first line; remove the blank line first.' };
    const at = p.bom ? 1 : 0;
    const line = vals.length ? `${key}: ${scalarOrFlow(vals, false, Scalar.PLAIN)}${p.eol}` : '';
    return { ok: false, reason: 'no-front-matter', message: 'The post has no front matter.', create: [{ start: at, end: at, newText: `---${p.eol}${line}---${p.eol}` }] };
  }
  if (p.language !== 'yaml' || !p.doc) return { ok: false, reason: 'unsupported', message: `The front matter is ${p.language}, not YAML.` };
  if (p.errors.length) return { ok: false, reason: 'unsupported', message: `The front matter does not parse: ${p.errors[0].message}` };
  const contents = p.doc.contents;
  if (contents !== null && !(isMap(contents) && !contents.flow)) return { ok: false, reason: 'unsupported', message: 'The front matter is not a block mapping.' };
  const plural = findPair(p, key);
  const singular = findPair(p, SINGULAR[key]);
  for (const pair of [plural, singular]) {
    const anchor = isNode(pair?.value) ? pair.value.anchor : undefined;
    if (anchor && aliased(p, anchor)) return { ok: false, reason: 'unsupported', message: `The value of \`${String((pair!.key as Scalar).value)}\` is anchored (&${anchor}) and used elsewhere (*${anchor}): editing it would change those too. Edit the front matter by hand.` };
  }
  if (plural && singular) return { ok: true, edits: [...valueEdit(p, plural, vals, false), removeEntry(p, singular)] };
  if (plural) return { ok: true, edits: valueEdit(p, plural, vals, false) };
  if (singular) return { ok: true, edits: valueEdit(p, singular, vals, true) };
  if (vals.length === 0) return { ok: true, edits: [] };
  const at = p.frontMatter.contentEnd;
  return { ok: true, edits: [{ start: at, end: at, newText: `${key}: ${scalarOrFlow(vals, false, Scalar.PLAIN)}${p.eol}` }] };
}
