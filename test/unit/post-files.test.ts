// Which files Jekyll reads: `exclude:` / `include:` with Jekyll's defaults (src/core/postFiles.ts), checked against Debian's jekyll.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { entryRules, isExcludedEntry, isPostFile, isSiteContent } from '../../src/core/postFiles';
import { defaultSite, fileKind } from '../../src/core/site';
import { expandPaths, isPostFile as nodeIsPostFile, loadSite } from '../../src/node/files';
import { postFolderFiles } from '../../src/node/posts';
import { needsTool } from './needs';

const JEKYLL = '/usr/bin/jekyll';
const POST = '---\ntitle: x\n---\nbody\n';
const CONFIG = 'exclude: [old, "_posts/archive", "*.draft.md", "skip/"]\ninclude: [old/keep]\n';
/** Site-relative post files of the fixture; Jekyll decides which of them it publishes. */
const POSTS = [
  '_posts/2021-01-01-kept.md',
  '_posts/archive/2021-01-02-archived.md',
  '_posts/2021-01-03-x.draft.md',
  'vendor/bundle/ruby/_posts/2021-01-04-bundled.md',
  'vendor/theme/_posts/2021-01-05-vendored.md',
  'node_modules/pkg/_posts/2021-01-06-npm.md',
  'old/_posts/2021-01-07-old.md',
  'oldish/_posts/2021-01-08-prefix.md',
  'skip/_posts/2021-01-09-skip.md',
  'skipper/_posts/2021-01-10-skipper.md',
  'news/_posts/2021-01-11-news.md',
];

describe('post files: exclude / include', () => {
  it('recognizes post-like extensions (the CLI uses the same function)', () => {
    assert.equal(nodeIsPostFile, isPostFile);
    assert.ok(isPostFile('/s/_posts/a.md') && isPostFile('/s/_posts/a.HTML') && isPostFile('a.markdown'));
    assert.ok(!isPostFile('/s/_posts/a.txt') && !isPostFile('/s/_posts/md'));
  });

  it("adds Jekyll's default excludes to the site's own list and reads include:", () => {
    const r = entryRules(CONFIG);
    assert.ok(r.exclude.includes('old') && r.exclude.includes('node_modules') && r.exclude.includes('vendor/bundle/'));
    assert.deepEqual(r.include, ['old/keep']);
    assert.deepEqual(entryRules(undefined).include, ['.htaccess']);
    assert.deepEqual(entryRules('exclude: [: bad').exclude, entryRules(undefined).exclude);
  });

  it('excludes by fnmatch, by string prefix and folders named with a trailing slash', () => {
    const r = entryRules(CONFIG);
    assert.ok(isExcludedEntry(r, 'old/_posts/2021-01-07-old.md'));
    assert.ok(isExcludedEntry(r, 'oldish/_posts/2021-01-08-prefix.md'), 'a string prefix, as Ruby start_with?');
    assert.ok(isExcludedEntry(r, '_posts/2021-01-03-x.draft.md'), '* matches across folders');
    assert.ok(isExcludedEntry(r, 'skip/_posts/a.md'));
    assert.ok(!isExcludedEntry(r, 'skipper/_posts/a.md'), '`skip/` names the folder only');
    assert.ok(isExcludedEntry(r, 'vendor/bundle/ruby/_posts/a.md'));
    assert.ok(!isExcludedEntry(r, 'vendor/theme/_posts/a.md'));
    assert.ok(!isExcludedEntry(r, '_posts/2021-01-01-kept.md'));
    assert.ok(isSiteContent(r, 'skip') && !isSiteContent(r, 'skip', true), '`skip/` names a folder: the walk asks with dir');
    assert.ok(!isSiteContent(r, 'vendor/bundle', true) && isSiteContent(r, 'vendor', true) && isSiteContent(r, 'vendor/theme', true));
    assert.ok(!isSiteContent(r, 'node_modules', true) && !isSiteContent(r, 'Gemfile'));
    assert.ok(isSiteContent(entryRules('include: [node_modules]\n'), 'node_modules/x/_posts/a.md'), 'include: wins over a default exclude');
  });

  it('matches what Jekyll 4.3 publishes (oracle)', function () {
    this.timeout(120000);
    needsTool(this, JEKYLL, 'apt-get install jekyll');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-exclude-'));
    try {
      const files: Record<string, string> = {
        '_config.yml': CONFIG,
        'oracle.json': '---\nlayout: null\n---\n[{% for p in site.posts %}{{ p.relative_path | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %}]\n',
      };
      for (const p of POSTS) files[p] = POST;
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      }
      execFileSync(JEKYLL, ['build', '--safe', '-s', dir, '-d', path.join(dir, '_site')], { stdio: 'pipe' });
      const published = (JSON.parse(fs.readFileSync(path.join(dir, '_site', 'oracle.json'), 'utf8')) as string[]).sort();
      const site = defaultSite(dir);
      const rules = entryRules(CONFIG);
      const ours = POSTS.filter((p) => fileKind(site, p).kind === 'post' && isSiteContent(rules, p)).sort();
      assert.deepEqual(ours, published);
      // The CLI's two walks decide by the same function: `posts`/`taxonomy` (post folders) and `check`/`strip` (paths).
      const rel = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
      assert.deepEqual(rel(postFolderFiles(loadSite(dir))), published);
      assert.deepEqual(rel(expandPaths([dir], nodeIsPostFile)).filter((p) => fileKind(site, p).kind === 'post'), published);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
