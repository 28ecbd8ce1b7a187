// front-matter-language: `---js`, `---coffee` and other non-YAML front matter, which Jekyll never evaluates.
import type { Problem } from '../types';
import type { RuleContext } from './context';

/** Reports a front matter fence that names a language other than YAML. */
export function frontMatterLanguage(ctx: RuleContext): Problem[] {
  const nf = ctx.parsed.noFrontMatter;
  if (nf?.reason !== 'language') return [];
  return [ctx.problem('front-matter-language', `Front matter in \`${ctx.parsed.language}\` is never evaluated: Jekyll reads only YAML front matter.`, nf.start, nf.end)];
}
