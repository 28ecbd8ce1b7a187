// Bounds element nesting before sanitizing, so that sanitize-html's parser (htmlparser2) works in time linear in the body.
import type * as Htmlparser2 from 'htmlparser2';

/**
 * Deepest element nesting handed to the sanitizer. Chromium's parser stops nesting at 512; news bodies nest a
 * few levels. Below sanitize-html's own `nestingLimit`, which would drop the text of deeper elements.
 */
export const MAX_DEPTH = 120;

// htmlparser2's void elements (its Parser's list): no end tag, never on its stack.
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'image', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Elements whose content htmlparser2's tokenizer reads as raw text up to their end tag; the sanitizer drops them
// with their content (its nonTextTags), so they go here whole, and the sanitizer never re-reads their content as markup.
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
// Foreign content (its own tokenizing and self-closing rules); dropped with its content, as the sanitizer would.
const FOREIGN = new Set(['svg', 'math']);
// Stands in for a removed tag, so the text on both sides cannot join into a new tag or entity.
const GAP = '<!---->';

type Parser = Htmlparser2.Parser;
let Balancer: (new (src: string, maxDepth: number) => Parser & { result(): string }) | undefined;

/**
 * Rewrites HTML so that no element nests deeper than `maxDepth` and every kept element is closed explicitly in order:
 * start tags past the depth are removed (their text stays, as in a browser past its nesting limit), end tags close
 * what they close, `script`-like and `svg`/`math` elements are removed whole.
 *
 * Why: htmlparser2 keeps its open elements in an array it shifts and unshifts, and searches it for every end tag, so
 * 100,000 unclosed `<b>` cost it 100,000² steps. Its tokenizer is used here too (through a Parser subclass whose
 * tokenizer callbacks are replaced), so tags are read exactly as the sanitizer will read them; as the output is
 * balanced, the sanitizer's stack can only hold elements that are open here, at most `maxDepth`.
 */
export function balanceHtml(html: string, maxDepth = MAX_DEPTH): string {
  // With few start tags nothing can nest deep (most posts): skip the extra tokenizer pass.
  let starts = 0;
  for (let i = html.indexOf('<'); i >= 0 && starts <= maxDepth; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a) starts++;
  }
  if (starts <= maxDepth) return html;
  Balancer ??= makeBalancer();
  const b = new Balancer(html, maxDepth);
  b.end(html);
  return b.result();
}

