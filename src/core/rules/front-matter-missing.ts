// front-matter-missing: front matter pushed below a blank line, which Jekyll loses (an error); no front matter at all (info).
import { fixTitle, msg } from '../messages';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'front-matter-missing' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'file';
export const docs = 'Front matter below a blank line, which Jekyll loses (no front matter at all is only info).';

/** Reports a post without front matter; a leading blank line before `---` gets a fix that removes it. */
export function check(ctx: RuleContext, report: Report): void {
  const nf = ctx.parsed.noFrontMatter;
  if (!nf || !['leading-blank', 'no-fence', 'empty'].includes(nf.reason)) return;
  if (nf.reason === 'leading-blank') {
    report(
      msg('Blank line before `---`: Jekyll sees no front matter and publishes this post with no layout, title, date or categories.'),
      nf.start, nf.end + 3, [{ ...fixTitle(msg('Remove the blank lines before the front matter.')), edits: [{ start: nf.start, end: nf.end, newText: '' }], preferred: true }]);
    return;
  }
  // No front matter at all is a post Jekyll publishes normally (file name date, slug title, `defaults:`): info only.
  const message = nf.reason === 'empty'
    ? msg('Empty file: Jekyll publishes it with no front matter (the file name\'s date, the slug as title).')
    : msg('No front matter: the first line is not `---`, so Jekyll publishes this post with the file name\'s date, the slug as title and only `defaults:`.');
  report(message, nf.start, nf.end, [], 'info');
}
