// The taxonomy view's sections: long ones collapsed, counts, and the text filter (ignoring case and width).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { rankValues } from '../../src/core/taxonomy/index';
import { LONG_SECTION, matchesFilter, sectionView } from '../../src/features/taxonomyViewModel';

const ranked = (n: number) => rankValues(Object.fromEntries(Array.from({ length: n }, (_, i) => [`cat${i}`, n - i])), [], []);

describe('taxonomy view sections', () => {
  it(`a section of more than ${LONG_SECTION} values opens collapsed; a short one expanded; both show their count`, () => {
    const long = sectionView(ranked(300), '');
    assert.equal(long.collapsed, true);
    assert.deepEqual(long.count, { shown: 300, total: 300, filtered: false });
    assert.equal(sectionView(ranked(LONG_SECTION), '').collapsed, false);
    assert.equal(sectionView(ranked(LONG_SECTION + 1), '').collapsed, true);
  });

  it('a filter keeps the matching values in rank order, counts them out of all, and opens the section', () => {
    const v = sectionView(ranked(300), 'cat29');
    assert.deepEqual(v.shown.map((r) => r.value), ['cat29', 'cat290', 'cat291', 'cat292', 'cat293', 'cat294', 'cat295', 'cat296', 'cat297', 'cat298', 'cat299']);
    assert.deepEqual(v.count, { shown: 11, total: 300, filtered: true });
    assert.equal(v.collapsed, false);
    assert.deepEqual(sectionView(ranked(3), 'zzz').shown, []);
  });

  it('the filter ignores case, full width and surrounding spaces', () => {
    assert.ok(matchesFilter('EMnews', 'emn'));
    assert.ok(matchesFilter('emnews', 'ＥＭ'));
    assert.ok(matchesFilter('东财滚动新闻', ' 滚动 '));
    assert.ok(!matchesFilter('财联社电报', '东财'));
    assert.ok(matchesFilter('anything', '  '));
  });

  it('property: the shown values are exactly the matching ones, in the same order', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }), fc.string({ maxLength: 3 }), (values, filter) => {
      const all = rankValues(Object.fromEntries(values.map((v, i) => [v, i + 1])), [], []);
      const v = sectionView(all, filter);
      assert.deepEqual(v.shown, all.filter((r) => matchesFilter(r.value, filter)));
      assert.equal(v.count.total, all.length);
    }));
  });
});
