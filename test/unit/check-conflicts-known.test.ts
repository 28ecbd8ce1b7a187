// `postdesk check` reuses the posts it read for permalink-conflict (KnownDestinations): the same conflicts whether a post was read by check or only by the site-wide pass.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

/** Runs `postdesk check ARGS --format json` in-process in `cwd`; the permalink-conflict results, file → message. */
async function conflicts(cwd: string, args: string[]): Promise<Record<string, string>> {
  let out = '';
  await main({ argv: ['check', ...args, '--format', 'json'], cwd, stdout: (t) => { out += t; }, stderr: () => undefined });
  const found = (JSON.parse(out) as { file: string; rule: string; message: string }[]).filter((x) => x.rule === 'permalink-conflict');
  return Object.fromEntries(found.map((x) => [x.file, x.message]));
}

describe('check: permalink-conflict over posts check read and posts it did not', () => {
  let root: string;
  const post = (extra: string) => `---\nlayout: post\ntitle: t\ndate: 2021-12-01 10:00:00 +0800\ncategories: emnews\n${extra}---\nbody\n`;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-known-'));
    const files: Record<string, string | Buffer> = {
      '_config.yml': 'timezone: Asia/Shanghai\npermalink: pretty\n', '_layouts/post.html': '{{ content }}',
      // Two posts at one URL (one .md, one .txt that check does not read but Jekyll does), a third by permalink.
      '_posts/2021-12-01-same.md': post(''), '_posts/2021-12-01-same.txt': post(''), '_posts/2021-12-02-x.md': post('permalink: /emnews/2021/12/01/same/\n'),
      // Not valid UTF-8 in its body (check reads it whole; the site-wide pass, reading front matter, counts it): left to that pass.
      '_posts/2021-12-03-bad.md': Buffer.concat([Buffer.from(post('permalink: /emnews/2021/12/01/same/\n')), Buffer.from([0xff, 0xfe])]),
      '_drafts/same.md': post('permalink: /emnews/2021/12/01/same/\n'),
      // A site of its own inside this one: its posts' URLs are its own.
      'inner/_config.yml': 'permalink: /:title/\n', 'inner/_posts/2021-12-01-same.md': post(''), 'inner/_posts/2021-12-05-same.md': post(''),
    };
    for (const [rel, text] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }); fs.writeFileSync(path.join(root, rel), text); }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports the same conflicts for a post whether check read all the posts or one', async () => {
    const all = await conflicts(root, ['.']);
    assert.deepEqual(Object.keys(all).sort(), ['_posts/2021-12-01-same.md', '_posts/2021-12-02-x.md', '_posts/2021-12-03-bad.md', 'inner/_posts/2021-12-01-same.md', 'inner/_posts/2021-12-05-same.md']);
    assert.match(all['_posts/2021-12-01-same.md'], /2021-12-01-same\.txt.*2021-12-02-x\.md/);
    for (const file of Object.keys(all)) assert.deepEqual(await conflicts(root, [file]), { [file]: all[file] }, file);
    assert.deepEqual(await conflicts(path.join(root, 'inner'), ['.']), { '_posts/2021-12-01-same.md': all['inner/_posts/2021-12-01-same.md'], '_posts/2021-12-05-same.md': all['inner/_posts/2021-12-05-same.md'] });
  });
});
