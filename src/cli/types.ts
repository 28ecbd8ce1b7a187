// The CLI's contract: one `main({argv, cwd, stdout, stderr})` returning an exit code; commands share it.

/** What a CLI run is given: no process globals are read below the bin. */
export interface CliContext {
  argv: string[];
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `postdesk <name>` subcommand. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number> | number;
}

/** Exit codes: 0 clean, 1 findings or a failed file (one not read or not written), 2 usage errors. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Splits `--flag value` / `--flag=value` options from positional arguments; unknown flags are usage errors. */
export function parseArgs(args: string[], spec: Record<string, 'bool' | 'string'>): { positional: string[]; flags: Record<string, string | boolean>; error?: string } {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { positional.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    const kind = spec[name];
    if (!kind) return { positional, flags, error: `unknown option --${name}` };
    if (kind === 'bool') flags[name] = true;
    else {
      const value = inline ?? args[++i];
      if (value === undefined) return { positional, flags, error: `--${name} needs a value` };
      flags[name] = value;
    }
  }
  return { positional, flags };
}
