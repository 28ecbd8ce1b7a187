// spareCores: how many worker threads a batch command starts, from the run queue.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { spareCores } from '../../src/node/cores';

describe('spareCores', () => {
  it('is a whole number of threads between 0 and one less than the cores this process may use', () => {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    for (let i = 0; i < 20; i++) {
      const n = spareCores();
      assert.ok(Number.isInteger(n) && n >= 0 && n <= cores - 1, `${n} of ${cores}`);
    }
  });

  it('does not count this process as busy: a busy loop here leaves the other cores spare', function () {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores < 2 || os.platform() !== 'linux') { this.skip(); return; }
    // Other processes on a shared machine may take cores, so ask a few times and keep the best answer.
    let best = 0;
    for (let i = 0; i < 10 && best < cores - 1; i++) {
      const until = Date.now() + 20;
      while (Date.now() < until) { /* keep this thread running */ }
      best = Math.max(best, spareCores());
    }
    assert.ok(best >= 1, `spareCores() stayed ${best} with ${cores} cores`);
  });
});
