// layout-missing: the layout named by the post (or by `defaults:`) is not in `_layouts/`.
import { msg } from '../messages';
import type { Severity } from '../types';
import { entry, yamlOk, type RuleContext } from './context';
import type { Report, RuleId, RuleScope } from './rule';

export const id = 'layout-missing' satisfies RuleId;
export const severity: Severity = 'warning';
export const scope: RuleScope = 'front-matter';
export const docs = 'The layout does not exist in _layouts/ (a hint when a theme may provide it).';

/** Reports a layout with no `_layouts/<name>.*` file: a warning, or a hint when the site's theme may provide it. */
export function check(ctx: RuleContext, report: Report): void {
  if (!ctx.layouts || !yamlOk(ctx) || !ctx.parsed.frontMatter) return;
  const e = entry(ctx, 'layout');
  const name = e ? ctx.parsed.data.layout : ctx.defaults.layout;
  if (typeof name !== 'string' || name === '' || name === 'none' || name === 'null') return;
  const found = ctx.layouts(name);
  if (found === 'found') return;
  const [start, end] = e ? [e.valueStart, e.valueEnd] : [ctx.parsed.frontMatter.start, ctx.parsed.frontMatter.start + 3];
  if (found === 'theme') {
    report(e
      ? msg("Layout `{0}` is not in _layouts/; the site's theme must provide it.", name)
      : msg("Layout `{0}` (set by `defaults:` in _config.yml) is not in _layouts/; the site's theme must provide it.", name), start, end, [], 'hint');
    return;
  }
  report(e
    ? msg('Layout `{0}` does not exist: there is no _layouts/{0}.html, so Jekyll renders the post without it.', name)
    : msg('Layout `{0}` (set by `defaults:` in _config.yml) does not exist: there is no _layouts/{0}.html, so Jekyll renders the post without it.', name), start, end);
}
