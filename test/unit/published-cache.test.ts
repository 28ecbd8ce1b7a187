// "As published" between keystrokes: the render cache (templates by text, lists until cleared), the time budget, site.pages, neighbours, stylesheets, Sass.
import * as assert from 'node:assert/strict';
import { layeredFiles, memoryFiles, pageUrl, PublishedCache, renderPublished, rewriteCssUrls, sitePages, sitePath } from '../../src/core/published';
import { parseSiteConfig } from '../../src/core/site';
import { compileSiteSass, SassCache } from '../../src/node/site-sass';
import { liquidZone } from '../../src/core/published/page';

const SITE: Record<string, string> = {
  '_config.yml': 'title: Harbour\nbaseurl: /h\npermalink: pretty\n',
  '_layouts/default.html': '<html><head><link rel="stylesheet" href="{{ "/assets/site.css" | relative_url }}"></head><body><h1>{{ site.title }}</h1>{% include nav.html %}{{ content }}</body></html>',
  '_layouts/post.html': '---\nlayout: default\n---\n<article>{{ content }}</article><p class="n">prev={{ page.previous.title }} next={{ page.next.title }}</p>',
  '_includes/nav.html': '<nav>{% for p in site.pages %}<a>{{ p.title }}={{ p.url }}</a>{% endfor %}</nav>',
  '_posts/2024-01-01-a.md': '---\nlayout: post\ntitle: A\n---\nfirst\n',
  '_posts/2024-02-01-b.md': '---\nlayout: post\ntitle: B\n---\nsecond\n',
  '_posts/2024-03-01-c.md': '---\nlayout: post\ntitle: C\n---\nthird\n',
  'about.md': '---\ntitle: About\n---\nx\n',
  'zeta/index.html': '---\ntitle: Zeta\n---\nz\n',
  'assets/site.scss': '---\n---\n@import "vars";\nh1 { color: $ink; content: "{{ site.title }}"; }\n',
  '_sass/_vars.scss': '$ink: #123456;\n',
  'static.css': 'p { margin: 0 }\n',
};

/** Counts reads per path, to see what a render reads. */
function counting(files: Record<string, string>): { files: ReturnType<typeof memoryFiles>; reads: Map<string, number> } {
  const base = memoryFiles(files);
  const reads = new Map<string, number>();
  return { reads, files: { list: base.list, read: (p) => { reads.set(p, (reads.get(p) ?? 0) + 1); return base.read(p); } } };
}

describe('"As published": site.pages, page.next/previous, stylesheets', () => {
  it('site.pages are the files with front matter outside `_` folders, sorted by name, with Jekyll\'s page URLs', () => {
    const r = renderPublished({ files: memoryFiles(SITE), file: '_posts/2024-02-01-b.md' });
    assert.match(r.html, /<nav><a>About=\/about\/<\/a><a>Zeta=\/zeta\/<\/a><a>=\/assets\/site\.css<\/a><\/nav>/);
  });

  it('page.previous is the older post and page.next the newer one (Jekyll\'s Document order)', () => {
    assert.match(renderPublished({ files: memoryFiles(SITE), file: '_posts/2024-02-01-b.md' }).html, /prev=A next=C/);
    assert.match(renderPublished({ files: memoryFiles(SITE), file: '_posts/2024-01-01-a.md' }).html, /prev= next=B/);
    // The editor's text decides: moved to 2025, B is the newest post.
    const moved = renderPublished({ files: memoryFiles(SITE), file: '_posts/2024-02-01-b.md', text: '---\nlayout: post\ntitle: B\ndate: 2025-01-01\n---\nsecond\n' });
    assert.match(moved.html, /prev=C next=</);
  });

  it('page URLs follow the permalink style, index files and `permalink:`', () => {
    const site = (permalink?: string) => ({ raw: permalink ? { permalink } : {}, config: parseSiteConfig('', '/site'), markdownExts: ['.md'] });
    assert.equal(pageUrl('about.md', {}, site()), '/about.html');
    assert.equal(pageUrl('about.md', {}, site('pretty')), '/about/');
    assert.equal(pageUrl('docs/index.md', {}, site('pretty')), '/docs/');
    assert.equal(pageUrl('feed.xml', {}, site('pretty')), '/feed.xml');
    assert.equal(pageUrl('a/b.md', { permalink: '/x/:basename/' }, site()), '/x/b/');
    assert.equal(pageUrl('assets/main.scss', {}, site('pretty')), '/assets/main.css');
    const pages = sitePages(memoryFiles({ ...SITE, 'node_modules/x.md': '---\n---\n', '_drafts/d.md': '---\n---\n', 'plain.md': 'no front matter' }), undefined, { ...site(), raw: {} });
    assert.deepEqual(pages.map((p) => p.path), ['about.md', 'zeta/index.html', 'assets/site.scss']);
  });

  it('a linked stylesheet resolves to its Sass page (Liquid rendered), a static file, or remote', () => {
    const r = renderPublished({ files: memoryFiles(SITE), file: '_posts/2024-02-01-b.md' });
    const s = r.stylesheet('/h/assets/site.css');
    assert.equal(s.kind, 'sass');
    assert.match(s.kind === 'sass' ? s.source : '', /content: "Harbour"/);
    assert.deepEqual(r.stylesheet('/h/static.css?v=1'), { kind: 'file', rel: 'static.css', theme: false });
    assert.equal(r.stylesheet('https://cdn.example.org/x.css').kind, 'remote');
    assert.equal(r.stylesheet('//cdn.example.org/x.css').kind, 'remote');
    assert.equal(r.stylesheet('/h/nope.css').kind, 'missing');
    assert.equal(sitePath('../../x.css', '', '/a/'), undefined);
  });
});

