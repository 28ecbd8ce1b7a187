// `postdesk info FILE [--format text|json]`: the readable lines by default, today's JSON fields plus the new ones with json.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''; let stderr = '';
  const code = await main({ argv: ['info', ...args], cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('postdesk info', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-info-'));
  fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\npermalink: /:categories/:title/\n');
  fs.mkdirSync(path.join(root, '_layouts'));
  fs.writeFileSync(path.join(root, '_layouts', 'post.html'), '---\nlayout: default\n---\n{{ content }}');
  fs.writeFileSync(path.join(root, '_layouts', 'default.html'), '{{ content }}');
  fs.mkdirSync(path.join(root, 'news', '_posts'), { recursive: true });
  const rel = 'news/_posts/2021-12-08-x.md';
  fs.writeFileSync(path.join(root, rel), '---\nlayout: post\ntitle: "标题\\u001b[2J"\ndate: 2021-12-08 10:00:00\ncategories: emnews\n---\n正文\n');
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('text: published, time both ways, the permalink URL, layout chain, folder categories, problems; no control characters', async () => {
    const r = await run([rel], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('\n').slice(0, 7).join('\n'), [
      'Published.',
      'Time: 2021-12-08 18:00:00 +0800 (Asia/Shanghai); the file says 2021-12-08 10:00:00',
      'URL: /news/emnews/x/',
      'Title: 标题\ufffd[2J',
      'Layout: post → default',
      'Categories: news (folder), emnews',
      'Tags: none',
    ].join('\n'));
    assert.match(r.stdout, /- warning line 4: .* \(date-no-offset\)/);
    assert.deepEqual(await run([rel, '--format', 'text'], root), r);
  });

  it('json: the earlier fields and the new ones', async () => {
    const r = await run([rel, '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of ['file', 'site', 'timezone', 'bom', 'eol', 'invalidUtf8', 'language', 'frontMatter', 'noFrontMatter', 'keys', 'data', 'yamlErrors', 'body']) assert.ok(k in j, k);
    assert.equal(j.file, rel);
    assert.equal(j.url, '/news/emnews/x/');
    assert.equal(j.date, '2021-12-08 18:00:00 +0800');
    assert.equal((await run([rel, '--format', 'yaml'], root)).code, 2);
  });
});
