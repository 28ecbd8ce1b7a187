// permalink-conflict: the site-wide finder, the per-post problem, and `postdesk check` reporting it (as a child process).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { conflictsByFile, findConflicts, permalinkConflict } from '../../src/core/rules/permalink-conflict';
import { projectRoot } from './corpus';

describe('permalink-conflict', () => {
  it('finds destinations shared by published posts only', () => {
    const c = findConflicts([
      { file: 'a.md', destination: '/x/index.html' }, { file: 'b.md', destination: '/x/index.html' },
      { file: 'c.md', destination: '/x/index.html', published: false }, { file: 'd.md', destination: '/y.html' }, { file: 'e.md', destination: null },
    ]);
    assert.deepEqual([...c], [['/x/index.html', ['a.md', 'b.md']]]);
    assert.deepEqual(conflictsByFile(c).get('b.md'), { destination: '/x/index.html', others: ['a.md'] });
  });

  it('puts the problem on `permalink:` and names the other files; `off` silences it', () => {
    const text = '---\ntitle: t\npermalink: /x/\n---\nbody';
    const [p] = permalinkConflict(text, '/x/index.html', ['_posts/a.md', '_posts/c.md']);
    assert.equal(text.slice(p.start, p.end), '/x/');
    assert.equal(p.severity, 'error');
    assert.match(p.message, /`\/x\/index\.html`, like _posts\/a\.md, _posts\/c\.md/);
    assert.equal(permalinkConflict('---\ntitle: t\n---\n', '/x.html', ['b'])[0].start, 0);
    assert.deepEqual(permalinkConflict(text, '/x/index.html', ['a'], 'off'), []);
    assert.equal(permalinkConflict(text, '/x/index.html', ['a'], 'warning')[0].severity, 'warning');
  });

  it('is reported by `postdesk check` for each post of the conflict, naming the others', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postdesk-conflict-'));
    try {
      const post = (extra: string) => `---\nlayout: post\ntitle: t\ndate: 2021-12-01 10:00:00 +0800\ncategories: emnews\ntags: x\n${extra}---\nbody\n`;
      const files: Record<string, string> = {
        '_config.yml': 'timezone: Asia/Shanghai\npermalink: pretty\n', '_layouts/post.html': '{{ content }}',
        '_posts/2021-12-01-same.md': post(''), '_posts/2021-12-01-same.markdown': post(''), '_posts/2021-12-01-other.md': post(''),
      };
      for (const [rel, text] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }); fs.writeFileSync(path.join(root, rel), text); }
      const r = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
      // An error: one of the two posts is lost from the site, so check fails.
      assert.equal(r.status, 1, r.stderr);
      const found = (JSON.parse(r.stdout) as { file: string; rule: string; message: string }[]).filter((x) => x.rule === 'permalink-conflict');
      assert.deepEqual(found.map((x) => x.file).sort(), ['_posts/2021-12-01-same.markdown', '_posts/2021-12-01-same.md']);
      assert.match(found.find((x) => x.file.endsWith('.md'))!.message, /`\/emnews\/2021\/12\/01\/same\/index\.html`, like _posts\/2021-12-01-same\.markdown/);
    } finally { fs.rmSync(root, { recursive: true, force: true }); }
  });
});
