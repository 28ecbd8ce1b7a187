// front-matter-language: `---js`, `---coffee` and other non-YAML front matter, which Jekyll never evaluates.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'front-matter-language' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'Front matter in a language other than YAML (`---js`), never evaluated.';

/** Reports a front matter fence that names a language other than YAML. */
export function check(ctx: RuleContext, report: Report): void {
  const nf = ctx.parsed.noFrontMatter;
  if (nf?.reason !== 'language') return;
  report(msg('Front matter in `{0}` is never evaluated: Jekyll reads only YAML front matter.', String(ctx.parsed.language)), nf.start, nf.end);
}
