// `postdesk strip`: exit codes, output, --write and kept mtimes, in-process through main() and as the built bin.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { copyWritable, corpusDir, projectRoot } from './corpus';

const SP = '<p style="display:none;height:1px;overflow:hidden;"><br /></p>';
const S = '<!-- EM_StockImg_Start -->';
const E = '<!-- EM_StockImg_End -->';
const IMG = '<p style="text-align:center;"><img src="https://charts.example.com/GetPic.aspx?nid=1.600000" /></p>';
const FM = '---\nlayout: post\ntitle: "示例"\ndate: 2022-03-21 23:17:46 +0800\n---\n';
const sample = fs.readFileSync(path.join(projectRoot, 'sample-site/_posts/2022-03-21-stock-blocks.md'), 'utf8');

const FILES: Record<string, string> = {
  '_config.yml': 'timezone: Asia/Shanghai\n',
  '_posts/2022-03-21-blocks.md': sample,
  '_posts/2022-01-01-clean.md': `${FM}<p>正文</p>`,
  '_posts/2022-01-02-unterminated.md': `${FM}<p>a</p>\n${SP}${S}${IMG}<p>后文</p>`,
  '_posts/2022-01-03-crlf.md': `${FM}<p>a</p>\n${SP}${S}${IMG}${E}\n<p>b</p>`.replace(/\n/g, '\r\n'),
  'notes.txt': `${S}${IMG}${E}`,
};
const STRIPPED: Record<string, string> = {
  '_posts/2022-03-21-blocks.md': sample.replace(/<p style="display:none;[^>]*><br \/><\/p><!-- EM_StockImg_Start -->[\s\S]*?<!-- EM_StockImg_End -->/g, ''),
  '_posts/2022-01-03-crlf.md': `${FM}<p>a</p>\n<p>b</p>`.replace(/\n/g, '\r\n'),
};
const PAST = new Date('2020-01-01T00:00:00Z');

interface Run { code: number; stdout: string; stderr: string }
type Runner = (argv: string[], cwd: string) => Promise<Run>;

const inProcess: Runner = async (argv, cwd) => {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
};
const bin: Runner = async (argv, cwd) => {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'dist/cli.js'), ...argv], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

/** A fresh copy of the fixture site with every mtime set in the past. */
function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-strip-'));
  for (const [rel, text] of Object.entries(FILES)) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    fs.utimesSync(f, PAST, PAST);
  }
  return dir;
}
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
const mtime = (dir: string, rel: string) => fs.statSync(path.join(dir, rel)).mtimeMs;

interface Case { name: string; argv: string[]; cwd?: string; code: number; stdout: string | RegExp; stderr?: RegExp; changed: string[] }
const p = (rel: string) => path.join('_posts', rel);
const CASES: Case[] = [
  {
    name: 'lists blocks per line in the current folder, exits 1, changes nothing',
    argv: ['strip'], code: 1,
    stdout: `${p('2022-01-03-crlf.md')}:7: 1 block\n${p('2022-03-21-blocks.md')}:8: 2 blocks\n`,
    stderr: /2022-01-02-unterminated\.md:7: unterminated stock-image start marker/, changed: [],
  },
  { name: 'exits 0 with no output for a clean post', argv: ['strip', p('2022-01-01-clean.md')], code: 0, stdout: '', changed: [] },
  { name: 'reports an unterminated start on stderr and exits 1', argv: ['strip', p('2022-01-02-unterminated.md')], code: 1, stdout: '', stderr: /unterminated stock-image start marker, left alone/, changed: [] },
  {
    name: '--write removes the blocks, leaves other files untouched, exits 1 for the unterminated marker',
    argv: ['strip', '--write', '.'], code: 1,
    stdout: `${p('2022-01-03-crlf.md')}:7: removed 1 block\n${p('2022-03-21-blocks.md')}:8: removed 2 blocks\n`,
    stderr: /unterminated/, changed: ['_posts/2022-01-03-crlf.md', '_posts/2022-03-21-blocks.md'],
  },
  { name: '--write on one post exits 0', argv: ['strip', p('2022-03-21-blocks.md'), '--write'], code: 0, stdout: `${p('2022-03-21-blocks.md')}:8: removed 2 blocks\n`, changed: ['_posts/2022-03-21-blocks.md'] },
  { name: 'defaults to the current folder, paths shown relative to it', argv: ['strip'], cwd: '_posts', code: 1, stdout: '2022-01-03-crlf.md:7: 1 block\n2022-03-21-blocks.md:8: 2 blocks\n', stderr: /^2022-01-02-unterminated\.md:7:/, changed: [] },
  { name: 'a missing path is a usage error', argv: ['strip', 'nope'], code: 2, stdout: '', stderr: /no such file or folder/, changed: [] },
  { name: 'an unknown option is a usage error', argv: ['strip', '--force'], code: 2, stdout: '', stderr: /unknown option --force/, changed: [] },
];

