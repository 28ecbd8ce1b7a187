// The one front matter fence scanner: where Jekyll's regex finds the front matter, over text or over UTF-8 bytes.

/**
 * The opening fence line: `---`, blanks, an optional language tag (`---js`, reported and never evaluated), the
 * line break. Jekyll's own regex is `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` (jekyll-4.3.1 document.rb).
 */
export const OPEN_FENCE = /^---[ \t]*(?:([A-Za-z][\w+.-]*)[ \t]*)?(\r?\n)/;

/** Whether text[start, end) (a line without its `\n`) closes the front matter: `---` or `...`, blanks, an optional `\r`. */
export function isCloseLine(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if ((c !== 45 && c !== 46) || text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return false;
  let i = start + 3;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === end || (i === end - 1 && text.charCodeAt(i) === 13);
}

/** The closing fence line after `from`: its start, its end without `\r`, and the offset after its line break. */
export function findClose(text: string, from: number): { lineStart: number; lineEnd: number; end: number } | null {
  let pos = from;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    if (isCloseLine(text, pos, lineEnd)) {
      const bare = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      return { lineStart: pos, lineEnd: bare, end: nl < 0 ? text.length : nl + 1 };
    }
    if (nl < 0) return null;
    pos = nl + 1;
  }
  return null;
}

/**
 * The prefix of a post's text that holds its whole front matter (through the closing fence's line break), or
 * the first line when there is no opening fence. Undefined when `text` is only a prefix of the file
 * (`complete` false) and the front matter is not closed within it: read more.
 */
export function frontMatterSlice(text: string, complete = true): string | undefined {
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstNl = text.indexOf('\n', at);
  if (!OPEN_FENCE.test(text.slice(at, firstNl < 0 ? text.length : firstNl + 1))) {
    if (firstNl >= 0) return text.slice(0, firstNl + 1);
    return complete ? text : undefined;
  }
  const close = findClose(text, firstNl + 1);
  if (!close || close.end === text.length && text.charCodeAt(text.length - 1) !== 10) return complete ? text : undefined;
  return text.slice(0, close.end);
}

/**
 * {@link frontMatterSlice} over the UTF-8 bytes `bytes[0, length)` (a file read into a reused buffer), as a
 * length: the same fence rules byte by byte, so the index decodes only the front matter, never a body.
 */
export function frontMatterEnd(bytes: Uint8Array, length: number): number {
  const at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && length >= 3 ? 3 : 0;
  const lineEnd = (from: number) => { const i = bytes.indexOf(0x0a, from); return i < 0 || i >= length ? length : i + 1; };
  const at3 = (i: number) => (i < length ? bytes[i] : -1);
  const first = lineEnd(at);
  if (!(at3(at) === 0x2d && at3(at + 1) === 0x2d && at3(at + 2) === 0x2d)) return first;
  let pos = first;
  while (pos < length) {
    const end = lineEnd(pos);
    const c = bytes[pos];
    if ((c === 0x2d || c === 0x2e) && at3(pos + 1) === c && at3(pos + 2) === c) {
      let i = pos + 3;
      while (at3(i) === 0x20 || at3(i) === 0x09) i++;
      if (i >= length || bytes[i] === 0x0a || (bytes[i] === 0x0d && (i + 1 >= length || bytes[i + 1] === 0x0a))) return end;
    }
    pos = end;
  }
  return length;
}
