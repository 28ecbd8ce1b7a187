// body-heavy: a body so large or so deeply tagged that previews and editors struggle (the preview may cut it off).
import { msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';

// Real news bodies are under 100 KB with a few hundred tags; these limits are far above them.
const MAX_CHARS = 1_000_000;
const MAX_TAGS = 5_000;
const MAX_EMPHASIS = 20_000;

/** Reports one info problem at the start of the body when it is pathologically large or tag- or emphasis-heavy. */
export function bodyHeavy(ctx: RuleContext): Problem[] {
  const { start, end } = ctx.parsed.body;
  const at = (n: number) => ctx.problem('body-heavy', n === 0
    ? msg('The body is {0} characters long: the preview renders it off the editor thread and may cut it off.', end - start)
    : n === 1
      ? msg('The body has more than {0} HTML tags: the preview renders it off the editor thread and may cut it off.', MAX_TAGS)
      : msg('The body has more than {0} emphasis markers (`*`, `_`): the preview renders it off the editor thread and may cut it off.', MAX_EMPHASIS),
  start, Math.min(end, start + 1));
  if (end - start > MAX_CHARS) return [at(0)];
  if (end - start < MAX_TAGS * 3) return [];
  const body = ctx.text.slice(start, end);
  if (count(body, /<[a-zA-Z/]/g, MAX_TAGS)) return [at(1)];
  if (count(body, /[*_]/g, MAX_EMPHASIS)) return [at(2)];
  return [];
}

/** Whether `re` matches more than `limit` times (stops counting there). */
function count(text: string, re: RegExp, limit: number): boolean {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) if (++n > limit) return true;
  return false;
}
