// sanitize-html with Post Desk's allowlist for news bodies; loaded lazily on the first render.
import type SanitizeHtml from 'sanitize-html';
import { balanceHtml } from './balance';
import type { MarkerAttrs } from './htmlblock';

/** How images and markers are treated while sanitizing one render. */
export interface SanitizeContext {
  attrs: MarkerAttrs;
  remoteImages: 'allow' | 'block';
  /** Maps a root-relative image path (`/assets/x.png`) to a loadable URL; undefined drops the image source. */
  resolveImage?: (path: string) => string | undefined;
}

/** Elements a news body may keep (`center` is rewritten to a centred `div` before this check). */
export const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 'b', 'i', 'u', 'a', 'img', 'span', 'div', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'figure', 'figcaption', 'hr', 'pre', 'code', 'sub', 'sup',
];

/** The only classes in the output: Post Desk's markers, never the post's own. */
export const MARKER_CLASSES = ['pd-stock', 'pd-img-blocked', 'pd-hidden', 'pd-ta-left', 'pd-ta-right', 'pd-ta-center', 'pd-ta-justify'];

const ALIGN = /^\s*text-align\s*:\s*(left|right|center|justify)\s*(?:;\s*)?$/i;
const ALIGN_IN = /(?:^|;)\s*text-align\s*:\s*(left|right|center|justify)\s*(?=;|$)/i;
// `display:none` is kept as a class (the post hid it; eastmoney's spacer paragraphs before stock blocks).
const HIDDEN = /(?:^|;)\s*display\s*:\s*none\s*(?=;|$)/i;
// Raw-text and script-capable containers whose text is dropped with them (never shown as text either).
const NON_TEXT = ['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'title', 'template', 'object', 'svg', 'math'];

let lib: typeof SanitizeHtml | undefined;
function sanitizeHtml(): typeof SanitizeHtml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: loaded on the first render, not at activation
  lib ??= require('sanitize-html') as typeof SanitizeHtml;
  return lib;
}

/** The URL form of protocol-relative `//host/x` (any mix of `/` and `\`, as browsers read it) is https. */
function absolutize(url: string): string {
  const t = url.replace(/^[\u0000-\u0020]+/, '');
  return /^[/\\][\t\n\r]*[/\\]/.test(t) ? `https://${t.replace(/^[/\\][\t\n\r]*[/\\]/, '')}` : url;
}

// Attributes a tag keeps besides the markers, class and style (the allowlist below is built from these).
const TAG_ATTRS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
};
const DIGITS = /^\d+$/;
const REMOTE = /^https?:/i;
const ROOT_RELATIVE = /^\/(?![/\\])/;

// The render being sanitized: sanitize-html calls transformTags synchronously, so one module slot serves every
// call and the options need no per-render closure.
let current: SanitizeContext | undefined;

/** Rewrites one element's attributes: Post Desk markers become data-line/data-offset/classes, the post's own are dropped. */
function transform(tagName: string, attribs: Record<string, string>): SanitizeHtml.Tag {
  const ctx = current!;
  const out: Record<string, string> = {};
  const classes: string[] = [];
  let name = tagName;
  let align: string | undefined;
  if (name === 'center') { name = 'div'; align = 'center'; }
  // Attributes sanitize-html would drop anyway are not handed to it (each costs it a callback and lookups).
  const keep = TAG_ATTRS[name];
  for (const k in attribs) {
    const v = attribs[k];
    const key = k.toLowerCase();
    if (key === ctx.attrs.line) { if (DIGITS.test(v)) out['data-line'] = v; } else if (key === ctx.attrs.offset) { if (DIGITS.test(v)) out['data-offset'] = v; } else if (key === ctx.attrs.kind) { if (v === 'stock') classes.push('pd-stock'); } else if (key === 'style') {
      const m = ALIGN.exec(v) ?? ALIGN_IN.exec(v);
      if (m) align = m[1].toLowerCase();
      if (HIDDEN.test(v)) classes.push('pd-hidden');
    } else if (keep === undefined || !keep.includes(key)) {
      continue;
    } else if (key === 'href' || key === 'src') {
      out[key] = absolutize(v);
    } else {
      out[key] = v;
    }
  }
  if (name === 'img' && out.src !== undefined) {
    const src = out.src.trim();
    if (REMOTE.test(src) && ctx.remoteImages === 'block') { delete out.src; classes.push('pd-img-blocked'); } else if (ROOT_RELATIVE.test(src)) {
      const resolved = ctx.resolveImage ? ctx.resolveImage(src) : src;
      if (resolved === undefined) delete out.src; else out.src = resolved;
    }
  }
  if (align) { out.style = `text-align:${align}`; classes.push(`pd-ta-${align}`); }
  if (classes.length) out.class = classes.join(' ');
  return { tagName: name, attribs: out };
}

// Built once: sanitize-html copies what it needs per call, and `transform` reads the render from `current`.
const OPTIONS: SanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: [...TAG_ATTRS.a], img: [...TAG_ATTRS.img], '*': ['data-line', 'data-offset', 'class', 'style'] },
  allowedClasses: { '*': MARKER_CLASSES },
  allowedStyles: { '*': { 'text-align': [/^(?:left|right|center|justify)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'background', 'poster', 'xlink:href'],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  nonTextTags: NON_TEXT,
  disallowedTagsMode: 'discard',
  // balanceHtml already keeps nesting under MAX_DEPTH (and sanitizing linear); this is a second bound.
  nestingLimit: 200,
  transformTags: { '*': transform },
};

/** Sanitizes rendered HTML with the news-body allowlist (see the issue: tags, attributes, schemes, styles). */
export function sanitizeBody(html: string, ctx: SanitizeContext): string {
  const outer = current;
  current = ctx;
  try {
    return sanitizeHtml()(balanceHtml(html), OPTIONS);
  } finally {
    current = outer;
  }
}
