// `postdesk posts [SITE] [--format text|json]`: Jekyll's view of every file in the site's post folders.
import * as path from 'node:path';
import type { PostView } from '../core/taxonomy/posts';
import { siteAt, sitePostViews } from '../node/posts';
import { EXIT, parseArgs, type CliCommand } from './types';

/** The JSON entry of one post: `{file, published, date, categories, tags, title, url}` plus `reason` / `error` when set. */
export function postEntry(v: PostView): Record<string, unknown> {
  const { file, published, reason, date, categories, tags, title, url, error } = v;
  return { file, published, ...(reason ? { reason } : {}), date, categories, tags, title, url: url ?? null, ...(error ? { error } : {}) };
}

export const posts: CliCommand = {
  name: 'posts',
  summary: "Jekyll's view of every post-folder file: published, date, categories, tags, title, url",
  usage: 'postdesk posts [SITE] [--format text|json]',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { format: 'string' });
    const format = flags.format ?? 'text';
    if (error || positional.length > 1 || (format !== 'text' && format !== 'json')) { ctx.stderr(`${error ?? 'bad arguments'}\nusage: ${this.usage}\n`); return EXIT.usage; }
    const views = sitePostViews(siteAt(path.resolve(ctx.cwd, positional[0] ?? '.')), { full: true });
    if (format === 'json') { ctx.stdout(`${JSON.stringify(views.map(postEntry), null, 2)}\n`); return EXIT.ok; }
    for (const v of views) {
      const state = v.published ? 'published' : `unpublished (${v.reason})`;
      ctx.stdout(`${v.file}\t${state}\t${v.date ?? '(build time)'}\tcategories: ${JSON.stringify(v.categories)}\ttags: ${JSON.stringify(v.tags)}\ttitle: ${JSON.stringify(v.title)}${v.error ? `\t! ${v.error}` : ''}\n`);
    }
    return EXIT.ok;
  },
};
