// Hostile posts (YAML bombs, deep nesting, 5 MB, binary, unclosed tags, emphasis storms): validation and rendering
// return with a problem or notice, each case in a child process (this same bundle) killed if it hangs; the CLI survives a folder of them.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { decodeText } from '../../src/core/parse';
import { articleHtml, renderPost } from '../../src/core/render';
import { parseSiteConfig } from '../../src/core/site';
import { validatePost } from '../../src/core/validate';
import { main } from '../../src/cli/main';
import { BudgetedRenderer, RenderBudgetError } from '../../src/node/render-budget';
import { findings } from './xss-check';
import { projectRoot } from './corpus';
import { useRenderWorkerBundle } from './worker-bundle';

/** A hang fails the case instead of the suite; the bench, not this test, measures speed. */
const KILL_AFTER_MS = 60000;
// Complete front matter: the body cases must be reported for their body, not for a missing key.
const FM = '---\nlayout: post\ntitle: "hostile"\ndate: 2022-01-01 10:00:00 +0800\ncategories: emnews\ntags: 新闻\n---\n';

/** Deterministic bytes (xorshift32), so a failure reproduces. */
function noise(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; out[i] = x & 0xff; }
  return out;
}

function billionLaughs(): string {
  const keys = 'abcdefghij';
  const lines = [`${keys[0]}: &${keys[0]} [${Array(10).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < keys.length; i++) lines.push(`${keys[i]}: &${keys[i]} [${Array(10).fill(`*${keys[i - 1]}`).join(', ')}]`);
  return `---\nlayout: post\ntitle: bomb\n${lines.join('\n')}\ntags: *j\n---\nbody\n`;
}

/** A 5 MB news body: paragraphs, emphasis, links, inline HTML and a table now and then. */
function fiveMegabytes(): string {
  const parts: string[] = [FM];
  let size = FM.length;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const p = i % 7 === 0 ? `<p style="text-align:center;"><img src="https://img.example/${i}.png" alt="图${i}"></p>\n\n`
      : i % 11 === 0 ? `| a | b |\n|---|---|\n| ${i} | **${i}** |\n\n`
        : `　　第${i}段：**示例**正文 _强调_ [链接](https://example.com/${i}) \`code\` ${'新闻'.repeat(40)}\n\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

interface HostileCase {
  name: string;
  make: () => string | Buffer;
  /** A rule validation must report (the clear problem); undefined when the front matter is fine. */
  rule?: string;
  /** What the problem must say (plain words, not a JavaScript error). */
  says?: RegExp;
  /** The body is what is hostile (the front matter is complete and valid): the preview must render it off the main thread or cut it off. */
  body?: boolean;
  /** The header must say the front matter is unusable. */
  headerBad?: boolean;
}

const CASES: HostileCase[] = [
  { name: 'billion-laughs', make: billionLaughs, rule: 'yaml-syntax', says: /alias/i, headerBad: true },
  { name: 'billion-laughs-block', says: /alias/i, make: () => `---\ntitle: x\na: &a\n  - lol\n  - lol\n${'bcdefghij'.split('').map((k, i) => `${k}: &${k}\n${Array(10).fill(`  - *${'abcdefghij'[i]}`).join('\n')}`).join('\n')}\n---\n`, rule: 'yaml-syntax', headerBad: true },
  { name: 'deep-flow-seq', says: /nested too deeply/i, make: () => `---\ntitle: x\ntags: ${'['.repeat(10000)}x${']'.repeat(10000)}\n---\nbody\n`, rule: 'yaml-syntax', headerBad: true },
  { name: 'deep-flow-map', says: /nested too deeply/i, make: () => `---\ntitle: x\ndeep: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n---\nbody\n`, rule: 'yaml-syntax', headerBad: true },
  { name: 'deep-block-seq', says: /nested too deeply/i, make: () => `---\ntitle: x\ndeep:\n${Array.from({ length: 10000 }, () => '-').join(' ')} x\n---\nbody\n`, rule: 'yaml-syntax', headerBad: true },
  { name: 'deep-body', body: true, make: () => `${FM}${'> '.repeat(10000)}quote\n\n${'<div>'.repeat(10000)}x${'</div>'.repeat(10000)}\n\n${'- '.repeat(10000)}item\n` },
  { name: 'five-megabytes', body: true, make: fiveMegabytes },
  { name: 'binary', says: /UTF-8/, make: () => noise(256 * 1024), rule: 'encoding-invalid' },
  { name: 'invalid-utf8-in-post', says: /UTF-8/, make: () => Buffer.concat([Buffer.from(FM), Buffer.from('正文'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0x00]), noise(4096, 7)]), rule: 'encoding-invalid' },
  { name: 'unclosed-b', body: true, make: () => `${FM}${'<b>'.repeat(100000)}x\n` },
  { name: 'emphasis-storm', body: true, make: () => `${FM}${'**_* '.repeat(80000)}\n` },
  { name: 'huge-front-matter', says: /larger than/i, make: () => `---\ntitle: x\n${Array.from({ length: 20000 }, (_, i) => `k${i}: ${'v'.repeat(10)}`).join('\n')}\n---\nbody\n`, rule: 'yaml-syntax', headerBad: true },
];

const site = parseSiteConfig('timezone: Asia/Shanghai\n', '/site');

/** What the worker reports back for one case. */
interface WorkerResult { problems: { rule: string; severity: string; message: string }[]; headerHtml: string; bodyLength: number; findings: string[]; depth: number }

/** Deepest element nesting of an HTML fragment (what the webview DOM would hold), iteratively. */
function maxDepth(html: string): number {
  type N = DefaultTreeAdapterMap['parentNode'];
  let max = 0;
  const stack: [N, number][] = [[parse(html) as N, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of n.childNodes ?? []) if ('childNodes' in c) stack.push([c as N, d + 1]);
  }
  return max;
}

/** Runs one case (in the child process): decode, validate, render, inspect. */
function runCase(c: HostileCase): WorkerResult {
  const raw = c.make();
  const { text, invalid } = decodeText(typeof raw === 'string' ? Buffer.from(raw) : raw);
  const file = `/site/_posts/2022-01-01-${c.name}.md`;
  const problems = validatePost(text, { site, file, invalidUtf8: invalid, now: Date.UTC(2026, 0, 1) });
  const r = renderPost(text, { site, path: file });
  const html = articleHtml(r);
  return {
    problems: problems.map((p) => ({ rule: p.rule, severity: p.severity, message: p.message })),
    headerHtml: r.headerHtml, bodyLength: r.bodyHtml.length, findings: findings(html).slice(0, 10), depth: maxDepth(html),
  };
}

/** Runs a case in a fresh Node process (this bundle, in worker mode); a hang is killed and reported. */
function inChild(name: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [__filename], { env: { ...process.env, PD_HOSTILE_CASE: name }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (b) => { out += b; });
    p.stderr.on('data', (b) => { err += b; });
    const timer = setTimeout(() => { p.kill('SIGKILL'); }, KILL_AFTER_MS);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') { reject(new Error(`${name}: did not finish within ${KILL_AFTER_MS / 1000} s (killed)`)); return; }
      if (code !== 0) { reject(new Error(`${name}: worker exited ${code}: ${err.slice(0, 3000)}`)); return; }
      try { resolve(JSON.parse(out) as WorkerResult); } catch (e) { reject(new Error(`${name}: bad worker output ${(e as Error).message}: ${out.slice(0, 500)} ${err.slice(0, 2000)}`)); }
    });
  });
}

