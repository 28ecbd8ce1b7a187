// Stock-image blocks: finding the scraper's EM_StockImg marker pairs (with their hidden spacer) and stripping them exactly.
import { applyEdits, LineIndex } from './edits';
import { codeRanges, lastAtOrBefore } from './markdown-code';
import { parsePost, type ParsedPost } from './parse';
import type { TextEdit } from './types';

/**
 * One stock-image block. The whole block is `[spacerStart ?? start, end)`.
 * `start` is the offset of the `<!-- EM_StockImg_Start -->` marker, `end` the offset just after the end marker.
 */
export interface StockBlock {
  start: number;
  end: number;
  /** Offset of the hidden spacer `<p style="display:none;…"><br /></p>` directly before the start marker. */
  spacerStart?: number;
  /** 1-based line of the start marker. */
  line: number;
}

/**
 * A marker that is not part of a block, left alone. `unpaired`: a start with no end after it or an end with no
 * start before it. `nested`: part of a "start, start, end, end" run, where the pairing is ambiguous.
 */
export interface StockMarker {
  start: number;
  end: number;
  kind: 'start' | 'end';
  reason: 'unpaired' | 'nested';
  /** 1-based line of the marker. */
  line: number;
}

/** What `findStockBlocks` finds: blocks and the markers that do not form one, in text order. */
export interface StockScan { blocks: StockBlock[]; unterminated: StockMarker[] }

/** Options: `markdown: false` for HTML posts, where backticks and indentation are not code. */
export interface StockOptions { markdown?: boolean }

/** An offset range; a block counts as inside it when both its markers are. */
export interface OffsetRange { start: number; end: number }

const MARKER = /<!--\s*EM_StockImg_(Start|End)\s*-->/gi;
const SPACER_BEFORE = /<p\s+style\s*=\s*(["'])\s*display\s*:\s*none\s*;\s*height\s*:\s*1px\s*;\s*overflow\s*:\s*hidden\s*(?:;\s*)?\1\s*>\s*<br\s*(?:\/\s*)?>\s*<\/p\s*>[ \t]*$/i;

/**
 * Finds the stock-image blocks of a post.
 *
 * A block runs from a start marker to the nearest following end marker (markers match case-insensitively, with any
 * whitespace inside the comment), plus the hidden spacer when only spaces or tabs separate it from the start marker.
 * Markers in the front matter or in Markdown code (spans, fenced or indented blocks) are ignored.
 *
 * Pairing decision ("two starts then two ends"): markers pair like brackets. A start directly followed by an end
 * (no marker between them) is a block. When pairs nest (`S S E E`), none of them is a block: all four markers are
 * reported as `nested` and left alone, because which end belongs to which start cannot be known and any choice may
 * delete article text. A lone start or end is reported as `unpaired` and left alone; blocks elsewhere are still found.
 * This rule is idempotent: stripping never turns leftover markers into a new block.
 */
export function findStockBlocks(text: string, parsed?: ParsedPost, options: StockOptions = {}): StockScan {
  if (!/EM_StockImg_/i.test(text)) return { blocks: [], unterminated: [] };
  const p = parsed ?? parsePost(text);
  const bodyStart = p.body.start;
  const code = options.markdown === false ? [] : codeRanges(text, bodyStart);
  const codeStarts = code.map((r) => r[0]);
  const inCode = (at: number) => { const k = lastAtOrBefore(codeStarts, at); return k >= 0 && at < code[k][1]; };
  const markers: { start: number; end: number; kind: 'start' | 'end' }[] = [];
  const re = new RegExp(MARKER.source, MARKER.flags);
  re.lastIndex = bodyStart;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!inCode(m.index)) markers.push({ start: m.index, end: m.index + m[0].length, kind: m[1].toLowerCase() === 'start' ? 'start' : 'end' });
  }
  const partner = new Array<number>(markers.length).fill(-1);
  const open: number[] = [];
  markers.forEach((mk, i) => {
    if (mk.kind === 'start') open.push(i);
    else if (open.length) { const j = open.pop()!; partner[j] = i; partner[i] = j; }
  });
  const lines = new LineIndex(text);
  const lineOf = (at: number) => lines.positionAt(at).line + 1;
  const blocks: StockBlock[] = [];
  const unterminated: StockMarker[] = [];
  const report = (i: number, reason: StockMarker['reason']) => unterminated.push({ ...markers[i], reason, line: lineOf(markers[i].start) });
  for (let i = 0; i < markers.length;) {
    const j = partner[i];
    if (j < 0) { report(i, 'unpaired'); i++; continue; }
    if (j === i + 1) {
      const block: StockBlock = { start: markers[i].start, end: markers[j].end, line: lineOf(markers[i].start) };
      const spacer = spacerBefore(text, markers[i].start, Math.max(bodyStart, i > 0 ? markers[i - 1].end : 0));
      if (spacer !== undefined && !inCode(spacer)) block.spacerStart = spacer;
      blocks.push(block);
    } else {
      for (let k = i; k <= j; k++) report(k, 'nested');
    }
    i = j + 1;
  }
  return { blocks, unterminated };
}

