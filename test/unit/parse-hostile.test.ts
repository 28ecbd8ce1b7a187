// Hostile front matter: deep nesting is refused before the YAML parser (a process survives many), and the reader never throws.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { parsePost } from '../../src/core/parse';
import { MAX_NESTING, nestingTooDeep } from '../../src/core/yaml/depth';
import { projectRoot } from './corpus';

const brackets = (n: number) => `---\na: ${'['.repeat(n)}${']'.repeat(n)}\n---\nbody\n`;
const dashes = (n: number) => `---\na:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n---\nbody\n`;
const compact = (n: number) => `---\na:\n${'- '.repeat(n)}x\n---\nbody\n`;
const maps = (n: number) => `---\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n---\nbody\n`;

describe('parse: hostile nesting and fuzzing', function () {
  this.timeout(300000);

  it('refuses nesting deeper than the bound in every form, at a range inside the front matter, and reads the bound itself', () => {
    for (const make of [brackets, dashes, compact, maps]) {
      // (indented forms grow quadratically: 400 levels stay under the 128 KB front matter limit)
      const deep = parsePost(make(make === dashes || make === maps ? 400 : 5000));
      assert.deepEqual(deep.errors.map((e) => e.code), ['TOO_DEEP'], make.name);
      assert.match(deep.errors[0].message, /nested too deeply.*Psych/);
      assert.ok(deep.errors[0].start >= 4 && deep.errors[0].end <= deep.frontMatter!.contentEnd, make.name);
      const ok = parsePost(make(MAX_NESTING - 2));
      assert.deepEqual(ok.errors, [], make.name);
    }
  });

  it('does not count brackets inside quotes or comments, nor in a plain scalar', () => {
    const deep = '['.repeat(MAX_NESTING + 5);
    assert.equal(nestingTooDeep(`a: "${deep}"\nb: '${deep}'\nc: x # ${deep}\nd: x${deep}\n`), undefined);
    assert.ok(nestingTooDeep(`a: [x, "y", ${deep}`));
  });

  it('a child process survives 50 such posts in one `postdesk check` (no V8 abort) and reports each', () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-deep-'));
    try {
      fs.writeFileSync(path.join(site, '_config.yml'), 'title: deep\n');
      fs.mkdirSync(path.join(site, '_posts'));
      for (let i = 0; i < 50; i++) {
        const text = i % 2 ? brackets(5000) : i % 4 ? compact(5000) : dashes(400);
        fs.writeFileSync(path.join(site, '_posts', `2021-12-${String(1 + (i % 28)).padStart(2, '0')}-deep-${i}.md`), text);
      }
      const r = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'check', site, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 240000 });
      assert.equal(r.signal, null, r.stderr);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
      assert.equal((r.stdout.match(/nested too deeply/g) ?? []).length, 50);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it('never throws on a tab next to an empty flow pair (a null node in the tree)', () => {
    // (Psych rejects the first and reads the second; here only: no throw.)
    assert.ok(Array.isArray(parsePost('---\ncategory: [emnews\t]\ntag: [?]\n---\nbody').errors));
    assert.deepEqual(parsePost('---\ncategory: [\temnews]\ndate:\n- ?\n---\n').errors, []);
  });

  it('never throws on fuzzed front matter: nesting, long runs, control characters (fast-check)', () => {
    const piece = fc.oneof(
      fc.constantFrom('[', ']', '{', '}', '- ', '? ', '[?]', '\t]', '- ?', ': \t', ': ', '"', "'", '#', '\n', '\n  ', '\t', '&a ', '*a', '|', '>', '%', '---', '\r', '\u2028', '\u0085', '\ufeff', '\u0000', '\u0007', '\\'),
      fc.tuple(fc.constantFrom('[', '- ', ' ', 'a', '"', '\n '), fc.integer({ min: 1, max: 3000 })).map(([s, n]) => s.repeat(n)),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = `---\na: ${pieces.join('')}\n---\nbody\n`;
      const p = parsePost(text);
      for (const e of p.errors) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
    }), { numRuns: 400, seed: 13 });
  });
});
