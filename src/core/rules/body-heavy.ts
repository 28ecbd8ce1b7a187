// body-heavy: a body so large or so deeply tagged that previews and editors struggle (the preview may cut it off).
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'body-heavy' satisfies RuleId;
export const severity: Severity = 'info';
export const scope: RuleScope = 'body';
export const docs = 'A body so large or so deeply tagged that the preview may cut it off.';

// Real news bodies are under 100 KB with a few hundred tags; these limits are far above them.
const MAX_CHARS = 1_000_000;
const MAX_TAGS = 5_000;
const MAX_EMPHASIS = 20_000;

/** Reports one info problem at the start of the body when it is pathologically large or tag- or emphasis-heavy. */
export function check(ctx: RuleContext, report: Report): void {
  const { start, end } = ctx.parsed.body;
  const at = (n: number) => report(n === 0
    ? msg('The body is {0} characters long: the preview renders it off the editor thread and may cut it off.', end - start)
    : n === 1
      ? msg('The body has more than {0} HTML tags: the preview renders it off the editor thread and may cut it off.', MAX_TAGS)
      : msg('The body has more than {0} emphasis markers (`*`, `_`): the preview renders it off the editor thread and may cut it off.', MAX_EMPHASIS),
  start, Math.min(end, start + 1));
  if (end - start > MAX_CHARS) { at(0); return; }
  if (end - start < MAX_TAGS * 3) return;
  const body = ctx.text.slice(start, end);
  if (count(body, /<[a-zA-Z/]/g, MAX_TAGS)) at(1);
  else if (count(body, /[*_]/g, MAX_EMPHASIS)) at(2);
}

/** Whether `re` matches more than `limit` times (stops counting there). */
function count(text: string, re: RegExp, limit: number): boolean {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) if (++n > limit) return true;
  return false;
}
