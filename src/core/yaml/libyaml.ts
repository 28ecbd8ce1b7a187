// What libyaml (Psych's scanner) rejects and the `yaml` package accepts, read from the Document: control characters, tabs that start a line, unclosed quotes, keyless values.
import { isCollection, isPair, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, type Document, type Node } from 'yaml';
import { PsychError, resolvePlain } from './resolve';
import { psychReadsScalarTag } from './tags';
import { joinedReading, type FlowJoin } from './flow-lines';
import { scanTag } from './tag-scan';
import { isBreak } from './chars';

/** An error at offsets into the YAML text given. */
export interface LibyamlError { message: string; start: number; end: number }

// libyaml's reader allows #x9, #xA, #xD, #x20–#x7E, #x85, #xA0–#xD7FF, #xE000–#xFFFD and astral characters only.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** A character libyaml refuses anywhere in the front matter (it reads the whole text before parsing). */
export function controlCharacter(yaml: string): LibyamlError | undefined {
  const m = CONTROL.exec(yaml);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { message: `Control character U+${code} is not allowed in YAML (libyaml refuses the whole front matter).`, start: m.index, end: m.index + 1 };
}

/**
 * A tab where libyaml expects the start of a token: first on a line (after spaces) or right after a `- `/`? `
 * indicator, outside quoted scalars and flow collections; in a block scalar, a tab inside its indentation.
 * The `yaml` package reads these as whitespace; Psych raises "found character that cannot start any token".
 */
