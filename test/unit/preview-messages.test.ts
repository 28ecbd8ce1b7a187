// The preview's webview → host messages: only well-formed messages of known types get through the validator.
import * as assert from 'node:assert/strict';
import { parsePreviewState, parseWebviewMessage } from '../../src/preview/messages';

describe('preview messages', () => {
  it('accepts the known messages, rebuilt with only their own fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', version: 3, extra: 'x' }), { type: 'ready', version: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', version: 3 }), { type: 'rendered', version: 3 });
    assert.deepEqual(parseWebviewMessage({ type: 'scrolled', offset: 0 }), { type: 'scrolled', offset: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'dblclick', offset: 975 }), { type: 'dblclick', offset: 975 });
    assert.deepEqual(parseWebviewMessage({ type: 'openLink', href: '../x.md', command: 'workbench.action.terminal.new' }), { type: 'openLink', href: '../x.md' });
    assert.deepEqual(parseWebviewMessage({ type: 'showProblems', command: 'x' }), { type: 'showProblems' });
  });

  it('rejects anything else', () => {
    for (const bad of [null, undefined, 'ready', { type: 'ready' }, { type: 'ready', version: -1 }, 42, [], {}, { type: 'executeCommand', command: 'x' }, { type: 'dblclick', offset: -1 }, { type: 'dblclick', offset: 1.5 },
      { type: 'scrolled', offset: '5' }, { type: 'scrolled', offset: Infinity }, { type: 'rendered' }, { type: 'openLink', href: '' }, { type: 'openLink', href: 'x'.repeat(9000) },
      { type: 'openLink', href: { toString: () => 'https://x' } }, { type: '__proto__' }, { type: 'constructor' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('validates saved state', () => {
    assert.deepEqual(parsePreviewState({ uri: 'file:///s/_posts/a.md', locked: true, scrollY: 5 }), { uri: 'file:///s/_posts/a.md', locked: true });
    assert.deepEqual(parsePreviewState({ uri: 'file:///a.md', locked: 'yes' }), { uri: 'file:///a.md', locked: false });
    assert.equal(parsePreviewState({ uri: 5 }), undefined);
    assert.equal(parsePreviewState(null), undefined);
  });
});
