// Oracle: Debian's jekyll 4.3.1 builds fixture sites; every post's `postdesk posts` url must equal its page.url, and
// permalink conflicts must be found exactly where Jekyll prints "Conflict:".
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { viewDestination } from '../../src/core/jekyll/post-url';
import { findConflicts, findViewConflicts } from '../../src/core/rules/permalink-conflict';
import { loadSite } from '../../src/node/files';
import { sitePostViews } from '../../src/node/posts';

const JEKYLL = '/usr/bin/jekyll';
const LIST = `---\nlayout: null\n---\n[{% for p in site.posts %}{"path": {{ p.relative_path | jsonify }}, "url": {{ p.url | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]\n`;
const fm = (lines: string) => `---\nlayout: post\n${lines}---\nbody\n`;

/** Posts every site gets: file names, folders and front matter that move the URL. */
const POSTS: Record<string, string> = {
  '_posts/2021-12-01-hello-world.md': fm('title: Hello\ndate: 2021-12-01 10:00:00 +0800\ncategories: News WORLD\n'),
  '_posts/2021-12-01-late.md': fm('date: 2021-12-01 20:00:00\ncategories: [a b, c]\n'),
  '_posts/2021-12-02-新闻标题 空格.md': fm('date: 2021-12-02 09:05:07 +0800\ncategories: 财经 emnews\ntags: 东财\n'),
  '_posts/2021-12-03-202112031234567.md': fm('title: "标题：一"\ndate: 2021-12-03 23:59:59 +0800\ncategories: emnews\n'),
  '_posts/2021-12-04-custom-slug.md': fm('slug: "My Slug! 你好_x.y"\ncategories: [c#, "100%", "x?y", Dup, dup]\n'),
  '_posts/2021-12-05-own-permalink.md': fm('permalink: /fixed/:year/:title/\n'),
  '_posts/2021-12-05-own-ext.md': fm('permalink: /feeds/:slug.json\n'),
  '_posts/2021-12-06-Mixed_Case.Name..md': fm('date: 2021-12-06 01:00:00 -0100\n'),
  '_posts/2021-01-01-iso-week.markdown': fm('date: 2021-01-01 12:00:00 +0800\n'),
  '_posts/2021-12-07-plain.html': fm('category: one two\n'),
  'news/world/_posts/2021-12-08-folder.md': fm('categories: Extra\n'),
  '_posts/sub/2021-12-10-inner.md': fm(''),
  'special/_posts/2021-12-11-defaults.md': fm(''),
  '_posts/2021-12-12-no-front-matter.md': 'no front matter\n',
  // Two posts Jekyll writes to one file (same permalink), and two that differ only in the file name's date.
  '_posts/2021-12-13-clash-a.md': fm('permalink: /clash/\n'),
  '_posts/2021-12-14-clash-b.md': fm('permalink: /clash/\n'),
  '_posts/2021-12-15-same.md': fm('date: 2021-12-20 10:00:00 +0800\n'),
  '_posts/2021-12-16-same.md': fm('date: 2021-12-20 11:00:00 +0800\n'),
  '_posts/2021-12-17-upper.md': fm('permalink: /Case/\n'),
  '_posts/2021-12-18-lower.md': fm('permalink: /case/\n'),
};
const DEFAULTS = 'defaults:\n  - scope: { path: "special" }\n    values: { permalink: "/special/:slug/" }\n';

/** One fixture site per permalink setting. */
const SITES: Record<string, string> = {
  date: '',
  pretty: 'permalink: pretty\n',
  ordinal: 'permalink: ordinal\n',
  weekdate: 'permalink: weekdate\n',
  none: 'permalink: none\n',
  custom: 'permalink: "/:categories/:short_year/:i_month/:i_day/:hour:minute:second-:slug:output_ext"\n',
  words: 'permalink: "/:long_month/:short_month/:month_:day/:w_year-:week-:w_day-:long_day/:y_day/:name/"\n',
  paths: 'permalink: "/:collection/:slugified_categories/:path/"\n',
  collection: 'collections:\n  posts:\n    permalink: /news/:title.html\n',
  markdownExt: 'markdown_ext: "md"\npermalink: /:title:output_ext\n',
};

