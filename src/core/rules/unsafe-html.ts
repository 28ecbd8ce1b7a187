// unsafe-html: active HTML in the body (script, iframe, object, embed, form, style, on* handlers) that Jekyll publishes as is.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'unsafe-html' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'body';
export const docs = 'Active HTML (script, iframe, handlers…) in the body, published as is.';

const TAG = /<(script|iframe|object|embed|form|style)\b|<[a-zA-Z][\w:-]*\b[^<>]*?\s(on[a-zA-Z]+)\s*=/gi;
const MAX = 100;

/** Reports each active element or event handler in the body outside fenced code blocks. */
export function check(ctx: RuleContext, report: Report): void {
  const { start, end } = ctx.parsed.body;
  const body = ctx.text.slice(start, end);
  if (!/<(?:script|iframe|object|embed|form|style)\b|\son[a-z]+\s*=/i.test(body)) return;
  const fences = fencedRanges(body);
  let n = 0;
  for (const m of body.matchAll(TAG)) {
    if (n >= MAX) break;
    const at = m.index!;
    if (fences.some(([a, b]) => at >= a && at < b)) continue;
    if (m[1]) {
      report(msg("`<{0}>` in the body: Jekyll publishes it as it is, and it runs in readers' browsers.", m[1].toLowerCase()), start + at, start + at + 1 + m[1].length);
    } else {
      const h = start + at + m[0].length - m[0].slice(m[0].lastIndexOf(m[2])).length;
      report(msg("Event handler `{0}` in the body: Jekyll publishes it as it is, and it runs in readers' browsers.", m[2]), h, h + m[2].length);
    }
    n++;
  }
}

/** Offsets of fenced code blocks (``` or ~~~) in Markdown text. */
function fencedRanges(body: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1[ \t]*$|(?![\s\S]))/gm;
  for (const m of body.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
