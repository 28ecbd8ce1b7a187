// yaml-syntax: every YAML error of the front matter at its exact range, with a fix for unescaped quotes in titles.
import { fixTitle, msg, sentence } from '../messages';
import type { Fix, Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'yaml-syntax' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'The front matter is not valid YAML: Jekyll publishes the post dated at build time, with no front matter data.';

/** Reports each YAML error; a double-quoted value with bare `"` inside gets an escaping fix. */
export function check(ctx: RuleContext, report: Report): void {
  const seenLines = new Set<number>();
  const fm = ctx.parsed.frontMatter;
  // At most 100 per file: one broken line of a hostile post can cascade into thousands of errors.
  for (const e of ctx.parsed.errors.slice(0, 100)) {
    const fixes: Fix[] = [];
    const fix = quoteFix(ctx, e.start, seenLines);
    let { start, end } = e;
    // An error at the end of the YAML ("document expected") is shown on its last line, inside the front matter.
    if (fm && end > fm.contentEnd) {
      end = Math.max(fm.contentStart, ctx.text[fm.contentEnd - 1] === '\n' ? fm.contentEnd - 1 : fm.contentEnd);
      start = Math.min(start, Math.max(fm.contentStart, ctx.text.lastIndexOf('\n', end - 1) + 1));
    }
    if (fix) fixes.push(fix);
    const text = sentence(e.message);
    // What Jekyll (Psych) does differs by error: deep nesting aborts the build; other errors publish the post without its data.
    const message = e.code === 'ALIAS_COUNT' ? msg('YAML error (too many aliases): {0} Post Desk does not expand this many aliases.', text)
      : e.code === 'TOO_LARGE' ? msg('{0} Post Desk checks nothing else in it.', text)
        : e.code === 'TOO_DEEP' ? msg('YAML error: {0}', text)
          : e.code === 'RESOURCE_EXHAUSTION' ? msg('YAML error: {0} Jekyll cannot read it either: the site build aborts.', text)
            : msg('YAML error: {0} Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', text);
    report(message, start, end, fixes);
  }
}

/** `key: "a "b" c"` on the error's line: escape the inner quotes. */
function quoteFix(ctx: RuleContext, at: number, seen: Set<number>): Fix | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', at - 1) + 1;
  if (seen.has(lineStart)) return undefined;
  const nl = ctx.text.indexOf('\n', at);
  const lineEnd = nl < 0 ? ctx.text.length : nl;
  const line = ctx.text.slice(lineStart, lineEnd);
  const m = /^(\s*[^\s:#][^:#]*:[ \t]+)"(.*)"([ \t]*\r?)$/.exec(line);
  if (!m) return undefined;
  const inner = m[2];
  const edits = [];
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') { i++; continue; }
    if (inner[i] === '"') {
      const off = lineStart + m[1].length + 1 + i;
      edits.push({ start: off, end: off, newText: '\\' });
    }
  }
  if (!edits.length) return undefined;
  seen.add(lineStart);
  return { ...fixTitle(msg('Escape the `"` inside the quoted value.')), edits, preferred: true };
}