/** Writes the cases as the `_posts` of a fresh site (plus a JS front matter post). */
function hostileSite(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-hostile-'));
  fs.writeFileSync(path.join(root, '_config.yml'), 'timezone: Asia/Shanghai\n');
  fs.mkdirSync(path.join(root, '_layouts'));
  fs.writeFileSync(path.join(root, '_layouts', 'post.html'), '{{ content }}');
  fs.mkdirSync(path.join(root, '_posts'));
  for (const c of CASES) fs.writeFileSync(path.join(root, '_posts', `2022-01-01-${c.name}.md`), c.make());
  return root;
}

/** Runs the CLI as a process (dist/cli.js) with a kill timeout. */
function cliProcess(args: string[], cwd: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b) => { stdout += b; });
    p.stderr.on('data', (b) => { stderr += b; });
    const timer = setTimeout(() => { p.kill('SIGKILL'); }, 3 * KILL_AFTER_MS);
    p.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

if (process.env.PD_HOSTILE_CASE) {
  // Worker mode: this bundle was started by `inChild`.
  const c = CASES.find((x) => x.name === process.env.PD_HOSTILE_CASE);
  if (!c) throw new Error(`unknown case ${process.env.PD_HOSTILE_CASE}`);
  process.stdout.write(JSON.stringify(runCase(c)));
} else {
  describe('hostile posts: nothing blocks, nothing crashes', function () {
    this.timeout(KILL_AFTER_MS + 30000);

    for (const c of CASES) {
      it(`${c.name}: validation and rendering return${c.rule ? ` with ${c.rule}` : ''}, safe and shallow HTML`, async () => {
        const r = await inChild(c.name);
        if (c.rule) {
          const hit = r.problems.find((p) => p.rule === c.rule);
          assert.ok(hit, `expected a ${c.rule} problem, got ${JSON.stringify(r.problems.slice(0, 5))}`);
          if (c.says) assert.match(hit.message, c.says);
          assert.doesNotMatch(hit.message, /call stack|RangeError|TypeError|undefined|\[object /, 'a JavaScript error leaked into the message');
        }
        assert.ok(!r.problems.some((p) => /could not check this rule/.test(p.message)), `a rule failed: ${JSON.stringify(r.problems.filter((p) => /could not check/.test(p.message)))}`);
        if (c.headerBad) assert.match(r.headerHtml, /pd-bad/, 'the header says the front matter is unusable');
        assert.deepEqual(r.findings, []);
        // A webview with 100,000 nested elements locks up layout: the sanitizer's nesting limit must hold.
        assert.ok(r.depth <= 400, `rendered HTML nests ${r.depth} deep`);
      });
    }

    it('the YAML bomb is reported as an alias/size problem, never expanded', async () => {
      const r = await inChild('billion-laughs');
      const m = r.problems.find((p) => p.rule === 'yaml-syntax')!.message;
      assert.match(m, /alias|large|resource/i);
      assert.ok(!r.headerHtml.includes('lol'), 'no expanded tag reached the header');
    });

    describe('the preview\'s budgeted renderer on the hostile bodies', () => {
      const worker = useRenderWorkerBundle('postdesk-hostile-worker-');

      for (const c of CASES.filter((x) => x.body)) {
        it(`${c.name}: rendered off the main thread (which keeps turning), finished or cut off with a message`, async () => {
          const r = new BudgetedRenderer(worker.file);
          let ticks = 0;
          let ticking = true;
          const tick = () => { ticks++; if (ticking) setImmediate(tick); };
          setImmediate(tick);
          try {
            const text = String(c.make());
            const out = await r.render(text, { site, path: `/site/_posts/2022-01-01-${c.name}.md` }, undefined).then((x) => x, (e: Error) => e);
            if (out instanceof Error) {
              assert.ok(out instanceof RenderBudgetError, `not a budget cut-off: ${out.message}`);
              assert.match(out.message, /longer than \d+ ms/);
            } else assert.equal(typeof out.bodyHtml, 'string');
            assert.ok(ticks > 10, `the main thread was blocked while rendering (${ticks} ticks)`);
          } finally { ticking = false; r.dispose(); }
        });

        it(`${c.name}: with a budget it cannot meet, the render is cut off with a message`, async () => {
          const r = new BudgetedRenderer(worker.file, 20, 0);
          try {
            await assert.rejects(r.render(String(c.make()), { site }, undefined), (e) => e instanceof RenderBudgetError && /longer than 20 ms/.test((e as Error).message));
          } finally { r.dispose(); }
        });
      }
    });

    it('the worker mode itself fails on a broken case (the harness can fail)', async () => {
      await assert.rejects(inChild('no-such-case'), /worker exited 1/);
    });

    describe('the CLI on a folder of them', () => {
      let root = '';
      before(() => {
        if (!fs.existsSync(path.join(projectRoot, 'dist', 'cli.js'))) throw new Error('dist/cli.js missing: run npm run build');
        root = hostileSite();
      });
      after(() => fs.rmSync(root, { recursive: true, force: true }));

      /** Rules per file name from `check --format json` run as a process. */
      let byFile: Map<string, Set<string>> | undefined;
      const checkByFile = async () => {
        if (byFile) return byFile;
        const r = await cliProcess(['check', '--format', 'json'], root);
        assert.equal(r.signal, null, 'not killed');
        assert.equal(r.code, 1, r.stderr.slice(0, 2000));
        assert.doesNotMatch(r.stderr, /at .*\(.*:\d+:\d+\)|RangeError|TypeError/, 'no stack trace');
        byFile = new Map();
        for (const x of JSON.parse(r.stdout) as { file: string; rule: string }[]) byFile.set(path.basename(x.file), (byFile.get(path.basename(x.file)) ?? new Set()).add(x.rule));
        return byFile;
      };

      it('check (child process) exits 1, never crashes, and reports each hostile front matter / encoding', async () => {
        const got = await checkByFile();
        const missing = CASES.filter((c) => c.rule && !got.get(`2022-01-01-${c.name}.md`)?.has(c.rule)).map((c) => `${c.name} (${c.rule})`);
        assert.deepEqual(missing, []);
      });

      it('check gives a problem or notice for every hostile file, the body-only ones too (issue 8: "a problem per file")', async () => {
        const got = await checkByFile();
        const silent = CASES.filter((c) => !got.has(`2022-01-01-${c.name}.md`)).map((c) => c.name);
        assert.deepEqual(silent, [], 'hostile files with no problem at all');
      });

      it('check in-process through main() gives the same exit code', async () => {
        let out = '';
        let err = '';
        const code = await main({ argv: ['check', '_posts'], cwd: root, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
        assert.equal(code, 1, err);
        assert.match(out, /\d+ problems/);
      });

      it('render --out (child process) writes one safe page per file, or cuts it off past 3 s with a message, and never crashes', async () => {
        const out = path.join(root, '_out');
        const files = CASES.map((c) => path.join('_posts', `2022-01-01-${c.name}.md`));
        const r = await cliProcess(['render', ...files, '--out', out], root);
        assert.equal(r.signal, null, 'not killed');
        assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr.slice(0, 2000)}`);
        assert.doesNotMatch(r.stderr, /RangeError|TypeError|at .*:\d+:\d+\)/);
        for (const c of CASES) {
          const page = path.join(out, `2022-01-01-${c.name}.html`);
          // A render past the CLI's budget is stopped: no page, a message naming the file, and exit 1.
          const cut = new RegExp(`2022-01-01-${c.name}\\.md: cut off: rendering took longer than \\d+ ms`).test(r.stderr);
          if (cut) { assert.equal(r.code, 1); assert.ok(!fs.existsSync(page), `${c.name}: cut off but a page was written`); continue; }
          // A file over the CLI's 1 MiB read bound is not read at all: a message naming it, no page, exit 1.
          const big = new RegExp(`2022-01-01-${c.name}\\.md: file is larger than 1 MiB`).test(r.stderr);
          if (big) { assert.equal(r.code, 1); assert.ok(!fs.existsSync(page), `${c.name}: not read but a page was written`); continue; }
          assert.ok(fs.existsSync(page), `${c.name}: no page written and no cut-off message`);
          assert.deepEqual(findings(fs.readFileSync(page, 'utf8')).slice(0, 5), [], c.name);
        }
      });
    });
  });
}