export function leadingTab(yaml: string, doc: Document): LibyamlError | undefined {
  if (!yaml.includes('\t')) return undefined;
  // Ranges where a line may start with a tab: quoted scalars and flow collections; block scalars with their indent.
  const free: [number, number][] = [];
  const blocks: [number, number, number, number][] = [];
  const plains: [number, number][] = [];
  visit(doc, (_k, node, path) => {
    const n = node as Node | null;
    if (!n?.range) return;
    if (isScalar(n)) {
      if (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE) free.push([n.range[0], n.range[1]]);
      else if (n.type === Scalar.BLOCK_LITERAL || n.type === Scalar.BLOCK_FOLDED) blocks.push([n.range[0], n.range[1], ...blockIndent(yaml, n.range[0], n.range[1], path)]);
      else if (n.range[1] > n.range[0]) plains.push([n.range[0], n.range[1]]);
    } else if (isCollection(n) && n.flow) free.push([n.range[0], n.range[1]]);
  });
  const inside = (rs: readonly (readonly number[])[], at: number) => rs.find((r) => at > r[0] && at < r[1]);
  // A blank line right after a plain scalar (only blank lines between) is read by libyaml's plain scanner, which takes
  // a tab there unless it is at or left of the column the scalar's line starts at: that column, or undefined.
  const plainBefore = (rs: readonly (readonly number[])[], lineStart: number): number | undefined => {
    if (!/^[ \t]*(?:#[^\n]*)?\r?(?:\n|$)/.test(yaml.slice(lineStart, yaml.indexOf('\n', lineStart) + 1 || yaml.length))) return undefined;
    const r = rs.find((p) => p[1] <= lineStart && /^[ \t\r\n]*$/.test(yaml.slice(p[1], lineStart)) && yaml.slice(p[1], lineStart).includes('\n'));
    if (!r) return undefined;
    const start = yaml.lastIndexOf('\n', r[0] - 1) + 1;
    let col = 0;
    while (yaml.charCodeAt(start + col) === 32) col++;
    return col;
  };
  for (let pos = 0; pos < yaml.length;) {
    let nl = yaml.indexOf('\n', pos);
    if (nl < 0) nl = yaml.length;
    let i = pos;
    // A BOM at column 0 is skipped by scan_to_next_token, which then skips spaces but not a tab (nor does the plain
    // scanner's blank loop before it, which stops at the BOM).
    const bom = yaml.charCodeAt(i) === 0xfeff;
    if (bom) i++;
    while (yaml.charCodeAt(i) === 32) i++;
    let tab = yaml.charCodeAt(i) === 9 ? i : -1;
    let afterIndicator = false;
    if (tab < 0) {
      // `- \tx`, `? \tx`: after an indicator, libyaml does not skip a tab either.
      while ((yaml.charCodeAt(i) === 45 || yaml.charCodeAt(i) === 63) && (yaml.charCodeAt(i + 1) === 32 || yaml.charCodeAt(i + 1) === 9)) {
        i++;
        while (yaml.charCodeAt(i) === 32) i++;
        if (yaml.charCodeAt(i) === 9) { tab = i; afterIndicator = true; break; }
      }
    }
    if (tab >= 0 && !inside(free, tab)) {
      const block = inside(blocks, tab);
      // (`date: 1:30` then `  ?\t`: the `?` ends a plain scalar's next line, the tab is after it.)
      const plain = inside(plains, tab) ?? (afterIndicator ? plains.find((r) => tab - 1 > r[0] && tab - 1 < r[1]) : undefined);
      // In a block scalar, a tab inside the indentation, or anywhere in the indentation before the first content line fixes it.
      const after = plain ? undefined : plainBefore(plains, pos);
      const bad = block ? !afterIndicator && (tab - pos < block[2] || pos <= block[3]) : bom && !plain ? true : plain ? tab === pos : after !== undefined ? tab - pos <= after : true;
      if (bad) return { message: 'A tab starts this line: libyaml (Jekyll) does not accept a tab where YAML expects indentation or a token; use spaces.', start: tab, end: tab + 1 };
    }
    pos = nl + 1;
  }
  return undefined;
}

/**
 * What libyaml refuses in a Document the `yaml` package read without error: a quoted scalar whose last quote is
 * escaped (`'''`, `"a\"`: `yaml` ends it at a less indented line and takes that quote for the closing one), a
 * BOM at column 0 inside a multi-line plain scalar (libyaml ends the scalar there, then cannot go on), and a block
 * mapping value without a key (`: x`, `- : x`; only `? ` may leave a key empty). Also gives a scalar with a local
 * tag (`!foo 12`, `!Z`) the value Psych gives it: the tag is ignored and the text tokenized, quoted or not; and
 * the values `libyamlView` read otherwise (`view`: quoted scalars it read on one line, block scalars it ended, flow
 * collection lines it joined).
 */
export function libyamlReading(yaml: string, doc: Document, view: { folded?: readonly number[]; blocks?: ReadonlyMap<number, string>; joins?: readonly FlowJoin[] } = {}): LibyamlError | undefined {
  const folded = view.folded ?? [];
  let bad: LibyamlError | undefined = view.joins ? joinedReading(yaml, doc, view.joins) : undefined;
  if (bad) return bad;
  visit(doc, { Map(_k, map) {
    if (bad || map.flow) return;
    for (const pair of map.items) {
      // yaml gives an empty key an empty scalar: at the `:` when implicit, after the `?` when explicit.
      const r = isScalar(pair.key) && pair.key.value === null ? pair.key.range : undefined;
      // (A `:` first on a more indented line, `a: x` then `  : y`: the empty key is at that line's start.)
      // (After a block scalar it is at that scalar's end; after `? ` at the `?`'s line end: an explicit empty key.)
      let at = r && r[0] === r[1] ? r[0] : -1;
      let before = at - 1;
      while (before >= 0 && /[ \t\r\n]/.test(yaml[before])) before--;
      while (at >= 0 && /[ \r\n]/.test(yaml[at] ?? '')) at++;
      if (at >= 0 && yaml.charCodeAt(at) === 58 && yaml[before] !== '?') { bad = { message: 'A value without a key (`: x`): libyaml (Jekyll) cannot read it.', start: at, end: at + 1 }; return; }
    }
  }, Scalar(k, n, path) {
    if (n.range && n.range[1] === n.range[0] + 1 && yaml.charCodeAt(n.range[0]) === 45 && n.value !== '-') n.value = n.source = '-';
    const key = n.type === Scalar.PLAIN && !bad ? flowKey(yaml, n, k, path) : undefined;
    if (key && 'error' in key) { bad = key.error; return undefined; }
    if (key) return key.node;
    if (folded.length && n.range && (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE) && folded.includes(n.range[0])) {
      n.value = n.source = foldQuoted(yaml.slice(n.range[0], n.range[1]).trimEnd());
    }
    if (typeof n.tag === 'string' && !psychReadsScalarTag(n.tag)) {
      const v = resolvePlain(String(n.source ?? n.value ?? ''));
      if (v instanceof PsychError) bad ??= { message: v.message, start: n.range?.[0] ?? 0, end: n.range?.[1] ?? 1 };
      else n.value = v;
    }
    if (!n.range || bad) return;
    const [s, e] = n.range;
    if ((n.type === Scalar.BLOCK_LITERAL || n.type === Scalar.BLOCK_FOLDED) && typeof n.value === 'string' && /^\n*$/.test(n.value)) {
      const v = view.blocks?.get(s) ?? blankBlock(yaml, s, path);
      if (v !== undefined) n.value = v;
    }
    if (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE) {
      const closed = n.type === Scalar.QUOTE_DOUBLE ? CLOSED_DOUBLE : CLOSED_SINGLE;
      if (!closed.test(yaml.slice(s, e))) bad = { message: 'This quoted value is not closed: its last quote is escaped (libyaml, and so Jekyll, cannot read it).', start: s, end: e };
    } else if (n.type === Scalar.PLAIN) {
      for (let b = yaml.indexOf('\ufeff', s + 1); b >= 0 && b < e && !bad; b = yaml.indexOf('\ufeff', b + 1)) {
        if (isBreak(yaml.charCodeAt(b - 1))) bad = { message: 'A BOM (U+FEFF) starts this line inside a value: libyaml (Jekyll) cannot read it.', start: b, end: b + 1 };
      }
    }
  } });
  return bad;
}

/**
 * In a flow collection libyaml takes `?` for the key indicator even with no blank after it (`[?x]` is `[{x: null}]`,
 * `{?x: y}` is `{x: y}`); `yaml` reads a plain `?x`. The node Psych builds instead (a one-pair map for a list
 * item, the key without its `?`), or the error libyaml raises when no plain scalar follows the `?`.
 */
function flowKey(yaml: string, n: Scalar, k: unknown, path: readonly unknown[]): { node?: Node } | { error: LibyamlError } | undefined {
  const src = typeof n.source === 'string' ? n.source : '';
  if (src.charCodeAt(0) !== 63 || src.length < 2 || /[ \t]/.test(src[1])) return undefined;
  const parent = path[path.length - 1];
  let coll: unknown;
  for (let i = path.length - 1; i >= 0 && coll === undefined; i--) if (isCollection(path[i] as Node)) coll = path[i];
  if (!(coll as { flow?: boolean } | undefined)?.flow) return undefined;
  const r = n.range ?? [0, 1, 1];
  // Where a flow pair's value is expected, libyaml's parser finds a key indicator: no node.
  if (isPair(parent) && k === 'value') return { error: { message: 'A `?` starts this value in a flow collection: libyaml reads a key indicator there, and no value (libyaml, and so Jekyll, cannot read it).', start: r[0], end: r[0] + 1 } };
  if (!(isSeq(parent) || (isPair(parent) && k === 'key'))) return undefined;
  const rest = src.slice(1);
  // `?'a'`, `?"a"`: the key is that quoted scalar (one without escapes).
  const quoted = /^'((?:[^'\n]|'')*)'$|^"([^"\\\n]*)"$/.exec(rest);
  // `?!e`, `?!e x`: a tag, then the key's text (empty: null; tokenized unless the tag is `!!str`).
  const tag = rest[0] === '!' ? scanTag(yaml, r[0] + 1, true) : undefined;
  if (tag && ('error' in tag || tag.end > r[1])) return { error: 'error' in tag ? tag.error : { message: 'A tag runs past this key in a flow collection (libyaml reads it otherwise).', start: r[0], end: r[1] } };
  const text = tag && !('error' in tag) ? yaml.slice(tag.end, r[1]).trim() : undefined;
  const str = rest.startsWith('!!str');
  const v = text !== undefined ? (text === '' ? (str ? '' : null) : str ? text : resolvePlain(text)) : quoted ? (quoted[1] !== undefined ? quoted[1].replace(/''/g, "'") : quoted[2]) : /^(?:[[\]{},#&*!|>'"%@`?]|[-:](?:[ \t]|$))/.test(rest) ? undefined : resolvePlain(rest);
  if (v === undefined || v instanceof PsychError) return { error: { message: 'A `?` in a flow collection starts a key for libyaml, and no key follows it (libyaml, and so Jekyll, cannot read it).', start: r[0], end: r[0] + 1 } };
  n.value = v;
  n.source = rest;
  if (isPair(parent)) return {};
  const map = new YAMLMap();
  map.flow = true;
  map.items.push(new Pair(n, new Scalar(null)));
  map.range = [r[0], r[1], r[2]];
  return { node: map as unknown as Node };
}

/**
 * A block scalar with an indentation indicator whose lines hold only spaces (`key: |2` then `   `): libyaml keeps the
 * spaces past its indentation (the enclosing block collection's column plus the indicator) as text, `" \n"`; `yaml`
 * reads empty lines. libyaml's value (literal and folded alike: such lines are never folded), or undefined when no
 * line holds more spaces than that indentation.
 */
function blankBlock(yaml: string, start: number, path: readonly unknown[]): string | undefined {
  const m = /^[|>]([-+]?)([1-9])([-+]?)/.exec(yaml.slice(start, start + 4));
  const indent = m ? explicitIndent(yaml, Number(m[2]), path) : undefined;
  if (!m || indent === undefined) return undefined;
  const widths: number[] = [];
  for (let pos = yaml.indexOf('\n', start) + 1; pos > 0 && pos < yaml.length;) {
    const nl = yaml.indexOf('\n', pos);
    const text = yaml.slice(pos, nl < 0 ? yaml.length : nl).replace(/\r$/, '');
    if (!/^ *$/.test(text)) {
      if (/^ */.exec(text)![0].length >= indent) return undefined;
      break;
    }
    widths.push(text.length);
    pos = nl + 1;
  }
  let last = -1;
  widths.forEach((w, i) => { if (w > indent) last = i; });
  if (last < 0) return undefined;
  const text = widths.slice(0, last + 1).map((w) => ' '.repeat(Math.max(0, w - indent))).join('\n');
  const chomp = m[1] || m[3];
  return chomp === '-' ? text : chomp === '+' ? text + '\n'.repeat(widths.length - last) : `${text}\n`;
}

const ESCAPED: Record<string, string> = { 0: '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/**
 * A quoted scalar's value as libyaml's scan_flow_scalar builds it from its source (quotes included): escapes
 * decoded, and at each line break the blanks around it dropped, one break folded to a space, more kept as `\n`s
 * (an escaped break joins the lines).
 */
export function foldQuoted(raw: string): string {
  const q = raw[0];
  const body = raw.slice(1, -1);
  const brk = (k: number) => (body[k] === '\r' ? (body[k + 1] === '\n' ? 2 : 1) : body[k] === '\n' || body[k] === '\x85' || body[k] === '\u2028' || body[k] === '\u2029' ? 1 : 0);
  let out = '';
  let i = 0;
  while (i < body.length) {
    let leading = false;
    while (i < body.length && body[i] !== ' ' && body[i] !== '\t' && !brk(i)) {
      if (q === "'" && body[i] === "'") { out += "'"; i += 2; continue; }
      if (q === '"' && body[i] === '\\') {
        const b = brk(i + 1);
        if (b) { i += 1 + b; leading = true; break; }
        const e = body[i + 1];
        const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        out += digits ? String.fromCodePoint(parseInt(body.slice(i + 2, i + 2 + digits), 16)) : ESCAPED[e] ?? e;
        i += 2 + digits;
        continue;
      }
      out += body[i++];
    }
    let whitespace = '';
    let leadingBreak = '';
    let trailing = '';
    while (i < body.length && (body[i] === ' ' || body[i] === '\t' || brk(i))) {
      const b = brk(i);
      if (!b) { if (!leading) whitespace += body[i]; i++; continue; }
      if (!leading) { whitespace = ''; leadingBreak = '\n'; leading = true; } else trailing += '\n';
      i += b;
    }
    out += leading ? (leadingBreak ? (trailing || ' ') : trailing) : whitespace;
  }
  return out;
}

// A whole quoted scalar: escapes (`\x`, `''`) never end it.
const CLOSED_DOUBLE = /^"(?:[^"\\]|\\[\s\S])*"$/;
const CLOSED_SINGLE = /^'(?:[^']|'')*'$/;

