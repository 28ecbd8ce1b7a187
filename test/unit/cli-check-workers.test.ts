// `postdesk check` on worker threads: the same output, order and exit code as on one thread, in-process and as `node dist/cli.js`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkSettings } from '../../src/cli/check';
import { main } from '../../src/cli/main';
import { projectRoot } from './corpus';

interface Run { code: number; stdout: string; stderr: string }

async function inProcess(args: string[], cwd: string, settings: Partial<typeof checkSettings>): Promise<Run> {
  const saved = { ...checkSettings };
  Object.assign(checkSettings, settings);
  try {
    let stdout = ''; let stderr = '';
    const code = await main({ argv: ['check', ...args], cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    return { code, stdout, stderr };
  } finally { Object.assign(checkSettings, saved); }
}

function child(args: string[], cwd: string): Run {
  try {
    const stdout = execFileSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'check', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('postdesk check on worker threads', function () {
  this.timeout(120000);
  const workerFile = path.join(projectRoot, 'dist', 'check-worker.js');
  let root = '';
  const sequential = { workers: 0 };
  // Small batches, so every thread gets several and the merge order matters.
  const parallel = { workers: 2, parallelMin: 1, batch: 16, workerFile };

  before(function () {
    if (!fs.existsSync(workerFile) || !fs.existsSync(path.join(projectRoot, 'dist', 'cli.js'))) throw new Error('dist/ missing: run npm run build');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-check-workers-'));
    // More posts than checkSettings.parallelMin, so `node dist/cli.js` uses workers on a machine with two cores or more.
    execFileSync(process.execPath, [path.join(projectRoot, 'bench', 'generate.mjs'), '--posts', String(checkSettings.parallelMin + 100), '--out', root]);
    // A second site inside (its own _config.yml, with a problem), a non-post and a file that is not UTF-8.
    fs.mkdirSync(path.join(root, 'blog', '_posts'), { recursive: true });
    fs.writeFileSync(path.join(root, 'blog', '_config.yml'), 'timezone: Nowhere/City\n');
    fs.writeFileSync(path.join(root, 'blog', '_posts', '2021-12-08-a.md'), '---\ntitle: x\ndate: 2021-12-08 10:00:00\n---\n');
    fs.writeFileSync(path.join(root, 'blog', 'about.md'), '# about\n');
    fs.writeFileSync(path.join(root, '_posts', '2021-12-01-zz-bytes.md'), Buffer.concat([Buffer.from('---\ntitle: x\n---\n'), Buffer.from([0xff, 0x41])]));
  });

  for (const format of ['json', 'text', 'sarif']) {
    it(`same output, order and exit code with and without workers (--format ${format})`, async () => {
      const one = await inProcess(['--format', format], root, sequential);
      const many = await inProcess(['--format', format], root, parallel);
      assert.equal(one.code, 1);
      assert.ok(one.stdout.length > 100000);
      assert.deepEqual(many, one);
      assert.deepEqual(child(['--format', format], root), one);
    });
  }

  it('results are sorted by file, each site\'s _config.yml problems before its posts', async () => {
    const r = JSON.parse((await inProcess(['--format', 'json'], root, parallel)).stdout) as { file: string; rule: string }[];
    const files = r.map((x) => x.file);
    assert.equal(files[0], path.join('_posts', path.basename(files[0])));
    const blog = files.indexOf(path.join('blog', '_config.yml'));
    assert.ok(blog > 0 && files[blog + 1] === path.join('blog', '_posts', '2021-12-08-a.md'));
    assert.ok(r.some((x) => x.rule === 'encoding-invalid'));
  });

  it('batches a failing worker took are checked on the main thread', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-bad-worker-'));
    const bad = path.join(dir, 'worker.js');
    // Takes a batch number, then dies without results.
    fs.writeFileSync(bad, "const { workerData } = require('node:worker_threads'); Atomics.add(workerData.counter, 0, 1); throw new Error('boom');\n");
    const one = await inProcess(['--format', 'json'], root, sequential);
    assert.deepEqual(await inProcess(['--format', 'json'], root, { ...parallel, workerFile: bad }), one);
    assert.deepEqual(await inProcess(['--format', 'json'], root, { ...parallel, workerFile: path.join(dir, 'missing.js') }), one);
  });
});
