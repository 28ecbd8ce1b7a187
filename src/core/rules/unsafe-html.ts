// unsafe-html: active HTML in the body (script, iframe, object, embed, form, style, on* handlers) that Jekyll publishes as is.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'unsafe-html' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'body';
export const docs = 'Active HTML (script, iframe, handlers…) in the body, published as is.';

// Active elements at a `<`; event handlers are looked for between a tag's name and the next `<` or `>`, once per
// tag: one regular expression over both (`<name[^<>]*?\son…=`) tried every tag name length and rescanned the tag.
const ACTIVE = /<(script|iframe|object|embed|form|style)\b/iy;
const HANDLER = /\s(on[a-zA-Z]+)\s*=/i;
const MAX = 100;

/** Reports each active element or event handler in the body outside fenced code blocks. */
export function check(ctx: RuleContext, report: Report): void {
  const { start, end } = ctx.parsed.body;
  const body = ctx.text.slice(start, end);
  if (!/<(?:script|iframe|object|embed|form|style)\b|\son[a-z]+\s*=/i.test(body)) return;
  const fences = fencedRanges(body);
  let n = 0;
  let fence = 0;
  let gt = -1; // the next `>` at or after the current tag, found once per `>` (not rescanned per `<`)
  for (let at = body.indexOf('<'); at >= 0 && n < MAX;) {
    // The tag's extent: up to the next `<` or `>` (the next tag can only start at that `<`).
    const lt = body.indexOf('<', at + 1);
    if (gt !== Infinity && gt <= at) { gt = body.indexOf('>', at + 1); if (gt < 0) gt = Infinity; }
    const tagEnd = Math.min(lt < 0 ? body.length : lt, gt);
    while (fence < fences.length && fences[fence][1] <= at) fence++;
    const fenced = fence < fences.length && at >= fences[fence][0];
    ACTIVE.lastIndex = at;
    const a = fenced ? null : ACTIVE.exec(body);
    if (a) {
      report(msg("`<{0}>` in the body: Jekyll publishes it as it is, and it runs in readers' browsers.", a[1].toLowerCase()), start + at, start + at + 1 + a[1].length);
      n++;
    } else if (!fenced && isLetter(body.charCodeAt(at + 1))) {
      HANDLER.lastIndex = 0;
      const h = HANDLER.exec(body.slice(at + 2, tagEnd));
      if (h) {
        const s = start + at + 2 + h.index + 1;
        report(msg("Event handler `{0}` in the body: Jekyll publishes it as it is, and it runs in readers' browsers.", h[1]), s, s + h[1].length);
        n++;
      }
    }
    at = lt;
  }
}

const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/** Offsets of fenced code blocks (``` or ~~~ up to a closing fence of the same character, at least as long). */
function fencedRanges(body: string): [number, number][] {
  const out: [number, number][] = [];
  let open: { at: number; ch: string; len: number } | undefined;
  for (let ls = 0; ls < body.length;) {
    const nl = body.indexOf('\n', ls);
    const le = nl < 0 ? body.length : nl;
    let i = ls;
    while (i < le && i - ls < 3 && (body[i] === ' ' || body[i] === '\t')) i++;
    const ch = body[i];
    let j = i;
    if (ch === '`' || ch === '~') while (j < le && body[j] === ch) j++;
    if (!open) {
      if (j - i >= 3 && nl >= 0) open = { at: ls, ch, len: j - i };
    } else if (ch === open.ch && j - i >= open.len && /^[ \t]*\r?$/.test(body.slice(j, le))) {
      out.push([open.at, le]);
      open = undefined;
    }
    ls = le + 1;
  }
  if (open) out.push([open.at, body.length]);
  return out;
}
