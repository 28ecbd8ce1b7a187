// spareCores: how many worker threads a batch command starts, from the cores and what other processes run.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { busyCores, spareCores, spareFrom } from '../../src/node/cores';

describe('spareCores', () => {
  it('keeps a core for this thread and one for V8\'s compiler and GC threads, and leaves busy cores alone', () => {
    const cases: [number, number, number][] = [[1, 0, 0], [2, 0, 0], [2, 1, 0], [3, 0, 1], [4, 0, 2], [4, 1, 1], [4, 1.6, 0], [4, 3, 0], [8, 0, 6], [8, 2.4, 4], [8, 20, 0]];
    for (const [cores, busy, want] of cases) assert.equal(spareFrom(cores, busy), want, `${cores} cores, ${busy} busy`);
  });

  it('is a whole number of threads between 0 and two less than the cores', () => {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    for (let i = 0; i < 20; i++) {
      const n = spareCores();
      assert.ok(Number.isInteger(n) && n >= 0 && n <= Math.max(0, cores - 2), `${n} of ${cores}`);
    }
  });

  it('does not count this process as busy: with this thread spinning, some reading sees no other process', () => {
    // Other processes on a shared machine may run at any one moment, so ask a few times and keep the least.
    let least = Infinity;
    for (let i = 0; i < 20 && least > 0; i++) {
      const until = Date.now() + 20;
      while (Date.now() < until) { /* keep this thread running */ }
      least = Math.min(least, busyCores());
    }
    assert.ok(least < 1, `busyCores() stayed at ${least} or more`);
  });
});
