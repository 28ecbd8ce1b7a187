// The one flat front-matter scanner: top-level `key: value` lines read in one pass, for data only or for a yaml Document.
import { isCloseLine } from './fence';
import type { FlatEntry, FlatList, FlatMode, FlatRead, FlatScalar, FlatScalarType } from './flat-types';
import { BAD_FLOW_ITEM, BAD_PLAIN, flatKeyEnd, isStringKey, knownKey, OUT, out, plainValue, UNUSUAL, UNUSUAL_DOCUMENT } from './flat-key';

export type { FlatEntry, FlatList, FlatMode, FlatRead, FlatScalar, FlatScalarType } from './flat-types';

/** Front matter larger than this is left to the parser, which reports it. */
const MAX_FLAT = 128 * 1024;

const isBlank = (c: number) => c === 32 || c === 9;

/**
 * Reads flat front matter in one line scan: top-level `key: value` lines whose values are plain or quoted
 * scalars without escapes, one-line flow lists of such scalars, or `key:` then `- item` lines, resolved by the
 * one Psych resolver (`resolvePlain`). Returns undefined for anything else (nesting, multi-line or escaped
 * scalars, anchors, tags, duplicate keys, odd characters, and in `document` mode comments and blank lines
 * anywhere but between entries), so
 * the caller reads it with the full parser, which gives the same data where this does not decline.
 */
export function scanFlat(text: string, start: number, mode: FlatMode): FlatRead | undefined {
  const doc = mode === 'document';
  if (doc && (text.length === start || text.charCodeAt(text.length - 1) !== 10 || UNUSUAL_DOCUMENT.test(start ? text.slice(start) : text))) return undefined;
  const scanner = new Scanner(text, doc);
  try {
    const end = scanner.run(start);
    if (!doc && end - start > MAX_FLAT) return undefined;
    return scanner.result;
  } catch (e) {
    if (e === OUT) return undefined;
    throw e;
  }
}

class Scanner {
  /** The current line is text[s, e) (without `\r\n` / `\n`); `next` starts the next line. */
  private s = 0;
  private e = 0;
  private next = 0;
  /** The next `\r` at or after the current line (-1: none left; -2: not looked for yet). */
  private cr = -2;
  /** The last scalar read: text [vs, ve), how it is written. */
  private vs = 0;
  private ve = 0;
  private type: FlatScalarType = 'PLAIN';
  private readonly data: Record<string, unknown> = Object.create(null);
  readonly result: FlatRead = { data: this.data };
  private readonly entries: FlatEntry[] | undefined;
  /** Document mode: empty lines, then `#` lines, since the last entry (yaml's spaceBefore / commentBefore of the next key). */
  private space = false;
  private comment: string | undefined;
  private crBefore = false;

  constructor(private readonly text: string, private readonly doc: boolean) {
    if (doc) this.entries = this.result.entries = [];
  }

  /** Scans from `at`; returns where the front matter ends (the closing fence line, or the end of text in document mode). */
  run(at: number): number {
    const { text, doc } = this;
    for (this.line(at); ;) {
      const { s, e } = this;
      // Document mode: blank or comment lines after the last entry are the document's comment (the parser places it).
      if (s >= text.length) return doc && !this.space && this.comment === undefined ? s : out();
      const c = text.charCodeAt(s);
      if (c === 45 || c === 46) return !doc && isCloseLine(text, s, e) ? s : out();
      if (c === 35 || s === e) {
        if (doc) this.stray(c === 35);
        else if (c === 35 && UNUSUAL.test(text.slice(s, e))) out();
        this.line(this.next);
        continue;
      }
      if (c === 32) {
        // Only spaces make a blank line: libyaml rejects a tab at the start of a line (the parser reports it).
        let i = s;
        while (i < e && text.charCodeAt(i) === 32) i++;
        if (doc || i !== e) out();
        this.line(this.next);
        continue;
      }
      this.entry();
    }
  }

