// A served stylesheet's relative `url()`s, resolved the way the browser would resolve them against its published URL.
import { sitePath } from './page';

const URL_FN = /url\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^'")\s]+))\s*\)/g;

/**
 * Rewrites each `url(…)` of `css` (published at `cssUrl`) that names a file of the site: `resolve` gets the site path
 * (`baseurl` removed, relative ones against the stylesheet's folder) and returns the URL to use, or undefined to keep
 * the reference as written. Absolute URLs, `data:` and fragments (`url(#a)`) are kept.
 */
export function rewriteCssUrls(css: string, cssUrl: string, baseurl: string, resolve: (path: string) => string | undefined): string {
  return css.replace(URL_FN, (m: string, dq?: string, sq?: string, bare?: string) => {
    const u = dq ?? sq ?? bare ?? '';
    if (!u || u.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(u)) return m;
    const p = sitePath(u, baseurl, cssUrl);
    const to = p === undefined ? undefined : resolve(p);
    return to === undefined ? m : `url("${to.replace(/["\\\n]/g, (c) => `\\${c === '\n' ? 'a ' : c}`)}")`;
  });
}
