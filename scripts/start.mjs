// `npm start`: builds Post Desk, starts real VS Code (code-server) with it loaded from source on sample-site/, until Ctrl-C.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, startCodeServer, workbenchUrl } from './lib/vscode.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
const folderArg = args.find((a) => !a.startsWith('--'));
const folder = path.resolve(folderArg ?? path.join(ROOT, 'sample-site'));
const port = process.env.POSTDESK_PORT !== undefined ? Number(process.env.POSTDESK_PORT) || undefined : 8080;

let server;
try {
  server = await startCodeServer({ port, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
} catch (e) {
  if (port && /EADDRINUSE|address already in use/i.test(String(e))) server = await startCodeServer();
  else throw e;
}
const url = workbenchUrl(server, folder, { extensionDevelopmentPath: ROOT });
process.stdout.write(`\nPost Desk is running in VS Code ${'(code-server)'} on ${folder}\nOpen: ${url}\ncode-server process group: ${server.child.pid}\nPress Ctrl-C to stop.\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.stdout.write('stopped\n');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
server.child.on('exit', (code) => { if (!stopping) { process.stderr.write(`code-server exited (${code})\n${server.log().slice(-2000)}`); process.exit(1); } });
