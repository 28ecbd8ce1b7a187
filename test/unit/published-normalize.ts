// The oracle's normalisation of a page (docs/published-preview.md): <body> as element structure and text, after the page sanitizer.
import { parsePage } from '../../src/core/published';

type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[]; attrs?: { name: string; value: string }[] };

/** Elements only metadata is made of (skipped plugin tags `{% seo %}`/`{% feed_meta %}` write these); dropped with their text. */
const METADATA = new Set(['title', 'meta', 'link', 'style']);
/** Typography kramdown applies and markdown-it does not (smart quotes, dashes, ellipsis), mapped back to ASCII. */
const TYPO: Record<string, string> = { '\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'", '\u2013': '--', '\u2014': '---', '\u2026': '...', '\u00ab': '<<', '\u00bb': '>>' };
/** The body sanitizer writes `center` as a centred `div`. */
const RENAMED: Record<string, string> = { center: 'div' };

/**
 * A page's `<body>` as one line per element (indented by depth) and one per non-blank text run (whitespace collapsed),
 * after the page sanitizer ran on it; attributes are not compared.
 */
export function normalizeBody(html: string): string[] {
  const doc = parsePage(html) as unknown as Node;
  const htmlEl = doc.childNodes?.find((n) => n.tagName === 'html');
  const body = htmlEl?.childNodes?.find((n) => n.tagName === 'body');
  const out: string[] = [];
  let text = '';
  const flush = (depth: number) => {
    const t = text.replace(/[\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb]/g, (c) => TYPO[c]).replace(/\s+/g, ' ').trim();
    if (t) out.push(`${' '.repeat(depth)}"${t}"`);
    text = '';
  };
  const walk = (n: Node, depth: number) => {
    for (const c of n.childNodes ?? []) {
      if (c.nodeName === '#text') { text += c.value ?? ''; continue; }
      if (!c.tagName || METADATA.has(c.tagName)) continue;
      // Post Desk's stock-block marking wraps the block in a div of its own: its content is compared in place.
      if (c.attrs?.some((a) => a.name === 'class' && /(?:^|\s)pd-stock(?:\s|$)/.test(a.value))) { walk(c, depth); continue; }
      flush(depth);
      out.push(`${' '.repeat(depth)}<${RENAMED[c.tagName] ?? c.tagName}>`);
      walk(c, depth + 1);
      flush(depth + 1);
    }
  };
  if (body) { walk(body, 0); flush(0); }
  return out;
}
