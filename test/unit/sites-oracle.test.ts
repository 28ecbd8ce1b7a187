// Oracle: Debian's jekyll builds each ordinary blog of test/fixtures/sites; `check` must find no error and `posts` list site.posts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { isSiteContent, siteEntryRules } from '../../src/core/postFiles';
import type { Problem } from '../../src/core/types';
import { isValidated, layoutLookup, validatePost } from '../../src/core/validate';
import { expandPaths, isPostFile, loadSiteFor, readText } from '../../src/node/files';
import { corpusDir, projectRoot } from './corpus';
import { needsTool } from './needs';

const JEKYLL = '/usr/bin/jekyll';
const SITES = path.join(projectRoot, 'test', 'fixtures', 'sites');
// A page that dumps site.posts, site.categories and site.tags; added to a copy of the site, never to the fixture.
const DUMP = `---
layout: null
---
{"posts": [{% for p in site.posts %}{"path": {{ p.path | jsonify }}, "date": {{ p.date | date: "%Y-%m-%d %H:%M:%S %z" | jsonify }}, "categories": {{ p.categories | jsonify }}, "tags": {{ p.tags | jsonify }}, "title": {{ p.title | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}],
"categories": [{% for c in site.categories %}[{{ c[0] | jsonify }}, {{ c[1].size }}]{% unless forloop.last %},{% endunless %}{% endfor %}],
"tags": [{% for c in site.tags %}[{{ c[0] | jsonify }}, {{ c[1].size }}]{% unless forloop.last %},{% endunless %}{% endfor %}]}
`;

interface Published { path: string; date: string; categories: unknown[]; tags: unknown[]; title: unknown }
interface Listed { file: string; published: boolean; reason?: string; date: string | null; categories: unknown[]; tags: unknown[]; title: unknown }
interface Reported { file: string; severity: string; rule: string; message: string }

interface Built { code: number; out: string; posts: Published[]; categories: [unknown, number][]; tags: [unknown, number][] }

/** Builds a copy of `site` (plus the dump page) in a temp folder; returns Jekyll's site.posts, categories, tags and its output. */
function jekyllPosts(site: string): Built {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-sites-'));
  try {
    const src = path.join(tmp, 'src');
    fs.cpSync(site, src, { recursive: true });
    fs.writeFileSync(path.join(src, 'postdesk-posts.json'), DUMP);
    const r = spawnSync(JEKYLL, ['build', '--source', src, '--destination', path.join(tmp, 'out'), '--disable-disk-cache'], { encoding: 'utf8', timeout: 120000, env: { ...process.env, JEKYLL_ENV: 'production' } });
    const json = path.join(tmp, 'out', 'postdesk-posts.json');
    const dump = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')) as Omit<Built, 'code' | 'out'> : { posts: [], categories: [], tags: [] };
    return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}`, ...dump };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main({ argv, cwd: projectRoot, stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
  return { code, out };
}

describe('ordinary Jekyll blogs (test/fixtures/sites): Jekyll publishes every post, Post Desk agrees', function () {
  this.timeout(180000);
  const sites = fs.readdirSync(SITES).filter((n) => fs.existsSync(path.join(SITES, n, '_config.yml'))).sort();

  it('has the fixture sites', () => {
    assert.deepEqual(sites, ['minima-blog', 'plain-blog']);
  });

  for (const name of sites) {
    describe(name, () => {
      const dir = path.join(SITES, name);
      let jekyll: Built;
      before(function () {
        needsTool(this, JEKYLL, 'apt-get install jekyll jekyll-theme-minima');
        jekyll = jekyllPosts(dir);
        assert.equal(jekyll.code, 0, jekyll.out);
        assert.doesNotMatch(jekyll.out, /error|warn|does not exist|could not/i, jekyll.out);
        assert.ok(jekyll.posts.length >= 6, jekyll.out);
      });

      it('`check` reports no error or warning (and exits 0)', async () => {
        const { code, out } = await cli(['check', dir, '--format', 'json']);
        const problems = JSON.parse(out) as Reported[];
        assert.deepEqual(problems.filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => `${p.rule} ${p.file}: ${p.message}`), []);
        assert.equal(code, 0, out);
      });

      it("`posts` lists exactly Jekyll's site.posts as published, with the same date, categories, tags and title", async () => {
        const { code, out } = await cli(['posts', dir, '--format', 'json']);
        assert.equal(code, 0, out);
        const listed = JSON.parse(out) as Listed[];
        const published = listed.filter((v) => v.published).map((v) => ({ path: v.file, date: v.date, categories: v.categories, tags: v.tags, title: v.title }));
        const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
        assert.deepEqual(published.sort(byPath), [...jekyll.posts].sort(byPath));
        // Everything else listed is a draft: fragments, `.yml` files and filtered names are not listed at all.
        assert.deepEqual(listed.filter((v) => !v.published).map((v) => `${v.file} ${v.reason}`), listed.filter((v) => !v.published).map((v) => `${v.file} draft`));
        assert.ok(listed.some((v) => v.reason === 'draft'), 'each fixture has a draft');
      });

      it('`taxonomy` counts exactly site.categories and site.tags (text keys; numeric tags are not counted)', async () => {
        const { code, out } = await cli(['taxonomy', dir, '--format', 'json']);
        assert.equal(code, 0, out);
        const want = (pairs: [unknown, number][]) => Object.fromEntries(pairs.filter(([k]) => typeof k === 'string').map(([k, n]) => [String(k), n]));
        const counts = JSON.parse(out) as { categories: Record<string, number>; tags: Record<string, number> };
        assert.deepEqual(counts.categories, want(jekyll.categories));
        assert.deepEqual(counts.tags, want(jekyll.tags));
      });

      it('dated posts Jekyll excludes (`exclude:`, vendor/bundle) are neither listed, walked by check, nor site content for the editor', async () => {
        const onDisk = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
        const excluded = onDisk.filter((f) => /(^|\/)_posts\/\d{4}-\d\d-\d\d-[^/]+\.md$/.test(f) && !jekyll.posts.some((p) => p.path === f));
        if (name === 'plain-blog') assert.deepEqual(excluded.sort(), ['old-posts/_posts/2022-08-08-excluded.md', 'vendor/bundle/_posts/2022-07-08-bundled.md']);
        const { out } = await cli(['posts', dir, '--format', 'json']);
        const listed = new Set((JSON.parse(out) as Listed[]).map((v) => v.file));
        const walked = new Set(expandPaths([dir], isPostFile).map((f) => path.relative(dir, f).split(path.sep).join('/')));
        const rules = siteEntryRules(loadSiteFor(path.join(dir, 'x')));
        for (const f of excluded) {
          assert.ok(!listed.has(f) && !walked.has(f), `${f} is listed or walked`);
          assert.equal(isSiteContent(rules, f), false, `${f}: the editor's PostWorkspace would analyse it`);
        }
      });

      it('has the files Jekyll ignores on purpose, and they are neither listed nor checked', async () => {
        const all = expandPaths([dir], () => true).map((f) => path.relative(dir, f).split(path.sep).join('/'));
        const inPosts = all.filter((f) => /(^|\/)_posts\//.test(f));
        const ignored = inPosts.filter((f) => !jekyll.posts.some((p) => p.path === f));
        assert.ok(ignored.length >= 3, `ignored files: ${ignored.join(', ')}`);
        const { out } = await cli(['posts', dir, '--format', 'json']);
        const listed = new Set((JSON.parse(out) as Listed[]).map((v) => v.file));
        for (const f of ignored) {
          assert.ok(!listed.has(f), `${f} is listed`);
          const file = path.join(dir, f);
          if (isPostFile(file)) assert.equal(isValidated(loadSiteFor(file), file), false, f);
        }
      });
    });
  }
});

