// Core messages carry their l10n template and args: the template is a key of the l10n bundles, and substituting the args gives the English text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { format, msg, sentence } from '../../src/core/messages';
import { parseSiteConfig } from '../../src/core/site';
import type { L10nText, Problem } from '../../src/core/types';
import { layoutLookup, validatePost, validateSiteConfig } from '../../src/core/validate';
import { projectRoot } from './corpus';

const bundle = (name: string) => JSON.parse(fs.readFileSync(path.join(projectRoot, 'l10n', name), 'utf8')) as Record<string, string>;
const EN = bundle('bundle.l10n.json');
const ZH = bundle('bundle.l10n.zh-cn.json');

const CONFIG = 'timezone: Asia/Shanghai\npostdesk:\n  required: [layout, title, date, categories, tags]\n  taxonomy:\n    categories: [emnews, cls]\n    tags: [东财滚动新闻, 财联社电报]\n';
const site = parseSiteConfig(CONFIG, '/site');
const layouts = layoutLookup(site, (p) => p === '/site/_layouts/post.html');
const FM = { layout: 'post', title: '"标题"', date: '2021-12-08 10:00:00 +0800', categories: 'emnews', tags: '东财滚动新闻' };
const post = (over: Record<string, string | null> = {}, body = '正文\n') => {
  const fm = { ...FM, ...over };
  return `---\n${Object.entries(fm).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
};
const S = '<!-- EM_StockImg_Start -->';
const E = '<!-- EM_StockImg_End -->';
const run = (text: string, file = '/site/_posts/2021-12-08-x.md') => validatePost(text, { site, file, now: Date.UTC(2020, 0, 1), layouts });

/** The English text of a localizable message, the way the extension builds it with no translation. */
const english = (l: L10nText & { suffix?: L10nText }) => format(l.template, l.args) + (l.suffix ? format(l.suffix.template, l.suffix.args) : '');

/** Asserts every problem and fix carries a bundled template that gives its English text exactly. */
function checkAll(problems: Problem[]): void {
  for (const p of problems) {
    assert.ok(p.l10n, `${p.rule} has no l10n: ${p.message}`);
    for (const l of [p.l10n, p.l10n.suffix].filter((x): x is L10nText => !!x)) {
      assert.ok(l.template in EN, `not in bundle.l10n.json: ${l.template}`);
      assert.ok(ZH[l.template], `not in bundle.l10n.zh-cn.json: ${l.template}`);
      assert.ok(l.args.every((a) => typeof a === 'string'));
    }
    assert.equal(english(p.l10n), p.message);
    for (const f of p.fixes) {
      assert.ok(f.l10n, `${p.rule} fix has no l10n: ${f.title}`);
      assert.ok(f.l10n.template in EN, `not in bundle.l10n.json: ${f.l10n.template}`);
      assert.equal(format(f.l10n.template, f.l10n.args), f.title);
    }
  }
}

describe('localizable core messages', () => {
  it('msg substitutes {0}… and keeps the literal template and string args', () => {
    const m = msg('`{0}` is listed twice in `{1}`: Jekyll keeps both.', 'a', 3);
    assert.deepEqual(m, { text: '`a` is listed twice in `3`: Jekyll keeps both.', template: '`{0}` is listed twice in `{1}`: Jekyll keeps both.', args: ['a', '3'] });
    assert.equal(msg('{0} and {0}, {1}', '$&', '{0}').text, '$& and $&, {0}');
  });

  it('rule problems and fixes: template in the bundles, args give the message exactly', () => {
    const rules = new Set<string>();
    for (const [text, file] of CASES) {
      const ps = run(text, file);
      checkAll(ps);
      for (const p of ps) rules.add(p.rule);
    }
    for (const id of ['date-no-offset', 'date-filename-mismatch', 'date-invalid', 'required-key', 'layout-missing', 'title-empty', 'taxonomy-unknown',
      'taxonomy-duplicate', 'taxonomy-type', 'yaml-syntax', 'unpublished', 'future-date', 'unsafe-html', 'stock-image-block', 'stock-image-unterminated',
      'filename-invalid', 'front-matter-missing', 'front-matter-unclosed', 'front-matter-language']) assert.ok(rules.has(id), id);
  });

  it('every message and fix title is whole sentences: it ends with . 。 ? or !, and a sentence after an argument follows a full stop', () => {
    const configs = ['timezone: Mars/Base\npostdesk:\n  rules:\n    no-such-rule: off\n    date-invalid: loud\n', 'a: [b\n', 'postdesk:\n  taxonomy:\n    tags: 3\n'];
    const all = [...CASES.flatMap(([t, file]) => run(t, file)), ...configs.flatMap((c) => validateSiteConfig(parseSiteConfig(c, '/site'), c))];
    assert.ok(all.some((p) => p.rule === 'config-invalid' && /^_config\.yml: [A-Z]/.test(p.message) && !/`/.test(p.message)), 'a YAML error of _config.yml is checked');
    const seen = new Map<string, string[]>();
    for (const p of all) {
      for (const [s, l] of [[p.message, p.l10n] as const, ...p.fixes.map((f) => [f.title, f.l10n] as const)]) {
        assert.match(s, SENTENCE_END, `${p.rule}: not a whole sentence: ${s}`);
        if (l) seen.set(l.template, l.args);
        // A template that starts a sentence right after `{n}` relies on the argument ending one ("…characters. Jekyll…").
        for (const m of (l?.template ?? '').matchAll(/\{(\d+)\}\s+(?=[A-Z])/g)) {
          assert.match(l!.args[+m[1]], SENTENCE_END, `${p.rule}: no full stop between sentences: ${s}`);
        }
      }
      if (p.l10n?.suffix) assert.match(format(p.l10n.template, p.l10n.args), SENTENCE_END, `${p.rule}: the note follows an unfinished sentence`);
    }
    // Every bundled rule template was seen here, in English and zh-CN, ending a sentence.
    for (const [t, args] of seen) assert.match(format(ZH[t], args), SENTENCE_END, `zh-cn: ${ZH[t]}`);
    assert.ok(seen.size >= 40, `only ${seen.size} templates seen`);
  });

  it('behind a leading blank line the note is a localizable suffix', () => {
    const p = run(`\n${post({ date: '2021-12-08 10:00:00' })}`).find((x) => x.rule === 'date-no-offset')!;
    assert.equal(p.l10n?.template, '`{0}` has no UTC offset: Jekyll reads it as UTC and publishes this post at {1} ({2}), not at {0}.');
    assert.equal(p.l10n?.suffix?.template, NOTE);
    assert.ok(p.message.endsWith(NOTE));
  });

  it('config-invalid problems too', () => {
    const text = 'timezone: Mars/Base\npostdesk:\n  rules:\n    no-such-rule: off\n';
    const ps = validateSiteConfig(parseSiteConfig(text, '/site'), text);
    assert.ok(ps.length >= 2);
    checkAll(ps);
  });
});

