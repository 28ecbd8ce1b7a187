// front-matter-unclosed: an opening `---` with no closing `---` or `...` line.
import { msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';

/** Reports front matter that never closes: Jekyll then reads the whole file as content. */
export function frontMatterUnclosed(ctx: RuleContext): Problem[] {
  const nf = ctx.parsed.noFrontMatter;
  if (nf?.reason !== 'unclosed') return [];
  return [ctx.problem('front-matter-unclosed', msg('Front matter is not closed: no `---` line follows, so Jekyll reads no front matter.'), nf.start, nf.end)];
}
