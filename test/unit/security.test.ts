// Code never runs: JS/CoffeeScript front matter is never evaluated (core, CLI in-process and as a process), gray-matter
// and js-yaml are not in the bundles, and `__proto__` / `constructor` / `<<` keys never pollute a prototype.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePost } from '../../src/core/parse';
import { articleHtml, renderPost } from '../../src/core/render';
import { parseSiteConfig, defaultsFor } from '../../src/core/site';
import { findStockBlocks, stripStockBlocks } from '../../src/core/stock';
import { rankValues, taxonomyCounts } from '../../src/core/taxonomy/index';
import { jekyllPostView } from '../../src/core/taxonomy/posts';
import { fixPost, validatePost, validateSiteConfig } from '../../src/core/validate';
import { main } from '../../src/cli/main';
import { projectRoot } from './corpus';

/** The fence lines Jekyll-like tools read as executable front matter (gray-matter's `---js` engine and friends). */
const FENCES = ['---js', '---javascript', '---JS', '---JavaScript', '--- js ', '---coffee', '---CoffeeScript', '---js\t'];

/** Front matter bodies that write `marker` when evaluated by gray-matter's JS engine (`eval('(' + str + ')')`) or as a module. */
function payloads(fence: string, marker: string): string[] {
  const m = JSON.stringify(marker);
  if (/coffee/i.test(fence)) {
    return [`${fence}\ntitle: require('fs').writeFileSync(${m}, 'pwned')\nlayout: 'post'\n---\nbody\n`];
  }
  return [
    `${fence}\n{\n  title: (require('fs').writeFileSync(${m}, 'pwned'), 'pwned'),\n  layout: 'post'\n}\n---\nbody\n`,
    `${fence}\nrequire('child_process').execSync('touch ' + ${m});\nmodule.exports = { title: 'x' };\n---\nbody\n`,
    `${fence}\r\n(function () { process.mainModule.require('fs').writeFileSync(${m}, 'pwned'); return { title: 'x' }; })()\r\n---\r\nbody\r\n`,
  ];
}

/** A site folder holding one post per fence and payload; returns the site root and the marker paths. */
function jsSite(): { root: string; markers: string[]; files: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-js-'));
  fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\n');
  fs.mkdirSync(path.join(root, '_posts'));
  const markers: string[] = [];
  const files: string[] = [];
  FENCES.forEach((fence, i) => {
    for (let j = 0; j < payloads(fence, '').length; j++) {
      const marker = path.join(root, `marker-${i}-${j}`);
      const file = path.join(root, '_posts', `2022-01-${String(i + 1).padStart(2, '0')}-js-${j}.md`);
      fs.writeFileSync(file, payloads(fence, marker)[j]);
      markers.push(marker);
      files.push(file);
    }
  });
  return { root, markers, files };
}

const noMarkers = (markers: string[]) => assert.deepEqual(markers.filter((m) => fs.existsSync(m)), [], 'a front matter payload ran');

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