for (const [label, run] of [['in-process main()', inProcess], ['bin dist/cli.js', bin]] as [string, Runner][]) {
  describe(`postdesk strip (${label})`, function () {
    this.timeout(20000);
    before(function () { if (run === bin && !fs.existsSync(path.join(projectRoot, 'dist/cli.js'))) this.skip(); });

    for (const c of CASES) {
      it(c.name, async () => {
        const dir = site();
        try {
          const r = await run(c.argv, c.cwd ? path.join(dir, c.cwd) : dir);
          assert.equal(r.code, c.code, r.stderr);
          if (typeof c.stdout === 'string') assert.equal(r.stdout, c.stdout); else assert.match(r.stdout, c.stdout);
          if (c.stderr) assert.match(r.stderr, c.stderr); else assert.equal(r.stderr, '');
          for (const rel of Object.keys(FILES)) {
            if (c.changed.includes(rel)) {
              assert.equal(read(dir, rel), STRIPPED[rel], rel);
              assert.notEqual(mtime(dir, rel), PAST.getTime(), rel);
            } else {
              assert.equal(read(dir, rel), FILES[rel], `${rel} unchanged`);
              assert.equal(mtime(dir, rel), PAST.getTime(), `${rel} mtime kept`);
            }
          }
          if (c.changed.length) {
            const check = await run(['strip', ...c.changed], dir);
            assert.equal(check.code, 0, 'nothing left to strip');
            assert.equal(check.stdout, '');
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}

describe('postdesk strip --write on the real corpus', function () {
  this.timeout(30000);
  const corpus = corpusDir();
  (corpus ? it : it.skip)('removes exactly the blocks of the 3 posts that have them, and rewrites nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-corpus-'));
    try {
      copyWritable(corpus!, dir);
      const before = new Map<string, { text: string; mtime: number }>();
      const walk = (d: string) => { for (const n of fs.readdirSync(d)) { const f = path.join(d, n); if (fs.statSync(f).isDirectory()) walk(f); else { fs.utimesSync(f, PAST, PAST); before.set(f, { text: fs.readFileSync(f, 'utf8'), mtime: PAST.getTime() }); } } };
      walk(dir);
      const r = await inProcess(['strip', '--write'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim().split('\n').length, 3);
      const ref = /<p style="display:none;height:1px;overflow:hidden;"><br \/><\/p><!-- EM_StockImg_Start -->[\s\S]*?<!-- EM_StockImg_End -->/g;
      let changed = 0;
      for (const [f, b] of before) {
        const now = fs.readFileSync(f, 'utf8');
        if (now !== b.text) { changed++; assert.equal(now, b.text.replace(ref, ''), f); assert.ok(!/EM_StockImg/i.test(now)); } else assert.equal(fs.statSync(f).mtimeMs, b.mtime, `${f} not rewritten`);
      }
      assert.equal(changed, 3);
      assert.equal((await inProcess(['strip'], dir)).code, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
