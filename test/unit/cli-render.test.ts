// `postdesk render`: in-process through main() and as a process (node dist/cli.js); 0 findings on the 469 XSS payloads.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { projectRoot, sharedDir } from './corpus';
import { findings, loadPayloads } from './xss-check';

async function run(argv: string[], cwd = projectRoot): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main({ argv, cwd, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

const post = 'sample-site/_posts/2022-03-21-stock-blocks.md';

describe('postdesk render', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-render-')); });
  after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

  it('prints one file\'s article HTML (header in the site timezone, marked stock blocks) on stdout', async () => {
    const r = await run(['render', post]);
    assert.equal(r.code, 0, r.err);
    assert.ok(r.out.startsWith('<article class="pd-article"><header class="pd-header"><h1 class="pd-title">示例银行深化数字化应用 打造普惠金融新模式</h1>'));
    assert.ok(r.out.includes('<time class="pd-date" datetime="2022-03-21T15:17:46.000Z">2022-03-21 23:17:46 +0800</time>'));
    assert.equal((r.out.match(/class="pd-stock"/g) ?? []).length, 2);
    assert.ok(r.out.endsWith('</div></article>\n'));
    assert.deepEqual(findings(r.out), []);
  });

  it('honours --stock-images and --remote-images', async () => {
    const hide = await run(['render', post, '--stock-images', 'hide', '--remote-images=block']);
    assert.equal(hide.code, 0);
    assert.ok(!hide.out.includes('GetPic') && !hide.out.includes('https://img.example.com'));
    assert.ok(hide.out.includes('class="pd-img-blocked"'));
    assert.equal((await run(['render', post, '--stock-images', 'nope'])).code, 2);
  });

  it('needs --out DIR for several files and writes DIR/<name>.html each', async () => {
    const files = [post, 'sample-site/_posts/2021-12-01-digest-no-offset.md'];
    const refused = await run(['render', ...files]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /several files need --out DIR/);
    const out = path.join(tmp, 'many');
    const r = await run(['render', ...files, '--out', out]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.readdirSync(out).sort(), ['2021-12-01-digest-no-offset.html', '2022-03-21-stock-blocks.html']);
    assert.match(fs.readFileSync(path.join(out, '2021-12-01-digest-no-offset.html'), 'utf8'), /2021-12-01 21:33:50 \+0800/);
  });

  it('exits 1 when a file cannot be read, still rendering the others', async () => {
    const out = path.join(tmp, 'partial');
    const r = await run(['render', 'sample-site/_posts/missing.md', post, '--out', out]);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.md: no such file/);
    assert.ok(fs.existsSync(path.join(out, '2022-03-21-stock-blocks.html')));
    assert.equal((await run(['render'])).code, 2);
  });

  it('gives 0 findings on all 469 XSS payloads (as bodies and titles) through --out', async function () {
    const shared = sharedDir();
    if (!shared || !fs.existsSync(path.join(shared, 'xss'))) this.skip();
    const payloads = loadPayloads(path.join(shared!, 'xss'));
    assert.equal(payloads.length, 469);
    const src = path.join(tmp, 'xss');
    fs.mkdirSync(src);
    const files = payloads.map((p, i) => {
      const f = path.join(src, `p${String(i).padStart(3, '0')}.md`);
      fs.writeFileSync(f, `---\nlayout: post\ntitle: ${JSON.stringify(p.payload)}\ntags: ${JSON.stringify(p.payload)}\n---\n${p.payload}`);
      return f;
    });
    const out = path.join(tmp, 'xss-out');
    const r = await run(['render', ...files, '--out', out]);
    assert.equal(r.code, 0, r.err);
    const found: string[] = [];
    payloads.forEach((p, i) => {
      for (const f of findings(fs.readFileSync(path.join(out, `p${String(i).padStart(3, '0')}.html`), 'utf8'))) found.push(`${p.source}: ${f}`);
    });
    console.log(`      postdesk render: ${payloads.length} payloads, ${found.length} findings`);
    assert.deepEqual(found, []);
  });

  it('runs as a process: node dist/cli.js render', function () {
    const cli = path.join(projectRoot, 'dist/cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const ok = spawnSync(process.execPath, [cli, 'render', post], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal((ok.stdout.match(/class="pd-stock"/g) ?? []).length, 2);
    const bad = spawnSync(process.execPath, [cli, 'render', 'no-such.md'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /no-such\.md: no such file/);
    const help = spawnSync(process.execPath, [cli, '--help'], { cwd: projectRoot, encoding: 'utf8' });
    assert.match(help.stdout, /render\s+print the sanitized article HTML/);
  });
});
