// A floor for T1/T2: a fresh Node process that only lists `_posts` and reads each post (its first 4 KiB, or whole), parsing nothing.
const fs = require('node:fs');
const path = require('node:path');

const [site = '.', mode = 'head'] = process.argv.slice(2);
const dir = path.join(site, '_posts');
const buf = Buffer.allocUnsafe(4096);
let chars = 0;
for (const name of fs.readdirSync(dir).sort()) {
  const file = path.join(dir, name);
  if (mode === 'whole') { chars += fs.readFileSync(file, 'utf8').length; continue; }
  const fd = fs.openSync(file, 'r');
  try { chars += buf.toString('utf8', 0, fs.readSync(fd, buf, 0, buf.length, 0)).length; } finally { fs.closeSync(fd); }
}
process.stdout.write(`${JSON.stringify({ chars })}\n`);
