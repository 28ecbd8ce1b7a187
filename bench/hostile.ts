// The bench's hostile table (issue 13): each hostile case at SIZE characters through every stage, against a normal post of the same size, in one process; prints JSON.
import { CASES, normalPost, runStages, type StageTimes } from './hostile-cases';

const [sizeArg, runArg, only] = process.argv.slice(2);
const SIZE = Number(sizeArg ?? 1024 * 1024);
const RUNS = Math.max(1, Number(runArg ?? 3));
const now = () => performance.now();
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

/** Median total and per-stage times of `make()` over RUNS runs (the input is built once, outside the clock). */
function measure(input: ReturnType<typeof normalPost>): { ms: number; stages: StageTimes; bodyChars: number } {
  const totals: number[] = [];
  const per: StageTimes[] = [];
  let bodyChars = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = now();
    const { result, times } = runStages(input, now);
    totals.push(now() - t);
    per.push(times);
    bodyChars = result.bodyHtml.length;
  }
  const stages = Object.fromEntries(Object.keys(per[0]).map((k) => [k, median(per.map((p) => p[k as keyof StageTimes]))])) as StageTimes;
  return { ms: median(totals), stages, bodyChars };
}

// Warm-up: the libraries load and the JIT settles on a normal post first.
for (let i = 0; i < 3; i++) runStages(normalPost(64 * 1024));
const rows = [];
for (const c of CASES) {
  if (only && !only.split(',').includes(c.name)) continue;
  const n = Math.min(SIZE, c.maxN ?? Infinity);
  const hostile = c.make(n);
  // The same number of characters as a normal post (a long path counts: the path cases' post itself is short).
  const normal = normalPost(hostile.text.length + hostile.file.length);
  const h = measure(hostile);
  const b = measure(normal);
  const slowest = (Object.entries(h.stages) as [keyof StageTimes, number][]).sort((x, y) => y[1] - x[1])[0];
  rows.push({ name: c.name, what: c.what, n, chars: hostile.text.length + hostile.file.length, hostile: h, normal: b, ratio: h.ms / b.ms, slowest: slowest[0], slowestMs: slowest[1] });
}
process.stdout.write(`${JSON.stringify({ size: SIZE, runs: RUNS, rows })}\n`);
