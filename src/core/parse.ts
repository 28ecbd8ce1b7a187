// parsePost: front matter fences as Jekyll finds them, the YAML Document with ranges, and safe data.
import { dateSource, fastYamlDocument, type DateSource } from './parse-fast';
import { Document, isMap, isSeq, isScalar, isAlias, isNode, visit, type Node } from 'yaml';
import { psychTags } from './yaml/tags';
import { directiveError, firstDocumentEnd, indentedRootEnd, quotedRootEnd } from './yaml/stream';
import { nextTokenError } from './yaml/tokens';
import { findClose, OPEN_FENCE } from './yaml/fence';
import { nestingTooDeep } from './yaml/depth';
import { controlCharacter, leadingTab, libyamlReading } from './yaml/libyaml';
import { libyamlView } from './yaml/view';
import { boundedParseDocument, TOO_MANY_TOKENS } from './yaml/bounded';
import { rubyKeyString, withRubyKeys } from './yaml/ruby-key';

/** Why a post has no (usable) front matter. */
export type NoFrontMatterReason = 'empty' | 'no-fence' | 'leading-blank' | 'unclosed' | 'language';

/** A YAML error at absolute offsets of the post text. */
export interface YamlIssue { message: string; code: string; start: number; end: number }

/** A key repeated in one mapping: Psych keeps the last value; `lost` is the source text of the value it drops. */
export interface DuplicateKey { key: string; lost: string; start: number; end: number }

/** The front matter block: fences included, offsets into the post text. */
export interface FrontMatterRange {
  /** Offset of the opening `---` (after a BOM). */
  start: number;
  /** Offset just after the closing fence line's line break (or the end of text). */
  end: number;
  /** The YAML text between the fences. */
  contentStart: number;
  contentEnd: number;
  /** The closing fence line (`---` or `...`), without its line break. */
  closeStart: number;
  closeEnd: number;
}

/** Everything the features need to know about one post's text. */
export interface ParsedPost {
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
  /** `yaml` for a `---` fence, the lower-cased tag for `---js` and the like, null without a fence. */
  language: string | null;
  /** Set when a front matter block was found (also for a non-YAML language, which is never evaluated). */
  frontMatter: FrontMatterRange | null;
  /** Set when Jekyll sees no usable front matter; the range is what to underline. */
  noFrontMatter: { reason: NoFrontMatterReason; start: number; end: number } | null;
  /** The YAML Document (node ranges are relative to `frontMatter.contentStart`), null unless language is yaml. */
  doc: Document | null;
  /** Front matter data as null-prototype objects (empty when there is none or it does not parse). */
  data: Record<string, unknown>;
  /** YAML errors, at absolute offsets (Jekyll cannot read such a front matter). */
  errors: YamlIssue[];
  /** Repeated keys (not errors: Jekyll keeps the last value), at the earlier key's absolute range. */
  duplicates: DuplicateKey[];
  /**
   * The front matter lines Psych never reads, at absolute offsets: when the first content line is indented, its
   * document ends at the first line indented less (see `indentedRootEnd`). Null otherwise.
   */
  dropped: { start: number; end: number } | null;
  body: { start: number; end: number };
}

/**
 * The front matter's `date:` value (the last one when the key repeats, as Psych keeps it) as Jekyll's date
 * reading takes it (see {@link dateSource}); undefined without a scalar `date:` value.
 */
export function postDateSource(p: ParsedPost): DateSource | undefined {
  const map = p.doc?.contents;
  if (!isMap(map) || !p.frontMatter) return undefined;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const { key, value } = map.items[i];
    if (!isScalar(key) || key.value !== 'date') continue;
    if (!isScalar(value) || !value.range) return undefined;
    const base = p.frontMatter.contentStart;
    return dateSource(p.text, value.value, value.type, base + value.range[0], base + value.range[1]);
  }
  return undefined;
}

/** Upper bound on alias expansion: a billion-laughs document fails instead of growing. */
export const MAX_ALIAS_COUNT = 100;

/** Front matter larger than this is not parsed (real ones are under 1 KB; a huge one would block the editor). */
export const MAX_FRONT_MATTER = 128 * 1024;


