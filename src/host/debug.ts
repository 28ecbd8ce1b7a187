// `postdesk._workspace` (not contributed): the workspace model's state for tests and `npm run bench` (Node host only).
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './commands';

/** What the debug command returns. */
export interface WorkspaceDebugState {
  scanning: boolean; done: number; total: number; posts: number;
  /** Analyses of open documents: their version and the scan's state at that moment (ordering, not timing). */
  documents: { uri: string; version: number | undefined; scanning: boolean; done: number; total: number }[];
  /** Event-loop delay (ms) measured since the last scan started. */
  loopDelay: { p50: number; p99: number; max: number; count: number } | undefined;
  rssBytes: number; heapUsedBytes: number;
  lastScanMs: number | undefined;
}

/** Registers `postdesk._workspace`; `{ reset: true }` clears the event-loop histogram first. */
export function registerWorkspaceDebug(s: Services): vscode.Disposable {
  let histogram: IntervalHistogram | undefined;
  try { histogram = monitorEventLoopDelay({ resolution: 5 }); histogram.enable(); } catch { histogram = undefined; }
  const documents: WorkspaceDebugState['documents'] = [];
  // The first scan starts with the services, before this command exists.
  let scanStart = s.workspace.scanState().scanning ? performance.now() : 0;
  let lastScanMs: number | undefined;
  const subs = [
    s.workspace.onDidChangePosts(({ changed }) => {
      const st = s.workspace.scanState();
      for (const e of changed) if (e.version !== undefined) documents.push({ uri: e.uri.toString(), version: e.version, ...st });
      if (documents.length > 1000) documents.splice(0, documents.length - 1000);
    }),
    s.workspace.onDidChangeScan((st) => {
      if (st.scanning && st.done === 0 && st.total === 0) { scanStart = performance.now(); histogram?.reset(); }
      if (!st.scanning && scanStart) lastScanMs = performance.now() - scanStart;
    }),
  ];
  const ns = (n: number) => n / 1e6;
  const command = registerCommand(s.output, 'postdesk._workspace', (): WorkspaceDebugState => {
    const st = s.workspace.scanState();
    const mem = process.memoryUsage();
    return {
      ...st, posts: [...s.workspace.entries()].length, documents: [...documents],
      loopDelay: histogram && histogram.count ? { p50: ns(histogram.percentile(50)), p99: ns(histogram.percentile(99)), max: ns(histogram.max), count: histogram.count } : undefined,
      rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, lastScanMs,
    };
  });
  return vscode.Disposable.from(command, ...subs, { dispose: () => histogram?.disable() });
}
