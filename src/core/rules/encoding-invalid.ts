// encoding-invalid: the file is not valid UTF-8; Jekyll reads it with replacement characters or fails.
import { msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';

/** Reports a file whose bytes are not UTF-8, at the first replacement character. */
export function encodingInvalid(ctx: RuleContext): Problem[] {
  if (!ctx.invalidUtf8) return [];
  const at = Math.max(0, ctx.text.indexOf('\uFFFD'));
  return [ctx.problem('encoding-invalid', msg('The file is not valid UTF-8: Jekyll reads posts as UTF-8, so these bytes are shown as � or break the build.'), at, Math.min(ctx.text.length, at + 1))];
}
