// Reads of files a walk listed as regular (no fstat unless a read fills its buffer): the same bytes and the same refusals as a stat'ed read.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { entryRules, isSiteContent } from '../../src/core/postFiles';
import { loadSiteFor, readText, siteContentByFolder, siteFinder } from '../../src/node/files';
import { readFrontMatter } from '../../src/node/posts';
import { MAX_FILE_BYTES, readBounded } from '../../src/node/safe-fs';

/** Runs `f` counting `fs.fstatSync` calls (src/node calls it through the default export, as bundled here). */
function countingFstat<T>(f: () => T): { value: T; fstats: number } {
  const original = fs.fstatSync;
  let fstats = 0;
  (fs as { fstatSync: unknown }).fstatSync = (...args: Parameters<typeof fs.fstatSync>) => { fstats++; return original(...args); };
  try { return { value: f(), fstats }; } finally { (fs as { fstatSync: unknown }).fstatSync = original; }
}

/** The value or the error message of `f`. */
function outcome<T>(f: () => T): T | string {
  try { return f(); } catch (e) { return `error: ${(e as Error).message}`; }
}

describe('reading files listed as regular (no stat for the usual post)', () => {
  let dir: string;
  before(() => { dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-read-listed-'))); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const SIZES = [0, 1, 100, 8191, 8192, 8193, 65535, 65536, 65537, 131072, 200000, MAX_FILE_BYTES - 1, MAX_FILE_BYTES, MAX_FILE_BYTES + 1, MAX_FILE_BYTES + 70000];
  const write = (name: string, size: number, fmAt = 0) => {
    const head = Buffer.from(`---\ntitle: "中文 ${size}"\ntags: [a, b]\n---\n`);
    const bytes = Buffer.alloc(size, 'x');
    if (size >= fmAt + head.length) head.copy(bytes, fmAt);
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('readText and readBounded: the same text, or the same refusal, as the stat-first read, at every buffer edge and around 1 MiB', () => {
    for (const size of SIZES) {
      const file = write(`whole-${size}.md`, size);
      const stat = outcome(() => readText(file, dir));
      const listed = outcome(() => readText(file, dir, true));
      assert.deepEqual(listed, stat, `${size} bytes`);
      if (size > MAX_FILE_BYTES) assert.match(String(listed), /larger than 1 MiB \(\d+ bytes\)/);
      // A second read into the reused buffer is not disturbed by the first (the bytes were decoded before it).
      assert.deepEqual(outcome(() => readText(file, dir, true)), stat, `${size} bytes, again`);
    }
  });

  it('a small post is read with no fstat; a post that fills the first read is stat\'ed once (so a larger one is refused)', () => {
    const small = write('small.md', 900);
    assert.equal(countingFstat(() => readText(small, dir, true)).fstats, 0);
    assert.equal(countingFstat(() => readFrontMatter(small, dir, true)).fstats, 0);
    assert.equal(countingFstat(() => readText(small, dir)).fstats, 1, 'not listed: stat\'ed as before');
    const big = write('big.md', MAX_FILE_BYTES + 1);
    const r = countingFstat(() => outcome(() => readFrontMatter(big, dir, true)));
    assert.equal(r.fstats, 1);
    assert.match(String(r.value), /larger than 1 MiB \(\d+ bytes\)/);
  });

  it('readFrontMatter: the same front matter text, or the same refusal, with a short front matter at the start of a large file', () => {
    for (const size of SIZES) {
      for (const fmAt of [0, 8180, 70000]) {
        const file = write(`fm-${size}-${fmAt}.md`, size, fmAt);
        const strip = (r: ReturnType<typeof readFrontMatter> | string) => (typeof r === 'string' ? r : { text: r.text, invalid: r.invalid });
        assert.deepEqual(strip(outcome(() => readFrontMatter(file, dir, true))), strip(outcome(() => readFrontMatter(file, dir))), `${size} bytes, front matter at ${fmAt}`);
      }
    }
  });

  it('a FIFO swapped in for a listed file never blocks: read as empty, or refused, but never waited on', () => {
    const fifo = path.join(dir, 'fifo.md');
    execFileSync('mkfifo', [fifo]);
    for (const read of [() => readText(fifo, dir, true).text, () => readFrontMatter(fifo, dir, true).text, () => readBounded(fifo, dir, 10, true).bytes.toString()]) {
      const r = outcome(read);
      assert.ok(r === '' || /^error: /.test(r), String(r));
    }
  });
});

describe('siteFinder (the site of each file of a run, found once per folder)', () => {
  it('gives loadSiteFor\'s site for every way of writing a path: `..`, `.`, doubled separators, relative, nested sites', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-site-finder-')));
    const cwd = process.cwd();
    try {
      fs.mkdirSync(path.join(dir, 'outer', '_posts'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'outer', 'inner', '_posts'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'outer', '_config.yml'), 'title: outer\n');
      fs.writeFileSync(path.join(dir, 'outer', 'inner', '_config.yml'), 'title: inner\n');
      process.chdir(path.join(dir, 'outer'));
      const files = ['inner/_posts/a.md', '_posts/a.md', 'inner/_posts/../a.md', 'inner/_posts/..', 'inner/_posts/.', 'inner/_posts/', 'inner//_posts//a.md',
        'inner/..', 'inner/../_posts/a.md', `${dir}/outer/inner/_posts/a.md`, `${dir}/outer/inner/_posts/..`, `${dir}/outer/inner/_posts/../../_posts/a.md`, 'a.md', 'inner/a.md', 'inner'];
      const finder = siteFinder();
      // Twice, in two orders: a folder's first file must not decide for another way of writing it.
      for (const f of [...files, ...files.slice().reverse()]) assert.equal(finder(f).root, loadSiteFor(f).root, f);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('siteContentByFolder (exclude/include matched once per folder)', () => {
  it('is isSiteContent for every path, whatever the exclude/include patterns (fast-check)', () => {
    const seg = fc.constantFrom('a', 'b', '_posts', 'node_modules', 'vendor', 'x.md', 'a.md', 'Gemfile', '*', 'a*', 'b?', '[ab]', '');
    const rel = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    const pattern = fc.oneof(rel, rel.map((r) => `${r}/`), rel.map((r) => `/${r}`));
    fc.assert(fc.property(fc.array(pattern, { maxLength: 4 }), fc.array(pattern, { maxLength: 3 }), fc.array(fc.tuple(rel, fc.boolean()), { minLength: 1, maxLength: 12 }), (exclude, include, paths) => {
      const rules = entryRules(`exclude: ${JSON.stringify(exclude)}\ninclude: ${JSON.stringify(include)}\n`);
      const content = siteContentByFolder();
      // Twice: the second time from the folders it remembers.
      for (const [r, isDir] of [...paths, ...paths]) assert.equal(content(rules, r, isDir), isSiteContent(rules, r, isDir), `${r} ${isDir} in ${JSON.stringify({ exclude, include })}`);
    }), { numRuns: 2000 });
  });
});
