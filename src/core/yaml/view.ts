// libyaml's reading of the text as the `yaml` package must see it (same length, same offsets).
import type { LibyamlError } from './libyaml';
import { nextFlowLine, type FlowJoin } from './flow-lines';
import { scanTag } from './tag-scan';
import { isBreak } from './chars';

/**
 * The front matter as the `yaml` package must see it to read what libyaml reads, same length (offsets do not
 * move): every line break libyaml knows (lone CR, NEL, LS, PS) becomes `\n` outside quoted scalars (inside,
 * libyaml keeps them in the value, as `yaml` does); a BOM at column 0 becomes a space (libyaml skips it); a comment
 * glued to a closing quote or a block scalar header (`"x"#c`, `>#c`) is blanked (libyaml accepts it); tabs that
 * indent a quoted scalar's continuation line become spaces; a quoted scalar over several lines that is no key is read
 * on one line, its breaks made blanks (libyaml reads its later lines at any indentation; `folded` lists their starts,
 * and `libyamlReading` gives them libyaml's value); a flow collection's line indented less than `yaml` wants is
 * joined to the line before (`joins`: libyaml has no indentation in flow context; see flow-lines.ts). And the
 * error libyaml raises that `yaml` does not: `:` followed by `,?[]{}` inside a plain scalar in a flow collection.
 */
