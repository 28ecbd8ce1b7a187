// front-matter-language: `---js`, `---coffee` and other non-YAML front matter, which Jekyll never evaluates.
import { msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';

/** Reports a front matter fence that names a language other than YAML. */
export function frontMatterLanguage(ctx: RuleContext): Problem[] {
  const nf = ctx.parsed.noFrontMatter;
  if (nf?.reason !== 'language') return [];
  return [ctx.problem('front-matter-language', msg('Front matter in `{0}` is never evaluated: Jekyll reads only YAML front matter.', String(ctx.parsed.language)), nf.start, nf.end)];
}
