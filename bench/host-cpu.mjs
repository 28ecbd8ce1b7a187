// CPU of every process of a bench run (code-server, its extension host and helpers, Chromium) between marks, from /proc.
import fs from 'node:fs';

const HZ = 100; // getconf CLK_TCK on Linux

/** utime, stime, cutime, cstime (s), ppid and name of one /proc/<pid>/stat (or …/task/<tid>/stat); undefined when gone. */
function stat(file) {
  let s;
  try { s = fs.readFileSync(file, 'utf8'); } catch { return undefined; }
  const close = s.lastIndexOf(')');
  const f = s.slice(close + 2).split(' ');
  return { comm: s.slice(s.indexOf('(') + 1, close), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / HZ, reaped: (Number(f[13]) + Number(f[14])) / HZ, start: Number(f[19]) };
}

function cmdline(pid) {
  try { return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean); } catch { return []; }
}

/** What a process is, from its command line: Chromium's `--type=`, VS Code's server processes, git. */
function role(args, comm) {
  const a = args.join(' ');
  const type = /--type=([\w-]+)/.exec(a)?.[1];
  if (/chrom/i.test(args[0] ?? '') || /chrom/i.test(comm)) {
    if (!type) return 'chromium browser';
    if (type === 'renderer') return 'chromium renderer';
    if (type === 'gpu-process') return 'chromium gpu';
    if (type === 'utility') return `chromium utility (${/--utility-sub-type=([\w.]+)/.exec(a)?.[1]?.split('.').pop() ?? '?'})`;
    return `chromium ${type}`;
  }
  if (/--type=extensionHost/.test(a)) return 'extension host';
  if (/--type=fileWatcher/.test(a)) return 'file watcher';
  if (/--type=ptyHost/.test(a)) return 'pty host';
  // Built-in extensions' language servers (markdown's indexes every .md of the workspace), children of the host.
  const ext = /\/extensions\/([\w-]+)\/.*(?:server|Server)/.exec(a)?.[1];
  if (ext) return `language server (${ext.replace(/-language-features$/, '')})`;
  if (/server-main|bootstrap-fork|out\/node\/entry\.js|code-server/.test(a)) return type ? `code-server ${type}` : 'code-server server';
  if (/^git$|\/git$/.test(args[0] ?? '') || comm === 'git') return 'git';
  return comm;
}

/** Machine-wide busy and total jiffies (all CPUs) from /proc/stat. */
function machine() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / HZ, total: total / HZ };
}

/**
 * A snapshot of every descendant of `root` (this bench process: code-server and Chromium are its children): each
 * process's CPU, the CPU of the children it has reaped (git runs), and the threads of the extension host.
 */
export function snapshot(root = process.pid) {
  const all = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = stat(`/proc/${d}/stat`);
    if (s) all.set(Number(d), s);
  }
  const mine = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all) if (!mine.has(pid) && mine.has(s.ppid)) { mine.add(pid); grew = true; }
  }
  const procs = [];
  for (const pid of mine) {
    const s = all.get(pid);
    if (!s) continue;
    const args = cmdline(pid);
    const r = pid === root ? 'bench driver (node + playwright)' : role(args, s.comm);
    const p = { pid, start: s.start, role: r, cpu: s.cpu, reaped: s.reaped };
    if (r === 'extension host') {
      p.threads = {};
      try {
        for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
          const ts = stat(`/proc/${pid}/task/${t}/stat`);
          if (!ts) continue;
          // libuv's pool threads are "libuv-worker", V8's "V8 DefaultWorke"; the main thread has the process's name.
          const k = Number(t) === pid ? 'main thread (JS)' : ts.comm.replace(/[\d-]+$/, '').trim() || 'other';
          p.threads[k] = (p.threads[k] ?? 0) + ts.cpu;
        }
      } catch { /* gone */ }
    }
    procs.push(p);
  }
  return { at: Date.now(), load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number), machine: machine(), procs };
}

/**
 * CPU seconds per role between two snapshots (a process started in between counts from zero; one gone before `b`
 * is missing, its CPU then counted by its parent's `reaped`), the extension host's threads, and the machine.
 */
export function cpuBetween(a, b) {
  const key = (p) => `${p.pid}:${p.start}`;
  const before = new Map(a.procs.map((p) => [key(p), p]));
  const roles = {};
  const threads = {};
  let reaped = 0;
  for (const p of b.procs) {
    const o = before.get(key(p));
    roles[p.role] = (roles[p.role] ?? 0) + p.cpu - (o?.cpu ?? 0);
    reaped += p.reaped - (o?.reaped ?? 0);
    for (const [k, v] of Object.entries(p.threads ?? {})) threads[k] = (threads[k] ?? 0) + v - (o?.threads?.[k] ?? 0);
  }
  if (reaped > 0.005) roles['exited children (git …)'] = reaped;
  const wall = (b.at - a.at) / 1000;
  const ours = Object.values(roles).reduce((x, y) => x + y, 0);
  const busy = b.machine.busy - a.machine.busy;
  const capacity = b.machine.total - a.machine.total;
  return { wall, roles, threads, ours, machineBusy: busy, machineCapacity: capacity, others: busy - ours, load: a.load };
}

/** A small text table of `cpuBetween` results, one column per window (e.g. open → host start, host start → end). */
export function cpuTable(windows) {
  const names = Object.keys(windows);
  const roles = [...new Set(names.flatMap((n) => Object.keys(windows[n].roles)))]
    .sort((x, y) => windows[names.at(-1)].roles[y] - windows[names.at(-1)].roles[x] || x.localeCompare(y));
  const cell = (n, v) => `${v.toFixed(1).padStart(6)} s ${(100 * v / windows[n].wall).toFixed(0).padStart(3)}%`;
  const row = (label, f) => `${label.padEnd(34)}${names.map((n) => ` | ${f(n)}`).join('')}`;
  const lines = [row('CPU (s, % of one core over the window)', (n) => `${n} (${windows[n].wall.toFixed(1)} s wall)`.padEnd(13))];
  for (const r of roles) if (names.some((n) => (windows[n].roles[r] ?? 0) >= 0.05)) lines.push(row(r, (n) => cell(n, windows[n].roles[r] ?? 0)));
  const th = [...new Set(names.flatMap((n) => Object.keys(windows[n].threads)))];
  for (const t of th) if (names.some((n) => (windows[n].threads[t] ?? 0) >= 0.05)) lines.push(row(`  host thread: ${t}`, (n) => cell(n, windows[n].threads[t] ?? 0)));
  lines.push(row('all of the run\'s processes', (n) => cell(n, windows[n].ours)));
  lines.push(row('other processes on the machine', (n) => cell(n, windows[n].others)));
  lines.push(row('machine idle (of its CPUs)', (n) => cell(n, windows[n].machineCapacity - windows[n].machineBusy)));
  lines.push(row('load average at the start', (n) => windows[n].load.map((x) => x.toFixed(1)).join(' ').padEnd(13)));
  return lines.join('\n');
}

/** CPU seconds of this process's children that have ended and been waited for (`postdesk check` runs via spawnSync). */
export function reapedCpu() {
  return stat('/proc/self/stat').reaped;
}
