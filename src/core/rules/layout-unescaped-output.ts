// layout-unescaped-output: a layout or include writes HTML-bearing Liquid output (`content`, `page.content`, `excerpt`) into an attribute unescaped.
import { fixTitle, msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'layout-unescaped-output' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'file';
export const docs = 'A layout writes the post\'s HTML ({{ page.content }}, excerpt) unescaped into an attribute: browsers end the attribute early and show the post as page text.';

/** One unescaped output: the `{{ … }}` range, the expression, the attribute and the element it sits in. */
export interface UnescapedOutput { start: number; end: number; expression: string; attribute: string; tag: string }

/** Values holding the post's rendered HTML. */
const HTML_VALUE = /^(?:(?:page|post|include|layout)\.)?(?:content|excerpt)$/;
/** Filters after which the value holds no markup or quote: escaped, stripped, encoded, or a number. */
const SAFE_FILTERS = new Set(['escape', 'escape_once', 'xml_escape', 'strip_html', 'cgi_escape', 'uri_escape', 'url_encode', 'url_escape', 'slugify', 'size', 'number_of_words', 'jsonify']);

/** Whether a Liquid output expression is HTML-bearing and not made safe by a filter. */
export function isUnsafeOutput(expression: string): boolean {
  const parts = expression.split('|').map((s) => s.trim());
  if (!HTML_VALUE.test(parts[0])) return false;
  return !parts.slice(1).some((f) => SAFE_FILTERS.has(f.split(/[\s:]/)[0]));
}

/**
 * Finds HTML-bearing `{{ … }}` output inside attribute values of a layout or include, in one linear pass. Liquid
 * markup is skipped as a unit (its quotes do not end attributes); comments and script/style text are skipped.
 */
export function findUnescapedOutput(text: string): UnescapedOutput[] {
  const out: UnescapedOutput[] = [];
  let i = 0;
  let tag: string | undefined;
  let attr = '';
  let quote: string | undefined;
  let inValue = false;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '{' && (text[i + 1] === '{' || text[i + 1] === '%')) {
      const close = text.indexOf(text[i + 1] === '{' ? '}}' : '%}', i + 2);
      const end = close < 0 ? n : close + 2;
      if (text[i + 1] === '{' && tag && inValue) {
        const expression = text.slice(i + 2, close < 0 ? n : close).replace(/^-|-$/g, '').trim();
        if (isUnsafeOutput(expression)) out.push({ start: i, end, expression, attribute: attr, tag });
      }
      i = end;
      continue;
    }
    if (!tag) {
      if (c === '<' && text.startsWith('<!--', i)) { const e = text.indexOf('-->', i + 4); i = e < 0 ? n : e + 3; continue; }
      if (c === '<' && /[A-Za-z]/.test(text[i + 1] ?? '')) {
        const m = /^[A-Za-z][\w-]*/.exec(text.slice(i + 1, i + 40))!;
        tag = m[0].toLowerCase();
        i += 1 + m[0].length;
        attr = '';
        inValue = false;
        continue;
      }
      i++;
      continue;
    }
    // Inside a start tag.
    if (quote) {
      if (c === quote) { quote = undefined; inValue = false; }
      i++;
      continue;
    }
    if (c === '>') {
      const raw = tag === 'script' || tag === 'style' ? tag : undefined;
      tag = undefined;
      inValue = false;
      i++;
      if (raw) { const e = text.toLowerCase().indexOf(`</${raw}`, i); i = e < 0 ? n : e; }
      continue;
    }
    if (c === '=') {
      i++;
      while (i < n && /\s/.test(text[i])) i++;
      if (text[i] === '"' || text[i] === "'") { quote = text[i]; i++; }
      inValue = true;
      continue;
    }
    if (/\s/.test(c) || c === '/') { if (!quote) inValue = false; i++; continue; }
    if (!inValue) {
      const m = /^[^\s=>/{]+/.exec(text.slice(i, i + 100));
      if (m) { attr = m[0].toLowerCase(); i += m[0].length; continue; }
    }
    i++;
  }
  return out;
}

/** Whether a site-relative path is a layout or include (the files this rule reads). */
export function isLayoutFile(rel: string | undefined): boolean {
  return !!rel && /^_(?:layouts|includes)\/.+\.html?$/i.test(rel);
}

/** Reports each unescaped HTML-bearing output in an attribute of a layout or include; the fix adds `| strip_html | escape`. */
export function check(ctx: RuleContext, report: Report): void {
  if (!isLayoutFile(ctx.rel)) return;
  for (const o of findUnescapedOutput(ctx.text)) {
    const close = ctx.text.lastIndexOf('}}', o.end);
    const at = ctx.text[close - 1] === '-' ? close - 1 : close;
    const trimmed = ctx.text.slice(o.start, at).trimEnd();
    const insertAt = o.start + trimmed.length;
    report(msg('`{{ {0} }}` writes the post\'s HTML unescaped into the `{1}` attribute of <{2}>: the first `"` of the post ends the attribute and browsers show the rest of the post as page text.', o.expression, o.attribute, o.tag), o.start, o.end,
      [{ ...fixTitle(msg('Add `| strip_html | escape`')), edits: [{ start: insertAt, end: insertAt, newText: ' | strip_html | escape' }], preferred: true }]);
  }
}
