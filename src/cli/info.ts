// `postdesk info FILE... [--format text|json]`: how Jekyll will publish a post (twin of "Show Post Info" and its hover).
import * as path from 'node:path';
import { postInfo, renderPostInfo } from '../core/info';
import { loadSiteFor, readText } from '../node/files';
import { layoutReader, readSiteLayouts } from '../node/layouts';
import { EXIT, parseArgs, type CliCommand } from './types';

export const info: CliCommand = {
  name: 'info',
  summary: 'show how Jekyll will publish a post: published or not and why, time, URL, layouts, categories, tags, problems',
  usage: 'postdesk info FILE... [--format text|json]',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { format: 'string' });
    const format = flags.format ?? 'text';
    if (error || positional.length === 0 || (format !== 'text' && format !== 'json')) {
      ctx.stderr(`${error ?? (positional.length ? `unknown format: ${String(format)}` : 'missing FILE')}\nusage: ${this.usage}\n`);
      return EXIT.usage;
    }
    let code: number = EXIT.ok;
    for (const p of positional) {
      const file = path.resolve(ctx.cwd, p);
      try {
        const { text, invalid } = readText(file);
        const site = loadSiteFor(file);
        const result = postInfo(text, { site, file, invalidUtf8: invalid, layouts: readSiteLayouts(site).layouts, readLayout: layoutReader(site) });
        if (format === 'json') ctx.stdout(`${JSON.stringify({ ...result, file: p }, null, 2)}\n`);
        else ctx.stdout(`${positional.length > 1 ? `${p}\n` : ''}${renderPostInfo(result, undefined, true)}\n${positional.length > 1 ? '\n' : ''}`);
      } catch (e) {
        ctx.stderr(`${p}: ${(e as Error).message}\n`);
        code = EXIT.usage;
      }
    }
    return code;
  },
};
