// duplicate-key: a key given twice in one mapping; Jekyll (Psych) keeps the last value and silently drops the earlier one.
import { msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';

/** Reports each repeated key at the earlier entry (the one Jekyll ignores), naming the value that is lost. */
export function duplicateKey(ctx: RuleContext): Problem[] {
  return ctx.parsed.duplicates.slice(0, 100).map((d) => ctx.problem('duplicate-key',
    msg('`{0}` is given again further down: Jekyll keeps the last value and ignores this one ({1}).', d.key, d.lost === '' ? 'empty' : d.lost),
    d.start, d.end));
}
