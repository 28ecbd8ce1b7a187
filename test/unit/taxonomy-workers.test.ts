// `postdesk taxonomy` on worker threads gives byte-for-byte the output of one thread; front matter reads; the lazy command table.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS, main } from '../../src/cli/main';
import { taxonomyLastRun, taxonomySettings } from '../../src/cli/taxonomy';
import { frontMatterBytes } from '../../src/core/taxonomy/index';
import { decodeText } from '../../src/core/parse';
import { readFrontMatter } from '../../src/node/posts';
import { info } from '../../src/cli/info';
import { render } from '../../src/cli/render';
import { strip } from '../../src/cli/strip';
import { check } from '../../src/cli/check';
import { taxonomy } from '../../src/cli/taxonomy';
import { posts } from '../../src/cli/posts';
import { add } from '../../src/cli/add';
import { newCommand } from '../../src/cli/new';
import { projectRoot } from './corpus';

/** A seeded site of `n` posts in every shape the reader handles: scalar/flow/block lists, odd values, bad YAML, drafts, folders. */
function makeSite(n: number, config: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-tax-workers-'));
  let seed = 7;
  const r = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 2 ** 32; };
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const values = ['emnews', 'cls', '东财滚动新闻', 'A股', '2021', '10', '__proto__', 'constructor', 'a b', '21shiji  nancai', 'anxin(xianggang)', 'yes', '~', '"quoted x"', "'single'", '1.5'];
  const list = (key: string) => {
    const xs = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(values));
    const form = r();
    if (form < 0.6) return `${key}: ${xs[0]}`;
    if (form < 0.8) return `${key}: [${xs.join(', ')}]`;
    return `${key}:\n${xs.map((x) => `  - ${x}`).join('\n')}`;
  };
  fs.writeFileSync(path.join(dir, '_config.yml'), config);
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2021, 0, 1) + i * 7 * 3600 * 1000);
    const ymd = day.toISOString().slice(0, 10);
    const folder = i % 37 === 3 ? 'markets/_posts' : i % 53 === 5 ? '_drafts' : '_posts';
    const lines = ['layout: post', `title: "t${i}"`, r() < 0.5 ? `date: ${ymd} 10:00:00 +0800` : `date: ${ymd} ${String(i % 24).padStart(2, '0')}:30:00`, list('categories'), list('tags')];
    if (i % 29 === 0) lines.push('published: false');
    if (i % 31 === 0) lines.push('tag: solo');
    if (i % 41 === 0) lines[1] = 'title: "bad "quote""';
    if (i % 43 === 0) lines[2] = 'date: 2099-01-01 00:00:00';
    const lead = i % 47 === 0 ? '\n' : '';
    const file = path.join(dir, folder, `${ymd}-p${i}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${lead}---\n${lines.join('\n')}\n---\nbody ${i}\n`);
  }
  return dir;
}

async function run(argv: string[]): Promise<string> {
  let out = '';
  const code = await main({ argv, cwd: '/', stdout: (t) => { out += t; }, stderr: (t) => { out += `stderr: ${t}`; } });
  assert.equal(code, 0, out);
  return out;
}

describe('postdesk taxonomy on worker threads', function () {
  this.timeout(60000);
  const saved = { ...taxonomySettings };
  const dirs: string[] = [];
  after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });
  afterEach(() => Object.assign(taxonomySettings, saved));

  for (const [name, config] of [['no defaults', 'timezone: Asia/Shanghai\n'], ['defaults', 'timezone: Asia/Shanghai\ndefaults:\n  - scope: {path: ""}\n    values: {tags: [d1], categories: [dc]}\n']]) {
    it(`gives the same JSON and text as one thread on ~600 posts (${name})`, async function () {
      const worker = path.join(projectRoot, 'dist', 'taxonomy-worker.js');
      if (!fs.existsSync(worker)) this.skip();
      const dir = makeSite(620, config);
      dirs.push(dir);
      Object.assign(taxonomySettings, { workers: 0 });
      const json1 = await run(['taxonomy', dir, '--format', 'json']);
      const text1 = await run(['taxonomy', dir]);
      assert.equal(taxonomyLastRun.workers, 0);
      // The worker alone, then both threads taking batches as they come.
      Object.assign(taxonomySettings, { workers: 1, batch: 16, workerFile: worker, mainCounts: false });
      const json2 = await run(['taxonomy', dir, '--format', 'json']);
      assert.equal(taxonomyLastRun.workers, 1);
      assert.equal(taxonomyLastRun.workerBatches, Math.ceil(620 / 16));
      assert.equal(await run(['taxonomy', dir]), text1);
      Object.assign(taxonomySettings, { mainCounts: true });
      const json3 = await run(['taxonomy', dir, '--format', 'json']);
      assert.equal(taxonomyLastRun.workers, 1);
      assert.equal(json2, json1);
      assert.equal(json3, json1);
      const counts = JSON.parse(json1) as { categories: Record<string, number>; tags: Record<string, number> };
      assert.ok(Object.keys(counts.tags).length > 8 && counts.tags.__proto__ > 0 && counts.categories['2021'] > 0 && counts.categories.markets > 0, json1);
    });
  }

  it('counts on this thread alone when the worker script is missing', async () => {
    const dir = makeSite(600, 'timezone: Asia/Shanghai\n');
    dirs.push(dir);
    Object.assign(taxonomySettings, { workers: 0 });
    const one = await run(['taxonomy', dir, '--format', 'json']);
    Object.assign(taxonomySettings, { workers: 1, batch: 16, workerFile: path.join(dir, 'missing-worker.js'), mainCounts: false });
    assert.equal(await run(['taxonomy', dir, '--format', 'json']), one);
    assert.equal(taxonomyLastRun.workers, 0);
  });
});

describe('postdesk command table', () => {
  it('lists each command with the name, summary and usage of its module (loaded only to run)', () => {
    const modules = [info, render, strip, check, taxonomy, posts, newCommand, add];
    assert.deepEqual(COMMANDS.map((c) => [c.name, c.summary, c.usage]), modules.map((c) => [c.name, c.summary, c.usage]));
  });
});

describe('readFrontMatter (one buffer, read on past it)', () => {
  it('reads exactly the front matter bytes a whole-file read gives, at and around the 8 KiB buffer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-read-fm-'));
    try {
      const cases: Buffer[] = [];
      for (const size of [8180, 8186, 8187, 8188, 8189, 8190, 8191, 8192, 8193, 8200, 16383, 16384, 16390, 40000]) {
        for (const close of ['---\n', '---', '...\r\n', '--- \n']) {
          const head = `---\ntitle: "${'中'.repeat(3)}"\n`;
          const filler = `x: ${'a'.repeat(Math.max(0, size - head.length - close.length - 4))}\n`;
          cases.push(Buffer.from(`${head}${filler}${close}body after`));
        }
        cases.push(Buffer.from(`no front matter ${'b'.repeat(size)}\nsecond line`));
      }
      cases.push(Buffer.concat([Buffer.from('\uFEFF---\ntitle: t\n'), Buffer.from([0xff, 0xfe]), Buffer.from('\n---\nbody')]));
      cases.push(Buffer.from('---\ntitle: unclosed\n'), Buffer.from(''), Buffer.from('---'));
      cases.forEach((bytes, i) => {
        const file = path.join(dir, `${i}.md`);
        fs.writeFileSync(file, bytes);
        assert.deepEqual(readFrontMatter(file), decodeText(frontMatterBytes(bytes)), `case ${i} (${bytes.length} bytes)`);
      });
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});
