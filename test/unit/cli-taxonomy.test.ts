// `postdesk taxonomy|posts|add`: in-process through main() and as a process (node dist/cli.js).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { commaValues } from '../../src/cli/add';
import { projectRoot } from './corpus';

const SITE: Record<string, string> = {
  '_config.yml': 'timezone: Asia/Shanghai\n',
  '_posts/2021-12-01-a.md': '---\ntitle: A\ncategories: emnews\ntags: 东财滚动新闻\n---\nbody',
  '_posts/2021-12-02-b.md': '---\r\ntitle: B\r\ntags:\r\n  - x\r\n---\r\nbody',
  '_posts/2021-12-03-c.md': 'no front matter',
  '_posts/2021-12-04-d.md': '\n---\ntitle: hidden\n---\n',
  '_drafts/e.md': '---\ntags: draft\n---\n',
};

function makeSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-cli-tax-'));
  for (const [rel, text] of Object.entries(SITE)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('postdesk taxonomy / posts / add', () => {
  let dir = '';
  beforeEach(() => { dir = makeSite(); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('taxonomy prints counts of published posts as JSON and text', async () => {
    const r = await run(['taxonomy', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), { categories: { emnews: 1 }, tags: { x: 1, 东财滚动新闻: 1 } });
    const t = await run(['taxonomy', dir], '/');
    assert.match(t.stdout, /^categories \(1\)\n\s+1\s+emnews\n/);
  });

  it('posts lists every post-folder file with Jekyll’s view', async () => {
    const r = await run(['posts', '.', '--format=json'], dir);
    const list = JSON.parse(r.stdout) as { file: string; published: boolean; title: unknown; reason?: string }[];
    assert.deepEqual(list.map((p) => [p.file, p.published, p.reason ?? null]), [
      ['_drafts/e.md', false, 'draft'],
      ['_posts/2021-12-01-a.md', true, null],
      ['_posts/2021-12-02-b.md', true, null],
      ['_posts/2021-12-03-c.md', true, null],
      ['_posts/2021-12-04-d.md', true, null],
    ]);
    assert.equal(list[3].title, 'C');
  });

  it('add edits every file it can, creates missing front matter, and exits 1 when one failed', async () => {
    const r = await run(['add', '--categories', 'a, b c', '--tags', 'x,y', '_posts/2021-12-01-a.md', '_posts/2021-12-02-b.md', '_posts/2021-12-03-c.md', '_posts/2021-12-04-d.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /2021-12-04-d\.md: .*blank/);
    const read = (f: string) => fs.readFileSync(path.join(dir, '_posts', f), 'utf8');
    // `y` alone is quoted: Psych reads it as a string, YAML 1.1 readers (Post Desk's parser too) as a boolean.
    assert.equal(read('2021-12-01-a.md'), '---\ntitle: A\ncategories: [emnews, a, b c]\ntags: 东财滚动新闻 x y\n---\nbody');
    assert.equal(read('2021-12-02-b.md'), '---\r\ntitle: B\r\ntags:\r\n  - x\r\n  - "y"\r\ncategories: [a, b c]\r\n---\r\nbody');
    assert.equal(read('2021-12-03-c.md'), '---\ncategories: [a, b c]\ntags: x y\n---\nno front matter');
    assert.equal(read('2021-12-04-d.md'), SITE['_posts/2021-12-04-d.md']);
  });

  it('add refuses usage errors with exit 2', async () => {
    assert.equal((await run(['add', '_posts/2021-12-01-a.md'], dir)).code, 2);
    assert.equal((await run(['add', '--tags', 'x'], dir)).code, 2);
    assert.equal((await run(['taxonomy', '--format', 'xml'], dir)).code, 2);
    assert.deepEqual(commaValues(' a , b c,,d'), ['a', 'b c', 'd']);
  });

  it('runs as a process: node dist/cli.js', function () {
    const cli = path.join(projectRoot, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const t = spawnSync(process.execPath, [cli, 'taxonomy', dir, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(t.status, 0, t.stderr);
    assert.deepEqual(JSON.parse(t.stdout).categories, { emnews: 1 });
    const a = spawnSync(process.execPath, [cli, 'add', '--tags', 'new', path.join(dir, '_posts/2021-12-01-a.md'), path.join(dir, 'missing.md')], { encoding: 'utf8' });
    assert.equal(a.status, 1);
    assert.match(fs.readFileSync(path.join(dir, '_posts/2021-12-01-a.md'), 'utf8'), /^tags: 东财滚动新闻 new$/m);
    const p = spawnSync(process.execPath, [cli, 'posts', dir], { encoding: 'utf8' });
    assert.equal(p.status, 0);
    assert.match(p.stdout, /_drafts\/e\.md\tunpublished \(draft\)/);
  });
});