/** Parses a post the way Jekyll reads it: front matter only when the very first line is `---`. */
export function parsePost(text: string): ParsedPost {
  const bom = text.charCodeAt(0) === 0xfeff;
  const at = bom ? 1 : 0;
  const eol: '\n' | '\r\n' = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1 || undefined)) ? '\r\n' : '\n';
  // Every outcome fills in this one object: all parsed posts share a shape, so code reading them stays monomorphic.
  const out: ParsedPost = {
    text, bom, eol, language: null, frontMatter: null, noFrontMatter: null,
    doc: null, data: Object.create(null), errors: [], duplicates: [], dropped: null, body: { start: at, end: text.length },
  };
  if (text.length === at) { out.noFrontMatter = { reason: 'empty', start: 0, end: text.length }; return out; }
  const open = OPEN_FENCE.exec(text.slice(at, at + 200));
  if (!open) {
    const lead = /^(?:[ \t]*\r?\n)+---[ \t]*\r?\n/.exec(text.slice(at, at + 4096));
    const lineEnd = text.indexOf('\n', at);
    out.noFrontMatter = lead ? { reason: 'leading-blank', start: at, end: at + lead[0].lastIndexOf('---') } : { reason: 'no-fence', start: at, end: lineEnd < 0 ? text.length : lineEnd };
    return out;
  }
  const language = open[1] ? open[1].toLowerCase() : 'yaml';
  out.language = language;
  const contentStart = at + open[0].length;
  const close = findClose(text, contentStart);
  if (!close) { out.noFrontMatter = { reason: 'unclosed', start: at, end: contentStart - open[2].length }; return out; }
  out.frontMatter = { start: at, end: close.end, contentStart, contentEnd: close.lineStart, closeStart: close.lineStart, closeEnd: close.lineEnd };
  out.body = { start: close.end, end: text.length };
  if (language !== 'yaml') { out.noFrontMatter = { reason: 'language', start: at, end: contentStart - open[2].length }; return out; }
  const { doc, data, errors, duplicates, dropped } = parseYaml(text.slice(contentStart, close.lineStart), contentStart);
  out.doc = doc;
  out.data = data;
  out.errors = errors;
  out.duplicates = duplicates;
  if (dropped !== undefined) out.dropped = { start: dropped, end: close.lineStart };
  return out;
}

/**
 * Parses front matter YAML as Jekyll's Psych does: YAML 1.1 scalars by Psych's rules (`src/core/yaml/resolve.ts`),
 * merge keys, only the first document of the stream, a repeated key keeping its last value (reported in
 * `duplicates`, not as an error), bounded aliases and nesting. `offset` is added to every returned range; `dropped`
 * is where the text Psych never reads starts (an indented first line's document ends before the text), absolute.
 */
