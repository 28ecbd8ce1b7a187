// title-empty: `title:` with no text; Jekyll shows an empty title instead of the slug.
import { isScalar } from 'yaml';
import { msg } from '../messages';
import type { Problem } from '../types';
import { entry, yamlOk, type RuleContext } from './context';

/** Reports a `title` that is null, empty or only spaces. */
export function titleEmpty(ctx: RuleContext): Problem[] {
  if (!yamlOk(ctx)) return [];
  const e = entry(ctx, 'title');
  if (!e) return [];
  const v = e.value;
  const empty = !v || (isScalar(v) && (v.value === null || (typeof v.value === 'string' && v.value.trim() === '')));
  if (!empty) return [];
  return [ctx.problem('title-empty', msg('The title is empty: the post is listed and shown without a title.'), e.keyStart, Math.max(e.valueEnd, e.keyEnd))];
}
