// bench/host-cpu.mjs: the per-process CPU accounting of the "editor at scale" runs names each process and subtracts snapshots right.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './corpus';

interface Proc { pid: number; start: number; role: string; cpu: number; reaped: number; threads?: Record<string, number> }
interface Snap { at: number; load: number[]; machine: { busy: number; total: number }; procs: Proc[] }
interface HostCpu {
  snapshot(root?: number): Snap;
  cpuBetween(a: Snap, b: Snap): { wall: number; roles: Record<string, number>; threads: Record<string, number>; ours: number; others: number; machineBusy: number; machineCapacity: number };
}
const load = (): Promise<HostCpu> => import(pathToFileURL(path.join(projectRoot, 'bench', 'host-cpu.mjs')).href) as Promise<HostCpu>;

/** A child that idles with `args` on its command line (the roles are read from it), resolved once it runs. */
async function child(args: string[]): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['-e', 'process.stdout.write("up"); setInterval(() => {}, 1e9)', '--', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((r) => c.stdout!.once('data', r));
  return c;
}

describe('bench/host-cpu.mjs (per-process CPU of the S1 runs)', () => {
  it('subtracts snapshots: a process in both counts its difference, a new one from zero, exited children through their parent', async () => {
    const { cpuBetween } = await load();
    const a: Snap = { at: 0, load: [1, 1, 1], machine: { busy: 10, total: 20 }, procs: [
      { pid: 1, start: 5, role: 'chromium renderer', cpu: 2, reaped: 0 },
      { pid: 2, start: 6, role: 'extension host', cpu: 1, reaped: 1, threads: { 'main thread (JS)': 0.5, 'libuv-worker': 0.5 } },
      { pid: 3, start: 7, role: 'git', cpu: 0.3, reaped: 0 },
    ] };
    const b: Snap = { at: 4000, load: [2, 1, 1], machine: { busy: 18, total: 28 }, procs: [
      { pid: 1, start: 5, role: 'chromium renderer', cpu: 5, reaped: 0 },
      { pid: 2, start: 6, role: 'extension host', cpu: 3, reaped: 1.4, threads: { 'main thread (JS)': 2, 'libuv-worker': 1 } },
      // pid 1 reused by another process (another start time): counted from zero.
      { pid: 4, start: 9, role: 'chromium renderer', cpu: 0.5, reaped: 0 },
    ] };
    const d = cpuBetween(a, b);
    assert.equal(d.wall, 4);
    assert.equal(d.roles['chromium renderer'], 3.5);
    assert.equal(d.roles['extension host'], 2);
    assert.ok(Math.abs(d.roles['exited children (git …)'] - 0.4) < 1e-9);
    assert.deepEqual(d.threads, { 'main thread (JS)': 1.5, 'libuv-worker': 0.5 });
    assert.ok(Math.abs(d.ours - 5.9) < 1e-9);
    assert.ok(Math.abs(d.others - (8 - 5.9)) < 1e-9);
    assert.equal(d.machineCapacity - d.machineBusy, 0);
  });

  it('finds the children of the bench process in /proc and names them from their command lines', async () => {
    const { snapshot } = await load();
    const kids = await Promise.all([
      child(['--type=extensionHost']),
      child(['/cs/lib/vscode/extensions/markdown-language-features/dist/serverWorkerMain', '--node-ipc']),
      child(['/cs/lib/vscode/out/bootstrap-fork', '--type=fileWatcher']),
    ]);
    try {
      const s = snapshot();
      const role = (c: ChildProcess) => s.procs.find((p) => p.pid === c.pid);
      assert.equal(role(kids[0])?.role, 'extension host');
      assert.ok(role(kids[0])?.threads?.['main thread (JS)'] !== undefined, 'the extension host has its threads');
      assert.equal(role(kids[1])?.role, 'language server (markdown)');
      assert.equal(role(kids[2])?.role, 'file watcher');
      assert.equal(s.procs.find((p) => p.pid === process.pid)?.role, 'bench driver (node + playwright)');
    } finally {
      for (const k of kids) k.kill();
    }
  });
});
