// New Post's reading of a site (src/core/newpost-sample.ts): one sampling for the editor (workspace.fs) and the CLI (Node fs).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_TEMPLATE_BYTES, NEW_POST_SAMPLES, prepareNewPost, type NewPostFiles } from '../../src/core/newpost-sample';
import { parseSiteConfig } from '../../src/core/site';
import { prepareNewPost as prepareOnDisk } from '../../src/node/newpost';

const NOW = Date.UTC(2026, 11, 1, 17, 30, 5);
const post = (layout: string) => `---\nlayout: ${layout}\ntitle: t\n---\nbody that is not front matter\n`;

/** Files in memory, recording what is read. */
function memory(files: Record<string, string>, dirs: string[] = []): NewPostFiles & { read: string[] } {
  const read: string[] = [];
  return {
    read,
    list: async (folder) => [
      ...Object.keys(files).filter((f) => f.startsWith(`${folder}/`) && !f.slice(folder.length + 1).includes('/')).map((f) => ({ name: f.slice(folder.length + 1), isFile: true })),
      ...dirs.filter((d) => d.startsWith(`${folder}/`)).map((d) => ({ name: d.slice(folder.length + 1), isFile: false })),
    ],
    frontMatter: async (rel) => { read.push(rel); return files[rel].slice(0, files[rel].indexOf('---\n', 4) + 4); },
    size: async (rel) => (rel in files ? Buffer.byteLength(files[rel]) : undefined),
    text: async (rel) => { read.push(rel); return files[rel]; },
  };
}

describe('New Post sampling (one core function, two file systems)', () => {
  const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');

  it('reads the front matter of the newest 50 files only, by name descending', async () => {
    const files: Record<string, string> = {};
    // 60 posts: the 10 oldest use layout `old`, the newest 50 layout `new`.
    for (let i = 0; i < 60; i++) files[`_posts/2020-01-${String(i + 1).padStart(2, '0')}-p${i}.md`] = post(i < 10 ? 'old' : 'new');
    const m = memory(files, ['_posts/2020-12-31-folder']);
    const p = await prepareNewPost(site, { title: 'Hello', now: NOW }, m);
    assert.equal(NEW_POST_SAMPLES, 50);
    assert.equal(m.read.length, 50);
    assert.ok(m.read.every((r) => Number(/-p(\d+)\.md$/.exec(r)?.[1]) >= 10), m.read.join(' '));
    assert.match(p.text, /^---\nlayout: new\n/);
  });

  it('takes a name the folder already has (a folder too) as taken', async () => {
    const m = memory({ '_posts/2026-12-02-hello.md': post('a') }, ['_posts/2026-12-02-hello-2.md']);
    const p = await prepareNewPost(site, { title: 'Hello', now: NOW, folder: '/_posts/' }, m);
    assert.equal(p.rel, '_posts/2026-12-02-hello-3.md');
  });

  it('uses a template up to the size cap, without its BOM, and none above it', async () => {
    const tpl = '\uFEFF---\nfrom_template: 1\n---\nBody\n';
    const small = await prepareNewPost(site, { title: 'Hi', now: NOW }, memory({ '_templates/post.md': tpl }));
    assert.match(small.text, /^---\n/);
    assert.match(small.text, /from_template: 1/);
    const big = tpl + 'x'.repeat(MAX_TEMPLATE_BYTES);
    const none = await prepareNewPost(site, { title: 'Hi', now: NOW }, memory({ '_templates/post.md': big }));
    assert.doesNotMatch(none.text, /from_template/);
  });

  it('the Node files give what the same files in memory give', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-newsample-'));
    try {
      const files: Record<string, string> = {
        '_posts/2021-01-01-a.md': post('layout'), '_posts/2021-01-02-b.md': post('layout'), '_templates/post.md': '---\nextra: 1\n---\nTpl\n',
      };
      for (const [rel, text] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }); fs.writeFileSync(path.join(root, rel), text); }
      const s = parseSiteConfig('timezone: Asia/Shanghai\n', root);
      const onDisk = await prepareOnDisk(s, { title: 'Hello', now: NOW });
      const inMemory = await prepareNewPost(s, { title: 'Hello', now: NOW }, memory(files));
      assert.deepEqual(onDisk, inMemory);
      await assert.rejects(prepareOnDisk(s, { title: 'x', now: NOW, folder: '../out' }), /not a folder inside the site/);
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});
