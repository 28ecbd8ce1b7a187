// The `postdesk` bin: the only place that reads process.argv or calls process.exit.
import { main } from './cli/main';

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
}).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`${e}\n`); process.exit(2); });
