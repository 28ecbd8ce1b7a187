// Values kept from posts read from disk do not keep the posts' whole texts alive (V8 sliced and cons strings).
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import fc from 'fast-check';
import { detachString, detachStrings } from '../../src/core/detach';
import { parseSiteConfig } from '../../src/core/site';
import { frontMatterSlice, TaxonomyIndex } from '../../src/core/taxonomy/index';
import { ProblemInterner } from '../../src/host/problemIntern';
import { validatePost } from '../../src/core/validate';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap growth (MB, after a full GC) while `keep` holds what `make` returned for each of `n` fresh 1 MiB texts. */
function retainedMB(n: number, make: (text: string, i: number) => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep: unknown[] = [];
  for (let i = 0; i < n; i++) {
    // A fresh text each time, as read from disk: a front matter, then a 1 MiB body.
    const text = `---\nlayout: post\ntitle: "标题 number ${i} of the generated posts"\ndate: 2021-12-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00\ncategories: [category-name-${i % 7}-long-enough]\ntags: [东财滚动新闻, tag-long-enough-${i}]\n---\n${String(i).repeat(1 << 19)}\n`;
    keep.push(make(text, i));
  }
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1048576;
  assert.equal(keep.length, n);
  return mb;
}

describe('detach', () => {
  it('gives an equal string (fast-check)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(40), (s, cut) => {
      const sliced = `${s}${s}`.slice(cut);
      assert.equal(detachString(sliced), sliced);
      const obj = { a: sliced, b: [sliced, 1, { c: sliced }], d: null };
      assert.deepEqual(detachStrings(structuredClone(obj)), obj);
    }));
  });

  it('a kept substring does not keep its text (64 × 1 MiB texts: the control keeps them)', () => {
    const control = retainedMB(64, (t) => t.slice(20, 60));
    const kept = retainedMB(64, (t) => detachString(t.slice(20, 60)));
    assert.ok(control > 32, `the control should keep the texts: ${control.toFixed(1)} MB`);
    assert.ok(kept < 4, `detached substrings kept ${kept.toFixed(1)} MB`);
  });

  it("the taxonomy index's views do not keep the posts' texts", () => {
    const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
    const idx = new TaxonomyIndex(site);
    const mb = retainedMB(64, (t, i) => idx.update(`/site/_posts/2021-12-01-p${i}.md`, frontMatterSlice(t) ?? t));
    assert.equal(idx.size, 64);
    assert.ok(mb < 4, `the index kept ${mb.toFixed(1)} MB`);
  });

  it("the problems of disk entries (ProblemInterner) do not keep the posts' texts", () => {
    const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');
    const interner = new ProblemInterner();
    const mb = retainedMB(64, (t, i) => {
      const problems = validatePost(t, { site, file: `/site/_posts/2021-12-01-p${i}.md` }).map((p) => interner.forDisk(p));
      assert.ok(problems.some((p) => p.rule === 'date-no-offset'), JSON.stringify(problems.map((p) => p.rule)));
      return problems;
    });
    assert.ok(mb < 4, `the problems kept ${mb.toFixed(1)} MB`);
  });
});
