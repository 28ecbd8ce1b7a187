// A linear measure of YAML nesting (flow brackets and block indentation), taken before any parser sees the text.

/** Deepest nesting Post Desk parses; real front matter nests 2 or 3 levels. */
export const MAX_NESTING = 100;

/** Where the nesting first exceeds the bound, and the message for the editor. */
export interface TooDeep { depth: number; start: number; end: number; message: string }

/**
 * Measures how deep front matter nests, in one pass and constant work per character: open flow collections
 * (`[`, `{` outside quotes and comments) plus block levels (each strictly deeper indentation, and each compact
 * `- ` / `? ` on a line). Returns where it first exceeds {@link MAX_NESTING}, or undefined. The `yaml` parser
 * recurses per level and the process aborts past a few thousand levels (V8 `RegExpCompiler Allocation failed`),
 * so such text must never reach it. Psych (Jekyll 4.3.1, Ruby 3.1) reads about 1,000 levels; deeper, the whole
 * `jekyll build` stops with `stack level too deep`.
 */
export function nestingTooDeep(src: string): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let pos = 0;
  // Once a quote finds no closing one, later quotes of its kind are not searched again (the scan stays linear).
  const unclosed = { 34: false, 39: false } as Record<number, boolean>;
  while (pos < src.length) {
    let nl = src.indexOf('\n', pos);
    if (nl < 0) nl = src.length;
    let i = pos;
    if (flow === 0) {
      while (src.charCodeAt(i) === 32) i++;
      const c = src.charCodeAt(i);
      // Blank and comment-only lines do not open a level.
      if (i < nl && c !== 35 && c !== 13) {
        const indent = i - pos;
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        // `- - - x`: each compact indicator opens a level at its content's column.
        while ((src.charCodeAt(i) === 45 || src.charCodeAt(i) === 63) && (src.charCodeAt(i + 1) === 32 || src.charCodeAt(i + 1) === 9)) {
          i += 2;
          while (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9) i++;
          indents.push(i - pos);
          if (indents.length > MAX_NESTING) return tooDeep(indents.length, pos, nl);
        }
      }
    }
    if (indents.length > MAX_NESTING) return tooDeep(indents.length, pos, nl);
    // Flow brackets on the rest of the line (quoted text and comments skipped; a quote may span lines).
    for (; i < nl; i++) {
      const c = src.charCodeAt(i);
      // Outside flow, a bracket glued to a character (`x[`) is part of a plain scalar; any other may open a collection.
      if ((c === 91 || c === 123) && (flow > 0 || i === pos || src.charCodeAt(i - 1) === 32 || src.charCodeAt(i - 1) === 9)) {
        if (++flow + indents.length > MAX_NESTING) return tooDeep(flow + indents.length, i, Math.min(nl, i + 200));
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
      else if (c === 35 && (i === pos || src.charCodeAt(i - 1) === 32 || src.charCodeAt(i - 1) === 9)) break;
      else if ((c === 34 || c === 39) && isScalarStart(src, pos, i, flow > 0)) {
        // An unclosed quote is counted through: over-counting refuses a post, under-counting could crash.
        const end = unclosed[c] ? -1 : closingQuote(src, i, c);
        if (end < 0) unclosed[c] = true;
        if (end > nl) { nl = src.indexOf('\n', end); if (nl < 0) nl = src.length; }
        if (end > 0) i = end;
      }
    }
    pos = nl + 1;
  }
  return undefined;
}

/** A quote opens a quoted scalar only where a scalar starts: first on the line, after `: `, `- `, `? `, or in flow after `[{,:`. */
function isScalarStart(src: string, lineStart: number, i: number, inFlow: boolean): boolean {
  let j = i - 1;
  while (j >= lineStart && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j--;
  if (j < lineStart) return true;
  const p = src.charCodeAt(j);
  if (inFlow && (p === 91 || p === 123 || p === 44 || p === 58)) return true;
  return (p === 58 || p === 45 || p === 63) && j < i - 1;
}

/** Offset of the quote closing the one at `open` (`\` escapes in double quotes, `''` in single), or -1. */
function closingQuote(src: string, open: number, q: number): number {
  for (let i = open + 1; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (q === 34 && c === 92) i++;
    else if (c === q) {
      if (q === 39 && src.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

function tooDeep(depth: number, start: number, end: number): TooDeep {
  return {
    depth, start, end,
    message: `Front matter is nested too deeply (more than ${MAX_NESTING} levels); Post Desk does not read it. Jekyll's Psych reads about 1,000 levels; deeper, the whole site build stops ("stack level too deep").`,
  };
}
