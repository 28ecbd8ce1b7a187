// Layout files: one extension list (src/core/layouts.ts) for the CLI's reader, the check's lookup and the editor's Show Post Info.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findLayout, LAYOUT_EXTENSIONS } from '../../src/core/layouts';
import { defaultSite } from '../../src/core/site';
import { layoutLookup } from '../../src/core/validate';
import { layoutReader } from '../../src/node/layouts';

describe('layouts: one list of layout file extensions', () => {
  it('findLayout tries the extensions in order and returns the first value', () => {
    const tried: string[] = [];
    assert.equal(findLayout('post', (f) => { tried.push(f); return undefined; }), undefined);
    assert.deepEqual(tried, ['post.html', 'post.htm', 'post.md', 'post.markdown', 'post.liquid', 'post.xml']);
    const files = new Map([['post.md', 'md'], ['post.xml', 'xml']]);
    assert.equal(findLayout('post', (f) => files.get(f)), 'md');
  });

  it('the Node reader and the lookup of `check` find a layout by every extension, and no other', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-layouts-'));
    try {
      fs.mkdirSync(path.join(root, '_layouts'));
      LAYOUT_EXTENSIONS.forEach((ext, i) => fs.writeFileSync(path.join(root, '_layouts', `l${i}${ext}`), `layout ${ext}`));
      fs.writeFileSync(path.join(root, '_layouts', 'other.txt'), 'not a layout');
      fs.writeFileSync(path.join(root, '_layouts', 'both.html'), 'html');
      fs.writeFileSync(path.join(root, '_layouts', 'both.md'), 'md');
      const site = defaultSite(root);
      const read = layoutReader(site);
      const lookup = layoutLookup(site, (p) => fs.existsSync(p));
      LAYOUT_EXTENSIONS.forEach((ext, i) => {
        assert.equal(read(`l${i}`), `layout ${ext}`);
        assert.equal(lookup(`l${i}`), 'found');
      });
      assert.equal(read('other'), undefined);
      assert.equal(lookup('other'), 'missing');
      assert.equal(read('both'), 'html');
      assert.equal(read('../_layouts/both'), undefined, 'a name is one file name');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
