// postInfo: a plain summary of parsePost's result, shared by the "Show Post Info" command and `postdesk info`.
import { parsePost } from './parse';
import type { SiteConfig } from './site';

/** A JSON-ready description of how a post's text is read. */
export function postInfo(text: string, site: SiteConfig, invalidUtf8 = false) {
  const p = parsePost(text);
  return {
    site: site.root,
    timezone: site.timezone ?? null,
    bom: p.bom,
    eol: p.eol === '\r\n' ? 'CRLF' : 'LF',
    invalidUtf8,
    language: p.language,
    frontMatter: p.frontMatter ? { start: p.frontMatter.start, end: p.frontMatter.end } : null,
    noFrontMatter: p.noFrontMatter,
    keys: Object.keys(p.data),
    data: p.data,
    yamlErrors: p.errors,
    body: p.body,
  };
}
