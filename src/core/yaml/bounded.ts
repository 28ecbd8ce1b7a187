// The `yaml` package's parseDocument with a bound on the tokens it reads: its work grows with them, a few microseconds each.
import { Composer, Parser, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * Most tokens (scalars, indicators, blanks, line breaks, as the `yaml` lexer cuts them) Post Desk reads in one front
 * matter that the flat reader declines. Each costs the `yaml` package a few microseconds, and a token can be one
 * character (`[a,a,a`, `- k: v` lines): 126 KB of them blocked the editor for about a second. Real front matter holds
 * a few hundred; a flat one (`key: value` lines, one-line lists) is read without the parser, at any size up to 128 KB.
 */
export const MAX_YAML_TOKENS = 20000;

/** Thrown by the parser at its token past the bound (caught below). */
class TooManyTokens {
  constructor(readonly offset: number) {}
}

/** yaml's Parser, counting the tokens it is given. */
class BoundedParser extends Parser {
  private tokens = 0;

  override *next(source: string): ReturnType<Parser['next']> {
    if (++this.tokens > MAX_YAML_TOKENS) throw new TooManyTokens(this.offset);
    yield* super.next(source);
  }
}

/**
 * `parseDocument(src, options)` of the `yaml` package (without pretty errors), or, when `src` has more than
 * {@link MAX_YAML_TOKENS} tokens, where the token past the bound starts (the parser stops there).
 */
export function boundedParseDocument(src: string, options: ParseOptions & DocumentOptions & SchemaOptions): { doc: Document } | { tooMany: number } {
  // (As parseDocument, a lineCounter in the options is given the line starts.)
  const parser = new BoundedParser(options.lineCounter?.addNewLine);
  const composer = new Composer(options);
  let doc: Document | null = null;
  try {
    // As parseDocument: the first document, and an error when the text holds another.
    for (const d of composer.compose(parser.parse(src), true, src.length)) {
      if (!doc) doc = d;
      else if (doc.options.logLevel !== 'silent') {
        doc.errors.push(new YAMLParseError(d.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
        break;
      }
    }
  } catch (e) {
    if (e instanceof TooManyTokens) return { tooMany: e.offset };
    throw e;
  }
  return { doc: doc! };
}

/** The message past {@link MAX_YAML_TOKENS}. */
export const TOO_MANY_TOKENS = `Front matter has more than ${MAX_YAML_TOKENS.toLocaleString('en-US')} YAML tokens (keys, values, indicators, line breaks); Post Desk does not parse it (Jekyll does). Front matter of only "key: value" lines and one-line lists is read up to 128 KB.`;
