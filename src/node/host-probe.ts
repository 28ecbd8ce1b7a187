// The Node extension host's measurements for `postdesk._workspace`: event-loop delay and memory.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { HostProbe } from '../host/debug';

/** Event-loop delay (perf_hooks histogram) and process memory of the Node extension host. */
export function nodeHostProbe(): HostProbe {
  let histogram: IntervalHistogram | undefined;
  try { histogram = monitorEventLoopDelay({ resolution: 5 }); histogram.enable(); } catch { histogram = undefined; }
  const ns = (n: number) => n / 1e6;
  return {
    resetLoopDelay: () => histogram?.reset(),
    loopDelay: () => histogram && histogram.count ? { p50: ns(histogram.percentile(50)), p99: ns(histogram.percentile(99)), max: ns(histogram.max), count: histogram.count } : undefined,
    memory: () => { const m = process.memoryUsage(); return { rssBytes: m.rss, heapUsedBytes: m.heapUsed }; },
    dispose: () => histogram?.disable(),
  };
}
