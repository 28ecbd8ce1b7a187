// duplicate-key: a key given twice in one mapping; Jekyll (Psych) keeps the last value and silently drops the earlier one.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'duplicate-key' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = 'A key given twice: Jekyll keeps the last value.';

/** Reports each repeated key at the earlier entry (the one Jekyll ignores), naming the value that is lost. */
export function check(ctx: RuleContext, report: Report): void {
  for (const d of ctx.parsed.duplicates.slice(0, 100)) {
    report(msg('`{0}` is given again further down: Jekyll keeps the last value and ignores this one ({1}).', d.key, d.lost === '' ? 'empty' : d.lost), d.start, d.end);
  }
}
