// The T2 baseline: a bare loop that reads each post whole, slices its front matter and calls yaml.parseDocument.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const site = process.argv[2] ?? '.';
const dir = path.join(site, '_posts');
let docs = 0;
let errors = 0;
for (const name of fs.readdirSync(dir).sort()) {
  if (!name.endsWith('.md')) continue;
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  if (!text.startsWith('---')) continue;
  const start = text.indexOf('\n') + 1;
  const end = text.indexOf('\n---', start - 1);
  if (end < 0) continue;
  const doc = parseDocument(text.slice(start, end + 1));
  docs++;
  errors += doc.errors.length;
}
process.stdout.write(`${JSON.stringify({ docs, errors })}\n`);