export function libyamlView(src: string): { text: string; error?: LibyamlError; folded?: number[]; blocks?: Map<number, string>; joins?: FlowJoin[] } {
  if (!/[\r\x85\u2028\u2029\ufeff!]|["'|>+\-0-9]#|[[{]|\n *\t|["'][^"'\n]*\n|[|>][-+]?[ \t]*(?:#[^\n]*)?\n +\r?\n|\n *[|>]/.test(src)) return { text: src };
  // The quoted scalars read on one line (their start offsets).
  const folded: number[] = [];
  // Block scalars whose value libyaml reads otherwise (their header's offset → the value).
  const blocks = new Map<number, string>();
  // A flow collection's lines indented less than `yaml` wants (libyaml reads them): joined to the line before, breaks and
  // comments made blanks. `need`: that indentation (yaml's indentNext) for the outermost open collection; `joinedTo`: how
  // far the lines have been looked at; the last comment's start and end (it is blanked when the break after it is).
  const joins: FlowJoin[] = [];
  let need = 0, joinedTo = 0, joinEnd = 0, commentFrom = -1, commentTo = -1;
  const out = src.split('');
  const blank = (from: number) => { for (let k = from; k < src.length && !isBreak(src.charCodeAt(k)); k++) out[k] = ' '; };
  // What came before: 10 line start, 32 a blank after `:`/`-`/`?` (a scalar may start), 0 a closing quote, else the character.
  let prev = 10;
  let flow = 0;
  // The character before was a flow indicator read as one.
  let flowMark = false;
  // The outermost flow collection opened after `: `/`- ` (not at a line start, where it may be a plain scalar's text).
  let flowAfterIndicator = false;
  // The open flow collections' first characters, innermost last.
  const opened: number[] = [];
  // A plain scalar runs on over the lines indented deeper than its block collection (libyaml): such a line is its
  // text, whatever it starts with (`"`, `&`, `!`, `[`, `|`). `plain`: that collection's column (NONE: no open plain scalar).
  let plain = NONE;
  // On this line: where it starts, the column of its first token after `- `/`? ` (a key's), that of its last `- `/`? `,
  // whether a `: ` came and something after it; `openKey`: the line before ended with `key:`, that key's column.
  let lineStart = 0, keyCol = -1, dashCol = -1, valueSeen = false, valueFilled = false, openKey = -1, first = true;
  // The offset of this line's last value indicator `:`, and of that of the line whose key is open.
  let colon = -1, openColon = -1;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (flow > 0 && i >= joinedTo && isBreak(c)) {
      const next = nextFlowLine(src, i, need, flow === 1);
      if (next.joined) {
        const start = commentTo === i ? commentFrom : i;
        for (let k = start; k < next.at; k++) out[k] = ' ';
        joins.push({ start, end: next.at });
        joinEnd = next.at;
      }
      joinedTo = next.at;
    }
    if ((c === 13 && src.charCodeAt(i + 1) !== 10) || c === 0x85 || c === 0x2028 || c === 0x2029) { out[i] = i < joinEnd ? ' ' : '\n'; prev = 10; continue; }
    if (c === 0xfeff && prev === 10 && (i === 0 || isBreak(src.charCodeAt(i - 1)))) { out[i] = ' '; continue; }
    if (c === 32 || c === 9) { if (prev === 58 || prev === 45 || prev === 63) prev = 32; continue; }
    if (prev === 10 && flow === 0 && c !== 10 && c !== 13) {
      let ls = i;
      while (ls > 0 && !isBreak(src.charCodeAt(ls - 1))) ls--;
      if (plain !== NONE && i - ls > plain && c !== 35 && !(c === 58 && /^[ \t\r\n]?$/.test(src[i + 1] ?? ''))) { prev = 1; continue; }
      plain = NONE;
      if (c !== 35) { openKey = valueSeen && !valueFilled ? keyCol : -1; openColon = colon; lineStart = ls; keyCol = dashCol = -1; valueSeen = valueFilled = false; }
    }
    const inFlow = flow > 0;
    const indicator = (c === 45 || c === 63 || c === 58) && /^[ \t\r\n]?$/.test(src[i + 1] ?? '');
    if (flow === 0 && c !== 35 && c !== 13 && c !== 10) {
      if (keyCol < 0 && !(indicator && c !== 58)) keyCol = i - lineStart;
      if (valueSeen && !indicator) valueFilled = true;
    }
    const scalarStart = prev === 10 || prev === 32 || (flow > 0 && (prev === 91 || prev === 123 || prev === 44));
    if ((c === 34 || c === 39) && scalarStart) {
      let j = i + 1;
      for (; j < src.length; j++) {
        const d = src.charCodeAt(j);
        if (c === 34 && d === 92) j++;
        else if (d === c) { if (c === 39 && src.charCodeAt(j + 1) === 39) j++; else break; }
        // A continuation line's leading tabs are folded away by both; `yaml` only wants them as spaces.
        else if (d === 10) for (let k = j + 1; src.charCodeAt(k) === 9 || src.charCodeAt(k) === 32; k++) out[k] = ' ';
      }
      if (src.charCodeAt(j + 1) === 35) blank(j + 1);
      // After an explicit key in block context only a blank, a break, `:` or a glued comment may follow its closing
      // quote; libyaml's parser finds the next token where it wants a key or the end (`? "a"x`: `yaml` drops the `x`
      // without an error; elsewhere it reports one, which diagnose.ts explains).
      else if (flow === 0 && j + 1 < src.length && explicitKey(src, i) && !/[ \t:\r\n\x85\u2028\u2029]/.test(src[j + 1])) {
        return { text: src, error: { message: 'Text right after a closing quote: libyaml (and so Jekyll) reads it as another value and cannot read it.', start: j + 1, end: j + 2 } };
      }
      // libyaml reads a quoted scalar's later lines at any indentation (`yaml` wants them deeper than the key): one that
      // is no key is read on one line here, and its value folded as libyaml folds it (libyaml.ts).
      if (j < src.length && !/^[ \t]*:/.test(src.slice(j + 1, j + 80))) {
        let broke = false;
        for (let k = i + 1; k < j; k++) if (src.charCodeAt(k) === 10 || src.charCodeAt(k) === 13) { out[k] = ' '; broke = true; }
        if (broke) folded.push(i);
      }
      i = j;
      prev = 0;
      plain = NONE;
      first = false;
      continue;
    }
    if ((c === 38 || c === 33) && scalarStart) {
      // An anchor or tag: a scalar may still start after it. libyaml scans a tag more strictly than `yaml`.
      // (Elsewhere a `!` may be text: a plain scalar's next line, or a `[` this view takes for a flow collection.)
      const tag = c === 33 && (prev === 32 || (flow > 0 && flowAfterIndicator)) ? scanTag(src, i, flow > 0) : undefined;
      if (tag && 'error' in tag) return { text: src, error: tag.error };
      // `!'!Z`, `!a.!b`: libyaml's handle is `!` (no word then `!` follows it), the rest its suffix; `yaml` splits the tag
      // at its last `!` and finds no such handle. A local tag either way (its value is read as plain text, libyaml.ts).
      // (`!!a!b`: the handle is `!!`, `yaml` too finds none at the last `!`: the `!`s of any suffix become text.)
      const handle = tag ? /^!(?:[0-9A-Za-z_-]*!)?/.exec(src.slice(i, tag.end))![0].length : 0;
      if (tag && src[i + 1] !== '<') for (let k = i + handle; k < tag.end; k++) if (src.charCodeAt(k) === 33) out[k] = 'x';
      if (tag) i = tag.end - 1;
      else while (i + 1 < src.length && !/[ \t\n\r,[\]{}]/.test(src[i + 1])) i++;
      prev = 32;
      plain = NONE;
      first = false;
      continue;
    }
    if ((c === 124 || c === 62) && flow === 0 && scalarStart) {
      let j = i + 1;
      while (/[-+0-9]/.test(src[j] ?? '')) j++;
      const lineStart = src.lastIndexOf('\n', i) + 1;
      // A header first on a line at the column of the key left open above it (`key:` then `|`) is that key's value to
      // libyaml (a block scalar is never a key); `yaml` wants it deeper: it is read on the key's line, what lies between
      // (breaks, blank and comment lines) made blanks.
      const keyed = prev === 10 && openKey >= 0 && openColon >= 0 && i - lineStart === openKey;
      if (keyed) for (let k = openColon + 1; k < i; k++) out[k] = ' ';
      // (At a line start the `|` may be a plain scalar's next line: its `#` is text.)
      if (src.charCodeAt(j) === 35 && (prev !== 10 || keyed)) blank(j);
      // The block scalar's lines (blank, or indented deeper than the header's line) are text: skip them.
      let parent = 0;
      while (src.charCodeAt(lineStart + parent) === 32) parent++;
      const header = src.slice(i + 1, j);
      const ended = /[0-9]/.test(header) ? undefined : commentEndsBlock(src, j, parent, out, header.includes('+'));
      if (ended !== undefined) blocks.set(i, ended);
      let next = src.indexOf('\n', j);
      while (next >= 0) {
        let k = next + 1;
        while (src.charCodeAt(k) === 32) k++;
        if (k < src.length && !isBreak(src.charCodeAt(k)) && k - (next + 1) <= parent) break;
        next = src.indexOf('\n', next + 1);
      }
      i = next < 0 ? src.length : next;
      prev = 10;
      plain = NONE;
      continue;
    }
    // libyaml takes a `#` right after a flow indicator (`[x]#c`, `{a}#c`, `[a,#c`) for a comment; `yaml` wants a blank.
    // (Only in a collection opened after an indicator: a line starting with `[`/`{` may be a plain scalar's next line.)
    if (c === 35 && flowMark && flowAfterIndicator) { blank(i); while (i + 1 < src.length && !isBreak(src.charCodeAt(i + 1))) i++; continue; }
    flowMark = false;
    // (A `#` after a blank is a comment too, also inside a plain scalar: it ends the scalar.)
    if (c === 35 && (prev === 10 || prev === 32 || prev === 0 || src.charCodeAt(i - 1) === 32 || src.charCodeAt(i - 1) === 9)) {
      plain = NONE;
      commentFrom = i;
      // A comment runs to the end of the line (an LS ends it too).
      while (i + 1 < src.length && !isBreak(src.charCodeAt(i + 1))) i++;
      commentTo = i + 1;
      continue;
    }
    if (c === 58 && flow > 0 && flowAfterIndicator && prev !== 0 && prev !== 32 && prev !== 63 && prev !== 91 && prev !== 123 && prev !== 44 && /[,?[\]{}]/.test(src[i + 1] ?? '')) {
      return { text: src, error: { message: "Found unexpected ':' in a plain scalar inside a flow collection (libyaml, and so Jekyll, cannot read it).", start: i, end: i + 1 } };
    }
    // libyaml 0.2.5 in a flow sequence: `:` opening an entry has no key to be the value of (`[a, :]`, `[: x]`: errors),
    // and after a `?` with no key the parser skips the token that follows (`[?]`: an error). A skipped `,` is a blank
    // when a `]`, a `,` or a `:` with a blank follows (`[?,]`, `[?,:]` are `[{null: null}]`); a skipped `:` when a `,`/`]` does.
    if ((c === 58 || c === 63) && flow > 0 && flowAfterIndicator && (prev === 91 || prev === 44) && opened[opened.length - 1] === 91) {
      let j = i + 1;
      while (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9) j++;
      let next = src[j] ?? '';
      if (c === 63 && (next === ',' || next === ':')) {
        let k = j + 1;
        // (After `?:`, line breaks too: `[?:` then `]` on the next line is `[{null: null}]`.)
        while (src.charCodeAt(k) === 32 || src.charCodeAt(k) === 9 || (next === ':' && (src.charCodeAt(k) === 10 || src.charCodeAt(k) === 13))) k++;
        const after = src[k] ?? '';
        if (next === ',' ? /[\],]/.test(after) || (after === ':' && /[ \t\r\n,\]]/.test(src[k + 1] ?? '')) : /[\],]/.test(after)) {
          if (next === ',') { out[j] = ' '; i = j; prev = 63; continue; }
          next = '';
        } else next = ']';
      }
      if (c === 58 ? j > i + 1 || /[,[\]{}\n\r]/.test(src[i + 1] ?? '') : /[,\]]/.test(next)) {
        return { text: src, error: { message: c === 58 ? "A ':' opens an entry of a flow list: libyaml (and so Jekyll) finds no key for it and cannot read it." : "A '?' with no key after it in a flow list: libyaml (and so Jekyll) cannot read it.", start: i, end: i + 1 } };
      }
    }
    // `?:` in a flow collection is a key indicator and a value indicator to libyaml (`[?:]` is `[{null: null}]`); `yaml`
    // reads a plain `?`: a blank here (not before `:x`, which `yaml` reads as a plain scalar: a listed leniency).
    if (c === 63 && flow > 0 && scalarStart && src.charCodeAt(i + 1) === 58 && /^[ \t\r\n,\]}]?$/.test(src[i + 2] ?? '')) out[i] = ' ';
    // A lone `-` item in a flow collection is the string "-" to libyaml and a block entry to `yaml`: a plain `x` here, "-" again after parsing.
    if (c === 45 && flow > 0 && flowAfterIndicator && scalarStart && /[,\]}]/.test(src[i + 1] ?? '')) out[i] = 'x';
    if ((c === 91 || c === 123) && (flow > 0 || scalarStart)) {
      // yaml's indentNext: the column of the value's key, or of the `- `/`? ` before it, plus one; at a line start the
      // key left open above plus one, at most the line's indentation; 0 for the document's first token.
      if (flow === 0) {
        need = first ? 0 : valueSeen ? keyCol + 1 : dashCol >= 0 ? dashCol + 1 : openKey >= 0 ? Math.min(openKey + 1, i - lineStart) : i - lineStart;
        flowAfterIndicator = prev === 32;
      }
      flow++;
      opened.push(c);
      flowMark = true;
    } else if ((c === 93 || c === 125) && flow > 0) { flow--; opened.pop(); flowMark = true; } else if (c === 44 && flow > 0) flowMark = true;
    if (!inFlow && flow === 0 && c !== 10 && c !== 13) {
      if (indicator && (c === 58 || scalarStart)) {
        plain = NONE;
        if (c === 58) { valueSeen = true; colon = i; } else dashCol = i - lineStart;
      } else if (plain === NONE && c !== 91 && c !== 123) {
        // A plain scalar starts: a value's collection is its key's, an item's its `-`'s, one alone on its line under `key:` that key's.
        plain = valueSeen ? keyCol : dashCol >= 0 ? dashCol : openKey >= 0 && openKey < i - lineStart ? openKey : first ? -1 : i - lineStart;
      }
      first = false;
    }
    // A `-` or `?` inside a plain scalar is text: a blank after it does not start a scalar.
    prev = c === 10 ? 10 : (c === 45 || c === 63) && !scalarStart ? 1 : c;
  }
  return { text: out.join(''), folded, blocks, joins };
}

