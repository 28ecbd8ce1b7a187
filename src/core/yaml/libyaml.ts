// What libyaml (Psych's scanner) rejects and the `yaml` package accepts: control characters, tabs that start a line.
import { isCollection, isScalar, Scalar, visit, type Document, type Node } from 'yaml';

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
  visit(doc, (_k, node) => {
    const n = node as Node;
    if (!n.range) return;
    if (isScalar(n)) {
      if (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE) free.push([n.range[0], n.range[1]]);
      else if (n.type === Scalar.BLOCK_LITERAL || n.type === Scalar.BLOCK_FOLDED) blocks.push([n.range[0], n.range[1], ...blockIndent(yaml, n.range[0], n.range[1])]);
      else plains.push([n.range[0], n.range[1]]);
    } else if (isCollection(n) && n.flow) free.push([n.range[0], n.range[1]]);
  });
  const inside = (rs: readonly (readonly number[])[], at: number) => rs.find((r) => at > r[0] && at < r[1]);
  for (let pos = 0; pos < yaml.length;) {
    let nl = yaml.indexOf('\n', pos);
    if (nl < 0) nl = yaml.length;
    let i = pos;
    while (yaml.charCodeAt(i) === 32) i++;
    let tab = yaml.charCodeAt(i) === 9 ? i : -1;
    if (tab < 0) {
      // `- \tx`, `? \tx`: after an indicator, libyaml does not skip a tab either.
      while ((yaml.charCodeAt(i) === 45 || yaml.charCodeAt(i) === 63) && (yaml.charCodeAt(i + 1) === 32 || yaml.charCodeAt(i + 1) === 9)) {
        i++;
        while (yaml.charCodeAt(i) === 32) i++;
        if (yaml.charCodeAt(i) === 9) { tab = i; break; }
      }
    }
    if (tab >= 0 && !inside(free, tab)) {
      const block = inside(blocks, tab);
      const plain = inside(plains, tab);
      // In a block scalar, a tab inside the indentation, or anywhere in the indentation before the first content line fixes it.
      const bad = block ? tab - pos < block[2] || pos <= block[3] : plain ? tab === pos : true;
      if (bad) return { message: 'A tab starts this line: libyaml (Jekyll) does not accept a tab where YAML expects indentation or a token; use spaces.', start: tab, end: tab + 1 };
    }
    pos = nl + 1;
  }
  return undefined;
}

/** The content indentation of a block scalar (that of its first non-blank line after the header) and that line's start. */
function blockIndent(yaml: string, start: number, end: number): [number, number] {
  let pos = yaml.indexOf('\n', start) + 1;
  while (pos > 0 && pos < end) {
    let i = pos;
    while (yaml.charCodeAt(i) === 32) i++;
    const c = yaml.charCodeAt(i);
    if (c !== 10 && c !== 13 && i < end) return [i - pos, pos];
    pos = yaml.indexOf('\n', pos) + 1;
  }
  return [1, end];
}

/**
 * The text with every line break libyaml knows (lone CR, NEL, LS, PS) turned into `\n` outside quoted scalars,
 * where the `yaml` package (YAML 1.2) sees ordinary characters; inside quotes libyaml keeps them in the value, as
 * `yaml` does. Same length, so offsets do not move.
 */
export function normalizeBreaks(src: string): string {
  if (!/[\r\x85\u2028\u2029]/.test(src)) return src;
  const out = src.split('');
  // Where a scalar may start: line start, after `: `/`- `/`? `, and in flow after `[`, `{`, `,`.
  let prev = 10;
  let flow = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if ((c === 13 && src.charCodeAt(i + 1) !== 10) || c === 0x85 || c === 0x2028 || c === 0x2029) { out[i] = '\n'; prev = 10; continue; }
    if (c === 32 || c === 9) { if (prev === 58 || prev === 45 || prev === 63) prev = 32; continue; }
    if ((c === 34 || c === 39) && (prev === 10 || prev === 32 || (flow > 0 && (prev === 91 || prev === 123 || prev === 44)))) {
      let j = i + 1;
      for (; j < src.length; j++) {
        const d = src.charCodeAt(j);
        if (c === 34 && d === 92) j++;
        else if (d === c) { if (c === 39 && src.charCodeAt(j + 1) === 39) j++; else break; }
      }
      i = j;
      prev = 0;
      continue;
    }
    if (c === 35 && (prev === 10 || prev === 32)) {
      // A comment runs to the end of the line (an LS ends it too).
      while (i + 1 < src.length && !/[\n\r\x85\u2028\u2029]/.test(src[i + 1])) i++;
      continue;
    }
    if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    prev = c === 10 ? 10 : c;
  }
  return out.join('');
}
