// encoding-invalid: the file is not valid UTF-8; Jekyll reads it with replacement characters or fails.
import { msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'encoding-invalid' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'file';
export const docs = 'The file is not valid UTF-8: Jekyll skips the post.';

/** Reports a file whose bytes are not UTF-8, at the first replacement character. */
export function check(ctx: RuleContext, report: Report): void {
  if (!ctx.invalidUtf8) return;
  const at = Math.max(0, ctx.text.indexOf('\uFFFD'));
  report(msg('The file is not valid UTF-8: Jekyll reads posts as UTF-8, so these bytes are shown as � or break the build.'), at, Math.min(ctx.text.length, at + 1));
}