const NONE = -2;

/** Whether the scalar at `i` follows a `?` indicator (blanks between). */
function explicitKey(src: string, i: number): boolean {
  let b = i - 1;
  while (src[b] === ' ' || src[b] === '\t') b--;
  return src[b] === '?' && (b === 0 || /[ \t\r\n]/.test(src[b - 1]));
}

/**
 * libyaml takes a block scalar's undetected indentation from its leading blank lines: when the first line with text
 * is a comment indented less than those and more than the scalar's parent, the scalar ends before it (empty; with `+`,
 * the blank lines' breaks) and the comment is a comment. `yaml` reports an error there. Blanks that comment and those
 * after it (up to a line indented no deeper than the parent) in `out`, and gives libyaml's value; undefined otherwise.
 */
function commentEndsBlock(src: string, from: number, parent: number, out: string[], keep: boolean): string | undefined {
  let pos = src.indexOf('\n', from) + 1;
  let max = 0;
  let breaks = 0;
  for (; pos > 0; breaks++) {
    const nl = src.indexOf('\n', pos);
    const text = src.slice(pos, nl < 0 ? src.length : nl).replace(/\r$/, '');
    if (!/^ *$/.test(text) || nl < 0) break;
    max = Math.max(max, text.length);
    pos = nl + 1;
  }
  let k = pos;
  while (src.charCodeAt(k) === 32) k++;
  if (pos === 0 || src[k] !== '#' || k - pos >= max || k - pos <= parent) return undefined;
  const comments: number[] = [];
  for (let q = pos; q < src.length;) {
    let w = q;
    while (src.charCodeAt(w) === 32) w++;
    if (src[w] === '#') comments.push(w);
    else if (w < src.length && src[w] !== '\n' && src[w] !== '\r') { if (w - q > parent) return undefined; break; }
    const nl = src.indexOf('\n', q);
    if (nl < 0) break;
    q = nl + 1;
  }
  for (const c of comments) for (let t = c; t < src.length && !isBreak(src.charCodeAt(t)); t++) out[t] = ' ';
  return keep ? '\n'.repeat(breaks) : '';
}
