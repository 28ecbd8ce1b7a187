// The editor's walk of a workspace (src/core/siteWalk.ts): which folders it enters, which entries it keeps, which paths are in post folders.
import * as assert from 'node:assert/strict';
import { entryRules } from '../../src/core/postFiles';
import { entersFolder, inPostFolder, keepsEntry } from '../../src/core/siteWalk';

const DIR = { file: false, dir: true, symlink: false };
const LINKED_DIR = { file: false, dir: true, symlink: true };
const FILE = { file: true, dir: false, symlink: false };
const LINKED_FILE = { file: true, dir: false, symlink: true };
const FIFO = { file: false, dir: false, symlink: false };
const DANGLING = { file: false, dir: false, symlink: true };

describe('siteWalk', () => {
  const rules = entryRules('exclude: [archive, "drafts-old/", old]\ninclude: [old]\n');
  const site = (rel: string) => ({ rules, rel });

  it('never enters a symlinked folder, _site, node_modules or a dot folder, in a site or not', () => {
    for (const s of [undefined, site('x')]) {
      assert.equal(entersFolder('x', LINKED_DIR, s), false);
      assert.equal(entersFolder('_posts', LINKED_DIR, s && site('_posts')), false);
      assert.equal(entersFolder('_site', DIR, s && site('_site')), false);
      assert.equal(entersFolder('node_modules', DIR, s && site('node_modules')), false);
      assert.equal(entersFolder('.git', DIR, s && site('.git')), false);
      assert.equal(entersFolder('.jekyll-cache', DIR, s && site('.jekyll-cache')), false);
    }
  });

  it("applies the site's exclude:/include: and Jekyll's default excludes to the folder's site-relative path", () => {
    assert.equal(entersFolder('archive', DIR, site('archive')), false);
    assert.equal(entersFolder('archive', DIR, site('news/archive')), true);
    assert.equal(entersFolder('drafts-old', DIR, site('drafts-old')), false);
    assert.equal(entersFolder('bundle', DIR, site('vendor/bundle')), false);
    assert.equal(entersFolder('old', DIR, site('old')), true);
    assert.equal(entersFolder('theme', DIR, site('vendor/theme')), true);
    assert.equal(entersFolder('vendor', DIR, site('vendor')), true);
    // Outside any site, only the fixed names are skipped (a site found below decides the rest).
    assert.equal(entersFolder('bundle', DIR), true);
  });

  it('enters ordinary and deep folders, never a file', () => {
    for (const name of ['a', 'b', 'c', '_posts', '_drafts', '_layouts', '_articles', '2021']) assert.equal(entersFolder(name, DIR, site(`a/b/${name}`)), true, name);
    assert.equal(entersFolder('_posts', FILE, site('_posts')), false);
  });

  it('keeps files, symlinked files and special entries under a folder named _…, never folders', () => {
    for (const t of [FILE, LINKED_FILE, FIFO, DANGLING]) {
      assert.equal(keepsEntry(t, true), true);
      assert.equal(keepsEntry(t, false), false);
    }
    assert.equal(keepsEntry(DIR, true), false);
    assert.equal(keepsEntry(LINKED_DIR, true), false);
  });

  it('lists files of _posts, _drafts and collection folders at any depth', () => {
    const cols = new Set(['articles']);
    assert.equal(inPostFolder('_posts/2021-01-01-a.md', cols), true);
    assert.equal(inPostFolder('a/b/c/_posts/2021-01-01-a.md', cols), true);
    assert.equal(inPostFolder('_posts/2021/01/2021-01-01-a.md', cols), true);
    assert.equal(inPostFolder('news/_drafts/a.md', cols), true);
    assert.equal(inPostFolder('coll/_articles/a.md', cols), true);
    assert.equal(inPostFolder('_notes/a.md', cols), false);
    assert.equal(inPostFolder('_layouts/post.html', cols), false);
    // The file's own name is not a folder.
    assert.equal(inPostFolder('a/_posts', cols), false);
    assert.equal(inPostFolder('my_posts/a.md', cols), false);
  });
});
