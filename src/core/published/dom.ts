// The page as a browser builds it (parse5's HTML5 tree construction), sanitized with the page-level allow-list, serialized.
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type Parent = DefaultTreeAdapterMap['parentNode'];

/** Elements removed with everything inside them: nothing in a preview may run, submit, navigate or re-base URLs. */
export const PAGE_REMOVED = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'portal', 'noscript', 'template', 'xmp', 'plaintext', 'noembed', 'noframes',
  // Foreign content (SVG animation can set an href to javascript:, <use> loads documents): icons are dropped rather than vetted.
  'svg', 'math']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'background', 'cite', 'xlink:href', 'data', 'srcset', 'ping']);
const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.|[^:]*$)/i;

/** Whether a page element is kept (see {@link PAGE_REMOVED}; `<meta http-equiv>` and non-stylesheet `<link>` go too). */
function keepElement(el: Element): boolean {
  const tag = el.tagName;
  if (PAGE_REMOVED.has(tag)) return false;
  const attr = (n: string) => el.attrs.find((a) => a.name === n)?.value;
  if (tag === 'meta' && attr('http-equiv') !== undefined) return false;
  if (tag === 'link' && !/(?:^|\s)stylesheet(?:\s|$)/i.test(attr('rel') ?? '')) return false;
  return true;
}

/** Drops event handlers, `style` that is not plain, and URLs with a scheme other than http(s)/mailto. */
function cleanAttrs(el: Element): void {
  el.attrs = el.attrs.filter((a) => {
    const n = a.name.toLowerCase();
    if (n.startsWith('on')) return false;
    if (n === 'srcdoc') return false;
    if (URL_ATTRS.has(n)) {
      const v = a.value.replace(/[\u0000-\u0020]/g, '');
      // `//host/x` (any mix of / and \) is protocol-relative: in a webview it would resolve against the webview's scheme.
      if (/^[/\\]{2}/.test(v)) { a.value = `https://${v.replace(/^[/\\]+/, '')}`; return true; }
      const ok = (u: string) => SAFE_URL.test(u) && !u.includes('\\') && !/^[/\\]{2}/.test(u);
      return n === 'srcset' ? a.value.split(',').every((c) => ok(c.trim().split(/\s+/)[0] ?? '')) : ok(v);
    }
    if (n === 'style') return !/url\s*\(|expression\s*\(|@import|behavior|-moz-binding/i.test(a.value);
    return true;
  });
}

function walk(parent: Parent): void {
  parent.childNodes = parent.childNodes.filter((n: Node) => {
    if (!('tagName' in n)) return n.nodeName !== '#comment';
    if (!keepElement(n)) return false;
    cleanAttrs(n);
    walk(n);
    return true;
  });
}

/** Parses a whole page as a browser does and removes what may run or leave the page; returns the serialized document. */
export function sanitizePage(html: string): string {
  const doc = parse(html);
  walk(doc);
  return serialize(doc);
}

/** The parsed, sanitized document (for tests and the oracle comparison). */
export function parsePage(html: string): DefaultTreeAdapterMap['document'] {
  const doc = parse(html);
  walk(doc);
  return doc;
}

/** A page sanitized once: the serialized document, its stylesheet URLs (in order) and the serialized `<body>`. */
export function sanitizeAndSplit(html: string): { html: string; stylesheets: string[]; body: string } {
  const doc = parse(html);
  walk(doc);
  return { html: serialize(doc), ...splitDoc(doc) };
}

/** A sanitized page split for a host page: its stylesheet URLs (in order) and the inner HTML of its `<body>`. */
export function splitPage(html: string): { stylesheets: string[]; body: string } {
  return splitDoc(parse(html));
}

function splitDoc(doc: DefaultTreeAdapterMap['document']): { stylesheets: string[]; body: string } {
  const stylesheets: string[] = [];
  let body = '';
  const visit = (n: Node) => {
    if (!('tagName' in n)) return;
    if (n.tagName === 'link') { const href = n.attrs.find((a) => a.name === 'href')?.value; if (href) stylesheets.push(href); }
    if (n.tagName === 'body') { body = serialize(n); }
    for (const c of n.childNodes) if (!(n.tagName === 'body')) visit(c);
  };
  for (const c of doc.childNodes) visit(c);
  // Stylesheet links the layout put in <body> (or the broken-head case moved there) stay in the body HTML.
  return { stylesheets, body };
}