/**
 * The content indentation libyaml gives a block scalar with an indentation indicator: the column of the enclosing
 * block collection plus the indicator (the indicator alone at the top level); undefined in a flow collection.
 */
function explicitIndent(yaml: string, increment: number, path: readonly unknown[]): number | undefined {
  let coll: Node | undefined;
  for (let i = path.length - 1; i >= 0 && !coll; i--) if (isCollection(path[i] as Node)) coll = path[i] as Node;
  if (!coll) return increment;
  if (!coll.range || (coll as { flow?: boolean }).flow) return undefined;
  return coll.range[0] - (yaml.lastIndexOf('\n', coll.range[0] - 1) + 1) + increment;
}

/**
 * The content indentation of a block scalar and the start of the line that fixes it: its first non-blank line after
 * the header, or, with an indentation indicator (`|2`), libyaml's indentation and no such line.
 */
function blockIndent(yaml: string, start: number, end: number, path: readonly unknown[]): [number, number] {
  const m = /^[|>][-+]?([1-9])/.exec(yaml.slice(start, start + 3));
  const explicit = m ? explicitIndent(yaml, Number(m[1]), path) : undefined;
  if (explicit !== undefined) return [explicit, -1];
  let pos = yaml.indexOf('\n', start) + 1;
  while (pos > 0 && pos < end) {
    let i = pos;
    while (yaml.charCodeAt(i) === 32) i++;
    const c = yaml.charCodeAt(i);
    if (c !== 10 && c !== 13 && i < end) return [i - pos, m ? -1 : pos];
    pos = yaml.indexOf('\n', pos) + 1;
  }
  return [1, end];
}
