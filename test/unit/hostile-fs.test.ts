// Hostile repositories on disk: /dev/zero and FIFO posts and configs, symlinks out of the site, loops, dangling links,
// /proc/self/environ, symlinked write targets and control characters; every command as `node dist/cli.js` (killed if it hangs) and through main().
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { loadSiteFor, readText } from '../../src/node/files';
import { MAX_FILE_BYTES, PathProblem } from '../../src/node/safe-fs';
import { projectRoot } from './corpus';

/** A hang detector, not a timing assertion: a command still running after this is killed and the case fails. */
const KILL_AFTER_MS = 20000;
const CLI = path.join(projectRoot, 'dist', 'cli.js');
const SECRET = `postdesk-secret-${process.pid}-${Date.now()}`;
const FM = (date: string, extra = '') => `---\nlayout: post\ntitle: "t"\ndate: ${date}\ncategories: emnews\ntags: 新闻\n${extra}---\nbody\n`;
// The ordinary post of every site: always reported by check (title-empty), listed by posts, counted by taxonomy.
const OK_POST = '---\nlayout: post\ntitle: ""\ndate: 2021-01-09 10:00:00\ncategories: emnews\ntags: [新闻, 新闻]\n---\nbody\n';
const STOCK = '<!-- EM_StockImg_Start --><p><img src="https://charts.example.com/a.png" /></p><!-- EM_StockImg_End -->';
// What a terminal could act on (tab and line feed are the output's own layout).
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// Entries of this process's own environment, which an in-process read of /proc/self/environ would print.
const OWN_ENV = fs.existsSync('/proc/self/environ') ? fs.readFileSync('/proc/self/environ', 'latin1').split('\0').filter((e) => e.length >= 16) : [];

interface Run { how: string; code: number | null; signal: string | null; out: string }

/** Whether `out` reports `phrase` on `file`: on one line in text, or anywhere in a JSON/SARIF document. */
function reports(out: string, file: string, phrase: RegExp): void {
  const json = /^\s*[[{]/.test(out);
  const at = out.indexOf(file);
  assert.ok(at >= 0, `${file} not mentioned:\n${out}`);
  const line = json ? out : out.split('\n').filter((l) => l.includes(file)).join('\n');
  assert.match(line, phrase, `${file}: ${phrase} not reported:\n${out}`);
}

function child(argv: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 26, env: { ...process.env, POSTDESK_TEST_SECRET: SECRET } });
  return { how: 'child process', code: r.status, signal: r.signal, out: `${r.stdout}\n${r.stderr}` };
}

async function inProcess(argv: string[], cwd: string): Promise<Run> {
  let out = '';
  const code = await main({ argv, cwd, stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
  return { how: 'in-process', code, signal: null, out };
}

/** Every file and link below `dir` with its bytes or target: what "nothing outside the site changed" compares. */
function snapshot(dir: string): string {
  const rows: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) rows.push(`${p} -> ${fs.readlinkSync(p)}`);
      else if (st.isDirectory()) { rows.push(`${p}/`); walk(p); } else rows.push(`${p}: ${fs.readFileSync(p, 'base64')}`);
    }
  };
  walk(dir);
  return rows.join('\n');
}

/**
 * Runs `argv` in `cwd` as a child process first (so a hang is killed there, not in this process), then in-process;
 * for each: a normal exit code (0/1, or `codes`), no raw control character, no environment content, nothing outside
 * the site changed; then `expect` on the run.
 */
async function both(argv: string[], cwd: string, outside: string, expect: (r: Run) => void, codes = [0, 1]): Promise<void> {
  for (const run of [() => Promise.resolve(child(argv, cwd)), () => inProcess(argv, cwd)]) {
    const before = snapshot(outside);
    const r = await run();
    const what = `${r.how} postdesk ${argv.join(' ')}:\n${r.out.slice(0, 3000)}`;
    assert.equal(r.signal, null, `killed after ${KILL_AFTER_MS} ms (hung): ${what}`);
    assert.ok(r.code !== null && codes.includes(r.code), `exit ${r.code}: ${what}`);
    assert.doesNotMatch(r.out, RAW_CONTROL, `raw control character: ${what}`);
    assert.ok(!r.out.includes(SECRET) && !OWN_ENV.some((e) => r.out.includes(e)), `environment in the output: ${what}`);
    assert.equal(snapshot(outside), before, `something outside the site changed: ${what}`);
    expect(r);
  }
}

