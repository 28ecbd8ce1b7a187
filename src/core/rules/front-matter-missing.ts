// front-matter-missing: front matter pushed below a blank line, which Jekyll loses (an error); no front matter at all (info).
import { fixTitle, msg } from '../messages';
import type { Problem } from '../types';
import type { RuleContext } from './context';

/** Reports a post without front matter; a leading blank line before `---` gets a fix that removes it. */
export function frontMatterMissing(ctx: RuleContext): Problem[] {
  const nf = ctx.parsed.noFrontMatter;
  if (!nf || !['leading-blank', 'no-fence', 'empty'].includes(nf.reason)) return [];
  if (nf.reason === 'leading-blank') {
    return [ctx.problem('front-matter-missing',
      msg('Blank line before `---`: Jekyll sees no front matter and publishes this post with no layout, title, date or categories.'),
      nf.start, nf.end + 3, [{ ...fixTitle(msg('Remove the blank lines before the front matter')), edits: [{ start: nf.start, end: nf.end, newText: '' }], preferred: true }])];
  }
  // No front matter at all is a post Jekyll publishes normally (file name date, slug title, `defaults:`): info only.
  const message = nf.reason === 'empty'
    ? msg('Empty file: Jekyll publishes it with no front matter (the file name\'s date, the slug as title).')
    : msg('No front matter: the first line is not `---`, so Jekyll publishes this post with the file name\'s date, the slug as title and only `defaults:`.');
  return [ctx.problem('front-matter-missing', message, nf.start, nf.end, [], 'info')];
}