  /**
   * Document mode: an empty line or a `#` line at column 0 between two entries. Taken only in the order yaml
   * reads simply (empty lines, then comment lines, then the next key): anything else is declined.
   */
  private stray(comment: boolean): void {
    const entries = this.entries!;
    const last = entries[entries.length - 1]?.value;
    // Before the first key the lines are the document's; after `key:` alone they move its empty node.
    if (!last || (!('items' in last) && last.start === last.end)) out();
    if (!comment) {
      if (this.comment !== undefined) out();
      this.space = true;
      return;
    }
    // `#` alone is a comment yaml keeps as ' ': left to the parser.
    if (this.e - this.s < 2) out();
    // yaml keeps the CR of every comment line but the last.
    const text = this.text.slice(this.s + 1, this.e);
    this.comment = this.comment === undefined ? text : `${this.comment}${this.crBefore ? '\r\n' : '\n'}${text}`;
    this.crBefore = this.e !== this.next - 1;
  }

  /** Moves to the line starting at `at` (a line needs its `\n`: without one the parser decides). */
  private line(at: number): void {
    this.s = at;
    if (at >= this.text.length) return;
    const nl = this.text.indexOf('\n', at);
    if (nl < 0) out();
    this.next = nl + 1;
    if (this.cr !== -1 && this.cr < at) this.cr = this.text.indexOf('\r', at);
    // A CR anywhere but just before the LF breaks the line for YAML.
    if (this.cr >= 0 && this.cr < nl - 1) out();
    this.e = this.cr === nl - 1 ? nl - 1 : nl;
  }

  /** One `key: value` line (and its `- item` lines); leaves the scanner on the next line. */
  private entry(): void {
    const { text, s, e, data } = this;
    const i = flatKeyEnd(text, s, e);
    if (i < 0 || text.charCodeAt(i) !== 58) out();
    let key = knownKey(text, s, i);
    if (key === undefined) {
      key = text.slice(s, i);
      // A key Psych reads as a bool, null or number is not a string key: the parser decides.
      if (!isStringKey(key)) out();
    }
    if (key in data) out();
    let v = i + 1;
    if (v < e && !isBlank(text.charCodeAt(v))) out();
    while (v < e && isBlank(text.charCodeAt(v))) v++;
    let value: unknown;
    let node: FlatScalar | FlatList | undefined;
    if (v === e) {
      const list = this.blockList();
      value = list ? list.js : null;
      if (this.entries) node = list ? list.node : { value: null, type: 'PLAIN', start: e, end: e, nodeEnd: e };
    } else if (text.charCodeAt(v) === 91) {
      const list = this.flowList(v);
      value = list.js;
      node = list.node;
      this.line(this.next);
    } else {
      value = this.scalar(v);
      if (this.entries || key === 'date') node = { value, type: this.type, start: this.vs, end: this.ve, nodeEnd: this.next };
      if (key === 'date') this.result.date = node as FlatScalar;
      this.line(this.next);
    }
    data[key] = value;
    if (this.entries) {
      const entry: FlatEntry = { key, start: s, end: i, value: node! };
      if (this.space) { entry.spaceBefore = true; this.space = false; }
      if (this.comment !== undefined) { entry.commentBefore = this.comment; this.comment = undefined; }
      this.entries.push(entry);
    }
  }

  /** A block-context scalar starting at `v` on the current line, then only blanks (or a comment in data mode). */
  private scalar(v: number): unknown {
    const { text, e } = this;
    const q = text.charCodeAt(v);
    if (q === 34 || q === 39) {
      const inner = this.quoted(v);
      this.rest(this.ve);
      return inner;
    }
    let end = e;
    // A comment starts at a `#` after a blank.
    for (let h = text.indexOf('#', v); h >= 0 && h < e; h = text.indexOf('#', h + 1)) {
      if (isBlank(text.charCodeAt(h - 1))) {
        if (this.doc) out();
        if (UNUSUAL.test(text.slice(h, e))) out();
        end = h;
        break;
      }
    }
    while (end > v && isBlank(text.charCodeAt(end - 1))) end--;
    const plain = text.slice(v, end);
    this.vs = v;
    this.ve = end;
    this.type = 'PLAIN';
    return plainValue(plain, BAD_PLAIN);
  }

