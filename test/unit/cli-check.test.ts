// `postdesk check`: one case table run in-process through main() and as a child process (node dist/cli.js).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { projectRoot } from './corpus';

const FM = (date: string, extra = '') => `---\nlayout: post\ntitle: "标题"\ndate: ${date}\ncategories: emnews\ntags: 东财滚动新闻\n${extra}---\n正文\n`;

/** A fresh fixture site; `posts` maps site-relative paths to contents (strings or bytes). */
function makeSite(posts: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-check-'));
  fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\n');
  fs.mkdirSync(path.join(root, '_layouts'));
  fs.writeFileSync(path.join(root, '_layouts', 'post.html'), '{{ content }}');
  for (const [rel, body] of Object.entries(posts)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
  return root;
}

interface Run { code: number; stdout: string; stderr: string }

async function inProcess(args: string[], cwd: string): Promise<Run> {
  let stdout = ''; let stderr = '';
  const code = await main({ argv: ['check', ...args], cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

async function child(args: string[], cwd: string): Promise<Run> {
  try {
    const stdout = execFileSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'check', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Case { name: string; posts: Record<string, string | Buffer>; args: string[]; code: number; rules?: string[]; out?: RegExp }

const CASES: Case[] = [
  { name: 'a clean site', posts: { '_posts/2021-12-08-a.md': FM('2021-12-08 10:00:00 +0800'), 'index.md': 'not a post' }, args: [], code: 0, rules: [], out: /No problems/ },
  { name: 'warnings only exit 0', posts: { '_posts/2021-12-08-a.md': FM('2021-12-08 10:00:00') }, args: ['--format', 'json'], code: 0, rules: ['date-no-offset'] },
  { name: 'an error exits 1', posts: { '_posts/2021-12-08-a.md': `\n${FM('2021-12-08 10:00:00 +0800')}` }, args: ['--format=json'], code: 1, rules: ['front-matter-missing'] },
  { name: 'a skipped file name', posts: { '_posts/-2021.md': FM('2021-12-08 10:00:00 +0800') }, args: ['--format', 'json'], code: 1, rules: ['filename-invalid'] },
  { name: 'invalid UTF-8 is a problem, other files still checked', posts: { '_posts/2021-12-08-a.md': Buffer.concat([Buffer.from(FM('2021-12-08 10:00:00 +0800')), Buffer.from([0xff, 0xfe, 0x41])]), '_posts/2021-12-09-b.md': FM('2021-12-09 10:00:00') }, args: ['--format', 'json'], code: 1, rules: ['date-no-offset', 'encoding-invalid'] },
  { name: 'a post just under the 1 MiB bound is read', posts: { '_posts/2021-12-08-big.md': FM('2021-12-08 10:00:00') + 'x'.repeat(1024 * 1024 - 200) }, args: ['--format', 'json'], code: 0, rules: ['body-heavy', 'date-no-offset'] },
  { name: 'a 6 MB post is a warning on it, not read', posts: { '_posts/2021-12-08-big.md': FM('2021-12-08 10:00:00') + 'x'.repeat(6 * 1024 * 1024), '_posts/2021-12-09-b.md': FM('2021-12-09 10:00:00') }, args: ['--format', 'json'], code: 0, rules: ['date-no-offset', 'file-unreadable'], out: /larger than 1 MiB/ },
  { name: 'a bad _config.yml is a problem, not a crash', posts: { '_config.yml': 'timezone: [\n', '_posts/2021-12-08-a.md': FM('2021-12-08 10:00:00 +0800') }, args: ['--format', 'json'], code: 1, rules: ['config-invalid'] },
  { name: 'an unknown format is a usage error', posts: {}, args: ['--format', 'xml'], code: 2, out: /^$/ },
  { name: 'an unknown option is a usage error', posts: {}, args: ['--nope'], code: 2 },
  { name: 'a missing path is an I/O error', posts: {}, args: ['no-such-dir'], code: 2 },
];

for (const [how, exec] of [['in-process', inProcess], ['child process', child]] as const) {
  describe(`postdesk check (${how})`, function () {
    this.timeout(30000);
    before(function () { if (how === 'child process' && !fs.existsSync(path.join(projectRoot, 'dist', 'cli.js'))) throw new Error('dist/cli.js missing: run npm run build'); });
    for (const c of CASES) {
      it(`${c.name} → exit ${c.code}`, async () => {
        const root = makeSite(c.posts);
        const r = await exec(c.args, root);
        assert.equal(r.code, c.code, r.stderr + r.stdout.slice(0, 2000));
        if (c.out) assert.match(r.stdout, c.out);
        if (c.rules) {
          const rules = c.args.some((a) => a.includes('json')) ? [...new Set((JSON.parse(r.stdout) as { rule: string }[]).map((x) => x.rule))].sort() : [];
          assert.deepEqual(rules, c.rules);
        }
      });
    }

    it('json: 1-based positions and the documented fields', async () => {
      const root = makeSite({ '_posts/2021-12-08-a.md': FM('2021-12-08 10:00:00') });
      const [r] = JSON.parse((await exec(['--format', 'json', '_posts'], root)).stdout);
      assert.deepEqual(Object.keys(r).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
      assert.deepEqual([r.file, r.line, r.column, r.endLine, r.endColumn, r.severity, r.rule], [path.join('_posts', '2021-12-08-a.md'), 4, 7, 4, 26, 'warning', 'date-no-offset']);
      assert.match(r.message, /2021-12-08 18:00:00 \+0800/);
    });

    it('sarif: a SARIF 2.1.0 log with rules and regions', async () => {
      const root = makeSite({ '_posts/2021-12-08-a.md': `\n${FM('2021-12-08 10:00:00')}` });
      const log = JSON.parse((await exec(['--format', 'sarif'], root)).stdout);
      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'Post Desk');
      assert.ok(run.tool.driver.rules.some((x: { id: string; helpUri: string }) => x.id === 'date-no-offset' && x.helpUri.endsWith('/docs/rules/date-no-offset.md')));
      const levels = run.results.map((x: { ruleId: string; level: string }) => `${x.ruleId}:${x.level}`).sort();
      assert.deepEqual(levels, ['date-no-offset:warning', 'front-matter-missing:error']);
      assert.equal(run.results[0].locations[0].physicalLocation.region.startLine, 1);
      assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, '_posts/2021-12-08-a.md');
    });

    it('text: file:line:col: severity rule: message, and a summary', async () => {
      const root = makeSite({ '_posts/2021-12-08-a.md': FM('2021-12-08 10:00:00') });
      const r = await exec([], root);
      assert.match(r.stdout, /^_posts\/2021-12-08-a\.md:4:7: warning date-no-offset: /m);
      assert.match(r.stdout, /1 problems \(0 errors, 1 warnings, 0 info\) in 1 files/);
    });

    it('a named file its site excludes is not checked, as in the editor, and says so on stderr', async () => {
      const root = makeSite({ '_posts/2021-12-08-a.md': FM('2021-12-08 10:00:00'), 'old/_posts/2021-12-09-b.md': FM('2021-12-09 10:00:00') });
      fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\nexclude: [old]\n');
      const named = path.join('old', '_posts', '2021-12-09-b.md');
      const r = await exec(['--format', 'json', named, path.join('_posts', '2021-12-08-a.md')], root);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file), [path.join('_posts', '2021-12-08-a.md')]);
      if (how === 'in-process') assert.match(r.stderr, /old\/_posts\/2021-12-09-b\.md: not checked: its site's _config\.yml/);
      // Without the exclude, the same command checks it.
      fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\n');
      const all = await exec(['--format', 'json', named], root);
      assert.deepEqual((JSON.parse(all.stdout) as { file: string }[]).map((x) => x.file), [named]);
    });

    it('--fix applies the preferred fixes and renames, then reports what is left', async () => {
      const root = makeSite({
        '_posts/2021-12-08-a.md': `\n\n${FM('2021-12-08 20:00:00', 'tags: [x, x]\n').replace('tags: 东财滚动新闻\n', '')}`,
        '_posts/-20211209.md': FM('2021-12-09 10:00:00 +0800'),
        '_posts/2021-12-10-c.md': FM(' +0800'),
      });
      const r = await exec(['--fix', '--format', 'json'], root);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(fs.readFileSync(path.join(root, '_posts/2021-12-08-a.md'), 'utf8'), FM('2021-12-08 20:00:00 +0800', 'tags: [x]\n').replace('tags: 东财滚动新闻\n', ''));
      assert.ok(fs.existsSync(path.join(root, '_posts/2021-12-09-20211209.md')));
      assert.ok(!fs.existsSync(path.join(root, '_posts/-20211209.md')));
      assert.deepEqual((JSON.parse(r.stdout) as { rule: string }[]).map((x) => x.rule), ['date-invalid']);
      const again = await exec(['--fix'], root);
      assert.match(again.stdout, /; 0 fixed/);
    });
  });
}