const NOTE = ' This applies once the blank line before `---` is removed.';
const SENTENCE_END = /[.。?!？！]$/;
/** Posts that trigger every rule (and most of their fixes). */
const CASES: [string, string | undefined][] = [
  [post({ date: '2021-12-08 10:00:00' }), undefined],
  [post({ date: '2021-12-09 10:00:00 +0800' }), undefined],
  [post({ date: 'not a date' }), undefined],
  [post({ date: '""' }), undefined],
  [post({ title: null, layout: 'nope' }), undefined],
  [post({ title: '""', categories: 'emnewz', tags: '[东财滚动新闻, 东财滚动新闻, zzz]' }), undefined],
  [post({ categories: '[1, true]' }), undefined],
  [post({ title: '"a "b" c"' }), undefined],
  [post({ published: 'false', date: '2030-01-01 10:00:00 +0800' }, `<script>x</script>\n<img onerror="y">\n${S}a${E}\n${S}b${E}\n${E}\n`), '/site/_posts/2030-01-01-x.md'],
  [post(), '/site/_posts/x.md'],
  [`\n${post({ date: '2021-12-08 10:00:00' })}`, undefined],
  ['no fence\n', undefined],
  ['', undefined],
  ['---\ntitle: x\n', undefined],
  ['---js\n{}\n---\n', undefined],
  [post({ categories: '[[a], ~, {a: 1}]', tags: '{a: 1}' }), undefined],
  [post({ categories: 'true', tag: 'x' }), undefined],
  [`---\nlayout: post\ntitle: t\ndate: 2021-12-08 10:00:00 +0800\n---\nx\n`, undefined],
];

describe('sentence', () => {
  it('adds a full stop only where a sentence is unfinished', () => {
    assert.equal(sentence('Unexpected scalar at node end'), 'Unexpected scalar at node end.');
    assert.equal(sentence(' Done. '), 'Done.');
    assert.equal(sentence('完成。'), '完成。');
    assert.equal(sentence('Why?'), 'Why?');
  });
});

describe('format', () => {
  it('replaces {n} by the nth argument and leaves other braces, as a regex replacement does', () => {
    const byRegex = (t: string, a: readonly string[]) => t.replace(/\{(\d+)\}/g, (m, i: string) => (+i < a.length ? a[+i] : m));
    const template = fc.string({ unit: fc.constantFrom('{', '}', '0', '1', '2', '07', 'a', ' ', '$&', '中'), maxLength: 12 });
    fc.assert(fc.property(template, fc.array(fc.string({ unit: fc.constantFrom('x', '{0}', '$1', '$&', '}'), maxLength: 3 }), { maxLength: 3 }), (t, args) => {
      assert.equal(format(t, args), byRegex(t, args));
      assert.equal(format(t, args), byRegex(t, args), 'the second call (split template from the cache) too');
    }), { numRuns: 5000 });
  });
});