/** What `stripStockBlocks` returns; offsets and lines are those of the text given. */
export interface StripResult { edits: TextEdit[]; count: number; blocks: StockBlock[]; unterminated: StockMarker[] }

/**
 * The edits that remove every block (or every block inside one of `range`), changing nothing else: no blank line is
 * added, and a line holding only blocks (and spaces or tabs) is removed with its line break. On a last line with no
 * line break, the line break before it goes instead (unless it closes the front matter). `blocks` are the blocks
 * removed and `unterminated` the markers left alone (inside `range` when one is given).
 *
 * Removing a block can change the Markdown around it (a line that started with HTML may become a paragraph with
 * code spans), so stripping repeats on its own result until no block is left: stripping twice equals stripping once.
 * The edits are deletions in offsets of `text`, merged where they touch.
 */
export function stripStockBlocks(text: string, range?: OffsetRange | readonly OffsetRange[], options: StockOptions & { parsed?: ParsedPost } = {}): StripResult {
  const parsed = options.parsed ?? parsePost(text);
  const ranges: readonly OffsetRange[] | undefined = range === undefined ? undefined : 'start' in range ? [range] : range;
  let kept: [number, number][] = [[0, text.length]];
  let cur = text;
  const blocks: StockBlock[] = [];
  let unterminated: StockMarker[] = [];
  let curStarts = [0]; // offset in `cur` of each kept segment
  /** Offset in `text` of the character at `at` in `cur`. */
  const toOrig = (at: number) => {
    if (!kept.length) return text.length;
    const k = lastAtOrBefore(curStarts, at);
    return Math.min(kept[k][0] + at - curStarts[k], text.length);
  };
  const toCur = (o: number) => {
    if (!kept.length) return 0;
    const k = Math.max(0, lastAtOrBefore(kept.map((x) => x[0]), o));
    return curStarts[k] + Math.max(0, Math.min(o, kept[k][1]) - kept[k][0]);
  };
  const span = (s: number, e: number) => ({ start: toOrig(s), end: toOrig(e - 1) + 1 });
  for (let pass = 0; ; pass++) {
    const p = pass === 0 ? parsed : { ...parsed, text: cur, body: { start: parsed.body.start, end: cur.length } };
    const res = stripPass(cur, p, ranges?.map((r) => ({ start: toCur(r.start), end: toCur(r.end) })), options);
    unterminated = res.unterminated.map((m) => ({ ...m, ...span(m.start, m.end) }));
    if (res.count === 0) break;
    for (const b of res.blocks) blocks.push({ ...b, ...span(b.start, b.end), ...(b.spacerStart === undefined ? {} : { spacerStart: toOrig(b.spacerStart) }) });
    kept = subtract(kept, res.edits.map((e) => span(e.start, e.end)));
    curStarts = [];
    for (let k = 0, acc = 0; k < kept.length; acc += kept[k][1] - kept[k][0], k++) curStarts.push(acc);
    cur = applyEdits(cur, res.edits);
  }
  if (cur !== text) {
    const lines = new LineIndex(text);
    for (const x of [...blocks, ...unterminated]) x.line = lines.positionAt(x.start).line + 1;
  }
  const edits: TextEdit[] = [];
  let pos = 0;
  for (const [s, e] of kept) { if (s > pos) edits.push({ start: pos, end: s, newText: '' }); pos = e; }
  if (pos < text.length) edits.push({ start: pos, end: text.length, newText: '' });
  return { edits, count: blocks.length, blocks, unterminated };
}

/** Removes sorted, non-overlapping `cuts` from sorted, non-overlapping `segments`. */
function subtract(segments: [number, number][], cuts: OffsetRange[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of segments) {
    let from = s;
    for (const c of cuts) {
      if (c.end <= from || c.start >= e) continue;
      if (c.start > from) out.push([from, c.start]);
      from = Math.max(from, c.end);
    }
    if (from < e) out.push([from, e]);
  }
  return out;
}

