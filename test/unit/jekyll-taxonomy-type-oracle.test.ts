// Oracle: taxonomy-type fires exactly on the taxonomy forms whose categories/tags Debian's jekyll does not publish as meant.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSiteConfig } from '../../src/core/site';
import { validatePost } from '../../src/core/validate';
import { needsTool } from './needs';

const JEKYLL = '/usr/bin/jekyll';
const DUMP = `---
layout: null
---
[{% for p in site.posts %}{"path": {{ p.path | jsonify }}, "categories": {{ p.categories | jsonify }}, "tags": {{ p.tags | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}]
`;

/** Front matter → the categories and tags its author means (numbers in tags stay numbers: Jekyll keeps them so). */
const CASES: [string, { categories: unknown[]; tags: unknown[] }][] = [
  ['category: 2013', { categories: ['2013'], tags: [] }],
  ['category: [2013, x]', { categories: ['2013', 'x'], tags: [] }],
  ['category: 2021-01-01', { categories: ['2021-01-01'], tags: [] }],
  ['category: one two', { categories: ['one two'], tags: [] }],
  ['categories: one two', { categories: ['one', 'two'], tags: [] }],
  ['categories: [a b, c]', { categories: ['a b', 'c'], tags: [] }],
  ['categories: [x, x]', { categories: ['x'], tags: [] }],
  ['category: false\ncategories: q', { categories: ['q'], tags: [] }],
  ['tag: 5', { categories: [], tags: [5] }],
  ['tags: [1, x, 2.5]', { categories: [], tags: [1, 'x', 2.5] }],
  ['tags: [x, ~]', { categories: [], tags: ['x'] }],
  ['tags: [[a, b], c]', { categories: [], tags: ['a', 'b', 'c'] }],
  ['tag: false\ntags: a b', { categories: [], tags: ['a', 'b'] }],
  // Jekyll drops or mangles these.
  ['categories: 2013', { categories: ['2013'], tags: [] }],
  ['categories: [x, 1]', { categories: ['x', '1'], tags: [] }],
  ['categories: [2021-01-01]', { categories: ['2021-01-01'], tags: [] }],
  ['categories: [x, ~]', { categories: ['x'], tags: [] }],
  ['categories: [[a, b]]', { categories: ['a', 'b'], tags: [] }],
  ['tags: 2013', { categories: [], tags: ['2013'] }],
  ['tags: true', { categories: [], tags: ['true'] }],
  ['tags: [x, y]\ntag: z', { categories: [], tags: ['x', 'y', 'z'] }],
  ['tag: {a: 1}', { categories: [], tags: ['a'] }],
];

describe('Jekyll oracle: taxonomy-type is reported exactly where Jekyll does not keep categories and tags as written', function () {
  this.timeout(180000);
  let published: Map<string, { categories: unknown[]; tags: unknown[] }>;
  const rel = (i: number) => `_posts/2021-01-${String(i + 1).padStart(2, '0')}-case.md`;
  const text = (fm: string) => `---\ntitle: t\n${fm}\n---\nbody\n`;

  before(function () {
    needsTool(this, JEKYLL, 'apt-get install jekyll');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-taxtype-'));
    try {
      const src = path.join(tmp, 'src');
      fs.mkdirSync(path.join(src, '_posts'), { recursive: true });
      fs.writeFileSync(path.join(src, '_config.yml'), 'title: oracle\n');
      fs.writeFileSync(path.join(src, 'dump.json'), DUMP);
      CASES.forEach(([fm], i) => fs.writeFileSync(path.join(src, rel(i)), text(fm)));
      const r = spawnSync(JEKYLL, ['build', '--source', src, '--destination', path.join(tmp, 'out'), '--disable-disk-cache'], { encoding: 'utf8', timeout: 120000 });
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      const posts = JSON.parse(fs.readFileSync(path.join(tmp, 'out', 'dump.json'), 'utf8')) as { path: string; categories: unknown[]; tags: unknown[] }[];
      published = new Map(posts.map((p) => [p.path, { categories: p.categories, tags: p.tags }]));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('publishes every case', () => {
    assert.equal(published.size, CASES.length);
  });

  CASES.forEach(([fm, meant], i) => {
    it(JSON.stringify(fm), () => {
      const site = parseSiteConfig('title: oracle\n', '/site');
      const problems = validatePost(text(fm), { site, file: `/site/${rel(i)}` }).filter((p) => p.rule === 'taxonomy-type');
      const got = published.get(rel(i));
      const asMeant = JSON.stringify(got) === JSON.stringify(meant);
      assert.equal(problems.length > 0, !asMeant, `Jekyll published ${JSON.stringify(got)}; problems: ${problems.map((p) => p.message).join(' | ')}`);
      for (const p of problems) assert.equal(p.severity, 'error');
    });
  });
});