describe('the finews corpus with its five required keys configured keeps every real defect at its severity', function () {
  const corpus = corpusDir();
  // The counts of `node dist/cli.js check ../shared/corpus/finews --format json` before Post Desk stopped requiring keys.
  // The post defects of issue 21, plus one layout defect found since (issue 17): `_layouts/default.html` writes
  // `page.content` unescaped into a meta attribute, which breaks every article page's <head>.
  const EXPECTED = { 'date-no-offset warning': 89, 'front-matter-missing error': 14, 'stock-image-block info': 4, 'filename-invalid error': 1, 'title-empty error': 1, 'date-invalid error': 1, 'layout-unescaped-output warning': 1 };
  const tally = (ps: { rule: string; severity: string }[]) => {
    const out: Record<string, number> = {};
    for (const p of ps) out[`${p.rule} ${p.severity}`] = (out[`${p.rule} ${p.severity}`] ?? 0) + 1;
    return out;
  };

  it('in-process with `postdesk.required: [layout, title, date, categories, tags]`', function () {
    if (!corpus) throw new Error('../shared/corpus/finews is missing');
    const cfg = readText(path.join(corpus, '_config.yml')).text;
    const problems: Problem[] = [];
    for (const file of expandPaths([corpus], isPostFile)) {
      const site = loadSiteFor(file);
      if (!isValidated(site, file)) continue;
      site.postdesk.required = ['layout', 'title', 'date', 'categories', 'tags'];
      const { text, invalid } = readText(file);
      problems.push(...validatePost(text, { site, file, invalidUtf8: invalid, layouts: layoutLookup(site, fs.existsSync, cfg) }));
    }
    assert.deepEqual(tally(problems), EXPECTED);
  });

  it('through `postdesk check`, as the corpus is (no `postdesk:` in its _config.yml)', async function () {
    if (!corpus) throw new Error('../shared/corpus/finews is missing');
    const { out } = await cli(['check', corpus, '--format', 'json']);
    assert.deepEqual(tally(JSON.parse(out) as Reported[]), EXPECTED);
  });
});
