// `postdesk posts [SITE] [--format text|json]`: Jekyll's view of every file in the site's post folders.
import * as path from 'node:path';
import { viewUrl } from '../core/jekyll/post-url';
import type { PostView } from '../core/taxonomy/posts';
import { siteAt, sitePostViews } from '../node/posts';
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
    const now = Date.now();
    const views = sitePostViews(site, { full: true, now });
    if (format === 'json') {
      const url = (v: PostView) => { const u = viewUrl(v, site, now); return u && 'url' in u ? u.url : null; };
      ctx.stdout(`${JSON.stringify(views.map((v) => postEntry(v, url(v))), null, 2)}\n`);
      return EXIT.ok;
    }
    for (const v of views) {
      const state = v.published ? 'published' : `unpublished (${v.reason})`;
      ctx.stdout(`${v.file}\t${state}\t${v.date ?? '(build time)'}\tcategories: ${JSON.stringify(v.categories)}\ttags: ${JSON.stringify(v.tags)}\ttitle: ${JSON.stringify(v.title)}${v.error ? `\t! ${v.error}` : ''}\n`);
    }
    return EXIT.ok;
  },
};
