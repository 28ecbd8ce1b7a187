// `postdesk._workspace` (not contributed, test builds and bench runs only): the workspace model's state for tests and `npm run bench`.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCommand } from './commands';
import { TEST_HOOKS } from '../util/test-hooks';

/** What the debug command returns. */
export interface WorkspaceDebugState {
  scanning: boolean; done: number; total: number; posts: number;
  /** Analyses of open documents: their version and the scan's state at that moment (ordering, not timing). */
  documents: { uri: string; version: number | undefined; scanning: boolean; done: number; total: number }[];
  /** Event-loop delay (ms) measured since the last scan started (Node host only). */
  loopDelay: { p50: number; p99: number; max: number; count: number } | undefined;
  /** Memory of the extension host (0 where the host cannot tell: the web worker host). */
  rssBytes: number; heapUsedBytes: number;
  lastScanMs: number | undefined;
  /** Phases of the last complete scan (ms from its start). */
  scanPhases: { sitesMs: number; listedMs: number; endMs: number } | undefined;
}

/** Host measurements the Node entry supplies (src/node/host-probe.ts); none on the web. */
export interface HostProbe extends vscode.Disposable {
  /** The bench asked for `postdesk._workspace` (the Node entry reads $POSTDESK_BENCH_PROBE once, at activation). */
  readonly bench?: boolean;
  resetLoopDelay(): void;
  loopDelay(): WorkspaceDebugState['loopDelay'];
  memory(): { rssBytes: number; heapUsedBytes: number };
}

/**
 * Registers `postdesk._workspace` in the test build, or when the bench asked for it (`probe.bench`, Node host only);
 * in the product otherwise nothing is registered and the probe's histogram is stopped at once.
 */
export function registerWorkspaceDebug(s: Services, probe: HostProbe | undefined): vscode.Disposable {
  if (!TEST_HOOKS && !probe?.bench) { probe?.dispose(); return new vscode.Disposable(() => undefined); }
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
      if (st.scanning && st.done === 0 && st.total === 0) { scanStart = performance.now(); probe?.resetLoopDelay(); }
      if (!st.scanning && scanStart) lastScanMs = performance.now() - scanStart;
    }),
  ];
  const command = registerCommand(s.output, 'postdesk._workspace', (): WorkspaceDebugState => {
    const st = s.workspace.scanState();
    return {
      ...st, posts: [...s.workspace.entries()].length, documents: [...documents],
      loopDelay: probe?.loopDelay(), ...(probe?.memory() ?? { rssBytes: 0, heapUsedBytes: 0 }), lastScanMs, scanPhases: s.workspace.lastScanPhases,
    };
  });
  // Test build only: `postdesk._holdScanEnd(true)` makes scans wait before their end, `(false)` lets them end.
  let held: vscode.Disposable | undefined;
  const hold = TEST_HOOKS ? [registerCommand(s.output, 'postdesk._holdScanEnd', (on: boolean) => { held?.dispose(); held = on ? s.workspace.holdScanEnd() : undefined; })] : [];
  return vscode.Disposable.from(command, ...hold, ...subs, ...(probe ? [probe] : []), { dispose: () => held?.dispose() });
}
