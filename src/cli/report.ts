// What `posts` and `taxonomy` say on stderr besides their listing: the site's `_config.yml` problems and the paths not read.
import path from 'node:path';
import type { SiteConfig } from '../core/site';
import type { PathProblem } from '../node/safe-fs';
import { escapeControls as esc } from './terminal';
import type { CliContext } from './types';

/** `path` as shown to the user: relative to `cwd` when below it. */
export function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Writes the site's `_config.yml` problems (Jekyll goes on with them, so the listing does too) and one line per
 * path not read; returns whether any path was not read (the listing is then incomplete: exit 1).
 */
export function reportSiteProblems(ctx: CliContext, site: SiteConfig, problems: readonly PathProblem[]): boolean {
  const cfg = esc(shownPath(ctx.cwd, path.join(site.root, '_config.yml')));
  for (const e of site.errors) ctx.stderr(`${cfg}: ${esc(e.message)}\n`);
  for (const p of problems) ctx.stderr(`${esc(shownPath(ctx.cwd, p.file))}: ${esc(p.message)}\n`);
  return problems.length > 0;
}
