// The preview's PageGate: messages wait for the current page's `ready`; a shown page that never starts is set again, boundedly.
import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../src/preview/messages';
import { PageGate } from '../../src/preview/page';

/** A gate over a fake clock: `fire()` runs the pending timer (the watchdog), `sent` and `restarts` record what it did. */
function gate(maxRestarts = 3) {
  const sent: HostMessage[] = [];
  const restarts: number[] = [];
  let timer: (() => void) | undefined;
  const g = new PageGate({
    send: (m) => sent.push(m),
    restart: (n) => restarts.push(n),
    setTimer: (fn) => { timer = fn; return fn; },
    clearTimer: (h) => { if (timer === h) timer = undefined; },
  }, 1000, maxRestarts);
  const fire = () => { const t = timer; timer = undefined; t?.(); };
  return { g, sent, restarts, fire, armed: () => timer !== undefined };
}
const update = (version: number): HostMessage => ({ type: 'update', version, headerHtml: '', bodyHtml: `<p>${version}</p>`, lineOffsets: [] });

describe('preview page gate', () => {
  it('keeps what is posted before the page says ready (latest update, then a later notice) and sends it at ready', () => {
    const { g, sent } = gate();
    g.loaded(1);
    g.post(update(2));
    g.post({ type: 'notice', text: 'a' });
    g.post(update(3));
    g.post({ type: 'notice', text: 'b' });
    g.post({ type: 'scrollTo', offset: 5 });
    assert.deepEqual(sent, []);
    g.onReady(1);
    assert.deepEqual(sent, [update(3), { type: 'notice', text: 'b' }]);
    g.post(update(4));
    assert.deepEqual(sent.at(-1), update(4), 'a ready page gets messages at once');
  });

  it('ignores the ready of an older page, and a new page drops what was kept for the old one', () => {
    const { g, sent } = gate();
    g.loaded(1);
    g.post(update(2));
    g.loaded(3);
    g.onReady(1);
    assert.equal(g.isReady, false);
    g.onReady(3);
    assert.deepEqual(sent, []);
  });

  it('a hidden page is not ready; shown again, it waits for the rebuilt page to say ready', () => {
    const { g, sent, armed } = gate();
    g.loaded(1);
    g.onReady(1);
    g.visibility(false);
    assert.equal(armed(), false);
    g.post(update(2));
    assert.deepEqual(sent, []);
    g.visibility(true);
    assert.equal(armed(), true);
    g.onReady(1);
    assert.deepEqual(sent, [update(2)]);
  });

  it('restarts a page that never says ready, at most maxRestarts times, and not once it is ready', () => {
    const { g, restarts, fire } = gate(2);
    g.loaded(1);
    fire();
    assert.deepEqual(restarts, [1]);
    g.loaded(2, true);
    fire();
    g.loaded(3, true);
    fire();
    assert.deepEqual(restarts, [1, 2], 'bounded');
    const b = gate();
    b.g.loaded(1);
    b.g.onReady(1);
    b.fire();
    assert.deepEqual(b.restarts, []);
  });
});
