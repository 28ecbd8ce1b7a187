// `npm start`: builds Post Desk, starts real VS Code (code-server) with it installed from source on a fresh copy of sample-site/, until Ctrl-C.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startCodeServer } from './lib/vscode.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
const folderArg = args.find((a) => !a.startsWith('--'));
// The demo edits what it shows (auto-save is on in the browser): sample-site/ is served as a fresh copy each start,
// so the repository's own copy never changes. A folder given on the command line is opened as is.
let copy;
if (!folderArg) {
  copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-demo-')), 'sample-site');
  fs.cpSync(path.join(ROOT, 'sample-site'), copy, { recursive: true });
}
const folder = path.resolve(folderArg ?? copy);
const port = process.env.POSTDESK_PORT !== undefined ? Number(process.env.POSTDESK_PORT) || undefined : 8080;
// What a person sees: notifications on (no smoke-test driver), no empty secondary side bar, Post Desk installed
// from this folder (a link in the extensions dir), the site opened by the bare URL.
const options = {
  testDriver: false, linkExtension: ROOT, folder,
  settings: { 'workbench.colorTheme': 'Default Light Modern', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.commandCenter.enabled': false },
};

let server;
try {
  server = await startCodeServer({ ...options, port });
} catch (e) {
  if (port && /EADDRINUSE|address already in use/i.test(String(e))) server = await startCodeServer(options);
  else throw e;
}
process.stdout.write(`\nPost Desk is running in VS Code (code-server) on ${folder}${copy ? ' (a fresh copy of sample-site/, removed on stop)' : ''}\nOpen: ${server.url}\ncode-server process group: ${server.child.pid}\nPress Ctrl-C to stop.\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  if (copy) fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  process.stdout.write('stopped\n');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
server.child.on('exit', (code) => { if (!stopping) { process.stderr.write(`code-server exited (${code})\n${server.log().slice(-2000)}`); process.exit(1); } });
