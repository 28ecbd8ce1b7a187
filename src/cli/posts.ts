// `postdesk posts [SITE] [--format text|json]`: Jekyll's view of every file in the site's post folders.
import path from 'node:path';
import { viewUrl } from '../core/jekyll/post-url';
import type { PostView } from '../core/taxonomy/posts';
import { siteAt, sitePostViews } from '../node/posts';
import type { PathProblem } from '../node/safe-fs';
import { reportSiteProblems } from './report';
import { escapeControls, escapeControls as esc, jsonText } from './terminal';
import { EXIT, parseArgs, type CliCommand } from './types';

/** The JSON entry of one post: `{file, published, date, categories, tags, title, url}` plus `reason` / `error` when set. */
export function postEntry(v: PostView, url: string | null = null): Record<string, unknown> {
  const { file, published, reason, date, categories, tags, title, error } = v;
  return { file, published, ...(reason ? { reason } : {}), date, categories, tags, title, url, ...(error ? { error } : {}) };
}

export const posts: CliCommand = {
  name: 'posts',
  summary: "Jekyll's view of every post-folder file: published, date, categories, tags, title, url",
  usage: 'postdesk posts [SITE] [--format text|json]',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { format: 'string' });
    const format = flags.format ?? 'text';
    if (error || positional.length > 1 || (format !== 'text' && format !== 'json')) { ctx.stderr(`${error ?? 'bad arguments'}\nusage: ${this.usage}\n`); return EXIT.usage; }
    const site = siteAt(path.resolve(ctx.cwd, positional[0] ?? '.'));
    const problems: PathProblem[] = [];
    const now = Date.now();
    const views = sitePostViews(site, { full: true, problems, now });
    const code = reportSiteProblems(ctx, site, problems) ? EXIT.findings : EXIT.ok;
    if (format === 'json') {
      const url = (v: PostView) => { const u = viewUrl(v, site, now); return u && 'url' in u ? u.url : null; };
      ctx.stdout(`${jsonText(views.map((v) => postEntry(v, url(v))))}\n`);
      return code;
    }
    const json = (x: unknown) => escapeControls(JSON.stringify(x) ?? 'null', 'json');
    for (const v of views) {
      const state = v.published ? 'published' : `unpublished (${v.reason})`;
      ctx.stdout(`${esc(v.file)}\t${state}\t${esc(v.date ?? '(invalid date)')}\tcategories: ${json(v.categories)}\ttags: ${json(v.tags)}\ttitle: ${json(v.title)}${v.error ? `\t! ${esc(v.error)}` : ''}\n`);
    }
    return code;
  },
};