describe('"As published": render cache and budget', () => {
  it('a second render with the cache parses no template again and reads no post or page again', () => {
    const { files, reads } = counting(SITE);
    const cache = new PublishedCache();
    const a = renderPublished({ files, file: '_posts/2024-02-01-b.md', cache });
    const parsed = cache.parses;
    assert.ok(parsed >= 3, `layouts and include parsed (${parsed})`);
    reads.clear();
    const b = renderPublished({ files, file: '_posts/2024-02-01-b.md', cache, text: '---\nlayout: post\ntitle: B\n---\nsecond, edited\n' });
    assert.equal(cache.parses, parsed, 'nothing parsed again for an edit of plain text');
    assert.equal(reads.get('_posts/2024-01-01-a.md'), undefined, 'other posts are not read again');
    assert.equal(reads.get('about.md'), undefined, 'pages are not read again');
    assert.equal(b.html, a.html.replace('second', 'second, edited'));
  });

  it('an edited layout is parsed again without clearing; clear() forgets the lists', () => {
    const files: Record<string, string> = { ...SITE };
    const cache = new PublishedCache();
    renderPublished({ files: memoryFiles(files), file: '_posts/2024-02-01-b.md', cache });
    files['_includes/nav.html'] = '<nav>changed</nav>';
    assert.match(renderPublished({ files: memoryFiles(files), file: '_posts/2024-02-01-b.md', cache }).html, /<nav>changed<\/nav>/);
    files['about.md'] = '---\ntitle: About us\n---\n';
    files['_includes/nav.html'] = SITE['_includes/nav.html'];
    assert.match(renderPublished({ files: memoryFiles(files), file: '_posts/2024-02-01-b.md', cache }).html, /About=/, 'pages kept until cleared');
    cache.clear();
    assert.match(renderPublished({ files: memoryFiles(files), file: '_posts/2024-02-01-b.md', cache }).html, /About us=/);
  });

  it('a zone without summer time goes to liquidjs as minutes west of UTC; one with summer time stays named', () => {
    assert.equal(liquidZone('Asia/Shanghai'), -480);
    assert.equal(liquidZone('Asia/Kolkata'), -330);
    assert.equal(liquidZone('America/New_York'), 'America/New_York');
    assert.equal(liquidZone('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(liquidZone(undefined), 0);
  });

  it('past the budget no further layout is rendered and the bar says why', () => {
    const files = memoryFiles({ ...SITE, '_layouts/default.html': '{% for i in (1..100000000) %}{{ i }}{% endfor %}' });
    const r = renderPublished({ files, file: '_posts/2024-02-01-b.md', budgetMs: 50 });
    assert.ok(r.errors.some((e) => /_layouts\/default\.html/.test(e)), r.errors.join('; '));
    assert.match(r.html, /<article>/, 'the inner layout still shows');
  });
});

describe('"As published": url() in a served stylesheet', () => {
  it('relative and root-relative references to site files are resolved against the stylesheet\'s published URL', () => {
    const seen: string[] = [];
    const out = rewriteCssUrls('a{background:url(../img/a.png)} b{background:url("/h/img/b.png")} c{background:url(\'x y.png\')} d{x:url(data:image/png;base64,AA)} e{x:url(https://e.org/c.png)} f{x:url(#m)} g{x:url(/h/none.png)}',
      '/assets/css/site.css', '/h', (p) => { seen.push(p); return p === 'none.png' ? undefined : `W/${p}`; });
    assert.deepEqual(seen, ['assets/img/a.png', 'img/b.png', 'assets/css/x y.png', 'none.png']);
    assert.equal(out, 'a{background:url("W/assets/img/a.png")} b{background:url("W/img/b.png")} c{background:url("W/assets/css/x y.png")} d{x:url(data:image/png;base64,AA)} e{x:url(https://e.org/c.png)} f{x:url(#m)} g{x:url(/h/none.png)}');
  });
});

describe('"As published": Sass', () => {
  const files = layeredFiles(memoryFiles(SITE), memoryFiles({ '_sass/_vars.scss': '$ink: #ffffff;\n', '_sass/theme.scss': 'body { margin: 1px }\n' }));

  it('imports resolve in the site\'s _sass before the theme\'s, partials and plain names alike', () => {
    const r = compileSiteSass(files, 'assets/x.scss', '@import "vars";\n@import "theme";\nh1 { color: $ink }\n', {});
    assert.equal(r.error, undefined);
    assert.match(r.css ?? '', /color: #123456/);
    assert.match(r.css ?? '', /margin: 1px/);
    assert.match(compileSiteSass(files, 'a.scss', '@import "nope";', {}).error ?? '', /Can't find stylesheet/);
    // Nothing outside the site: a climbing import is not found.
    assert.match(compileSiteSass(files, 'a.scss', '@import "../../../../../etc/passwd";', {}).error ?? '', /Can't find stylesheet/);
  });

  it('the Sass cache recompiles when a partial it read changes, not otherwise', () => {
    const data: Record<string, string> = { '_sass/_vars.scss': '$ink: #000001;\n' };
    const live = { read: (p: string) => data[p], list: () => [] };
    const cache = new SassCache();
    const first = cache.compile(live, 'a.scss', '@import "vars"; p { color: $ink }', {});
    assert.equal(cache.compile(live, 'a.scss', '@import "vars"; p { color: $ink }', {}), first, 'same object from the cache');
    data['_sass/_vars.scss'] = '$ink: #000002;\n';
    assert.match(cache.compile(live, 'a.scss', '@import "vars"; p { color: $ink }', {}).css ?? '', /#000002/);
  });
});
