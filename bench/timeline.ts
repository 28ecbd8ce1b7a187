// T8: the timeline of a 20,000-post site once the index is read: build (order + badges) and group by day, in-process; prints JSON.
import { buildTimeline, groupByDay } from '../src/core/timeline';
import { loadSite } from '../src/node/files';
import { sitePostViews } from '../src/node/posts';

const [siteDir, runArg] = process.argv.slice(2);
const RUNS = Number(runArg ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const site = loadSite(siteDir);
let t0 = process.hrtime.bigint();
// What the editor's index holds once the scan is done: Jekyll's view of every post.
const views = sitePostViews(site);
const indexMs = ms(t0);
const inputs = views.map((view) => ({ key: view.file, view, timezone: site.timezone }));
const now = Date.now();
const build: number[] = [];
let days = 0;
for (let r = 0; r < RUNS + 1; r++) {
  t0 = process.hrtime.bigint();
  days = groupByDay(buildTimeline(inputs, now)).length;
  if (r > 0) build.push(ms(t0));
}
process.stdout.write(JSON.stringify({ posts: views.length, days, indexMs, timelineMs: median(build), runs: build }));
