// Edits of `_config.yml` as offset splices: add a value to `postdesk.taxonomy.categories|tags`, keeping everything else.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from './types';

/** The list under `postdesk.taxonomy` an edit adds to. */
export type TaxonomyField = 'categories' | 'tags';

const PATH = ['postdesk', 'taxonomy'] as const;

/**
 * The edit that adds `value` to `postdesk.taxonomy.<field>` of the `_config.yml` `text` (offsets into `text`, BOM
 * included), creating the keys when absent. It inserts only: comments, key order, quoting, flow or block style, CRLF
 * and BOM stay as they are. Undefined when the value is already listed, or the YAML is broken or not shaped for it
 * (a YAML error, a non-mapping `postdesk:`, a `tags:` that is not a list).
 */
export function addTaxonomyValue(text: string, field: TaxonomyField, value: string): TextEdit | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const src = bom ? text.slice(1) : text;
  const doc = parseDocument(src, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length) return undefined;
  const eol = src.includes('\r\n') ? '\r\n' : '\n';
  const step = indentStep(src, doc.contents);
  const edit = (start: number, newText: string, end = start): TextEdit => ({ start: start + bom, end: end + bom, newText });
  const keys = [...PATH, field];
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const lead = src.length && !src.endsWith('\n') ? eol : '';
    return edit(src.length, `${lead}${block(keys, 0, step, eol, value).join(eol)}${eol}`);
  }
  let node: unknown = doc.contents;
  for (let i = 0; i < keys.length; i++) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === keys[i]);
    const rest = keys.slice(i);
    if (!pair) return addKey(src, node, rest, step, eol, value, edit);
    const v = pair.value;
    if (v === null || (isScalar(v) && v.value === null)) return fillEmpty(src, pair, rest.slice(1), step, eol, value, edit);
    node = v;
  }
  if (!isSeq(node)) return undefined;
  const items = node.items;
  if (items.some((x) => isScalar(x) && x.value === value)) return undefined;
  const last = items[items.length - 1] as Node | undefined;
  const style = isScalar(last) ? last.type : undefined;
  const range = node.range as [number, number, number];
  if (node.flow) {
    if (!last?.range) return edit(src.indexOf('[', range[0]) + 1, scalar(value, style));
    return edit(last.range[1], `, ${scalar(value, style)}`);
  }
  const col = range[0] - lineStart(src, range[0]);
  const line = `${' '.repeat(col)}- ${scalar(value, style)}`;
  return src[range[1] - 1] === '\n' ? edit(range[1], `${line}${eol}`) : edit(range[1], `${eol}${line}`);
}

/** A missing key (and the keys under it) added at the end of a block mapping, or before the `}` of a flow one. */
function addKey(src: string, map: YAMLMap, keys: string[], step: number, eol: string, value: string, edit: (s: number, t: string) => TextEdit): TextEdit | undefined {
  const range = map.range as [number, number, number];
  const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
  if (map.flow) {
    const end = last ? (last.value?.range ?? last.key.range)?.[1] : undefined;
    if (last && end === undefined) return undefined;
    return end === undefined ? edit(src.indexOf('{', range[0]) + 1, flow(keys, value)) : edit(end, `, ${flow(keys, value)}`);
  }
  const col = range[0] - lineStart(src, range[0]);
  const lines = block(keys, col, step, eol, value).join(eol);
  return src[range[1] - 1] === '\n' ? edit(range[1], `${lines}${eol}`) : edit(range[1], `${eol}${lines}`);
}

/** `key:` with no value (or `~`/`null`): the missing keys as a block below it, or the list itself after the colon. */
function fillEmpty(src: string, pair: Pair, keys: string[], step: number, eol: string, value: string, edit: (s: number, t: string, e?: number) => TextEdit): TextEdit | undefined {
  const key = pair.key as Node;
  const v = pair.value as Node | null;
  const explicit = v?.range && v.range[1] > v.range[0] ? v.range : undefined;
  if (!keys.length) {
    if (explicit) return edit(explicit[0], `[${scalar(value)}]`, explicit[1]);
    return edit(src.indexOf(':', key.range![1]) + 1, ` [${scalar(value)}]`);
  }
  if (explicit) return edit(explicit[0], flow(keys, value, true), explicit[1]);
  // After the key's line (its comment included): the keys below it, one indentation step deeper.
  const nl = src.indexOf('\n', key.range![1]);
  const at = nl < 0 ? src.length : src[nl - 1] === '\r' ? nl - 1 : nl;
  const col = key.range![0] - lineStart(src, key.range![0]);
  return edit(at, `${eol}${block(keys, col + step, step, eol, value).join(eol)}`);
}

/** Block lines `a:` / `  b:` / `    tags: [value]` starting at column `col`. */
function block(keys: readonly string[], col: number, step: number, eol: string, value: string): string[] {
  return keys.map((k, i) => `${' '.repeat(col + i * step)}${k}:${i === keys.length - 1 ? ` [${scalar(value)}]` : ''}`);
}

/** Flow text `a: {b: [value]}` (`{a: {b: [value]}}` as a whole value when `braced`). */
function flow(keys: readonly string[], value: string, braced = false): string {
  let out = `[${scalar(value)}]`;
  for (let i = keys.length - 1; i >= 0; i--) out = i === 0 && !braced ? `${keys[i]}: ${out}` : `{${keys[i]}: ${out}}`;
  return out;
}

/** The file's indentation step: the column of the first nested block mapping's keys, else 2. */
function indentStep(src: string, contents: unknown): number {
  if (!isMap(contents)) return 2;
  for (const p of contents.items) {
    const r = isMap(p.value) && !p.value.flow ? p.value.range : undefined;
    if (r) { const c = r[0] - lineStart(src, r[0]); if (c > 0) return c; }
  }
  return 2;
}

function lineStart(src: string, at: number): number {
  return src.lastIndexOf('\n', at - 1) + 1;
}

// Plain only when every YAML reader (Psych's YAML 1.1 included) reads it back as this very string.
const PLAIN = /^[\p{L}_][\p{L}\p{M}\p{N}_-]*(?: [\p{L}\p{M}\p{N}_-]+)*$/u;
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

/** `value` as a YAML scalar: plain when safe and the list's last item is plain, else in the last item's quotes. */
export function scalar(value: string, style?: string): string {
  if (style !== 'QUOTE_DOUBLE' && style !== 'QUOTE_SINGLE' && PLAIN.test(value) && !YAML11_WORDS.test(value)) return value;
  const printable = !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(value);
  if (style === 'QUOTE_SINGLE' && printable) return `'${value.replace(/'/g, "''")}'`;
  return `"${value.replace(/[\\"]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => c === '\\' || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