export function parseYaml(src: string, offset = 0): { doc: Document; data: Record<string, unknown>; errors: YamlIssue[]; duplicates: DuplicateKey[]; dropped?: number } {
  const none = (e: YamlIssue) => ({ doc: new Document(null), data: Object.create(null) as Record<string, unknown>, errors: [e], duplicates: [] });
  if (src.length > MAX_FRONT_MATTER) {
    return none({ message: `Front matter is larger than ${MAX_FRONT_MATTER / 1024} KB; Post Desk does not parse it.`, code: 'TOO_LARGE', start: offset, end: offset + Math.min(src.length, 200) });
  }
  // Psych stops at the end of the first document (a `%` line or a `---`/`...` marker at column 0): the rest is never read.
  const control = controlCharacter(src);
  if (control) return none({ message: control.message, code: 'CONTROL_CHARACTER', start: offset + control.start, end: offset + control.end });
  const cut = firstDocumentEnd(src);
  const first = src.slice(0, cut);
  // An indented first line: when the lines above the first line indented less read as a block collection, that is
  // Psych's whole first document, once the next token scans (a quoted scalar or flow collection running on past
  // that line makes the prefix fail here: the whole text is read then, as libyaml does).
  // (A scalar or collection may run on over several such lines: the next few are tried; the tries are bounded.)
  let rootEnd = indentedRootEnd(src, cut);
  // Psych's reading when the document ends at `end` and reads (the next token scanned; `afterQuote`: `end` is mid-line,
  // after a quote), else the error that the text up to `end` gives.
  const upTo = (end: number, afterQuote: boolean): { read: ReturnType<typeof parseYaml> } | { error: YamlIssue } => {
    const prefix = parseYaml(src.slice(0, end), offset);
    if (prefix.errors.length) return { error: prefix.errors[0] };
    const next = nextTokenError(src, end, afterQuote);
    return { read: next ? none({ message: next.message, code: 'LIBYAML', start: offset + next.start, end: offset + next.end }) : { ...prefix, dropped: offset + end } };
  };
  for (let tries = 0; rootEnd !== undefined && tries < 4; tries++) {
    const prefix = upTo(rootEnd, false);
    if ('read' in prefix) return prefix.read;
    // Only an unclosed quoted scalar or flow collection may run on past that line. A quoted one that closes on it, a
    // token after it left of the first line, ends the document right after its closing quote.
    const e = prefix.error;
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
    const mid = quote ? quotedRootEnd(src, rootEnd, quote) : undefined;
    const there = mid === undefined ? undefined : upTo(mid, true);
    if (there && 'read' in there) return there.read;
    rootEnd = e.code === 'MISSING_CHAR' || /^Flow (?:sequence|map)/.test(e.message) ? indentedRootEnd(src, cut, rootEnd + 1) : undefined;
  }
  const directive = cut < src.length ? directiveError(src.slice(cut, (src.indexOf('\n', cut) + 1 || src.length + 1) - 1)) : undefined;
  if (directive) return none({ message: `YAML directive: ${directive}.`, code: 'BAD_DIRECTIVE', start: offset + cut, end: offset + Math.max(cut + 1, (src.indexOf('\n', cut) + 1 || src.length + 1) - 1) });
  // The fast path reads only flat lines (no recursion), so the nesting bound is needed only after it declines.
  const fast = fastYamlDocument(first, YAML_OPTIONS);
  if (fast) return { doc: fast.doc, data: fast.data, errors: [], duplicates: [] };
  const deep = nestingTooDeep(first);
  if (deep) return none({ message: deep.message, code: 'TOO_DEEP', start: offset + deep.start, end: offset + deep.end });
  // libyaml (YAML 1.1) breaks lines at a lone CR, NEL, LS and PS too; the `yaml` package (1.2) does not. Same length, same offsets.
  const view = libyamlView(first);
  if (view.error) return none({ message: view.error.message, code: 'LIBYAML', start: offset + view.error.start, end: offset + view.error.end });
  // (The parser stops past MAX_YAML_TOKENS: it spends microseconds on each, and 126 KB of them would block the editor.)
  const parsed = boundedParseDocument(view.text, YAML_OPTIONS);
  if ('tooMany' in parsed) return none({ message: TOO_MANY_TOKENS, code: 'TOO_LARGE', start: offset + parsed.tooMany, end: offset + Math.min(first.length, parsed.tooMany + 1) });
  const { doc } = parsed;
  // yaml turns a stack overflow on deep nesting into RESOURCE_EXHAUSTION "Maximum call stack size exceeded": say what it means.
  const errors: YamlIssue[] = doc.errors.map((e) => ({ message: e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message) ? 'Front matter is nested too deeply to read.' : e.message.split('\n')[0], code: e.code, start: offset + e.pos[0], end: offset + Math.max(e.pos[1], e.pos[0] + 1) }));
  if (errors.length === 0 && (first.includes('&') || first.includes('*'))) errors.push(...badAnchors(doc, offset));
  const tab = errors.length === 0 ? leadingTab(first, doc) : undefined;
  if (tab) errors.push({ message: tab.message, code: 'TAB', start: offset + tab.start, end: offset + tab.end });
  const unread = errors.length === 0 ? libyamlReading(first, doc, view) : undefined;
  if (unread) errors.push({ message: unread.message, code: 'LIBYAML', start: offset + unread.start, end: offset + unread.end });
  const duplicates = errors.length === 0 ? duplicateKeys(doc.contents, first, offset) : [];
  let data: Record<string, unknown> = Object.create(null);
  if (errors.length === 0 && doc.contents !== null) {
    if (!isMap(doc.contents)) {
      const r = doc.contents.range ?? [0, first.length];
      errors.push({ message: 'Front matter must be a mapping of keys to values.', code: 'NOT_A_MAP', start: offset + r[0], end: offset + r[1] });
    } else {
      try {
        data = withRubyKeys(doc, () => toSafe(doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT })) as Record<string, unknown>);
      } catch (e) {
        const tooDeep = e instanceof RangeError;
        const r = (tooDeep ? undefined : firstAlias(doc.contents, 0)?.range) ?? [0, Math.min(first.length, 200)];
        errors.push({ message: tooDeep ? 'Front matter is nested too deeply to read.' : (e as Error).message, code: tooDeep ? 'TOO_DEEP' : 'ALIAS_COUNT', start: offset + r[0], end: offset + r[1] });
      }
    }
  }
  return { doc, data, errors, duplicates };
}

