// Site discovery and _config.yml: timezone, defaults, collections, post kinds and the `postdesk:` key.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSiteConfig, findSiteRoot, fileKind, defaultsFor, relativeToSite } from '../../src/core/site';
import { projectRoot, corpusDir } from './corpus';

describe('site config', () => {
  it('reads timezone, future, collections_dir, collections and defaults', () => {
    const site = parseSiteConfig([
      'timezone: Asia/Shanghai', 'future: true', 'collections_dir: my', 'collections:', '  notes:', '    output: true',
      'defaults:', '  - scope: {path: "", type: posts}', '    values: {layout: post}', '  - scope: {path: news}', '    values: {author: x}',
    ].join('\n'), '/site');
    assert.equal(site.timezone, 'Asia/Shanghai');
    assert.equal(site.future, true);
    assert.equal(site.collectionsDir, 'my');
    assert.deepEqual(site.collections, ['posts', 'notes']);
    assert.deepEqual({ ...defaultsFor(site, '_posts/x.md', 'posts') }, { layout: 'post' });
    assert.deepEqual({ ...defaultsFor(site, 'news/_posts/x.md', 'posts') }, { layout: 'post', author: 'x' });
    assert.deepEqual({ ...defaultsFor(site, 'about.md', 'pages') }, {});
    assert.deepEqual(site.errors, []);
  });

  it('reads `postdesk:` rules, required keys and taxonomy, and reports bad values at their range instead of throwing', () => {
    const good = parseSiteConfig('postdesk:\n  rules: {date-no-offset: off, title-empty: warning}\n  required: [title]\n  taxonomy: {tags: [a, b]}\n', '/s');
    assert.equal(good.postdesk.rules['date-no-offset'], 'off');
    assert.deepEqual(good.postdesk.required, ['title']);
    assert.deepEqual(good.postdesk.taxonomy, { categories: [], tags: ['a', 'b'] });
    const text = 'postdesk:\n  rules: {date-no-offset: loud}\n  required: title\n';
    const bad = parseSiteConfig(text, '/s');
    assert.equal(bad.errors.length, 2);
    assert.equal(text.slice(bad.errors[0].start, bad.errors[0].end), 'loud');
    assert.equal(text.slice(bad.errors[1].start, bad.errors[1].end), 'title');
    assert.ok(parseSiteConfig('postdesk: [1\n', '/s').errors.length > 0);
    assert.equal(parseSiteConfig('postdesk: 3\n', '/s').errors[0].code, 'POSTDESK_CONFIG');
  });

  it('finds the nearest _config.yml upwards', () => {
    const files = new Set(['/a/_config.yml', '/a/b/_config.yml']);
    assert.equal(findSiteRoot('/a/b/_posts/x.md', (p) => files.has(p)), '/a/b');
    assert.equal(findSiteRoot('/a/c/x.md', (p) => files.has(p)), '/a');
    assert.equal(findSiteRoot('/z/x.md', (p) => files.has(p)), undefined);
  });

  it('classifies files as Jekyll does: posts with folder categories, drafts, collections, others', () => {
    const site = parseSiteConfig('collections: [notes]\n', '/s');
    assert.deepEqual(fileKind(site, '_posts/2021-12-01-a.md'), { kind: 'post', folderCategories: [] });
    assert.deepEqual(fileKind(site, 'news/world/_posts/2021-12-01-a.md'), { kind: 'post', folderCategories: ['news', 'world'] });
    assert.deepEqual(fileKind(site, '_drafts/a.md'), { kind: 'draft', folderCategories: [] });
    assert.deepEqual(fileKind(site, '_notes/a.md'), { kind: 'collection', collection: 'notes' });
    assert.deepEqual(fileKind(site, 'about.md'), { kind: 'other' });
    assert.deepEqual(fileKind(site, '_site/_posts/a.md'), { kind: 'other' });
    assert.equal(relativeToSite(site, '/s/_posts/a.md'), '_posts/a.md');
  });

  it('reads the sample site and, when present, the real site config', () => {
    const sample = parseSiteConfig(fs.readFileSync(path.join(projectRoot, 'sample-site/_config.yml'), 'utf8'), '/x');
    assert.equal(sample.timezone, 'Asia/Shanghai');
    assert.ok(sample.postdesk.taxonomy.tags.length > 0);
    const corpus = corpusDir();
    if (corpus) assert.equal(parseSiteConfig(fs.readFileSync(path.join(corpus, '_config.yml'), 'utf8'), corpus).timezone, 'Asia/Shanghai');
  });
});

describe('core purity', () => {
  it('nothing under src/core imports vscode or node I/O', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /(?:from\s+|require\()\s*['"](?:vscode|node:fs|fs|node:child_process|child_process)['"]/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(projectRoot, p));
      }
    };
    walk(path.join(projectRoot, 'src/core'));
    assert.deepEqual(offenders, []);
  });
});
