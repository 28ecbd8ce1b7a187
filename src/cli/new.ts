// `postdesk new --title "…" [--categories a,b] [--tags x,y] [--date "YYYY-MM-DD HH:MM:SS"] [SITE]`: creates a post the site's way.
import path from 'node:path';
import { prepareNewPost, writeNewPost } from '../node/newpost';
import { siteAt } from '../node/posts';
import { commaValues } from './add';
import { EXIT, parseArgs, type CliCommand } from './types';

export const newCommand: CliCommand = {
  name: 'new',
  summary: "create a post named and filled the site's way (date with the site's offset); never overwrites",
  usage: 'postdesk new --title "…" [--categories a,b] [--tags x,y] [--date "YYYY-MM-DD HH:MM:SS"] [SITE]',
  async run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { title: 'string', categories: 'string', tags: 'string', date: 'string' });
    const title = typeof flags.title === 'string' ? flags.title.trim() : '';
    if (error || positional.length > 1 || !title) { ctx.stderr(`${error ?? (title ? 'too many arguments' : 'missing --title')}\nusage: ${this.usage}\n`); return EXIT.usage; }
    const site = siteAt(path.resolve(ctx.cwd, positional[0] ?? '.'));
    try {
      const post = await prepareNewPost(site, { title, categories: commaValues(flags.categories), tags: commaValues(flags.tags), date: typeof flags.date === 'string' ? flags.date : undefined });
      const file = writeNewPost(site, post);
      ctx.stdout(`${path.relative(ctx.cwd, file) || file}\n`);
      return EXIT.ok;
    } catch (e) {
      ctx.stderr(`postdesk new: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
  },
};
