// layout-missing: the layout named by the post (or by `defaults:`) is not in `_layouts/`.
import type { Problem } from '../types';
import { entry, yamlOk, type RuleContext } from './context';

/** Reports a layout with no `_layouts/<name>.*` file: a warning, or info when a theme may provide it. */
export function layoutMissing(ctx: RuleContext): Problem[] {
  if (!ctx.layouts || !yamlOk(ctx) || !ctx.parsed.frontMatter) return [];
  const e = entry(ctx, 'layout');
  const name = e ? ctx.parsed.data.layout : ctx.defaults.layout;
  if (typeof name !== 'string' || name === '' || name === 'none' || name === 'null') return [];
  const found = ctx.layouts(name);
  if (found === 'found') return [];
  const [start, end] = e ? [e.valueStart, e.valueEnd] : [ctx.parsed.frontMatter.start, ctx.parsed.frontMatter.start + 3];
  const from = e ? '' : ' (set by `defaults:` in _config.yml)';
  return [found === 'theme'
    ? ctx.problem('layout-missing', `Layout \`${name}\`${from} is not in _layouts/; the site's theme must provide it.`, start, end, [], 'info')
    : ctx.problem('layout-missing', `Layout \`${name}\`${from} does not exist: there is no _layouts/${name}.html, so Jekyll renders the post without it.`, start, end)];
}
