// title-empty: `title:` with no text; Jekyll shows an empty title instead of the slug.
import { isScalar } from 'yaml';
import { msg } from '../messages';
import type { Severity } from '../types';
import { entry, yamlOk, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'title-empty' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'The title is empty: the post is published untitled.';

/** Reports a `title` that is null, empty or only spaces. */
export function check(ctx: RuleContext, report: Report): void {
  if (!yamlOk(ctx)) return;
  const e = entry(ctx, 'title');
  if (!e) return;
  const v = e.value;
  const empty = !v || (isScalar(v) && (v.value === null || (typeof v.value === 'string' && v.value.trim() === '')));
  if (!empty) return;
  report(msg('The title is empty: the post is listed and shown without a title.'), e.keyStart, Math.max(e.valueEnd, e.keyEnd));
}
