// XSS checking for tests: the payloads of ../shared/xss read as its ABOUT.md says, and a parse5 finder of script-capable output.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every payload of the three files, read exactly as ABOUT.md says. */
export function loadPayloads(dir: string): { source: string; payload: string }[] {
  const out: { source: string; payload: string }[] = [];
  const dp = JSON.parse(fs.readFileSync(path.join(dir, 'dompurify-expect.json'), 'utf8')) as { payload: string }[];
  dp.forEach((v, i) => out.push({ source: `dompurify#${i}`, payload: v.payload }));
  const h5 = fs.readFileSync(path.join(dir, 'h5sc-vectors.txt'), 'utf8');
  for (const m of h5.matchAll(/<div id="(\d+)">([\s\S]*?)\/\/\["'`-->\]\]>\]<\/div>/g)) out.push({ source: `h5sc#${m[1]}`, payload: m[2] });
  const ow = fs.readFileSync(path.join(dir, 'owasp-xss-filter-evasion.md'), 'utf8');
  let n = 0;
  for (const m of ow.matchAll(/^```(html|js)\n([\s\S]*?)^```/gm)) out.push({ source: `owasp#${n++}`, payload: m[2] });
  return out;
}

const BANNED = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'style', 'form', 'svg', 'math', 'template', 'noscript', 'textarea', 'xmp', 'frame', 'frameset', 'applet', 'portal']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'cite', 'data', 'codebase', 'srcset', 'ping', 'longdesc', 'lowsrc', 'dynsrc', 'manifest', 'icon', 'profile', 'usemap']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** A URL attribute value is unsafe when protocol-relative or with a scheme other than http/https/mailto (WHATWG trimming). */
export function unsafeUrl(value: string): boolean {
  const v = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (/^[/\\]{2}/.test(v)) return true;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v);
  return scheme !== null && !['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/** Everything script-capable in an HTML string, as a browser (parse5) reads it. */
export function findings(html: string): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) {
      const el = node as Element;
      if (BANNED.has(el.tagName) || el.namespaceURI !== HTML_NS) out.push(`element <${el.tagName}> (${el.namespaceURI})`);
      for (const a of el.attrs) {
        const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc') out.push(`attribute ${name}`);
        if (name === 'style' && /url\(|expression\(|@import|behavior|-moz-binding/i.test(a.value)) out.push(`style ${a.value}`);
        if (URL_ATTRS.has(name) && unsafeUrl(a.value)) out.push(`url ${name}=${a.value}`);
        if (name === 'srcset' && a.value.split(',').some((c) => unsafeUrl(c.trim().split(/\s+/)[0] ?? ''))) out.push(`srcset ${a.value}`);
      }
      if (el.tagName === 'template') walk((el as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const c of node.childNodes) walk(c);
  };
  walk(parse(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`));
  return out;
}
