// The YAML Document of flat front matter built without the YAML parser: the same nodes, ranges and data, a fraction of the work.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';
import { PsychError, resolvePlain } from './yaml/resolve';
import { flatKeyEnd, INDICATOR_START, isKeyStart, isStringKey } from './yaml/flat';

/** What {@link fastYamlDocument} builds: the Document `parseDocument` would give, and its data. */
export interface FastDocument {
  doc: Document;
  data: Record<string, unknown>;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Thrown inside the scanner when the text leaves the subset; caught by the entry point. */
const OUT = Symbol('out');
const out = (): never => { throw OUT; };

// Characters that make YAML read a line differently (controls, line-break-like, BOM) and tabs: left to the parser.
const UNUSUAL = /[\x00-\x08\t\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;
// Inside a plain scalar: `: ` or a final `:` (a mapping), ` #` (a comment); in a flow item also `,[]{}` and quotes.
const BAD_BLOCK_PLAIN = /:(?: |$)| #/;
const BAD_FLOW_PLAIN = /[,[\]{}"'#]|:(?: |$)/;


/**
 * Builds the Document of front matter made only of top-level `key: value` lines (plain or quoted scalars without
 * escapes, one-line flow sequences of such scalars, or `key:` followed by `- item` lines), exactly as
 * `parseDocument(src, options)` composes it: node classes, types, ranges, resolved values (by the schema's own
 * tags) and the null-prototype data. Returns undefined for anything else (comments, blank lines, nesting,
 * multi-line or escaped scalars, anchors, tags, duplicate keys), so the caller parses it in full.
 */
export function fastYamlDocument(src: string, options: Options): FastDocument | undefined {
  if (src.length === 0 || src.charCodeAt(src.length - 1) !== 10 || UNUSUAL.test(src)) return undefined;
  const doc = new Document(null, options);
  const schema = doc.schema;
  try {
    const data: Record<string, unknown> = Object.create(null);
    const map = new YAMLMap(schema);
    new Builder(src, map, data).run();
    // A final `key:` with no value ends the map (and document) where its empty scalar sits, as yaml has it.
    const last = map.items[map.items.length - 1].value as Node;
    const end = last.range![1] === last.range![0] ? last.range![0] : src.length;
    map.range = [0, end, end];
    doc.contents = map as unknown as Node;
    doc.range = [0, end, end];
    return { doc, data };
  } catch (e) {
    if (e === OUT) return undefined;
    throw e;
  }
}

class Builder {
  /** Start of the current line, its end (before `\r\n` / `\n`) and the start of the next line. */
  private s = 0;
  private e = 0;
  private next = 0;
  /** Keys so far (a Set: `in` on the null-prototype data is a dictionary lookup). */
  private readonly seen = new Set<string>();

  constructor(private readonly src: string, private readonly map: YAMLMap, private readonly data: Record<string, unknown>) {}

  run(): void {
    this.line(0);
    while (this.s < this.src.length) this.entry();
  }

  /** Moves to the line starting at `at`. */
  private line(at: number): void {
    this.s = at;
    if (at >= this.src.length) return;
    const nl = this.src.indexOf('\n', at);
    this.next = nl + 1;
    this.e = this.src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  }

  /** One `key: value` line (and its `- item` lines). */
  private entry(): void {
    const { src, s, e } = this;
    const i = flatKeyEnd(src, s, e);
    if (i < 0) out();
    if (src.charCodeAt(i) !== 58 || (i + 1 < e && src.charCodeAt(i + 1) !== 32)) out();
    const name = src.slice(s, i);
    // A key Psych reads as a bool, null or number is not a string key: the parser decides.
    if (this.seen.has(name) || !isStringKey(name)) out();
    this.seen.add(name);
    const key = this.scalar(name, name, 'PLAIN', s, i, i);
    let v = i + 1;
    while (v < e && src.charCodeAt(v) === 32) v++;
    let value: Node;
    let js: unknown;
    if (v === e) {
      // `key:` alone is null, placed at the line's end (where yaml puts an empty scalar).
      const empty = this.e;
      const seq = this.blockSeq();
      if (seq) { value = seq.node; js = seq.js; } else {
        value = this.scalar(null, '', 'PLAIN', empty, empty, empty);
        js = null;
      }
    } else {
      let end = e;
      while (src.charCodeAt(end - 1) === 32) end--;
      if (src.charCodeAt(v) === 91) ({ node: value, js } = this.flowSeq(v, end));
      else {
        value = this.value(v, end, this.next, false);
        js = (value as Scalar).value;
      }
      this.line(this.next);
    }
    this.map.items.push(new Pair(key, value));
    this.data[name] = js;
  }

  /** `- item` lines after `key:` at one indent, or undefined when the next line is not one. */
  private blockSeq(): { node: YAMLSeq; js: unknown[] } | undefined {
    const { src } = this;
    let indent = -1;
    let seq: YAMLSeq | undefined;
    const js: unknown[] = [];
    for (this.line(this.next); this.s < src.length; this.line(this.next)) {
      let d = this.s;
      while (src.charCodeAt(d) === 32) d++;
      if (src.charCodeAt(d) !== 45 || src.charCodeAt(d + 1) !== 32) break;
      if (indent < 0) { indent = d - this.s; seq = new YAMLSeq(this.map.schema); seq.range = [d, 0, 0]; } else if (d - this.s !== indent) out();
      let v = d + 2;
      while (v < this.e && src.charCodeAt(v) === 32) v++;
      let end = this.e;
      while (end > v && src.charCodeAt(end - 1) === 32) end--;
      if (v === end) out();
      const item = this.value(v, end, this.next, false);
      seq!.items.push(item);
      js.push(item.value);
    }
    // An indented line that is not an item would continue or nest under the key or the list.
    if (this.s < src.length && !isKeyStart(src.charCodeAt(this.s))) out();
    if (!seq) return undefined;
    seq.range = [seq.range![0], this.s, this.s];
    return { node: seq, js };
  }

  /** `[a, "b"]` from `v` to `end` (the `]`'s end). */
  private flowSeq(v: number, end: number): { node: YAMLSeq; js: unknown[] } {
    const { src } = this;
    if (src.charCodeAt(end - 1) !== 93) out();
    const seq = new YAMLSeq(this.map.schema);
    seq.flow = true;
    seq.range = [v, end, this.next];
    const js: unknown[] = [];
    let i = v + 1;
    const skip = () => { while (src.charCodeAt(i) === 32) i++; };
    skip();
    if (i === end - 1) return { node: seq, js };
    for (;;) {
      const start = i;
      let stop: number;
      const q = src.charCodeAt(i);
      if (q === 34 || q === 39) stop = src.indexOf(q === 34 ? '"' : "'", i + 1) + 1;
      else { stop = i; while (stop < end - 1 && src.charCodeAt(stop) !== 44) stop++; while (src.charCodeAt(stop - 1) === 32) stop--; }
      if (stop <= start) out();
      i = stop;
      skip();
      const item = this.value(start, stop, i, true);
      seq.items.push(item);
      js.push(item.value);
      const sep = src.charCodeAt(i++);
      if (sep === 93) { if (i !== end) out(); break; }
      if (sep !== 44) out();
      skip();
      if (i >= end - 1) out();
    }
    return { node: seq, js };
  }

  /** A scalar at [start, end) whose node ends at `nodeEnd`: quoted without escapes, or plain. */
  private value(start: number, end: number, nodeEnd: number, flow: boolean): Scalar {
    const { src } = this;
    const q = src.charCodeAt(start);
    if (q === 34 || q === 39) {
      const inner = src.slice(start + 1, end - 1);
      if (end - start < 2 || src.charCodeAt(end - 1) !== q || inner.includes(q === 34 ? '"' : "'") || (q === 34 && inner.includes('\\'))) out();
      return this.scalar(inner, inner, q === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, end, nodeEnd);
    }
    const plain = src.slice(start, end);
    if (INDICATOR_START.test(plain) || (flow ? BAD_FLOW_PLAIN : BAD_BLOCK_PLAIN).test(plain)) out();
    // The one resolver the parser's tags use too (src/core/yaml/tags.ts), so both build the same values.
    const resolved = resolvePlain(plain);
    if (resolved instanceof PsychError) out();
    return this.scalar(resolved, plain, 'PLAIN', start, end, nodeEnd);
  }

  private scalar(value: unknown, source: string, type: Scalar.Type, start: number, end: number, nodeEnd: number): Scalar {
    const node = value instanceof Scalar ? value : new Scalar(value);
    node.range = [start, end, nodeEnd];
    node.source = source;
    node.type = type;
    return node;
  }
}
