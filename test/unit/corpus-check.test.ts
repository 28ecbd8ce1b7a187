// The real finews corpus through validatePost, and every invalid YAML case of the YAML test suite as front matter.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../src/core/edits';
import type { Problem } from '../../src/core/types';
import { parsePost } from '../../src/core/parse';
import { fixPost, layoutLookup, validatePost } from '../../src/core/validate';
import { loadSiteFor, readText } from '../../src/node/files';
import { parseSiteConfig } from '../../src/core/site';
import { corpusDir, sharedDir } from './corpus';

const corpus = corpusDir();
const yamlErrors = sharedDir() && path.join(sharedDir()!, 'yaml-errors');

describe('the finews corpus', function () {
  if (!corpus) { it.skip('corpus not present'); return; }
  const byFile = new Map<string, Problem[]>();
  const texts = new Map<string, string>();
  before(() => {
    const cfg = readText(path.join(corpus, '_config.yml')).text;
    for (const dir of ['_posts', 'old_post', '_alt_versions']) {
      for (const name of fs.readdirSync(path.join(corpus, dir))) {
        const file = path.join(corpus, dir, name);
        if (!fs.statSync(file).isFile()) continue;
        const site = loadSiteFor(file);
        const { text, invalid } = readText(file);
        texts.set(file, text);
        byFile.set(file, validatePost(text, { site, file, invalidUtf8: invalid, layouts: layoutLookup(site, fs.existsSync, cfg) }));
      }
    }
  });
  const filesWith = (rule: string) => [...byFile].filter(([, ps]) => ps.some((p) => p.rule === rule)).map(([f]) => path.relative(corpus, f));
  const count = (rule: string) => [...byFile.values()].flat().filter((p) => p.rule === rule).length;

  it('finds the 14 posts with a blank line before the front matter', () => {
    assert.equal(count('front-matter-missing'), 14);
    for (const f of filesWith('front-matter-missing')) assert.match(texts.get(path.join(corpus, f))!, /^\s*\n---/);
  });

  it('finds the one file name Jekyll skips, with its empty title and unreadable date', () => {
    assert.deepEqual(filesWith('filename-invalid'), ['_posts/-202205262391921712.md']);
    assert.deepEqual(filesWith('title-empty'), ['_posts/-202205262391921712.md']);
    assert.deepEqual(filesWith('date-invalid'), ['_posts/-202205262391921712.md']);
  });

  it('finds the 89 dates without an offset, each naming the time it is published (+8 h)', () => {
    assert.equal(count('date-no-offset'), 89);
    for (const [file, ps] of byFile) for (const p of ps.filter((x) => x.rule === 'date-no-offset')) {
      const written = texts.get(file)!.slice(p.start, p.end);
      const utc = Date.parse(`${written.replace(' ', 'T')}Z`);
      const local = new Date(utc + 8 * 3600e3).toISOString().replace('T', ' ').slice(0, 19);
      assert.ok(p.message.includes(`${local} +0800`), `${file}: ${p.message}`);
    }
  });

  it('finds the stock-image posts (the sample article has two blocks)', () => {
    assert.equal(filesWith('stock-image-block').length, 3);
    assert.equal(byFile.get(path.join(corpus, '_posts/2022-03-21-202203212317465687.md'))!.filter((p) => p.rule === 'stock-image-block').length, 2);
  });

  it('checks only posts: old_post/ and _alt_versions/ give nothing', () => {
    assert.deepEqual([...byFile].filter(([f, ps]) => !f.includes('/_posts/') && ps.length), []);
  });

  it('every fix applies cleanly, and fixPost leaves no fixable date problem', () => {
    for (const [file, ps] of byFile) {
      const text = texts.get(file)!;
      for (const p of ps) for (const f of p.fixes) applyEdits(text, f.edits);
      const site = loadSiteFor(file);
      const r = fixPost(text, { site, file });
      const after = validatePost(r.text, { site, file });
      assert.deepEqual(after.filter((p) => ['date-no-offset', 'front-matter-missing', 'stock-image-block'].includes(p.rule)), [], file);
    }
  });
});

describe('invalid YAML as front matter', function () {
  if (!yamlErrors || !fs.existsSync(yamlErrors)) { it.skip('yaml-errors not present'); return; }
  const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
  for (const name of fs.readdirSync(yamlErrors).filter((n) => n.endsWith('.yaml')).sort()) {
    const yaml = fs.readFileSync(path.join(yamlErrors, name), 'utf8');
    const text = `---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\nbody\n`;
    // A `---` or `...` line inside the case closes Jekyll's front matter there (its regex is non-greedy):
    // the rest is body, so only the part before it is YAML to Jekyll. Those cases must not throw or hang.
    const early = /^(?:---|\.\.\.)[ \t]*\r?$/m.test(yaml);
    it(`${name} → ${early ? 'front matter closes early, no throw' : 'yaml-syntax inside the front matter, where Post Desk reads an error'}`, () => {
      // A hang shows as mocha's timeout; no clock is read here (a busy machine must not fail this).
      const ps = validatePost(text, { site, file: '/site/_posts/2021-12-08-x.md' });
      for (const p of ps) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${name} range`);
      if (early) return;
      const fmEnd = text.length - '---\nbody\n'.length;
      const yamlPs = ps.filter((p) => p.rule === 'yaml-syntax');
      // Psych reads some of them (only the first document, libyaml leniencies): then Post Desk must not report one
      // (psych-diff.test.ts checks each against Psych itself).
      assert.equal(yamlPs.length > 0, parsePost(text).errors.length > 0, `${name}: ${JSON.stringify(ps.map((p) => p.rule))}`);
      for (const p of yamlPs) assert.ok(p.start >= 4 && p.end <= fmEnd, `${name} range ${p.start}-${p.end} outside 4-${fmEnd}`);
    });
  }
});