describe('security: front matter code never runs', function () {
  this.timeout(60000);
  let s: ReturnType<typeof jsSite>;
  before(() => { s = jsSite(); });
  after(() => fs.rmSync(s.root, { recursive: true, force: true }));

  it('the payloads would run if evaluated (the test can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-js-self-'));
    try {
      const marker = path.join(dir, 'm');
      const [first] = payloads('---js', marker);
      const src = first.split('\n').slice(1, -3).join('\n');
      // What gray-matter's javascript engine does with the block (here, deliberately, in this test only).
      new Function('require', `return (${src});`)(require);
      assert.ok(fs.existsSync(marker));
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('parsePost reads every fence as a non-YAML language with no data', () => {
    for (const file of s.files) {
      const p = parsePost(fs.readFileSync(file, 'utf8'));
      assert.equal(p.noFrontMatter?.reason, 'language', file);
      assert.match(p.language ?? '', /^(?:js|javascript|coffee|coffeescript)$/);
      assert.equal(p.doc, null);
      assert.deepEqual(Object.keys(p.data), []);
      assert.ok(p.frontMatter, 'the block is still found (so the body starts after it)');
    }
    noMarkers(s.markers);
  });

  it('validatePost reports front-matter-language; renderPost and fixPost evaluate nothing', () => {
    const site = parseSiteConfig('timezone: Asia/Shanghai\n', s.root);
    for (const file of s.files) {
      const text = fs.readFileSync(file, 'utf8');
      const problems = validatePost(text, { site, file });
      assert.ok(problems.some((p) => p.rule === 'front-matter-language' && p.severity === 'error'), `${file}: ${JSON.stringify(problems)}`);
      const html = articleHtml(renderPost(text, { site, path: file }));
      assert.doesNotMatch(html, /pwned/, 'the block is not rendered as data');
      assert.match(html, /no front matter \(language\)/);
      fixPost(text, { site, file });
      findStockBlocks(text);
      stripStockBlocks(text);
      jekyllPostView(text, { site, file });
    }
    noMarkers(s.markers);
  });

  it('the CLI in-process (check, render, posts, taxonomy, strip) evaluates nothing; check reports each file', async () => {
    const check = await cli(['check', '--format', 'json'], s.root);
    assert.equal(check.code, 1, check.stderr);
    const flagged = new Set((JSON.parse(check.stdout) as { file: string; rule: string }[]).filter((r) => r.rule === 'front-matter-language').map((r) => path.resolve(s.root, r.file)));
    assert.deepEqual(s.files.filter((f) => !flagged.has(f)), []);
    const out = path.join(s.root, '_out');
    const render = await cli(['render', ...s.files, '--out', out], s.root);
    assert.equal(render.code, 0, render.stderr);
    assert.equal(fs.readdirSync(out).length, s.files.length);
    for (const argv of [['posts', '--format', 'json'], ['taxonomy', '--format', 'json'], ['strip'], ['strip', '--write'], ['check', '--fix']]) {
      const r = await cli(argv, s.root);
      assert.ok(r.code === 0 || r.code === 1, `${argv.join(' ')} → ${r.code}: ${r.stderr}`);
    }
    const posts = JSON.parse((await cli(['posts', '--format', 'json'], s.root)).stdout) as { title: unknown }[];
    assert.ok(posts.every((p) => p.title !== 'pwned'));
    noMarkers(s.markers);
  });

  it('node dist/cli.js check (a process) reports front-matter-language and evaluates nothing', () => {
    const cliJs = path.join(projectRoot, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cliJs), 'dist/cli.js missing: run npm run build');
    for (const argv of [['check', '--format', 'json'], ['render', s.files[0]], ['posts'], ['taxonomy'], ['strip']]) {
      const r = spawnSync(process.execPath, [cliJs, ...argv], { cwd: s.root, encoding: 'utf8', timeout: 60000 });
      assert.equal(r.signal, null);
      assert.ok(r.status === 0 || r.status === 1, `${argv.join(' ')} → ${r.status}: ${r.stderr}`);
      if (argv[0] === 'check') {
        assert.equal(r.status, 1);
        const rules = (JSON.parse(r.stdout) as { rule: string }[]).filter((x) => x.rule === 'front-matter-language');
        assert.equal(rules.length, s.files.length);
      }
    }
    noMarkers(s.markers);
  });
});

