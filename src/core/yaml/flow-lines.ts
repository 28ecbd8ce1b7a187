// Flow collections whose lines start left of where the `yaml` package wants them (libyaml has no indentation in flow context).
import { isScalar, Scalar, visit, type Document, type Node } from 'yaml';
import { isBreak } from './chars';

/** A run of blanks, comments and line breaks that `libyamlView` made blanks, joining two lines of a flow collection. */
export interface FlowJoin { start: number; end: number }

/**
 * After the line break at `at` inside a flow collection: the next line holding more than blanks and a comment, as
 * `{ at, joined }`: `at` its first character, `joined` whether it is indented less than `need` spaces, where the
 * `yaml` package ends the collection (an error: "must be sufficiently indented"; `need` is its `indentNext`, the
 * column of the block collection around plus one; a `]` or `}` closing the outermost collection may sit one column
 * left of it). libyaml reads such a line as part of the collection, at any indentation. Linear when the caller skips to `at`.
 */
export function nextFlowLine(src: string, at: number, need: number, outermost: boolean): { at: number; joined: boolean } {
  let pos = at;
  for (;;) {
    pos += src.charCodeAt(pos) === 13 && src.charCodeAt(pos + 1) === 10 ? 2 : 1;
    let sp = pos;
    while (src.charCodeAt(sp) === 32) sp++;
    let k = sp;
    while (src.charCodeAt(k) === 32 || src.charCodeAt(k) === 9) k++;
    if (k >= src.length) return { at: k, joined: false };
    if (src.charCodeAt(k) === 35) while (k < src.length && !isBreak(src.charCodeAt(k))) k++;
    if (k >= src.length) return { at: k, joined: false };
    if (isBreak(src.charCodeAt(k))) { pos = k; continue; }
    const indent = sp - pos;
    const closing = outermost && indent === need - 1 && (src[k] === ']' || src[k] === '}');
    return { at: k, joined: indent < need && !closing };
  }
}

/**
 * What libyaml reads where `libyamlView` joined a flow collection's lines (`joins`), and `yaml` on the joined line
 * does not: an implicit key before a `:` on a later line (`[a` then `: b`, `[a` then `b: c`: libyaml forgets a simple
 * key at a line break, and its parser then finds a value where it wants `,`: an error), a plain scalar running on past
 * a comment (libyaml ends it at the comment: an error too), and a plain scalar folded over blank lines (`[a` then a
 * blank line then `b]` is `"a\nb"`: sets that value). The error, or undefined.
 */
export function joinedReading(yaml: string, doc: Document, joins: readonly FlowJoin[]): { message: string; start: number; end: number } | undefined {
  if (joins.length === 0) return undefined;
  let bad: { message: string; start: number; end: number } | undefined;
  // The first join starting at or after `from`, when it starts before `to` (joins are in text order).
  const within = (from: number, to: number): FlowJoin | undefined => {
    let lo = 0, hi = joins.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (joins[mid].start < from) lo = mid + 1; else hi = mid; }
    return lo < joins.length && joins[lo].start < to ? joins[lo] : undefined;
  };
  visit(doc, {
    Pair(_k, pair) {
      const key = pair.key as Node | null;
      if (bad || !key?.range) return;
      // An explicit key (`? a` then `: b`) may run over lines; an implicit one ends at its line.
      let b = key.range[0] - 1;
      while (b >= 0 && /[ \t]/.test(yaml[b])) b--;
      if (yaml[b] === '?') return;
      // Its `:`, after blanks, breaks and comments (without one there is no key to forget).
      let colon = key.range[1];
      for (;;) {
        while (colon < yaml.length && /[ \t\r\n\x85\u2028\u2029]/.test(yaml[colon])) colon++;
        if (yaml[colon] !== '#') break;
        while (colon < yaml.length && !isBreak(yaml.charCodeAt(colon))) colon++;
      }
      if (yaml[colon] !== ':') return;
      const j = within(key.range[0], colon);
      if (j) bad = { message: 'A key in a flow collection runs on to a later line: libyaml (and so Jekyll) forgets it and cannot read the `:`.', start: key.range[0], end: colon + 1 };
    },
    Scalar(_k, n) {
      if (bad || !n.range || n.type !== Scalar.PLAIN || !isScalar(n)) return;
      const [s, e] = n.range;
      const j = within(s, e);
      if (!j) return;
      const raw = yaml.slice(s, e);
      if (/(?:^|[ \t\r\n\x85\u2028\u2029])#/.test(raw)) { bad = { message: 'A comment inside a plain value in a flow collection: libyaml (and so Jekyll) ends the value there and cannot read on.', start: s, end: e }; return; }
      if (/(?:\r\n|[\r\n\x85\u2028\u2029])[ \t]*(?:\r\n|[\r\n\x85\u2028\u2029])/.test(raw)) n.value = foldPlain(raw);
    },
  });
  return bad;
}

/** A multi-line plain scalar as libyaml folds it: each line trimmed, one break a space, more kept as `\n`s less one. */
export function foldPlain(raw: string): string {
  const lines = raw.split(/\r\n|[\r\n\x85\u2028\u2029]/).map(trimBlanks);
  let out = lines[0];
  let empty = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') { empty++; continue; }
    out += empty ? '\n'.repeat(empty) : ' ';
    out += lines[i];
    empty = 0;
  }
  return out;
}

function trimBlanks(line: string): string {
  let a = 0, b = line.length;
  while (a < b && (line[a] === ' ' || line[a] === '\t')) a++;
  while (b > a && (line[b - 1] === ' ' || line[b - 1] === '\t')) b--;
  return line.slice(a, b);
}
