// `postdesk info FILE...`: how Post Desk parses a post (twin of the "Show Post Info" command).
import * as path from 'node:path';
import { postInfo } from '../core/info';
import { loadSiteFor, readText, siteRootOf } from '../node/files';
import { pathProblem } from '../node/safe-fs';
import { escapeControls as esc, jsonText } from './terminal';
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
        const site = loadSiteFor(file);
        const { text, invalid } = readText(file, siteRootOf(file));
        ctx.stdout(`${jsonText({ file: p, ...postInfo(text, site, invalid) })}\n`);
      } catch (e) {
        ctx.stderr(`${esc(p)}: ${esc(pathProblem(file, e).message)}\n`);
        code = EXIT.findings;
      }
    }
    return code;
  },
};
