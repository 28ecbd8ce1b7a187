// Oracle: Debian's jekyll builds sample-site, the finews corpus and the minima fixture; each post's page as Post Desk renders it equals Jekyll's.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderPublished } from '../../src/core/published';
import { nodeSiteFiles, findTheme } from '../../src/node/site-files';
import { readPost, siteModel } from '../../src/core/published/drops';
import { parsePost } from '../../src/core/parse';
import { copyWritable, corpusDir, projectRoot } from './corpus';
import { needsTool } from './needs';
import { normalizeBody } from './published-normalize';
import { normalizeCss } from './published-css';
import { layeredFiles, sitePages } from '../../src/core/published';
import { compileSiteSass } from '../../src/node/site-sass';

const JEKYLL = '/usr/bin/jekyll';

interface Site { name: string; dir: string; prepare?: (copy: string) => void }

const SITES: Site[] = [
  { name: 'sample-site', dir: path.join(projectRoot, 'sample-site') },
  { name: 'minima fixture', dir: path.join(projectRoot, 'test', 'fixtures', 'sites-published', 'minima-news') },
];
const corpus = corpusDir();
if (corpus) {
  SITES.push({
    name: 'finews corpus', dir: corpus,
    // The copy builds without the GitHub Pages theme gem (jekyll-theme-minimal is not packaged in Debian): its one
    // include is an empty file, `{% seo %}` runs from ruby-jekyll-seo-tag (whitelisted: the site is `safe: true`), and the post whose date stops every build is left out.
    prepare(copy) {
      const cfg = path.join(copy, '_config.yml');
      fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace(/^theme:.*$/m, '').replace(/^plugins:\n/m, 'plugins:\n  - jekyll-seo-tag\n') + '\nwhitelist: [jekyll-seo-tag, jekyll-feed]\n');
      fs.mkdirSync(path.join(copy, '_includes'), { recursive: true });
      fs.writeFileSync(path.join(copy, '_includes', 'head-custom.html'), '');
      for (const d of ['old_post', '_alt_versions', 'category', 'README.md', '404.md', 'MANIFEST.tsv']) fs.rmSync(path.join(copy, d), { recursive: true, force: true });
      for (const f of fs.readdirSync(path.join(copy, '_posts'))) {
        if (/^date:\s+\+0800\s*$/m.test(fs.readFileSync(path.join(copy, '_posts', f), 'utf8'))) fs.rmSync(path.join(copy, '_posts', f));
      }
    },
  });
}

/** Every file of every `_posts` folder in a site, site-relative. */
function postFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && e.name === '_posts') out.push(...fs.readdirSync(path.join(dir, r)).filter((f) => fs.statSync(path.join(dir, r, f)).isFile()).map((f) => `${r}/${f}`));
    else if (e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.')) out.push(...postFiles(dir, r));
  }
  return out.sort();
}