/** Posts only for sites whose URL has no date part: unparseable front matter gets the build time as its date. */
const UNDATED: Record<string, string> = { '_posts/2021-12-19-bad-yaml.md': '---\ntitle: "a "quoted" title"\ncategories: lost\n---\n' };
const undated = new Set(['none', 'collection', 'markdownExt']);

interface Built { urls: Map<string, string>; conflicts: Map<string, string[]> }

function build(config: string, files: Record<string, string>): Built {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-url-oracle-'));
  try {
    const src = path.join(root, 'src');
    const all: Record<string, string> = { '_config.yml': `title: oracle\ntimezone: Asia/Shanghai\n${DEFAULTS}${config}`, '_layouts/post.html': '{{ content }}', 'urls.json': LIST, ...files };
    for (const [rel, text] of Object.entries(all)) {
      fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
      fs.writeFileSync(path.join(src, rel), text);
    }
    const r = spawnSync(JEKYLL, ['build', '--source', src, '--destination', path.join(root, 'out'), '--disable-disk-cache'], { encoding: 'utf8', timeout: 120000, env: { ...process.env, JEKYLL_ENV: 'production', TZ: 'UTC' } });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const list = JSON.parse(fs.readFileSync(path.join(root, 'out', 'urls.json'), 'utf8')) as { path: string; url: string }[];
    return { urls: new Map(list.map((p) => [p.path, p.url])), conflicts: jekyllConflicts(`${r.stdout}\n${r.stderr}`, path.join(root, 'out'), src) };
  } finally { fs.rmSync(root, { recursive: true, force: true }); }
}

/** Jekyll's "Conflict:" warnings: destination (relative to `_site`) → the site-relative files written there. */
function jekyllConflicts(log: string, dest: string, src: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = log.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('Conflict: The following destination is shared by multiple files.')) continue;
    const target = lines[i + 2].slice(dest.length);
    const files: string[] = [];
    for (let j = i + 3; lines[j]?.startsWith('- '); j++) files.push(lines[j].slice(2 + src.length + 1));
    out.set(target, files.sort());
  }
  return out;
}

function ours(config: string, files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-url-ours-'));
  try {
    fs.writeFileSync(path.join(root, '_config.yml'), `title: oracle\ntimezone: Asia/Shanghai\n${DEFAULTS}${config}`);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    return { root, views: sitePostViews(loadSite(root), { full: true }) };
  } catch (e) { fs.rmSync(root, { recursive: true, force: true }); throw e; }
}

describe('Jekyll oracle: post URLs and permalink conflicts', function () {
  this.timeout(300000);
  before(function () {
    if (!fs.existsSync(JEKYLL)) {
      console.log(`    SKIPPED: ${JEKYLL} is not installed (Debian package jekyll), so the URL oracle cannot run`);
      this.skip();
    }
  });

  for (const [name, config] of Object.entries(SITES)) {
    it(`gives every post the url Jekyll gives it (permalink setting: ${name})`, async () => {
      const files = undated.has(name) ? { ...POSTS, ...UNDATED } : POSTS;
      const jekyll = build(config, files);
      const { root, views } = ours(config, files);
      try {
        let out = '';
        const code = await main({ argv: ['posts', root, '--format', 'json'], cwd: root, stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
        assert.equal(code, 0, out);
        const byFile = new Map((JSON.parse(out) as { file: string; url: string | null }[]).map((v) => [v.file, v.url]));
        assert.equal(jekyll.urls.size, Object.keys(files).length, 'Jekyll published every fixture post');
        for (const [file, url] of jekyll.urls) assert.equal(byFile.get(file), url, `${name}: ${file}`);
        // Conflicts among posts exactly as Jekyll reports them.
        const now = Date.now();
        const found = findConflicts(views.map((v) => ({ file: v.file, published: v.published, destination: viewDestination(v, loadSite(root), now) })));
        const want = new Map([...jekyll.conflicts].filter(([, files]) => files.every((f) => /(^|\/)_posts\//.test(f))));
        assert.ok(want.size >= 1, 'the fixtures hold at least one conflict');
        assert.deepEqual(new Map([...found].map(([d, fs_]) => [d, [...fs_].sort()])), want, name);
        // The keyed path (check and the editor) answers the same, in the same order.
        assert.deepEqual([...findViewConflicts(views, loadSite(root), now)], [...found], name);
      } finally { fs.rmSync(root, { recursive: true, force: true }); }
    });
  }
});