/** One pass: the edits for the blocks `findStockBlocks` sees in `text`. */
function stripPass(text: string, parsed: ParsedPost, ranges: readonly OffsetRange[] | undefined, options: StockOptions): StripResult {
  const scan = findStockBlocks(text, parsed, options);
  const within = (s: number, e: number) => !ranges || ranges.some((r) => s >= r.start && e <= r.end);
  const blocks = scan.blocks.filter((b) => within(b.start, b.end));
  const unterminated = scan.unterminated.filter((m) => within(m.start, m.end));
  return { edits: blockEdits(text, parsed, blocks), count: blocks.length, blocks, unterminated };
}

/**
 * The deletions that remove `blocks` (sorted, from one scan of `text`): a line holding only blocks and blanks goes
 * with its line break; otherwise each block (with its spacer) goes alone. Used by strip and by the quick fixes.
 */
export function blockEdits(text: string, parsed: ParsedPost, blocks: readonly StockBlock[]): TextEdit[] {
  const from = (b: StockBlock) => b.spacerStart ?? b.start;
  const edits: TextEdit[] = [];
  const whole = new Set<number>(); // indexes of edits that remove whole lines
  const lines = LineBounds.of(text);
  let lead: [number, number] = [-1, -1]; // a line start and its first non-blank offset
  for (let i = 0; i < blocks.length;) {
    let j = i;
    while (j + 1 < blocks.length && blank(text, blocks[j].end, from(blocks[j + 1]))) j++;
    const runStart = from(blocks[i]);
    const runEnd = blocks[j].end;
    const ls = lines.start(runStart, parsed.bom);
    const le = lines.end(runEnd);
    // The first non-blank of a line is found once, not once per block run on it.
    if (ls !== lead[0]) lead = [ls, firstNonBlank(text, ls)];
    if (lead[1] >= runStart && blank(text, runEnd, le)) {
      const brk = text.startsWith('\r\n', le) ? 2 : le < text.length ? 1 : 0;
      if (brk) { edits.push({ start: ls, end: le + brk, newText: '' }); whole.add(edits.length - 1); }
      else {
        // The last line has no line break: the one before it goes (with the whole lines of blocks just before it),
        // unless it closes the front matter.
        let first = ls;
        while (whole.has(edits.length - 1) && edits[edits.length - 1].end === first) { first = edits.pop()!.start; whole.delete(edits.length); }
        const prev = first > parsed.body.start ? first - (text.startsWith('\r\n', first - 2) ? 2 : 1) : first;
        edits.push({ start: prev, end: le, newText: '' });
      }
    } else {
      for (let k = i; k <= j; k++) edits.push({ start: from(blocks[k]), end: blocks[k].end, newText: '' });
    }
    i = j + 1;
  }
  return edits;
}

/** Offset of the spacer ending right before `at` (spaces or tabs between allowed), not before `min`. */
function spacerBefore(text: string, at: number, min: number): number | undefined {
  const base = Math.max(min, at - 400);
  const m = SPACER_BEFORE.exec(text.slice(base, at));
  return m ? base + m.index : undefined;
}

/** Offset of the first character at or after `from` that is not a space or tab. */
function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) { const c = text.charCodeAt(i); if (c !== 32 && c !== 9) break; i++; }
  return i;
}

/** Whether `text[from, to)` holds only spaces and tabs. */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) { const c = text.charCodeAt(i); if (c !== 32 && c !== 9) return false; }
  return true;
}

/**
 * Line starts and ends by binary search over the text's line-break characters (`\n` and `\r` each), found once:
 * scanning from each block to its line's ends cost a whole line per block, quadratic on a one-line body of blocks.
 */
class LineBounds {
  private static last: LineBounds | undefined;
  /** The bounds of `text`, reused while the same text is asked about (the stock rule asks once per block). */
  static of(text: string): LineBounds {
    if (LineBounds.last?.text !== text) LineBounds.last = new LineBounds(text);
    return LineBounds.last;
  }
  private readonly breaks: number[] = [];
  private constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c === 10 || c === 13) this.breaks.push(i); }
  }
  /** Offset of the first break at or after `at` (the text's length when none). */
  private firstAtOrAfter(at: number): number {
    const k = lastAtOrBefore(this.breaks, at - 1) + 1;
    return k < this.breaks.length ? this.breaks[k] : this.text.length;
  }
  /** Start of the line holding `at` (after a BOM on the first line). */
  start(at: number, bom: boolean): number {
    const k = lastAtOrBefore(this.breaks, at - 1);
    const i = k < 0 ? 0 : this.breaks[k] + 1;
    return i === 0 && bom ? 1 : i;
  }
  /** End of the line holding `at` (its first break character). */
  end(at: number): number { return this.firstAtOrAfter(at); }
}
