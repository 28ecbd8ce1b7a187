// `postdesk info FILE... [--format text|json]`: how Jekyll will publish a post (twin of "Show Post Info" and its hover).
import path from 'node:path';
import { postInfo, renderPostInfo } from '../core/info';
import { loadSiteFor, readText, siteRootOf } from '../node/files';
import { layoutReader, readSiteLayouts } from '../node/layouts';
import { pathProblem } from '../node/safe-fs';
import { escapeControls as esc, jsonText } from './terminal';
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
        const site = loadSiteFor(file);
        const { text, invalid } = readText(file, siteRootOf(file));
        const result = postInfo(text, { site, file, invalidUtf8: invalid, layouts: readSiteLayouts(site).layouts, readLayout: layoutReader(site) });
        if (format === 'json') ctx.stdout(`${jsonText({ ...result, file: p })}\n`);
        // renderPostInfo's plain mode replaces control characters; esc() is the CLI's own guard on top.
        else ctx.stdout(`${positional.length > 1 ? `${esc(p)}\n` : ''}${esc(renderPostInfo(result, undefined, true), 'text', true)}\n${positional.length > 1 ? '\n' : ''}`);
      } catch (e) {
        ctx.stderr(`${esc(p)}: ${esc(pathProblem(file, e).message)}\n`);
        code = EXIT.findings;
      }
    }
    return code;
  },
};
