// The CLI engine: dispatches `postdesk <command>` to the command table and returns an exit code.
import { EXIT, type CliCommand, type CliContext } from './types';
import { info } from './info';
import { check } from './check';
import { render } from './render';
import { strip } from './strip';
import { taxonomy } from './taxonomy';
import { posts } from './posts';
import { add } from './add';

/** Every subcommand; each lives in its own file under src/cli/. */
export const COMMANDS: CliCommand[] = [info, render, strip, check, taxonomy, posts, add];

declare const POSTDESK_VERSION: string | undefined;
const version = typeof POSTDESK_VERSION === 'string' ? POSTDESK_VERSION : '0.0.0-dev';

function help(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `Post Desk ${version}: Jekyll post tools\n\nusage: postdesk <command> [options]\n\ncommands:\n${rows}\n\nExit codes: 0 ok, 1 problems found or a file failed, 2 usage or I/O error.\n`;
}

/** Runs the CLI in-process; never reads process globals, never exits. */
export async function main(ctx: CliContext): Promise<number> {
  const [name, ...rest] = ctx.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { ctx.stdout(help()); return name ? EXIT.ok : EXIT.usage; }
  if (name === '--version' || name === '-v') { ctx.stdout(`${version}\n`); return EXIT.ok; }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) { ctx.stderr(`postdesk: unknown command '${name}'\n${help()}`); return EXIT.usage; }
  try {
    return await cmd.run(rest, ctx);
  } catch (e) {
    ctx.stderr(`postdesk ${name}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
}