/** How front matter is parsed (parseDocument options); uniqueKeys is quadratic in yaml's implementation (100,000 keys take minutes): duplicates are found below instead. */
export const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, customTags: psychTags } as const;

/** libyaml's anchor and alias names are ASCII letters, digits, `_` and `-` only (`&快讯` does not scan). */
function badAnchors(doc: Document, offset: number): YamlIssue[] {
  const out: YamlIssue[] = [];
  visit(doc, (_key, node) => {
    const name = isAlias(node) ? node.source : isNode(node) ? node.anchor : undefined;
    if (name !== undefined && !/^[0-9A-Za-z_-]+$/.test(name)) {
      const r = (node as Node).range ?? [0, 0];
      out.push({ message: `Anchor or alias name "${name}" has characters libyaml does not read (only ASCII letters, digits, _ and -).`, code: 'BAD_ANCHOR', start: offset + r[0], end: offset + Math.max(r[1], r[0] + 1) });
      return visit.BREAK;
    }
    return undefined;
  });
  return out;
}

/** Repeated keys in every mapping (Psych keeps the last), at the earlier key, with the value that is lost. */
function duplicateKeys(root: unknown, src: string, offset: number): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > 100) continue;
    if (isMap(node)) {
      const seen = new Map<string, { key: Node; value: unknown }>();
      for (const pair of node.items) {
        // `<<` merge keys may repeat: Psych merges each one in turn and loses nothing.
        const key = isScalar(pair.key) && typeof pair.key.value !== 'symbol' ? String(pair.key.value) : undefined;
        if (key !== undefined) {
          const before = seen.get(key);
          if (before?.key.range) {
            const v = before.value as Node | null;
            const lost = v?.range ? src.slice(v.range[0], v.range[1]).trim() : '';
            out.push({ key, lost: lost.length > 80 ? `${lost.slice(0, 79)}…` : lost, start: offset + before.key.range[0], end: offset + before.key.range[1] });
          }
          seen.set(key, { key: pair.key as Node, value: pair.value });
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Maps become null-prototype objects, so `__proto__` or `constructor` keys stay plain data. */
function toSafe(value: unknown, depth = 0): unknown {
  if (depth > 200) return null;
  if (value instanceof Map) {
    const out: Record<string, unknown> = Object.create(null);
    // Jekyll's data keys as Ruby prints them (`nil.to_s` is empty, a list key is its `inspect`); later keys win, as in a Ruby Hash.
    for (const [k, v] of value) out[rubyKeyString(k)] = toSafe(v, depth + 1);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => toSafe(v, depth + 1));
  return value;
}

function firstAlias(node: unknown, depth: number): Node | undefined {
  if (isAlias(node)) return node;
  if (depth > 100) return undefined;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const pair = item as { key?: unknown; value?: unknown };
      const found = isMap(node) ? firstAlias(pair.key, depth + 1) ?? firstAlias(pair.value, depth + 1) : firstAlias(item, depth + 1);
      if (found) return found;
    }
  }
  return isScalar(node) ? undefined : undefined;
}

/** Decodes file bytes as UTF-8 (a BOM is kept in the text); `invalid` tells whether bytes were replaced. */
export function decodeText(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalid: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalid: true };
  }
}
