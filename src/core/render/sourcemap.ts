// Source positions for the preview: line starts of a post, and offset ↔ line conversions shared by both sides.

/**
 * How rendered elements point back into the post: Markdown blocks carry `data-line` (0-based line of the whole
 * post), elements inside HTML blocks carry `data-offset` (UTF-16 offset of their `<` in the post text).
 * `lineOffsets[n]` is the offset where line `n` starts, so either kind converts to an offset.
 */
export interface SourceMap {
  lineOffsets: number[];
  /** Offset where the body starts (after the front matter). */
  bodyStart: number;
}

/** Offsets of each line start in `text` (line breaks: CRLF, LF or a lone CR, as VS Code and markdown-it split). */
export function lineOffsets(text: string): number[] {
  const out = [0];
  // Most posts have no CR: jump from LF to LF instead of running the regex over every character.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
    return out;
  }
  const re = /\r\n?|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** The 0-based line holding `offset` (binary search over `lineOffsets`). */
export function lineAt(offsets: readonly number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}