describe('security: no gray-matter, no js-yaml in what ships', function () {
  this.timeout(30000);
  // Post Desk never uses gray-matter (its `---js` engine evals, and it brings js-yaml): parse.ts reads YAML with `yaml`.
  const dist = path.join(projectRoot, 'dist');
  const bundles = [...new Set(['dist/extension.js', 'dist/cli.js', ...(fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`) : [])])];
  for (const bundle of bundles) {
    it(`${bundle} neither contains nor was built from gray-matter or js-yaml`, () => {
      const file = path.join(projectRoot, bundle);
      assert.ok(fs.existsSync(file), `${bundle} missing: run npm run build`);
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /gray-?matter|js-yaml|jsYaml/i);
      const map = `${file}.map`;
      if (fs.existsSync(map)) {
        const sources = (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] }).sources;
        // dist/cli.js is the dispatcher; each command's bundle (dist/cli-<name>.js) holds the reader.
        if (/(?:extension|cli-[a-z]+)\.js$/.test(bundle)) assert.ok(sources.some((x) => x.includes('node_modules/yaml/')), 'the map lists its sources (the check can see)');
        assert.deepEqual(sources.filter((x) => /node_modules\/(?:gray-matter|js-yaml)\//.test(x)), []);
      }
    });
  }

  it('package.json has neither as a dependency; any js-yaml in the lock is dev-only and >= 3.14.2', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const k of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      assert.ok(!pkg[k]?.['gray-matter'] && !pkg[k]?.['js-yaml'], k);
    }
    const lockFile = path.join(projectRoot, 'package-lock.json');
    if (!fs.existsSync(lockFile)) return;
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }> };
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (/node_modules\/gray-matter$/.test(where)) assert.ok(entry.dev, `${where} is not dev-only`);
      if (!/node_modules\/js-yaml$/.test(where)) continue;
      assert.ok(entry.dev || entry.devOptional, `${where} is not dev-only`);
      const [maj, min, pat] = (entry.version ?? '0.0.0').split('.').map(Number);
      assert.ok(maj > 3 || (maj === 3 && (min > 14 || (min === 14 && pat >= 2))), `${where}@${entry.version} < 3.14.2`);
    }
  });

  it('200 distinct parses load neither module', () => {
    const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
    for (let i = 0; i < 200; i++) {
      const text = `---\ntitle: "t${i}"\ntags: [a${i}, b]\nn: ${i}\n---\nbody ${i}\n`;
      parsePost(text);
      validatePost(text, { site, file: `/site/_posts/2022-01-01-p${i}.md` });
      renderPost(text, { site });
    }
    assert.deepEqual(Object.keys(require.cache).filter((k) => /[\\/](?:gray-matter|js-yaml)[\\/]/.test(k)), []);
  });
});

/** Everything a pollution would show on. */
function assertClean(where: string): void {
  const probes: unknown[] = [{}, [], Object.prototype, Array.prototype, Function.prototype, new Date(0)];
  for (const o of probes) {
    for (const k of ['polluted', 'isAdmin', 'pwned']) assert.equal((o as Record<string, unknown>)[k], undefined, `${where}: ${k} reached a prototype`);
  }
  assert.equal(Object.getPrototypeOf({}), Object.prototype, where);
  assert.equal(typeof ({} as { toString: unknown }).toString, 'function', where);
}

const POLLUTING_FM = [
  '---',
  'title: "pollute"',
  'layout: post',
  'date: 2022-01-01 10:00:00 +0800',
  '__proto__:',
  '  polluted: yes',
  '  isAdmin: true',
  'constructor:',
  '  prototype:',
  '    polluted: yes',
  '"__proto__ ": {pwned: 1}',
  '<<: {polluted: merged, __proto__: {polluted: deep}}',
  'base: &base {__proto__: {polluted: anchor}, constructor: {prototype: {isAdmin: true}}}',
  'derived:',
  '  <<: *base',
  '  <<: [*base, {__proto__: {pwned: 2}}]',
  'categories: [__proto__, constructor, prototype, toString]',
  'tags: __proto__ constructor hasOwnProperty valueOf',
  'nested: [{__proto__: {polluted: list}}, [{constructor: {prototype: {polluted: list2}}}]]',
  '---',
  '<p>body</p>',
  '',
].join('\n');

const POLLUTING_CONFIG = [
  'timezone: Asia/Shanghai',
  '__proto__: {polluted: config}',
  'defaults:',
  '  - scope: {path: ""}',
  '    values:',
  '      __proto__: {polluted: defaults}',
  '      constructor: {prototype: {isAdmin: true}}',
  '      <<: {__proto__: {pwned: 3}}',
  'postdesk:',
  '  rules:',
  '    __proto__: off',
  '    constructor: warning',
  '  taxonomy:',
  '    __proto__: {polluted: taxonomy}',
  '    categories: [__proto__, constructor]',
  '    tags: [toString]',
  '',
].join('\n');

describe('security: __proto__, constructor and << never pollute a prototype', function () {
  this.timeout(60000);
  afterEach(() => assertClean('after the test'));

  it('the probe sees a pollution (the test can fail)', () => {
    const bad = JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    Object.assign(Object.prototype, bad.__proto__);
    try { assert.throws(() => assertClean('probe')); } finally { delete (Object.prototype as Record<string, unknown>).polluted; }
  });

  it('parsePost: null-prototype data at every level, the keys kept as plain data', () => {
    const p = parsePost(POLLUTING_FM);
    assert.deepEqual(p.errors, []);
    assertClean('parsePost');
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) { v.forEach((x, i) => walk(x, `${at}[${i}]`)); return; }
      if (v && typeof v === 'object' && !(v instanceof Date)) {
        assert.equal(Object.getPrototypeOf(v), null, `${at} has a prototype`);
        for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
      }
    };
    walk(p.data, 'data');
    assert.ok(Object.prototype.hasOwnProperty.call(p.data, '__proto__'), '__proto__ kept as an own key');
    assert.equal((p.data.__proto__ as Record<string, unknown>).polluted, true);
    assert.equal(p.data.title, 'pollute');
    assert.equal(p.data.polluted, 'merged', 'the << merge key merges as data');
    const derived = p.data.derived as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(derived), null);
    assert.ok(Object.prototype.hasOwnProperty.call(derived, '__proto__') && Object.prototype.hasOwnProperty.call(derived, 'constructor'), 'merged keys are own data');
  });

  it('repeated `<<` merge keys merge as Psych does; real duplicates are reported (not errors: the last wins)', () => {
    const p = parsePost('---\nb: &b {x: 1}\nc: &c {w: 2}\nd:\n  <<: *b\n  <<: *c\n  z: 3\n---\n');
    assert.deepEqual(p.errors, []);
    assert.deepEqual({ ...(p.data.d as object) }, { x: 1, w: 2, z: 3 });
    for (const dup of ['a: 1\na: 2', '"<<": 1\n"<<": 2', '__proto__: 1\n__proto__: 2']) {
      assert.equal(parsePost(`---\n${dup}\n---\n`).duplicates.length, 1, dup);
    }
  });

  it('site config: parseSiteConfig, defaults and postdesk settings', () => {
    const site = parseSiteConfig(POLLUTING_CONFIG, '/site');
    assertClean('parseSiteConfig');
    const d = defaultsFor(site, '_posts/2022-01-01-a.md', 'posts');
    assert.equal(Object.getPrototypeOf(d), null);
    validateSiteConfig(site, POLLUTING_CONFIG);
    assertClean('validateSiteConfig');
  });

  it('validatePost, fixPost and renderPost (header) with a polluting post and site', () => {
    const site = parseSiteConfig(POLLUTING_CONFIG, '/site');
    const file = '/site/_posts/2022-01-01-pollute.md';
    const problems = validatePost(POLLUTING_FM, { site, file, now: Date.UTC(2026, 0, 1) });
    assert.ok(!problems.some((p) => /could not check this rule/.test(p.message)), JSON.stringify(problems.filter((p) => /could not check/.test(p.message))));
    assertClean('validatePost');
    fixPost(POLLUTING_FM, { site, file, now: Date.UTC(2026, 0, 1) });
    assertClean('fixPost');
    const r = renderPost(POLLUTING_FM, { site, path: file });
    assertClean('renderPost');
    assert.match(r.headerHtml, /<h1 class="pd-title">pollute<\/h1>/);
    for (const chip of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) assert.ok(r.headerHtml.includes(`>${chip}</span>`), `chip ${chip}`);
  });

  it('taxonomy: post views, counts and ranking count __proto__ / constructor / toString as ordinary values', () => {
    const site = parseSiteConfig(POLLUTING_CONFIG, '/site');
    const views = [1, 2].map((n) => jekyllPostView(POLLUTING_FM, { site, file: `/site/_posts/2022-01-0${n}-p.md`, now: Date.UTC(2026, 0, 1) }));
    views.push(jekyllPostView(POLLUTING_FM, { site, file: '/site/_posts/2022-01-03-p.md', now: Date.UTC(2026, 0, 1), slow: true }));
    assertClean('jekyllPostView');
    const counts = taxonomyCounts(views);
    assertClean('taxonomyCounts');
    assert.equal(counts.tags.__proto__, 3);
    assert.equal(counts.tags.constructor, 3);
    assert.equal(counts.tags.hasOwnProperty, 3);
    assert.equal(counts.categories.toString, 3);
    const ranked = rankValues(counts.tags, ['toString'], ['valueOf', '__proto__']);
    assertClean('rankValues');
    assert.ok(ranked.every((r) => typeof r.count === 'number'), JSON.stringify(ranked));
    assert.equal(ranked.find((r) => r.value === 'toString')?.count, 0, 'an unused tag named toString counts 0, not a function');
  });

  it('the CLI (posts, taxonomy, check, render, add) in-process, with the JSON keeping the keys as data', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-proto-'));
    try {
      fs.writeFileSync(path.join(root, '_config.yml'), POLLUTING_CONFIG);
      fs.mkdirSync(path.join(root, '_posts'));
      fs.writeFileSync(path.join(root, '_posts', '2022-01-01-pollute.md'), POLLUTING_FM);
      const tax = await cli(['taxonomy', '--format', 'json'], root);
      assert.equal(tax.code, 0, tax.stderr);
      const t = JSON.parse(tax.stdout) as { tags: Record<string, number> };
      assert.equal(Object.getOwnPropertyDescriptor(t.tags, '__proto__')?.value, 1, tax.stdout);
      const posts = await cli(['posts', '--format', 'json'], root);
      assert.equal(posts.code, 0, posts.stderr);
      assert.deepEqual((JSON.parse(posts.stdout) as { tags: string[] }[])[0].tags, ['__proto__', 'constructor', 'hasOwnProperty', 'valueOf']);
      await cli(['check', '--format', 'json'], root);
      await cli(['render', '_posts/2022-01-01-pollute.md'], root);
      fs.writeFileSync(path.join(root, '_posts', '2022-01-02-plain.md'), '---\ntitle: plain\n---\nbody\n');
      const add = await cli(['add', '--tags', '__proto__,constructor,toString', '--categories', 'prototype', '_posts/2022-01-02-plain.md'], root);
      assert.equal(add.code, 0, add.stderr);
      const added = parsePost(fs.readFileSync(path.join(root, '_posts', '2022-01-02-plain.md'), 'utf8'));
      const tags = added.data.tags;
      assert.deepEqual(typeof tags === 'string' ? tags.split(/\s+/) : tags, ['__proto__', 'constructor', 'toString']);
      assertClean('CLI');
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});
