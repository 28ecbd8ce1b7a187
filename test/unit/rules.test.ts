// Every validation rule: a hit, a miss, the fix result through applyEdits, and fast-check that fixes touch only their edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdits } from '../../src/core/edits';
import { defaultSite, parseSiteConfig, type SiteConfig } from '../../src/core/site';
import type { Problem } from '../../src/core/types';
import { projectRoot } from './corpus';
import { fixPost, isValidated, layoutLookup, preferredFixes, RULES, ruleDocUrl, validatePost, validateSiteConfig } from '../../src/core/validate';
import { RULE_IDS } from '../../src/core/rules/index';

const CONFIG = 'timezone: Asia/Shanghai\npostdesk:\n  taxonomy:\n    categories: [emnews, cls]\n    tags: [东财滚动新闻, 财联社电报]\n';
const site = (cfg = CONFIG): SiteConfig => parseSiteConfig(cfg, '/site');
const FILE = '/site/_posts/2021-12-08-x.md';
const NOW = Date.UTC(2024, 0, 1);
const FM = { layout: 'post', title: '"标题"', date: '2021-12-08 10:00:00 +0800', categories: 'emnews', tags: '东财滚动新闻' };
const post = (over: Record<string, string | null> = {}, body = '正文\n') => {
  const fm = { ...FM, ...over };
  return `---\n${Object.entries(fm).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
};
const layouts = layoutLookup(site(), (p) => p === '/site/_layouts/post.html');
const run = (text: string, opts: { file?: string | null; cfg?: string } = {}) =>
  validatePost(text, { site: site(opts.cfg), file: opts.file === null ? undefined : opts.file ?? FILE, now: NOW, layouts });
const only = (ps: Problem[], rule: string) => ps.filter((p) => p.rule === rule);
const fixed = (text: string, p: Problem, i = 0) => applyEdits(text, p.fixes[i].edits);

describe('rules', () => {
  it('a clean post has no problems', () => {
    assert.deepEqual(run(post()), []);
  });

  it('every rule has a docs URL and a docs page', () => {
    for (const r of RULES) {
      assert.match(ruleDocUrl(r.id), new RegExp(`/docs/rules/${r.id}\\.md$`));
      assert.ok(fs.existsSync(path.join(projectRoot, 'docs', 'rules', `${r.id}.md`)), r.id);
    }
  });

  it('each rule is a module src/core/rules/<id>.ts exporting {id, severity, scope, docs, check}, listed once in RULE_IDS order', () => {
    const dir = path.join(projectRoot, 'src', 'core', 'rules');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !['context.ts', 'index.ts', 'rule.ts'].includes(f)).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual([...RULE_IDS].sort(), files);
    assert.deepEqual(RULES.map((r) => r.id), [...RULE_IDS]);
    for (const r of RULES) {
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity), r.id);
      assert.ok(['file', 'front-matter', 'body', 'config'].includes(r.scope), r.id);
      assert.ok(r.docs.length > 10, r.id);
      assert.equal(typeof r.check, ['config-invalid', 'file-unreadable', 'permalink-conflict'].includes(r.id) ? 'undefined' : 'function', r.id);
      const src = fs.readFileSync(path.join(dir, `${r.id}.ts`), 'utf8');
      assert.match(src, new RegExp(`^export const id = '${r.id}' satisfies RuleId;$`, 'm'), r.id);
      // Rules report through the bound report(): no rule names an id when it reports.
      assert.doesNotMatch(src, /ctx\.problem\(|rule: '/, r.id);
    }
  });

  it('a rule reports under its own id (report is bound)', () => {
    const text = `\n${post({ date: '2021-12-08 10:00:00', tags: '123' })}`;
    const ps = run(text);
    assert.deepEqual(ps.map((p) => p.rule).sort(), ['date-no-offset', 'front-matter-missing', 'taxonomy-type']);
    assert.deepEqual(ps.map((p) => p.severity).sort(), ['error', 'error', 'warning']);
  });

  it('an unknown rule id in `postdesk.rules` is a problem on _config.yml', () => {
    const text = 'postdesk:\n  rules:\n    date-no-ofset: error\n';
    const ps = validateSiteConfig(parseSiteConfig(text, '/s'), text);
    assert.deepEqual(ps.map((p) => [p.rule, p.severity, text.slice(p.start, p.end)]), [['config-invalid', 'warning', 'date-no-ofset']]);
    assert.match(ps[0].message, /unknown Post Desk rule `date-no-ofset`/);
  });

  it("every rule page states the rule's default severity and why, and the rules README lists it with that severity", () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'docs', 'rules', 'README.md'), 'utf8');
    for (const r of RULES) {
      const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'rules', `${r.id}.md`), 'utf8');
      assert.match(doc, new RegExp(`^Default severity: \\*\\*${r.severity}\\*\\*\\.`, 'm'), r.id);
      assert.match(doc, /^## Why this severity\n\S/m, r.id);
      assert.match(readme, new RegExp(`^\\| \\[\`${r.id}\`\\]\\(${r.id}\\.md\\) \\| ${r.severity} \\|`, 'm'), r.id);
    }
  });

  it('front-matter-missing: a leading blank line, removed by the fix', () => {
    const text = `\n\n${post()}`;
    const [p] = only(run(text), 'front-matter-missing');
    assert.equal(p.severity, 'error');
    assert.equal(fixed(text, p), post());
    assert.equal(p.fixes[0].preferred, true);
    // No front matter at all: Jekyll publishes the post normally (file name date, slug title), so only info.
    assert.deepEqual(only(run('no fence\n'), 'front-matter-missing').map((x) => [x.severity, x.fixes.length]), [['info', 0]]);
    assert.deepEqual(only(run(''), 'front-matter-missing').map((x) => x.severity), ['info']);
    assert.deepEqual(only(run(post()), 'front-matter-missing'), []);
  });

  it('front-matter-unclosed and front-matter-language', () => {
    assert.equal(only(run('---\ntitle: x\n'), 'front-matter-unclosed').length, 1);
    const [lang] = only(run('---js\n{ title: "x" }\n---\n'), 'front-matter-language');
    assert.match(lang.message, /`js`/);
    assert.deepEqual(only(run(post()), 'front-matter-language'), []);
  });

  it('yaml-syntax: an unescaped quote in a title, escaped by the fix', () => {
    const text = post({ title: '"他说"好"了"' });
    const [p] = only(run(text), 'yaml-syntax');
    assert.ok(p.start >= 4 && p.end <= text.indexOf('\n---\n') + 1);
    const out = fixed(text, p);
    assert.equal(out, post({ title: '"他说\\"好\\"了"' }));
    assert.deepEqual(run(out), []);
  });

  it('duplicate-key (a warning naming the lost value) and yaml-syntax alias bombs at their ranges', () => {
    const text = post({ tags: '东财滚动新闻\ntags: x' });
    assert.deepEqual(only(run(text), 'yaml-syntax'), []);
    const [p] = only(run(text), 'duplicate-key');
    assert.equal(text.slice(p.start, p.end), 'tags');
    assert.equal(p.start, text.indexOf('tags'));
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /東财滚动新闻|东财滚动新闻/);
    const bomb = `---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n`;
    assert.equal(only(run(bomb), 'yaml-syntax').length, 1);
  });

  it('required-key: nothing is required unless `postdesk.required` lists it (Jekyll requires no key)', () => {
    assert.deepEqual(only(run('---\n---\nbody\n'), 'required-key'), []);
    assert.deepEqual(run('---\ntitle: x\n---\nbody\n'), []);
  });

  it('required-key: a missing configured key, unless defaults supply it; date fix from the file name', () => {
    const five = `${CONFIG.replace('postdesk:\n', 'postdesk:\n  required: [layout, title, date, categories, tags]\n')}`;
    const text = post({ date: null });
    const [p] = only(run(text, { cfg: five }), 'required-key');
    assert.match(p.message, /`date`/);
    assert.equal(p.severity, 'warning');
    assert.equal(fixed(text, p), post({ date: null, tags: '东财滚动新闻\ndate: 2021-12-08 00:00:00 +0800' }));
    const cfg = `${five}defaults:\n  - scope: {path: "", type: posts}\n    values: {layout: post}\n`;
    assert.deepEqual(only(run(post({ layout: null }), { cfg }), 'required-key'), []);
    assert.equal(only(run(post({ layout: null }), { cfg: five }), 'required-key').length, 1);
    assert.deepEqual(only(run(post({ layout: null }), { cfg: `${CONFIG.replace('postdesk:\n', 'postdesk:\n  required: [title]\n')}` }), 'required-key'), []);
  });

  it('required-key: other collections only against a configured list; posts found without a _config.yml', () => {
    const cfg = `${CONFIG}collections: [authors]\n`;
    assert.deepEqual(run('---\nname: x\n---\n', { file: '/site/_authors/x.md', cfg }), []);
    assert.equal(only(run('---\nname: x\n---\n', { file: '/site/_authors/x.md', cfg: cfg.replace('postdesk:\n', 'postdesk:\n  required: [bio]\n') }), 'required-key').length, 1);
    const bare = validatePost(post({ date: '2021-12-08 10:00:00' }), { site: defaultSite('/tmp/_posts'), file: '/tmp/_posts/-x.md' });
    assert.deepEqual(bare.map((p) => p.rule), ['filename-invalid']);
  });

  it('title-empty', () => {
    assert.equal(only(run(post({ title: '""' })), 'title-empty').length, 1);
    assert.equal(only(run(post({ title: '' })), 'title-empty').length, 1);
    assert.deepEqual(only(run(post()), 'title-empty'), []);
  });

  it('date-invalid: `+0800` and out-of-range dates fail the whole build; the fix uses the file name', () => {
    for (const bad of [' +0800', '2021-13-45 10:00:00 +0800', '']) {
      const text = post({ date: bad });
      const [p] = only(run(text), 'date-invalid');
      assert.ok(p, bad);
      assert.match(p.message, /whole site/);
      assert.equal(fixed(text, p), post({ date: '2021-12-08 00:00:00 +0800' }).replace('date: 2021', bad.startsWith(' ') ? 'date:  2021' : 'date: 2021'));
    }
    assert.deepEqual(only(run(post({ date: '2021-12-08 25:00:00 +0800' })), 'date-invalid'), []);
  });

  it('date-no-offset: the message shows the published time; fixes keep the written or the published time', () => {
    const text = post({ date: '2021-12-08 10:00:00' });
    const [p] = only(run(text), 'date-no-offset');
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /2021-12-08 18:00:00 \+0800/);
    assert.equal(text.slice(p.start, p.end), '2021-12-08 10:00:00');
    assert.equal(fixed(text, p, 0), post({ date: '2021-12-08 10:00:00 +0800' }));
    assert.equal(fixed(text, p, 1), post({ date: '2021-12-08 18:00:00 +0800' }));
    assert.equal(fixed(post({ date: '2021-12-08T10:00:00' }), only(run(post({ date: '2021-12-08T10:00:00' })), 'date-no-offset')[0]), post({ date: '2021-12-08T10:00:00+08:00' }));
    for (const ok of ['"2021-12-08 10:00:00"', '2021-12-08 10:00', '2021-12-08', '2021-12-08 10:00:00 +0800']) assert.deepEqual(only(run(post({ date: ok })), 'date-no-offset'), [], ok);
    assert.deepEqual(only(run(post({ date: '2021-12-08 10:00:00' }), { cfg: 'title: x\n' }), 'date-no-offset'), []);
  });

  it('date-filename-mismatch: rename (preferred) or set the date', () => {
    const text = post({ date: '2021-12-08 20:00:00' });
    const [p] = only(run(text), 'date-filename-mismatch');
    assert.match(p.message, /2021-12-09/);
    assert.deepEqual(p.fixes[0].rename, { from: FILE, to: '/site/_posts/2021-12-09-x.md' });
    assert.equal(p.fixes[0].preferred, true);
    assert.equal(fixed(text, p, 1), post({ date: '2021-12-08 04:00:00 +0800' }));
    assert.deepEqual(only(run(post({ date: '2021-12-08 23:59:59 +0800' })), 'date-filename-mismatch'), []);
    assert.deepEqual(only(run(post({ date: '2021-12-08 20:00:00' }), { file: '/site/_posts/2021-12-8-x.md' }), 'date-filename-mismatch').length, 1);
  });

  it('filename-invalid: only in _posts; rename from the date', () => {
    const [p] = only(run(post(), { file: '/site/_posts/-20211208.md' }), 'filename-invalid');
    assert.deepEqual(p.fixes[0].rename, { from: '/site/_posts/-20211208.md', to: '/site/_posts/2021-12-08-20211208.md' });
    assert.equal(only(run(post(), { file: '/site/_posts/20211208-x.md' }), 'filename-invalid').length, 1);
    assert.deepEqual(only(run(post(), { file: '/site/_posts/2021-12-8-x.md' }), 'filename-invalid'), []);
    assert.deepEqual(run(post(), { file: '/site/pages/-x.md' }), []);
    assert.deepEqual(only(run(post(), { file: '/site/_drafts/x.md' }), 'filename-invalid'), []);
  });

  it('files Jekyll ignores on purpose give no problems: fragments in _posts subfolders, folders named like posts, .yml, filtered names', () => {
    for (const file of ['/site/_posts/notes/intro.md', '/site/_posts/2021-12-08-photos/captions.md', '/site/_posts/2021/notes/x.html', '/site/_posts/_x.md', '/site/_posts/2021-12-08-data.yml', '/site/news/_posts/fragments/a.md']) {
      assert.deepEqual(run('no front matter, no date\n', { file }), [], file);
      assert.equal(isValidated(site(), file), false, file);
    }
    // A dateless page directly in _posts is never published, almost always by mistake: still an error.
    for (const file of ['/site/_posts/x.md', '/site/_posts/notes.html', '/site/news/_posts/x.markdown']) {
      assert.deepEqual(only(run(post(), { file }), 'filename-invalid').map((p) => p.severity), ['error'], file);
    }
    assert.ok(isValidated(site(), '/site/_posts/2021/2021-12-08-x.md'));
  });

  it('taxonomy-type: only what Jekyll drops or mangles, saying what it does; quote fix', () => {
    const text = post({ tags: '123' });
    const [p] = only(run(text), 'taxonomy-type');
    assert.equal(text.slice(p.start, p.end), '123');
    assert.match(p.message, /drops it/);
    assert.equal(fixed(text, p), post({ tags: '"123"' }));
    const flagged: [Record<string, string | null>, RegExp][] = [
      [{ categories: '[emnews, 1]' }, /twice/], [{ categories: '2013' }, /cannot read this post's front matter/], [{ categories: '{a: b}' }, /cannot read/],
      [{ categories: '[emnews, ~]' }, /empty category/], [{ categories: '[[a, b]]' }, /nested list/], [{ tags: 'true' }, /drops it/],
      [{ tag: '{a: 1}', tags: null }, /hash text/], [{ tags: '[x, {a: 1}]' }, /hash text/], [{ tag: 'z' }, /`tags` is ignored/],
    ];
    for (const [fm, message] of flagged) {
      const ps = only(run(post(fm)), 'taxonomy-type');
      assert.equal(ps.length, 1, JSON.stringify(fm));
      assert.match(ps[0].message, message, JSON.stringify(fm));
      assert.equal(ps[0].severity, 'error');
    }
    // Jekyll keeps these as written: `category: 2013` is the category "2013", numbers stay in tags, nulls are dropped.
    const kept: Record<string, string | null>[] = [{ category: '2013' }, { category: '[2013, x]' }, { tag: '5', tags: null }, { tags: '[1, x, 2.5]' }, { tags: '[东财滚动新闻, ~]' }, { tags: '[[a, b], c]' }, { category: 'false' }, { tag: 'false' }, { categories: '""' }];
    for (const fm of kept) {
      assert.deepEqual(only(run(post(fm)), 'taxonomy-type'), [], JSON.stringify(fm));
    }
  });

  it('taxonomy-duplicate: flow lists, block lists and split strings', () => {
    const cases: [string, string][] = [['[cls, emnews, cls]', '[cls, emnews]'], ['emnews emnews', 'emnews'], ['\n  - cls\n  - cls', '\n  - cls']];
    for (const [v, want] of cases) {
      const text = post({ categories: v });
      const [p] = only(run(text), 'taxonomy-duplicate');
      assert.ok(p, v);
      assert.equal(fixed(text, p), post({ categories: want }));
    }
    assert.deepEqual(only(run(post({ category: 'cls cls', categories: null })), 'taxonomy-duplicate'), []);
    // Jekyll keeps one of a repeated category (style: info) but publishes a repeated tag twice (warning).
    assert.deepEqual(only(run(post({ categories: '[cls, cls]' })), 'taxonomy-duplicate').map((p) => p.severity), ['info']);
    assert.deepEqual(only(run(post({ tags: '[东财滚动新闻, 东财滚动新闻]' })), 'taxonomy-duplicate').map((p) => p.severity), ['warning']);
  });

  it('taxonomy-unknown: did-you-mean fixes, silent without a configured list', () => {
    const text = post({ categories: 'emnew' });
    const [p] = only(run(text), 'taxonomy-unknown');
    assert.match(p.message, /did you mean `emnews`/);
    assert.equal(fixed(text, p), post());
    assert.deepEqual(only(run(post({ categories: 'other' }), { cfg: 'timezone: Asia/Shanghai\n' }), 'taxonomy-unknown'), []);
  });

  it("taxonomy-unknown: \"Add '新能源' to the site's tags.\" edits _config.yml (not preferred, never applied to the post)", () => {
    const text = post({ tags: '[东财滚动新闻, 新能源]' });
    const [p] = only(run(text), 'taxonomy-unknown');
    const add = p.fixes.find((f) => f.target)!;
    assert.equal(add.title, "Add '新能源' to the site's tags.");
    assert.equal(add.target?.file, '/site/_config.yml');
    assert.equal(add.target?.text, CONFIG);
    assert.equal(applyEdits(CONFIG, add.edits), CONFIG.replace('财联社电报]', '财联社电报, 新能源]'));
    assert.ok(!add.preferred);
    // Behind a leading blank line the post's edits move; the _config.yml edit does not.
    assert.deepEqual(only(run(`\n${text}`), 'taxonomy-unknown')[0].fixes.find((f) => f.target)?.edits, add.edits);
    // With the value listed, the problem is gone; fix-all and --fix never apply an edit meant for another file.
    assert.deepEqual(only(run(text, { cfg: applyEdits(CONFIG, add.edits) }), 'taxonomy-unknown'), []);
    const forced = { ...p, fixes: [{ ...add, preferred: true }] };
    assert.deepEqual(preferredFixes([forced]), []);
    assert.equal(only(run(post({ categories: 'cls2' })), 'taxonomy-unknown')[0].fixes.find((f) => f.target)?.title, "Add 'cls2' to the site's categories.");
  });

  it('layout-missing: warning, or a hint when a theme may provide it', () => {
    assert.equal(only(run(post({ layout: 'nope' })), 'layout-missing')[0].severity, 'warning');
    const themed = validatePost(post({ layout: 'nope' }), { site: site(), file: FILE, now: NOW, layouts: layoutLookup(site(), () => false, 'theme: minima\n') });
    assert.equal(only(themed, 'layout-missing')[0].severity, 'hint');
    assert.deepEqual(only(run(post()), 'layout-missing'), []);
  });

  it('unsafe-html: script, iframe and handlers in the body, not in fenced code', () => {
    const text = post({}, '<script>alert(1)</script>\n<img src=x onerror="x()">\n```html\n<iframe></iframe>\n```\n');
    const ps = only(run(text), 'unsafe-html');
    assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['<script', 'onerror']);
    assert.deepEqual(only(run(post({}, '<p style="x">ok</p>')), 'unsafe-html'), []);
  });

  it('stock-image-block and stock-image-unterminated', () => {
    const block = '<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start --><p><img src="x"></p><!-- EM_StockImg_End -->';
    const text = post({}, `前文${block}后文`);
    const [p] = only(run(text), 'stock-image-block');
    assert.equal(p.severity, 'info');
    assert.equal(fixed(text, p), post({}, '前文后文'));
    assert.equal(only(run(post({}, 'a<!-- EM_StockImg_Start -->b')), 'stock-image-unterminated').length, 1);
  });

  it('future-date, unpublished', () => {
    assert.equal(only(run(post({ date: '2030-01-01 10:00:00 +0800' }), { file: '/site/_posts/2030-01-01-x.md' }), 'future-date').length, 1);
    assert.deepEqual(only(run(post({ date: '2030-01-01 10:00:00 +0800' }), { file: '/site/_posts/2030-01-01-x.md', cfg: `${CONFIG}future: true\n` }), 'future-date'), []);
    const text = post({ published: 'false' });
    assert.equal(text.slice(...(({ start, end }) => [start, end])(only(run(text), 'unpublished')[0])), 'published: false');
  });

  it('encoding-invalid when the bytes were not UTF-8', () => {
    const ps = validatePost(post({}, 'a\uFFFDb'), { site: site(), file: FILE, now: NOW, invalidUtf8: true });
    assert.equal(only(ps, 'encoding-invalid').length, 1);
  });

  it('postdesk.rules turns rules off or changes their severity', () => {
    const text = post({ date: '2021-12-08 10:00:00', title: '""' });
    const cfg = `${CONFIG.replace('postdesk:\n', 'postdesk:\n  rules:\n    date-no-offset: error\n    title-empty: off\n')}`;
    const ps = run(text, { cfg });
    assert.equal(only(ps, 'date-no-offset')[0].severity, 'error');
    assert.deepEqual(only(ps, 'title-empty'), []);
  });

  it('validateSiteConfig: YAML errors, unknown timezone and rule ids, never a throw', () => {
    const text = 'timezone: Mars/Base\npostdesk:\n  rules:\n    no-such-rule: warning\n    title-empty: loud\n';
    const ps = validateSiteConfig(parseSiteConfig(text, '/s'), text);
    assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)).sort(), ['Mars/Base', 'loud', 'no-such-rule'].sort());
    assert.equal(validateSiteConfig(parseSiteConfig('a: [', '/s'), 'a: [').length, 1);
  });

  it('fixPost applies preferred fixes until settled (offset first, then no rename needed)', () => {
    const text = `\n${post({ date: '2021-12-08 20:00:00', categories: '[cls, cls]' })}`;
    const r = fixPost(text, { site: site(), file: FILE, now: NOW, layouts });
    assert.equal(r.text, post({ date: '2021-12-08 20:00:00 +0800', categories: '[cls]' }));
    assert.equal(r.rename, undefined);
  });

  it('fixes change nothing outside their edits, and preferred fixes apply together (fast-check)', () => {
    const value = fc.oneof(fc.constantFrom('emnews', 'cls cls', '[cls, emnews, cls]', '123', '"a"b"', '', '2021-12-08 20:00:00', ' +0800'), fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)));
    fc.assert(fc.property(fc.record({ title: value, date: value, categories: value, tags: value }), fc.string({ maxLength: 30 }), fc.boolean(), (fm, body, blank) => {
      const text = `${blank ? '\n' : ''}${post(fm, body)}`;
      const problems = run(text);
      for (const p of problems) {
        assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end);
        for (const f of p.fixes) {
          if (!f.edits.length) continue;
          const subject = f.target?.text ?? text;
          const out = applyEdits(subject, f.edits);
          const lo = Math.min(...f.edits.map((e) => e.start));
          const hi = Math.max(...f.edits.map((e) => e.end));
          assert.equal(out.slice(0, lo), subject.slice(0, lo));
          assert.equal(out.slice(out.length - (subject.length - hi)), subject.slice(hi));
        }
      }
      for (const f of preferredFixes(problems, false)) assert.doesNotThrow(() => applyEdits(text, f.edits));
    }), { numRuns: 10000 });
  });
});