describe('hostile repositories on disk (CLI)', function () {
  this.timeout(120000);
  let base = '';
  let victim = '';
  /** A fresh site `name` under base: `_config.yml` and `_posts/2021-01-09-ok.md` (one warning), plus `files`. */
  const site = (name: string, files: Record<string, string> = {}, config = 'timezone: Asia/Shanghai\n') => {
    const root = path.join(base, name);
    fs.mkdirSync(path.join(root, '_posts'), { recursive: true });
    fs.writeFileSync(path.join(root, '_config.yml'), config);
    fs.writeFileSync(path.join(root, '_posts', '2021-01-09-ok.md'), OK_POST);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    return root;
  };
  const link = (target: string, at: string) => { fs.mkdirSync(path.dirname(at), { recursive: true }); fs.symlinkSync(target, at); };
  const ok = (r: Run) => assert.match(r.out, /2021-01-09-ok\.md|新闻/, `the rest of the site was not read: ${r.out}`);

  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js missing: run node scripts/build.mjs');
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-hostile-fs-'));
    victim = path.join(base, 'victim');
    fs.mkdirSync(victim);
    // Outside every site: a post with fixable problems and stock blocks, and a file render --out must not overwrite.
    fs.writeFileSync(path.join(victim, '2021-01-01-v.md'), `\n${FM('2021-01-01 10:00:00', 'tags: [x, x]\n').replace('tags: 新闻\n', '')}${STOCK}\n`);
    fs.writeFileSync(path.join(victim, '-20210101.md'), FM('2021-01-01 10:00:00 +0800'));
    fs.writeFileSync(path.join(victim, 'out.html'), 'victim html\n');
  });
  after(() => { if (base) fs.rmSync(base, { recursive: true, force: true }); });

  it('_config.yml symlinked to /dev/zero: a problem on _config.yml, the posts still read', async () => {
    const root = site('config-zero');
    fs.rmSync(path.join(root, '_config.yml'));
    link('/dev/zero', path.join(root, '_config.yml'));
    for (const argv of [['check'], ['posts'], ['taxonomy']]) {
      await both(argv, root, victim, (r) => { assert.match(r.out, /_config\.yml[^\n]*out of the site/, r.out); ok(r); });
    }
    await both(['info', '--format', 'json', '_posts/2021-01-09-ok.md'], root, victim, (r) => assert.match(r.out, /"file"/));
    await both(['render', '_posts/2021-01-09-ok.md'], root, victim, (r) => assert.match(r.out, /^<article/));
  });

  it('_config.yml as a FIFO: a problem on it, never a blocked read', async () => {
    const root = site('config-fifo');
    fs.rmSync(path.join(root, '_config.yml'));
    execFileSync('mkfifo', [path.join(root, '_config.yml')]);
    for (const argv of [['check'], ['posts'], ['taxonomy']]) {
      await both(argv, root, victim, (r) => { assert.match(r.out, /_config\.yml[^\n]*FIFO/); ok(r); });
    }
  });

  it('a post symlinked to /dev/zero and a FIFO named like a post: problems on their paths', async () => {
    const root = site('post-zero');
    link('/dev/zero', path.join(root, '_posts', '2021-01-01-zero.md'));
    execFileSync('mkfifo', [path.join(root, '_posts', '2021-01-02-fifo.md')]);
    for (const argv of [['check'], ['check', '--format', 'json'], ['strip'], ['strip', '--write'], ['posts'], ['taxonomy'], ['check', '--fix']]) {
      await both(argv, root, victim, (r) => {
        reports(r.out, '_posts/2021-01-01-zero.md', /out of the site|not a regular file/);
        reports(r.out, '_posts/2021-01-02-fifo.md', /FIFO/);
      });
    }
    for (const argv of [['render', '_posts/2021-01-02-fifo.md'], ['info', '_posts/2021-01-01-zero.md'], ['add', '--tags', 'x', '_posts/2021-01-02-fifo.md']]) {
      await both(argv, root, victim, (r) => { assert.equal(r.code, 1); assert.match(r.out, /(FIFO|out of the site)/); });
    }
  });

  it('a post larger than 1 MiB is a warning on it, not read', async () => {
    const root = site('big', { '_posts/2021-01-03-big.md': FM('2021-01-03 10:00:00 +0800') + 'x'.repeat(2 * 1024 * 1024) });
    await both(['check'], root, victim, (r) => { assert.match(r.out, /2021-01-03-big\.md:1:1: warning file-unreadable: file is larger than 1 MiB/); ok(r); });
    await both(['posts'], root, victim, (r) => assert.match(r.out, /2021-01-03-big\.md: file is larger than 1 MiB/));
  });

  it('_posts/x.md -> /proc/self/environ is never read: no environment in any output', async () => {
    const root = site('environ');
    link('/proc/self/environ', path.join(root, '_posts', '2021-01-04-env.md'));
    for (const argv of [['check'], ['posts', '--format', 'json'], ['taxonomy'], ['strip'], ['info', '_posts/2021-01-04-env.md'], ['render', '_posts/2021-01-04-env.md'], ['render', '_posts/2021-01-04-env.md', '--out', 'html']]) {
      await both(argv, root, victim, (r) => assert.match(r.out, /2021-01-04-env\.md[^\n]*out of the site/, r.out));
    }
  });

  it('a symlinked folder out of the site is not followed: check --fix, strip --write and add change nothing there', async () => {
    const root = site('ext');
    link(victim, path.join(root, '_posts', 'ext'));
    link(path.join(victim, '2021-01-01-v.md'), path.join(root, '_posts', '2021-01-05-v.md'));
    for (const argv of [['check', '--fix'], ['check', '--fix', '_posts/ext'], ['check', '--fix', '_posts/ext/2021-01-01-v.md'], ['strip', '--write'], ['strip', '--write', '_posts/ext'], ['posts'], ['taxonomy']]) {
      await both(argv, root, victim, (r) => assert.match(r.out, /_posts\/(ext|2021-01-05-v\.md)[^\n]*out of the site/, r.out));
    }
    // The walk itself does not enter the folder: the link is reported, not the files behind it.
    for (const argv of [['check'], ['strip']]) {
      await both(argv, root, victim, (r) => { reports(r.out, '_posts/ext', /a symlink to a folder out of the site/); assert.ok(!r.out.includes('_posts/ext/'), r.out); });
    }
    await both(['add', '--tags', 'y', '_posts/ext/2021-01-01-v.md', '_posts/2021-01-05-v.md'], root, victim, (r) => { assert.equal(r.code, 1); assert.match(r.out, /out of the site/); });
  });

  it('never writes through a symlink inside the site either (check --fix, strip --write, add)', async () => {
    // A .txt target: strip --write rewrites every post-like file of the site, but not this one.
    const root = site('inner-link', { 'sources/real.txt': `\n${FM('2021-01-06 10:00:00', 'tags: [x, x]\n').replace('tags: 新闻\n', '')}${STOCK}\n` });
    fs.writeFileSync(path.join(root, 'sources', 'clean.txt'), FM('2021-01-07 10:00:00 +0800'));
    link('../sources/real.txt', path.join(root, '_posts', '2021-01-06-linked.md'));
    link('../sources/clean.txt', path.join(root, '_posts', '2021-01-07-clean.md'));
    const sources = path.join(root, 'sources');
    for (const argv of [['check', '--fix'], ['strip', '--write']]) {
      await both(argv, root, sources, (r) => reports(r.out, '_posts/2021-01-06-linked.md', /a symlink: Post Desk does not write it/));
    }
    await both(['add', '--tags', 'y', '_posts/2021-01-07-clean.md'], root, sources, (r) => { assert.equal(r.code, 1); reports(r.out, '_posts/2021-01-07-clean.md', /a symlink: Post Desk does not write it/); });
  });

  it('never writes a post hard-linked to a file outside the site', async () => {
    const outside = path.join(base, 'hardlinked');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'target.txt'), `${FM('2021-01-08 10:00:00')}${STOCK}\n`);
    const root = site('hardlink');
    fs.linkSync(path.join(outside, 'target.txt'), path.join(root, '_posts', '2021-01-08-hard.md'));
    for (const argv of [['check', '--fix'], ['strip', '--write'], ['add', '--tags', 'y', '_posts/2021-01-08-hard.md']]) {
      await both(argv, root, outside, (r) => reports(r.out, '_posts/2021-01-08-hard.md', /hard links/));
    }
  });

  it('render --out DIR does not write through a symlink or into a FIFO already in DIR', async () => {
    const root = site('render-out', { '_posts/2021-01-07-b.md': FM('2021-01-07 10:00:00 +0800') });
    link(path.join(victim, 'out.html'), path.join(root, 'html', '2021-01-09-ok.html'));
    execFileSync('mkfifo', [path.join(root, 'html', '2021-01-07-b.html')]);
    await both(['render', '_posts/2021-01-09-ok.md', '_posts/2021-01-07-b.md', '--out', 'html'], root, victim, (r) => {
      assert.equal(r.code, 1);
      assert.match(r.out, /2021-01-09-ok\.html[^\n]*(symlink|out of the site)/);
      assert.match(r.out, /2021-01-07-b\.html[^\n]*FIFO/);
    });
  });

  it('_posts/loop -> . is skipped with a problem, not a stop; dangling links are problems on their paths', async () => {
    const root = site('loop');
    link('.', path.join(root, '_posts', 'loop'));
    link('..', path.join(root, '_posts', 'up'));
    link('nowhere.md', path.join(root, '_posts', '2021-01-08-dangling.md'));
    link('self.md', path.join(root, '_posts', 'self.md'));
    link('nowhere.html', path.join(root, '_includes', 'head.html'));
    for (const argv of [['check'], ['check', '--format', 'sarif'], ['strip'], ['posts'], ['taxonomy']]) {
      await both(argv, root, victim, (r) => {
        assert.doesNotMatch(r.out, /ELOOP|ENOENT|too many/i, r.out);
        if (argv[0] === 'check' || argv[0] === 'strip') {
          reports(r.out, '_posts/loop', /loop/);
          reports(r.out, '_posts/up', /loop/);
          reports(r.out, '_posts/self.md', /loop/);
        }
        reports(r.out, '_posts/2021-01-08-dangling.md', /dangling/);
        if (argv[0] !== 'strip') ok(r);
      });
    }
  });

  it('an unreadable file or folder is a problem on that path, not a stop (run as an unprivileged user)', () => {
    const root = site('unreadable', { '_posts/2021-01-12-secret.md': FM('2021-01-12 10:00:00 +0800') });
    const secret = path.join(root, '_posts', '2021-01-12-secret.md');
    const locked = path.join(root, '_posts', 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, '2021-01-12-inner.md'), FM('2021-01-12 10:00:00 +0800'));
    fs.chmodSync(base, 0o755);
    fs.chmodSync(secret, 0);
    fs.chmodSync(locked, 0);
    // Permissions do not bind root: as root, the CLI runs as `nobody` (setpriv, util-linux), otherwise as this user.
    const [cmd, ...pre] = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    try {
      for (const argv of [['check'], ['check', '_posts/locked'], ['posts'], ['taxonomy'], ['strip']]) {
        const r = spawnSync(cmd, [...pre, CLI, ...argv], { cwd: root, encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
        const out = `${r.stdout}\n${r.stderr}`;
        assert.equal(r.signal, null, `killed (hung): ${argv.join(' ')}`);
        assert.equal(r.status, 1, `${argv.join(' ')}: ${out}`);
        reports(out, '_posts/locked', /permission denied/);
        if (argv.length === 1) reports(out, '_posts/2021-01-12-secret.md', /permission denied/);
        if (argv.length === 1 && argv[0] !== 'strip') ok({ how: 'child', code: r.status, signal: null, out });
      }
    } finally {
      fs.chmodSync(secret, 0o644);
      fs.chmodSync(locked, 0o755);
    }
  });

  it('the shared readers the editor uses (readText, loadSiteFor) refuse the same paths without a root given', () => {
    const root = site('editor', { '_posts/2021-01-11-big.md': 'x'.repeat(MAX_FILE_BYTES + 1) });
    link('/proc/self/environ', path.join(root, '_posts', '2021-01-11-env.md'));
    link('nowhere', path.join(root, '_posts', '2021-01-11-dangling.md'));
    link('2021-01-11-loop.md', path.join(root, '_posts', '2021-01-11-loop.md'));
    const refused = (rel: string, why: RegExp) => assert.throws(() => readText(path.join(root, rel)), (e: Error) => e instanceof PathProblem && why.test(e.message), rel);
    refused('_posts/2021-01-11-env.md', /out of the site/);
    refused('_posts/2021-01-11-big.md', /larger than 1 MiB/);
    refused('_posts/2021-01-11-dangling.md', /dangling/);
    refused('_posts/2021-01-11-loop.md', /loop/);
    assert.equal(readText(path.join(root, '_posts', '2021-01-09-ok.md')).text, OK_POST);
    fs.rmSync(path.join(root, '_config.yml'));
    link('/proc/self/environ', path.join(root, '_config.yml'));
    const cfg = loadSiteFor(path.join(root, '_posts', '2021-01-09-ok.md'));
    assert.match(cfg.errors.map((e) => e.message).join(), /out of the site/);
  });

  it('an unknown timezone is reported on _config.yml, and posts and taxonomy go on in UTC as Jekyll does', async () => {
    const root = site('timezone', {}, 'timezone: Nowhere/City\n');
    await both(['posts'], root, victim, (r) => { assert.equal(r.code, 0); assert.match(r.out, /_config\.yml: unknown timezone `Nowhere\/City`/); assert.match(r.out, /2021-01-09 10:00:00 \+0000/); });
    await both(['taxonomy'], root, victim, (r) => { assert.equal(r.code, 0); assert.match(r.out, /unknown timezone/); assert.match(r.out, /新闻/); });
    await both(['check'], root, victim, (r) => assert.match(r.out, /_config\.yml:1:11: warning config-invalid: [^\n]*unknown timezone/));
  });

  it('control characters in front matter and file names never reach the terminal raw', async () => {
    const evil = '2021-01-10-\x1b[31mred\x9b2J\u202eevil.md';
    const root = site('escapes', {
      // YAML escapes: raw control characters make the whole front matter unreadable to Psych, escapes put them in the data.
      [`_posts/${evil}`]: `---\nlayout: "post\\e[2K\\rNo problems"\ntitle: "\\e]0;PWNED\\a"\ndate: 2021-01-10 10:00:00\ncategories: ["\\e[8m"]\ntags: ["\\e]0;PWNED\\a", "\\Lx\\0"]\n---\nbody \x1b[2J ${STOCK}\n`,
    });
    for (const argv of [['check'], ['check', '--format', 'json'], ['check', '--format', 'sarif'], ['posts'], ['posts', '--format', 'json'], ['taxonomy'], ['taxonomy', '--format', 'json'], ['strip'], ['info', `_posts/${evil}`], ['render', `_posts/${evil}`], ['add', '--tags', 'z', `_posts/${evil}`], ['check', `_posts/${evil}\x07missing`]]) {
      await both(argv, root, victim, (r) => assert.match(r.out, /\\(x1b|u001b)|&#x1b;|%1B/, r.out), [0, 1, 2]);
    }
    await both(['check'], root, victim, (r) => {
      assert.match(r.out, /_posts\/2021-01-10-\\x1b\[31mred\\x9b2J\\u202eevil\.md:2:9: warning layout-missing: Layout `post\\x1b\[2K\\rNo problems`/);
    });
    await both(['check', '--format', 'json'], root, victim, (r) => {
      const results = JSON.parse(r.out.slice(0, r.out.lastIndexOf(']') + 1)) as { file: string }[];
      assert.ok(results.some((x) => x.file === path.join('_posts', evil)), 'JSON keeps the value');
    });
  });
});
