// `postdesk info FILE...`: how Post Desk parses a post (twin of the "Show Post Info" command).
import * as path from 'node:path';
import { postInfo } from '../core/info';
import { loadSiteFor, readText } from '../node/files';
import { EXIT, parseArgs, type CliCommand } from './types';

export const info: CliCommand = {
  name: 'info',
  summary: 'show how a post is read: front matter range, language, data, site',
  usage: 'postdesk info FILE...',
  run(args, ctx) {
    const { positional, error } = parseArgs(args, {});
    if (error || positional.length === 0) { ctx.stderr(`${error ?? 'missing FILE'}\nusage: ${this.usage}\n`); return EXIT.usage; }
    let code: number = EXIT.ok;
    for (const p of positional) {
      const file = path.resolve(ctx.cwd, p);
      try {
        const { text, invalid } = readText(file);
        ctx.stdout(`${JSON.stringify({ file: p, ...postInfo(text, loadSiteFor(file), invalid) }, null, 2)}\n`);
      } catch (e) {
        ctx.stderr(`${p}: ${(e as Error).message}\n`);
        code = EXIT.usage;
      }
    }
    return code;
  },
};
