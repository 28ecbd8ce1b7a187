// The flat reader's two modes: a post's data without the YAML parser, or the yaml Document the parser would build.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type Node, type ParseOptions, type Schema, type SchemaOptions } from 'yaml';
import { scanFlat, type FlatList, type FlatScalar } from './yaml/flat';
import { OPEN_FENCE } from './yaml/fence';

/** What {@link fastYamlDocument} builds: the Document `parseDocument` would give, and its data. */
export interface FastDocument {
  doc: Document;
  data: Record<string, unknown>;
}

/** What {@link fastFrontMatter} reads: the data `parsePost` gives, and the `date:` scalar for {@link dateSourceOf}. */
export interface FastFrontMatter {
  data: Record<string, unknown>;
  /** The `date:` value when it is a scalar, at offsets into the post text. */
  date?: FlatScalar;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * Data-only mode: the front matter data of a post whose front matter is flat (see `scanFlat`: `key: value`
 * lines, flow and block lists, blank and comment lines), exactly as `parsePost` gives it, without building
 * nodes. Undefined for anything else (no or a language fence, nesting, escapes, …): use `parsePost`.
 */
export function fastFrontMatter(text: string): FastFrontMatter | undefined {
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = OPEN_FENCE.exec(text.slice(at, at + 64));
  if (!open || open[1]) return undefined;
  return scanFlat(text, at + open[0].length, 'data');
}

/**
 * Whether {@link fastYamlDocument} builds Documents (always, in the product): a differential test turns it off to
 * compare problems and edits with the full parser's on the same posts.
 */
export const flatDocumentMode = { enabled: true };

/**
 * Document mode: builds the Document of flat front matter (top-level `key: value` lines, plain or quoted
 * scalars without escapes, one-line flow lists, `key:` then `- item` lines) exactly as
 * `parseDocument(src, options)` composes it: node classes, types, ranges, resolved values and the
 * null-prototype data, with the comments and blank lines between entries on the next key as yaml puts them.
 * Undefined for anything else (other comments and blank lines, nesting, multi-line or escaped scalars, anchors,
 * tags, duplicate keys), so the caller parses it in full.
 */
export function fastYamlDocument(src: string, options: Options): FastDocument | undefined {
  if (!flatDocumentMode.enabled) return undefined;
  const read = scanFlat(src, 0, 'document');
  if (!read) return undefined;
  const doc = new Document(null, options);
  const schema = doc.schema;
  const map = new YAMLMap(schema);
  for (const e of read.entries!) {
    const key = scalarNode({ value: e.key, type: 'PLAIN', start: e.start, end: e.end, nodeEnd: e.end }, src);
    // Blank and comment lines above a key, as yaml's composer records them (in this order).
    if (e.spaceBefore) key.spaceBefore = true;
    if (e.commentBefore !== undefined) key.commentBefore = e.commentBefore;
    map.items.push(new Pair(key, valueNode(e.value, src, schema)));
  }
  // A final `key:` with no value ends the map (and document) where its empty scalar sits, as yaml has it.
  const last = read.entries![read.entries!.length - 1].value;
  const end = !('items' in last) && last.start === last.end ? last.start : src.length;
  map.range = [0, end, end];
  doc.contents = map as unknown as Node;
  doc.range = [0, end, end];
  return { doc, data: read.data };
}

function valueNode(v: FlatScalar | FlatList, src: string, schema: Schema): Node {
  if (!('items' in v)) return scalarNode(v, src);
  const seq = new YAMLSeq(schema);
  if (v.flow) seq.flow = true;
  seq.range = [v.start, v.end, v.nodeEnd];
  for (const item of v.items) seq.items.push(scalarNode(item, src));
  return seq;
}

function scalarNode(s: FlatScalar, src: string): Scalar {
  const node = new Scalar(s.value);
  node.range = [s.start, s.end, s.nodeEnd];
  node.source = s.type === 'PLAIN' ? src.slice(s.start, s.end) : src.slice(s.start + 1, s.end - 1);
  node.type = s.type;
  return node;
}

/** The `date:` value as Jekyll's date reading takes it: its text, and whether YAML made it a string. */
export interface DateSource { raw: string; quoted: boolean }

/**
 * The one place the `date:` value's source is recovered (for yaml nodes and flat scalars alike): a plain
 * scalar's text as written, text[start, end) (Psych's own reading of it matters: a timestamp without offset is
 * UTC), else the string the YAML gives (quoted or block scalars; null reads as '').
 */
export function dateSource(text: string, value: unknown, type: string | undefined, start: number, end: number): DateSource {
  if (type === 'PLAIN') return { raw: text.slice(start, end), quoted: false };
  return { raw: value === null || value === undefined ? '' : String(value), quoted: true };
}
