// The CLI engine: dispatches `postdesk <command>` to the command table and returns an exit code.
import { escapeControls } from './terminal';
import { EXIT, type CliCommand, type CliContext } from './types';

/**
 * A command whose module is evaluated only when it runs, so `postdesk taxonomy` does not load markdown-it,
 * sanitize-html or the rules. Its name, summary and usage repeat the module's (a unit test keeps them equal).
 * `require`, not `import()`: the bin loads each command's own bundle (dist/cli-<name>.js, scripts/build.mjs), and
 * Node's `import()` of a CommonJS file runs its export lexer over the whole bundle first.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy command modules, see lazy() */
function lazy(name: string, summary: string, usage: string, load: () => CliCommand): CliCommand {
  return { name, summary, usage, run: async (args, ctx) => load().run(args, ctx) };
}

/** Every subcommand; each lives in its own file under src/cli/. */
export const COMMANDS: CliCommand[] = [
  lazy('info', 'show how Jekyll will publish a post: published or not and why, time, URL, layouts, categories, tags, problems', 'postdesk info FILE... [--format text|json]', () => (require('./info') as typeof import('./info')).info),
  lazy('render', 'print the sanitized article HTML the preview shows, or with --published the page through the site layouts (several files: --out DIR)', 'postdesk render FILE... [--out DIR] [--published] [--stock-images mark|show|hide] [--remote-images allow|block]', () => (require('./render') as typeof import('./render')).render),
  lazy('strip', 'list stock-image blocks (exit 1 when found); --write removes them', 'postdesk strip [PATH...] [--write]', () => (require('./strip') as typeof import('./strip')).strip),
  lazy('check', 'validate posts (front matter, dates, file names, taxonomy); --fix applies safe fixes', 'postdesk check [PATH...] [--format text|json|sarif] [--fix]', () => (require('./check') as typeof import('./check')).check),
  lazy('taxonomy', "categories and tags with their counts, as Jekyll's site.categories/site.tags", 'postdesk taxonomy [SITE] [--format text|json]', () => (require('./taxonomy') as typeof import('./taxonomy')).taxonomy),
  lazy('posts', "Jekyll's view of every post-folder file: published, date, categories, tags, title, url", 'postdesk posts [SITE] [--format text|json]', () => (require('./posts') as typeof import('./posts')).posts),
  lazy('new', "create a post named and filled the site's way (date with the site's offset); never overwrites", 'postdesk new --title "…" [--categories a,b] [--tags x,y] [--date "YYYY-MM-DD HH:MM:SS"] [SITE]', () => (require('./new') as typeof import('./new')).newCommand),
  lazy('add', 'add categories and/or tags to posts (creates a front matter when a post has none)', 'postdesk add [--categories a,b] [--tags c,d] FILE...', () => (require('./add') as typeof import('./add')).add),
];
/* eslint-enable @typescript-eslint/no-require-imports */

declare const POSTDESK_VERSION: string | undefined;
const version = typeof POSTDESK_VERSION === 'string' ? POSTDESK_VERSION : '0.0.0-dev';

function help(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `Post Desk ${version}: Jekyll post tools\n\nusage: postdesk <command> [options]\n\ncommands:\n${rows}\n\nExit codes: 0 ok, 1 problems found or a file failed, 2 usage error.\n`;
}

/**
 * Runs the CLI in-process; never reads process globals, never exits. Whatever a command writes passes
 * `escapeControls` (layout kept) on its way out: commands escape each untrusted value themselves, this is the guard.
 */
export async function main(given: CliContext): Promise<number> {
  const ctx: CliContext = {
    ...given,
    stdout: (t) => given.stdout(escapeControls(t, 'text', true)),
    stderr: (t) => given.stderr(escapeControls(t, 'text', true)),
  };
  const [name, ...rest] = ctx.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { ctx.stdout(help()); return name ? EXIT.ok : EXIT.usage; }
  if (name === '--version' || name === '-v') { ctx.stdout(`${version}\n`); return EXIT.ok; }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) { ctx.stderr(`postdesk: unknown command '${escapeControls(name)}'\n${help()}`); return EXIT.usage; }
  try {
    return await cmd.run(rest, ctx);
  } catch (e) {
    ctx.stderr(`postdesk ${escapeControls(name)}: ${escapeControls((e as Error).message)}\n`);
    return EXIT.usage;
  }
}
