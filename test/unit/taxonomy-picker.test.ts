// Insert Tags/Categories: values outside the site's list are found, and one `_config.yml` edit lists them, keeping the file's layout.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits';
import { parseSiteConfig } from '../../src/core/site';
import { validatePost } from '../../src/core/validate';
import { addValuesEdit, unlisted } from '../../src/features/taxonomyPickerModel';

const CONFIG = '# site\ntimezone: Asia/Shanghai\npostdesk:\n  taxonomy:\n    categories: [emnews, cls]   # the sections\n    tags:\n      - 东财滚动新闻\n      - 财联社电报\n';

describe('Insert Tags/Categories and the site list', () => {
  it('unlisted: the values outside a configured list, once each, in order; none when the site lists nothing', () => {
    assert.deepEqual(unlisted(['东财滚动新闻', '新能源', '新能源', 'A股'], ['东财滚动新闻']), ['新能源', 'A股']);
    assert.deepEqual(unlisted(['新能源'], []), []);
    assert.deepEqual(unlisted([], ['x']), []);
  });

  it('addValuesEdit: one edit adds every value in the list\'s own style, comments kept, and taxonomy-unknown stops warning', () => {
    const tags = applyEdits(CONFIG, [addValuesEdit(CONFIG, 'tags', ['新能源', 'A股'])!]);
    assert.equal(tags, CONFIG.replace('      - 财联社电报\n', '      - 财联社电报\n      - 新能源\n      - A股\n'));
    const cats = applyEdits(CONFIG, [addValuesEdit(CONFIG, 'categories', ['jingjiwang'])!]);
    assert.equal(cats, CONFIG.replace('[emnews, cls]', '[emnews, cls, jingjiwang]'));
    const post = '---\ntitle: x\ncategories: emnews\ntags: [东财滚动新闻, 新能源]\n---\n';
    const warn = (cfg: string) => validatePost(post, { site: parseSiteConfig(cfg, '/s'), file: '/s/_posts/2021-12-08-x.md' }).filter((p) => p.rule === 'taxonomy-unknown').length;
    assert.equal(warn(CONFIG), 1);
    assert.equal(warn(tags), 0);
  });

  it('addValuesEdit: nothing to add, or a _config.yml it cannot edit, gives no edit', () => {
    assert.equal(addValuesEdit(CONFIG, 'tags', ['东财滚动新闻']), undefined);
    assert.equal(addValuesEdit(CONFIG, 'tags', []), undefined);
    assert.equal(addValuesEdit('postdesk: [\n', 'tags', ['x']), undefined);
  });

  it('property: the edit lists exactly the new values, and the rest of the file is unchanged around it', function () {
    this.timeout(60000);
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z\u4e00-\u4e09]{1,5}$/), { maxLength: 5 }), (values) => {
      const e = addValuesEdit(CONFIG, 'tags', values);
      const fresh = values.filter((v) => !['东财滚动新闻', '财联社电报'].includes(v));
      if (!fresh.length) { assert.equal(e, undefined); return; }
      const out = applyEdits(CONFIG, [e!]);
      assert.deepEqual(parseSiteConfig(out, '/s').postdesk.taxonomy.tags, ['东财滚动新闻', '财联社电报', ...fresh]);
      assert.equal(out.slice(0, e!.start), CONFIG.slice(0, e!.start));
      assert.equal(out.slice(out.length - (CONFIG.length - e!.end)), CONFIG.slice(e!.end));
    }), { numRuns: 40 });
  });
});
