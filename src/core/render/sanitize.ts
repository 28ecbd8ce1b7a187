// sanitize-html with Post Desk's allowlist for news bodies; loaded lazily on the first render.
import type SanitizeHtml from 'sanitize-html';
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

const ALIGN = /^\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*$/i;
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

/** Rewrites one element's attributes: Post Desk markers become data-line/data-offset/classes, the post's own are dropped. */
function transform(ctx: SanitizeContext, tagName: string, attribs: Record<string, string>): SanitizeHtml.Tag {
  const out: Record<string, string> = {};
  const classes: string[] = [];
  let name = tagName;
  let align: string | undefined;
  if (name === 'center') { name = 'div'; align = 'center'; }
  for (const [k, v] of Object.entries(attribs)) {
    const key = k.toLowerCase();
    if (key === ctx.attrs.line) { if (/^\d+$/.test(v)) out['data-line'] = v; } else if (key === ctx.attrs.offset) { if (/^\d+$/.test(v)) out['data-offset'] = v; } else if (key === ctx.attrs.kind) { if (v === 'stock') classes.push('pd-stock'); } else if (key === 'style') {
      const m = ALIGN.exec(v) ?? ALIGN_IN.exec(v);
      if (m) align = m[1].toLowerCase();
      if (HIDDEN.test(v)) classes.push('pd-hidden');
    } else if (key === 'href' || key === 'src') {
      out[key] = absolutize(v);
    } else if (key !== 'class' && key !== 'id' && key !== 'name' && !key.startsWith('data-')) {
      out[key] = v;
    }
  }
  if (name === 'img' && out.src !== undefined) {
    const src = out.src.trim();
    if (/^https?:/i.test(src) && ctx.remoteImages === 'block') { delete out.src; classes.push('pd-img-blocked'); } else if (/^\/(?![/\\])/.test(src)) {
      const resolved = ctx.resolveImage ? ctx.resolveImage(src) : src;
      if (resolved === undefined) delete out.src; else out.src = resolved;
    }
  }
  if (align) { out.style = `text-align:${align}`; classes.push(`pd-ta-${align}`); }
  if (classes.length) out.class = classes.join(' ');
  return { tagName: name, attribs: out };
}

/** Sanitizes rendered HTML with the news-body allowlist (see the issue: tags, attributes, schemes, styles). */
export function sanitizeBody(html: string, ctx: SanitizeContext): string {
  return sanitizeHtml()(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      '*': ['data-line', 'data-offset', 'class', 'style'],
    },
    allowedClasses: { '*': MARKER_CLASSES },
    allowedStyles: { '*': { 'text-align': [/^(?:left|right|center|justify)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'background', 'poster', 'xlink:href'],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    nonTextTags: NON_TEXT,
    disallowedTagsMode: 'discard',
    // Real bodies nest a few levels; a limit keeps adversarial nesting from making sanitizing quadratic.
    nestingLimit: 200,
    transformTags: { '*': (tagName, attribs) => transform(ctx, tagName, attribs) },
  });
}