  /** A one-line quoted scalar without escapes at `v` (`"…"` / `'…'`): its string; sets vs, ve and type. */
  private quoted(v: number): string {
    const { text } = this;
    const q = text.charCodeAt(v);
    const close = text.indexOf(q === 34 ? '"' : "'", v + 1);
    if (close < 0 || close >= this.e) out();
    const inner = text.slice(v + 1, close);
    if ((q === 34 && inner.includes('\\')) || UNUSUAL.test(inner)) out();
    this.vs = v;
    this.ve = close + 1;
    this.type = q === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return inner;
  }

  /** After a value at `i`: only blanks, or (data mode) blanks then a `#` comment. */
  private rest(i: number): void {
    const { text, e } = this;
    const from = i;
    while (i < e && isBlank(text.charCodeAt(i))) i++;
    if (i < e && (this.doc || i === from || text.charCodeAt(i) !== 35 || UNUSUAL.test(text.slice(i, e)))) out();
  }

  /** `- item` lines after a `key:` line, at one indent; undefined when the next line is not one. */
  private blockList(): { js: unknown[]; node: FlatList | undefined } | undefined {
    const { text, doc } = this;
    let indent = -1;
    let first = 0;
    const js: unknown[] = [];
    const items: FlatScalar[] | undefined = this.entries ? [] : undefined;
    for (this.line(this.next); this.s < text.length; this.line(this.next)) {
      const { s, e } = this;
      let d = s;
      while (text.charCodeAt(d) === 32) d++;
      if (text.charCodeAt(d) !== 45 || d >= e) break;
      const after = text.charCodeAt(d + 1);
      if (d + 1 < e && after !== 32) {
        // libyaml does not take a tab after `-` as a separator (the parser reports it); `-x` is not an item.
        if (after === 9) out();
        break;
      }
      if (indent < 0) { indent = d - s; first = d; } else if (d - s !== indent) out();
      let v = d + 1;
      while (v < e && text.charCodeAt(v) === 32) v++;
      if (text.charCodeAt(v) === 9) out();
      let x: unknown = null;
      if (v === e) {
        // `-` alone is a null item; yaml places its empty node where the document builder does not follow.
        if (doc) out();
        this.vs = this.ve = v;
      } else x = this.scalar(v);
      js.push(x);
      if (items) items.push({ value: x, type: this.type, start: this.vs, end: this.ve, nodeEnd: this.next });
    }
    if (indent < 0) return undefined;
    return { js, node: items && { flow: false, items, start: first, end: this.s, nodeEnd: this.s } };
  }

  /** A one-line flow list `[a, "b"]` starting at `v` on the current line, then only blanks (or a comment). */
  private flowList(v: number): { js: unknown[]; node: FlatList } {
    const { text, e } = this;
    const js: unknown[] = [];
    const items: FlatScalar[] = [];
    let i = v + 1;
    const skip = () => { while (text.charCodeAt(i) === 32) i++; };
    skip();
    if (text.charCodeAt(i) === 93) i++;
    else {
      for (;;) {
        const start = i;
        let stop: number;
        let x: unknown;
        let type: FlatScalarType = 'PLAIN';
        const q = text.charCodeAt(i);
        if (q === 34 || q === 39) {
          x = this.quoted(i);
          type = this.type;
          stop = this.ve;
        } else {
          let j = i;
          while (j < e && text.charCodeAt(j) !== 44 && text.charCodeAt(j) !== 93) j++;
          stop = j;
          while (stop > i && text.charCodeAt(stop - 1) === 32) stop--;
          if (stop === i) out();
          x = plainValue(text.slice(i, stop), BAD_FLOW_ITEM);
        }
        i = stop;
        skip();
        js.push(x);
        if (this.entries) items.push({ value: x, type, start, end: stop, nodeEnd: i });
        const sep = text.charCodeAt(i++);
        if (sep === 93) break;
        if (sep !== 44) out();
        skip();
        // `[a, ]` and `[a,,b]` are left to the parser.
        if (text.charCodeAt(i) === 93 || text.charCodeAt(i) === 44) out();
      }
    }
    const end = i;
    this.rest(i);
    return { js, node: { flow: true, items, start: v, end, nodeEnd: this.next } };
  }
}