/** The index of the first line where two normalised bodies differ, or -1. */
function firstDifference(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('"As published" pages equal the pages Jekyll writes (oracle: Debian jekyll 4.3.1)', function () {
  this.timeout(600000);

  for (const site of SITES) {
    it(`${site.name}: every published post's <body> has Jekyll's text and element structure`, function () {
      needsTool(this, JEKYLL, 'apt-get install jekyll jekyll-theme-minima ruby-jekyll-seo-tag ruby-jekyll-feed');
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-published-'));
      try {
        const src = path.join(tmp, 'src');
        copyWritable(site.dir, src, (p) => !p.includes(`${path.sep}_site`));
        site.prepare?.(src);
        const out = path.join(tmp, 'out');
        const r = spawnSync(JEKYLL, ['build', '--source', src, '--destination', out, '--disable-disk-cache'], { encoding: 'utf8', timeout: 300000, env: { ...process.env, TZ: 'UTC', JEKYLL_ENV: 'development' } });
        assert.equal(r.status, 0, `jekyll build failed:\n${r.stdout}${r.stderr}`);
        const files = nodeSiteFiles(src);
        const themeDir = findTheme(files.read('_config.yml')).dir;
        const theme = themeDir ? nodeSiteFiles(themeDir) : undefined;
        const now = Date.now();
        const model = siteModel(files, now);
        let compared = 0;
        let leaked = 0;
        const failures: string[] = [];
        let last: ReturnType<typeof renderPublished> | undefined;
        for (const rel of postFiles(src)) {
          const text = files.read(rel) ?? '';
          const post = readPost(model, rel, text);
          if (!post.view.published) continue;
          const url = decodeURIComponent(post.url);
          const built = path.join(out, url.endsWith('/') ? `${url}index.html` : url);
          assert.ok(fs.existsSync(built), `${rel}: Jekyll wrote no ${url}`);
          const mine = renderPublished({ files, theme, file: rel, now });
          last = mine;
          assert.deepEqual(mine.errors, [], `${rel}: ${mine.errors.join('; ')}`);
          const a = normalizeBody(mine.html);
          const b = normalizeBody(fs.readFileSync(built, 'utf8'));
          compared++;
          // A post with a blank line before `---` has no front matter: its fence and YAML are body text, ending in a
          // `---` line. CommonMark (the article renderer) reads a paragraph before `---` as a setext <h2>; kramdown keeps
          // it a <p> ending in "---". Post Desk flags these posts (front-matter-missing); the rest of the page must be equal.
          if (parsePost(text).noFrontMatter?.reason === 'leading-blank' && a[1] === '<h2>' && b[1] === '<p>' && b[2]?.endsWith(' ---"')) {
            a.splice(1, 2);
            b.splice(1, 2);
            leaked++;
          }
          const i = firstDifference(a, b);
          if (i >= 0) failures.push(`${rel}: line ${i} of <body>: Post Desk ${JSON.stringify(a[i] ?? '(end)')}, Jekyll ${JSON.stringify(b[i] ?? '(end)')}`);
        }
        // Stylesheet pages (`.scss`/`.sass` with front matter, the site's or the theme's): Liquid, then Dart Sass, equal to
        // the CSS Jekyll wrote (libsass through jekyll-sass-converter) after normalizeCss.
        let sheets = 0;
        for (const pg of sitePages(files, theme, { raw: model.raw, config: model.config, markdownExts: model.permalink.markdownExts })) {
          if (!/\.s[ac]ss$/.test(String(pg.path)) || !last) continue;
          const src = last.stylesheet(String(pg.url));
          assert.equal(src.kind, 'sass', `${String(pg.url)} resolves to its Sass page`);
          if (src.kind !== 'sass') continue;
          const css = compileSiteSass(layeredFiles(files, theme), src.rel, src.source, model.raw);
          sheets++;
          const a = normalizeCss(css.css ?? css.error ?? '');
          const b = normalizeCss(fs.readFileSync(path.join(out, String(pg.url)), 'utf8'));
          const i = firstDifference(a, b);
          if (i >= 0) failures.push(`${String(pg.url)}: rule ${i}: Post Desk ${JSON.stringify(a[i] ?? '(end)')}, Jekyll ${JSON.stringify(b[i] ?? '(end)')}`);
        }
        console.log(`      ${site.name}: ${sheets} Sass stylesheet(s) compared`);
        console.log(`      ${site.name}: ${compared - failures.length}/${compared} pages equal (${leaked} of them apart from kramdown's reading of a leaked front matter)`);
        assert.ok(compared > 0, 'no published post compared');
        assert.deepEqual(failures, [], failures.join('\n'));
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});

// Each Jekyll filter Post Desk adds or takes from liquidjs, on inputs where Jekyll's documented behaviour matters.
const FILTER_CASES = [
  '{{ "/assets/style.css" | relative_url }}', '{{ "assets/style.css" | relative_url }}', '{{ "https://cdn.example.org/x.css" | relative_url }}',
  '{{ "/新闻/一.html" | relative_url }}', '{{ "/about/" | absolute_url }}', '{{ "about" | absolute_url }}', '{{ "" | relative_url }}',
  '{{ "**bold** and _it_" | markdownify }}', `{{ 'Use "Jekyll" --- fast...' | smartify }}`, `{{ "it's -- 'quoted'" | smartify }}`,
  '{{ "The _config.yml file" | slugify }}', '{{ "The _config.yml file" | slugify: "pretty" }}', '{{ "The _config.yml file" | slugify: "ascii" }}',
  '{{ "The _config.yml file" | slugify: "latin" }}', '{{ "The _config.yml file" | slugify: "raw" }}', '{{ "The _config.yml file" | slugify: "none" }}',
  '{{ "港口 恢复通航 2021" | slugify }}', '{{ "Ünïcödé Çafé" | slugify: "latin" }}', '{{ "Ünïcödé Çafé" | slugify: "default" }}',
  '{{ page.date | date_to_xmlschema }}', '{{ page.date | date_to_rfc822 }}', '{{ page.date | date_to_string }}', '{{ page.date | date_to_string: "ordinal", "US" }}',
  '{{ page.date | date_to_long_string }}', '{{ page.date | date_to_long_string: "ordinal" }}', '{{ page.date | date: "%b %-d, %Y %H:%M %z" }}', '{{ page.date }}',
  '{{ site.data.ships | where: "kind", "ferry" | map: "name" | join: "," }}', '{{ site.data.ships | where_exp: "s", "s.tons > 100" | map: "name" | join: "," }}',
  '{% assign g = site.data.ships | group_by: "kind" %}{% for x in g %}{{ x.name }}={{ x.items | map: "name" | join: "+" }}/{{ x.size }};{% endfor %}',
  '{{ site.data.ships | sort: "tons" | map: "name" | join: "," }}', '{{ site.data.ships | sort: "name" | last | jsonify }}',
  '{{ page.tags | jsonify }}', `{{ 'a < b & "c"' | xml_escape }}`, '{{ "a b&c=d/é?" | cgi_escape }}', '{{ "a b/c?d=é#f" | uri_escape }}',
  '{{ "one two  three" | number_of_words }}', '{{ "港口今日恢复通航 ok" | number_of_words }}', '{{ "港口今日恢复通航 ok" | number_of_words: "cjk" }}', '{{ "港口 ok" | number_of_words: "auto" }}',
  '{{ page.tags | array_to_sentence_string }}', '{{ page.tags | array_to_sentence_string: "or" }}', '{{ page.categories | array_to_sentence_string }}',
];
const FILTER_CONFIG = 'title: Filters\nbaseurl: /blog\nurl: https://example.org\ntimezone: Asia/Shanghai\n';
const FILTER_DATA = '- {name: Aurora, kind: ferry, tons: 120}\n- {name: Boreas, kind: cargo, tons: 900}\n- {name: Cirrus, kind: ferry, tons: 80}\n';
const FILTER_POST = `---\ntitle: Filters\ndate: 2024-03-04 09:05:06 +0800\ncategories: [news]\ntags: [ferry, spring, harbour]\n---\n<ol>\n${FILTER_CASES.map((c) => `<li>${c}</li>`).join('\n')}\n</ol>\n`;

describe('Jekyll filters: Post Desk\'s output equals Jekyll\'s (oracle: Debian jekyll 4.3.1)', function () {
  this.timeout(300000);
  it(`${FILTER_CASES.length} filter expressions give Jekyll's text`, function () {
    needsTool(this, JEKYLL, 'apt-get install jekyll ruby-jekyll-seo-tag ruby-jekyll-feed');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-filters-'));
    try {
      const src = path.join(tmp, 'src');
      fs.mkdirSync(path.join(src, '_posts'), { recursive: true });
      fs.mkdirSync(path.join(src, '_data'));
      fs.writeFileSync(path.join(src, '_config.yml'), FILTER_CONFIG);
      fs.writeFileSync(path.join(src, '_data', 'ships.yml'), FILTER_DATA);
      fs.writeFileSync(path.join(src, '_posts', '2024-03-04-filters.html'), FILTER_POST);
      const out = path.join(tmp, 'out');
      const r = spawnSync(JEKYLL, ['build', '--source', src, '--destination', out, '--disable-disk-cache'], { encoding: 'utf8', timeout: 120000, env: { ...process.env, TZ: 'UTC' } });
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`.split('\n').slice(0, 12).join('\n'));
      const items = (html: string) => [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
      const jekyll = items(fs.readFileSync(path.join(out, 'news', '2024', '03', '04', 'filters.html'), 'utf8'));
      const mine = renderPublished({ files: nodeSiteFiles(src), file: '_posts/2024-03-04-filters.html' });
      assert.deepEqual(mine.errors, []);
      // Compared as text a browser shows (entities decoded), since the article body is sanitized.
      const text = (s: string) => normalizeBody(`<body>${s}</body>`).join('\n');
      const got = items(mine.html);
      const diffs = FILTER_CASES.map((c, i) => ({ c, mine: text(got[i] ?? ''), jekyll: text(jekyll[i] ?? '') })).filter((d) => d.mine !== d.jekyll);
      console.log(`      ${FILTER_CASES.length - diffs.length}/${FILTER_CASES.length} filter expressions equal`);
      assert.deepEqual(diffs, []);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