function makeBalancer(): new (src: string, maxDepth: number) => Parser & { result(): string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: loaded on the first render, not at activation
  const { Parser } = require('htmlparser2') as typeof Htmlparser2;
  return class extends Parser {
    // Names distinct from the Parser's own (private) fields, which share the object at run time.
    private pdOut = '';
    private pdCopied = 0;
    private readonly pdOpen: string[] = [];
    private pdTagStart = 0;
    private pdTagName = '';
    /** Where the last finished token ends. */
    private pdDone = 0;
    private pdEnding = false;
    /** A raw-text or foreign element being removed whole: its name, start and (foreign) nesting of the same name. */
    private pdSkip: { name: string; from: number; depth: number; foreign: boolean } | undefined;

    constructor(private readonly pdSrc: string, private readonly pdMaxDepth: number) {
      super(null, { decodeEntities: true });
    }

    result(): string { return this.pdOut; }

    override end(chunk?: string): void {
      if (chunk) this.write(chunk);
      this.pdEnding = true;
      super.end();
    }

    /** Copies the source up to `to`. */
    private copy(to: number): void {
      if (to > this.pdCopied) { this.pdOut += this.pdSrc.slice(this.pdCopied, to); this.pdCopied = to; }
    }

    /** Replaces `src[from, to)` with `text`. */
    private replace(from: number, to: number, text: string): void {
      this.copy(from);
      this.pdOut += text;
      this.pdCopied = Math.max(this.pdCopied, to);
    }

    override onopentagname(start: number, endIndex: number): void {
      this.pdTagStart = start - 1;
      this.pdTagName = this.pdSrc.slice(start, endIndex).toLowerCase();
    }

    override onopentagend(endIndex: number): void { this.openTag(endIndex + 1, false); }

    override onselfclosingtag(endIndex: number): void { this.openTag(endIndex + 1, true); }

    private openTag(end: number, selfClosing: boolean): void {
      const name = this.pdTagName;
      this.pdDone = end;
      if (this.pdSkip) {
        if (this.pdSkip.foreign && name === this.pdSkip.name && !selfClosing) this.pdSkip.depth++;
        return;
      }
      if (VOID.has(name)) return;
      // `<script/>` is not raw text to the tokenizer (it resets), and `<svg/>` is an empty svg: both are just removed.
      if ((RAW.has(name) || FOREIGN.has(name)) && !selfClosing) { this.pdSkip = { name, from: this.pdTagStart, depth: 1, foreign: FOREIGN.has(name) }; return; }
      if (FOREIGN.has(name)) { this.replace(this.pdTagStart, end, GAP); return; }
      // `plaintext` makes the rest of the text raw: it must stay (and nothing can follow it).
      if (this.pdOpen.length >= this.pdMaxDepth && name !== 'plaintext') { this.replace(this.pdTagStart, end, GAP); return; }
      this.pdOpen.push(name);
    }

    override onclosetag(start: number, endIndex: number): void {
      const name = this.pdSrc.slice(start, endIndex).toLowerCase();
      const from = start - 2;
      // The tokenizer skips everything after the name up to `>`.
      const gt = this.pdSrc.indexOf('>', endIndex);
      const to = gt < 0 ? this.pdSrc.length : gt + 1;
      this.pdDone = to;
      const skip = this.pdSkip;
      if (skip) {
        if (!skip.foreign || (name === skip.name && --skip.depth === 0)) { this.pdSkip = undefined; this.replace(skip.from, to, GAP); return; }
        // An end tag of an element open around the svg closes the svg too (htmlparser2 pops down to it).
        if (name === skip.name || this.pdOpen.lastIndexOf(name) < 0) return;
        this.pdSkip = undefined;
        this.replace(skip.from, from, GAP);
      }
      const at = this.pdOpen.lastIndexOf(name);
      // An end tag of nothing open is left as it is: the sanitizer's parser ignores it too (`</p>` and `</br>`
      // become an empty paragraph and a line break there, as in browsers).
      if (at < 0) return;
      let closes = '';
      for (let k = this.pdOpen.length - 1; k > at; k--) closes += `</${this.pdOpen[k]}>`;
      this.pdOpen.length = at;
      this.replace(from, from, closes);
    }

    override isInForeignContext(): boolean { return this.pdSkip?.foreign === true; }

    override onend(): void {
      if (this.pdSkip) { this.replace(this.pdSkip.from, this.pdSrc.length, GAP); this.pdSkip = undefined; }
      // The closes go before an unfinished tag at the very end (left for the sanitizer to drop as it would).
      this.copy(Math.max(this.pdDone, this.pdCopied));
      for (let k = this.pdOpen.length - 1; k >= 0; k--) this.pdOut += `</${this.pdOpen[k]}>`;
      this.pdOpen.length = 0;
      this.copy(this.pdSrc.length);
    }

    // Text, attributes, comments and declarations are copied with the source around the tags; only where the last
    // finished token ends is kept.
    // The tokenizer hands an unfinished construct at the very end over as text from end(): not a finished token.
    // (An unfinished tag starts with `<`; anything else handed over at the end, such as `&amp` without `;`, is text.)
    override ontext(start: number, endIndex: number): void { if (!this.pdEnding || this.pdSrc.charCodeAt(start) !== 0x3c) this.pdDone = Math.max(this.pdDone, endIndex); }
    override ontextentity(_cp: number, endIndex: number): void { this.pdDone = Math.max(this.pdDone, endIndex); }
    override onattribname(): void {}
    override onattribdata(): void {}
    override onattribentity(): void {}
    override onattribend(): void {}
    override oncomment(_start: number, endIndex: number, endOffset: number): void { this.pdDone = endIndex + endOffset + 1; }
    override oncdata(_start: number, endIndex: number, endOffset: number): void { this.pdDone = endIndex + endOffset + 1; }
    override ondeclaration(_start: number, endIndex: number): void { this.pdDone = endIndex + 1; }
    override onprocessinginstruction(_start: number, endIndex: number): void { this.pdDone = endIndex + 1; }
  };
}
