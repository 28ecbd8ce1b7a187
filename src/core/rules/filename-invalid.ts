// filename-invalid: a Markdown or HTML file directly in `_posts` without a leading `Y-M-D-` date, which Jekyll never publishes.
import { entryKind, postFolderPath } from '../taxonomy/posts';
import { fixTitle, msg } from '../messages';
import type { Fix, Severity } from '../types';
import { baseName, postDate, sibling, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'filename-invalid' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'file';
export const docs = 'A Markdown or HTML file directly in _posts without a leading date: Jekyll never publishes it.';

/**
 * Reports a dateless page directly in `_posts` (Jekyll's `never`, see `entryKind`); renames it from the front matter
 * date (or digits in the name). Dateless files in subfolders (fragments for `include_relative`) are ignored on purpose.
 */
export function check(ctx: RuleContext, report: Report): void {
  if (ctx.kind.kind !== 'post' || !ctx.file) return;
  const name = baseName(ctx)!;
  if (entryKind('post', ctx.rel ? postFolderPath(ctx.rel) : name) !== 'never') return;
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
    fixes.push({ ...fixTitle(msg('Rename the file to {0}.', newName)), edits: [], rename: { from: ctx.file, to: sibling(ctx.file, newName) }, preferred: true });
  }
  const end = ctx.parsed.frontMatter ? ctx.parsed.frontMatter.start + 3 : Math.min(ctx.text.length, (ctx.text.indexOf('\n') + 1 || ctx.text.length + 1) - 1);
  const start = ctx.parsed.frontMatter?.start ?? 0;
  report(
    msg('Jekyll skips this file: `{0}` does not start with a `YYYY-MM-DD-` date, so it is never published.', name),
    start, Math.max(start, end), fixes);
}
