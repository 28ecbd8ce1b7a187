// yaml-syntax: one problem for front matter YAML cannot read, at the mistake to fix (src/core/yaml/diagnose.ts), with its fix.
import { msg, sentence } from '../messages';
import { diagnoseIndentedStart, diagnoseYaml } from '../yaml/diagnose';
import type { Severity } from '../types';
import type { RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'yaml-syntax' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'front-matter';
export const docs = 'The front matter is not valid YAML: Jekyll publishes the post dated at build time, with no front matter data.';

/**
 * Reports the front matter's YAML error once, as Psych does (it stops at the first): a common mistake at its place
 * with what to do and a fix, else the parser's first error. The parser's later errors follow from the first. An
 * indented first line that makes Psych stop early without an error is a warning: Jekyll publishes the lines above.
 */
export function check(ctx: RuleContext, report: Report): void {
  const fm = ctx.parsed.frontMatter;
  const e = ctx.parsed.errors[0];
  if (!e) {
    const d = fm && ctx.parsed.dropped ? diagnoseIndentedStart(ctx.text, fm.contentStart, fm.contentEnd) : undefined;
    if (d) report(d.message, d.start, d.end, d.fixes, 'warning');
    return;
  }
  const d = fm ? diagnoseYaml(ctx.text, fm.contentStart, fm.contentEnd, ctx.parsed.errors) : undefined;
  if (d) { report(d.message, d.start, d.end, d.fixes); return; }
  let { start, end } = e;
  // An error at the end of the YAML ("document expected") is shown on its last line, inside the front matter.
  if (fm && end > fm.contentEnd) {
    end = Math.max(fm.contentStart, ctx.text[fm.contentEnd - 1] === '\n' ? fm.contentEnd - 1 : fm.contentEnd);
    start = Math.min(start, Math.max(fm.contentStart, ctx.text.lastIndexOf('\n', end - 1) + 1));
  }
  const text = sentence(e.message);
  // What Jekyll (Psych) does differs by error: deep nesting aborts the build; other errors publish the post without its data.
  const message = e.code === 'ALIAS_COUNT' ? msg('YAML error (too many aliases): {0} Post Desk does not expand this many aliases.', text)
    : e.code === 'TOO_LARGE' ? msg('{0} Post Desk checks nothing else in it.', text)
      : e.code === 'TOO_DEEP' ? msg('YAML error: {0}', text)
        : e.code === 'RESOURCE_EXHAUSTION' ? msg('YAML error: {0} Jekyll cannot read it either: the site build aborts.', text)
          : msg('YAML error: {0} Jekyll cannot read this front matter and still publishes the post, dated at build time (it becomes the newest post), without title, layout or categories.', text);
  report(message, start, end);
}
