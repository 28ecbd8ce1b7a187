// filename-invalid: a file in `_posts` without a leading `Y-M-D-` date, which Jekyll skips silently.
import { filenameDate } from '../jekyll/date';
import { fixTitle, msg } from '../messages';
import type { Fix, Problem } from '../types';
import { baseName, postDate, sibling, type RuleContext } from './context';

/** Reports a `_posts` file name Jekyll does not read as a post; renames it from the front matter date (or digits in the name). */
export function filenameInvalid(ctx: RuleContext): Problem[] {
  if (ctx.kind.kind !== 'post' || !ctx.file) return [];
  const name = baseName(ctx)!;
  if (filenameDate(name)) return [];
  const ext = /\.[^./]+$/.exec(name)?.[0] ?? '';
  let stem = name.slice(0, name.length - ext.length);
  let day: string | undefined;
  const d = postDate(ctx);
  if (d?.result.ok) day = d.result.date.published.slice(0, 10);
  const digits = /^[-_]*(\d{4})(\d{2})(\d{2})/.exec(stem);
  if (!day && digits && +digits[2] >= 1 && +digits[2] <= 12 && +digits[3] >= 1 && +digits[3] <= 31) day = `${digits[1]}-${digits[2]}-${digits[3]}`;
  stem = stem.replace(/^[-_\s]+/, '') || 'post';
  const fixes: Fix[] = [];
  if (day && ext) {
    const newName = `${day}-${stem}${ext}`;
    fixes.push({ ...fixTitle(msg('Rename the file to {0}', newName)), edits: [], rename: { from: ctx.file, to: sibling(ctx.file, newName) }, preferred: true });
  }
  const end = ctx.parsed.frontMatter ? ctx.parsed.frontMatter.start + 3 : Math.min(ctx.text.length, (ctx.text.indexOf('\n') + 1 || ctx.text.length + 1) - 1);
  const start = ctx.parsed.frontMatter?.start ?? 0;
  return [ctx.problem('filename-invalid',
    msg('Jekyll skips this file: `{0}` does not start with a `YYYY-MM-DD-` date, so it is never published.', name),
    start, Math.max(start, end), fixes)];
}
