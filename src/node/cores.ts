// How many worker threads a batch job should start: one per core idle right now, besides this thread's and V8's.
import * as fs from 'node:fs';
import * as os from 'node:os';

/**
 * Worker threads worth starting besides the calling thread: the cores no other process is running on right now,
 * less one for V8's own background threads. Those compile optimized code and collect garbage beside the main
 * thread, so on 2 cores a worker only competes with them: measured on `postdesk check` over 20,000 posts, one
 * worker made it 12 % slower with 40 % more CPU, on an otherwise idle machine.
 * On Linux this reads the run queue (`/proc/loadavg`'s running count, less this process's running threads) rather than
 * the 1-minute load average, which still counts the caller's own previous runs (a loop of runs would starve
 * itself). Elsewhere it falls back to the load average.
 */
export function spareCores(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return spareFrom(cores, busyCores());
}

/** Workers for `cores` cores of which `busy` run other processes: one per idle core beyond two (this thread, V8's). */
export function spareFrom(cores: number, busy: number): number {
  return Math.max(0, Math.min(cores - 2, Math.round(cores - 2 - busy)));
}

/** How many cores other processes keep busy right now (the run queue less this process's running threads). */
export function busyCores(): number {
  try {
    const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(fs.readFileSync('/proc/loadavg', 'latin1'))?.[1]);
    return Number.isFinite(running) ? Math.max(0, running - Math.max(1, ownRunning())) : os.loadavg()[0];
  } catch {
    return os.loadavg()[0];
  }
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
