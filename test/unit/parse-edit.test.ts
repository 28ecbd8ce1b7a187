// setTaxonomy on block lists with comments and on anchored values (issue 13 point 6).
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/edits';
import { parsePost } from '../../src/core/parse';
import { setTaxonomy } from '../../src/core/taxonomy/edit';

const edit = (text: string, values: string[]) => {
  const r = setTaxonomy(text, 'tags', values);
  assert.ok(r.ok, JSON.stringify(r));
  return applyEdits(text, r.edits);
};

describe('setTaxonomy: comments and anchors', () => {
  it('keeps comments and blank lines between block-list items', () => {
    const text = '---\ntags:\n  - a # first\n  # why b\n  - b\n\n  - c\ntitle: t\n---\n';
    assert.equal(edit(text, ['a', 'b', 'c', 'd']), '---\ntags:\n  - a # first\n  # why b\n  - b\n\n  - c\n  - d\ntitle: t\n---\n');
    assert.equal(edit(text, ['a', 'x']), '---\ntags:\n  - a # first\n  # why b\n  - x\n\ntitle: t\n---\n');
    const out = edit(text, ['z', 'b', 'c']);
    assert.equal(out, '---\ntags:\n  - z # first\n  # why b\n  - b\n\n  - c\ntitle: t\n---\n');
    assert.deepEqual(parsePost(out).data.tags, ['z', 'b', 'c']);
  });

  it('refuses to edit an anchored value that an alias uses, and edits one that no alias uses', () => {
    const shared = '---\ntags: &t [a, b]\ncategories: *t\n---\n';
    const r = setTaxonomy(shared, 'tags', ['c']);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /anchored \(&t\).*\*t/);
    assert.equal(edit('---\ntags: &t [a, b]\n---\n', ['c']), '---\ntags: &t [c]\n---\n');
  });

  it('edits the last of a repeated key (the one Jekyll reads)', () => {
    assert.equal(edit('---\ntags: a\ntitle: t\ntags: b\n---\n', ['c']), '---\ntags: a\ntitle: t\ntags: c\n---\n');
  });
});
