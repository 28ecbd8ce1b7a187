// `npm run new-rule -- <rule-id> [severity]`: scaffolds a validation rule: its module, its table entry, its doc page,
// its message in both l10n bundles and a failing test stub to make pass. Prints what it created and what to do next.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const [id, severity = 'warning'] = process.argv.slice(2);
const fail = (m) => { console.error(`new-rule: ${m}`); process.exit(2); };
if (!id || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(id)) fail('usage: npm run new-rule -- <kebab-case-id> [error|warning|info|hint] (an id has at least two words, e.g. title-too-long)');
if (!['error', 'warning', 'info', 'hint'].includes(severity)) fail(`unknown severity ${severity}`);

const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const files = {
  rule: path.join(root, 'src/core/rules', `${id}.ts`),
  index: path.join(root, 'src/core/rules/index.ts'),
  doc: path.join(root, 'docs/rules', `${id}.md`),
  test: path.join(root, 'test/unit', `rule-${id}.test.ts`),
  en: path.join(root, 'l10n/bundle.l10n.json'),
  zh: path.join(root, 'l10n/bundle.l10n.zh-cn.json'),
};
for (const f of [files.rule, files.doc, files.test]) if (fs.existsSync(f)) fail(`${path.relative(root, f)} exists already`);
const index = fs.readFileSync(files.index, 'utf8');
if (index.includes(`id: '${id}'`)) fail(`${id} is already in src/core/rules/index.ts`);

const message = `TODO: what is wrong, and what Jekyll does with it (${id}).`;
const zhMessage = `待办：说明问题以及 Jekyll 如何处理（${id}）。`;

fs.writeFileSync(files.rule, `// ${id}: TODO one line: what this rule reports.
import { msg } from '../messages';
import type { Problem } from '../types';
import { entry, yamlOk, type RuleContext } from './context';

/** Reports TODO (see docs/rules/${id}.md). */
export function ${camel}(ctx: RuleContext): Problem[] {
  if (!yamlOk(ctx)) return [];
  const e = entry(ctx, 'title');
  if (!e || e.keyStart >= 0) return []; // TODO: the condition; the range is where the editor underlines.
  return [ctx.problem('${id}', msg(${JSON.stringify(message)}), e.keyStart, e.valueEnd)];
}
`);

// The table entry and its import, beside the others (the table order is the reporting order: move it if needed).
const lastImport = index.lastIndexOf('\nimport ');
const importEnd = index.indexOf('\n', lastImport + 1);
let next = `${index.slice(0, importEnd + 1)}import { ${camel} } from './${id}';\n${index.slice(importEnd + 1)}`;
const configEntry = next.indexOf("  { id: 'config-invalid'");
if (configEntry < 0) fail('src/core/rules/index.ts: no config-invalid entry to insert before');
next = `${next.slice(0, configEntry)}  { id: '${id}', severity: '${severity}', docs: 'TODO one line for the rule table.', check: ${camel} },\n${next.slice(configEntry)}`;
fs.writeFileSync(files.index, next);

fs.writeFileSync(files.doc, `<!-- Post Desk rule ${id}: what it reports, why it matters in Jekyll, an example and the fix. -->
# \`${id}\`

Default severity: **${severity}**. Configure in \`_config.yml\`: \`postdesk: { rules: { ${id}: off|error|warning|info|hint } }\`.

## What
TODO

## Why (in Jekyll terms)
TODO: what Jekyll 4.3 does with such a post (prove it with a fixture site and \`jekyll build\`, see CONTRIBUTING).

## Example
\`\`\`yaml
TODO
\`\`\`

## Fix
TODO: the quick fix (a \`Fix\` with offset edits on the problem), or "No automatic fix." and what to do by hand.
`);

for (const [file, text] of [[files.en, message], [files.zh, zhMessage]]) {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  bundle[message] = text;
  const sorted = Object.fromEntries(Object.keys(bundle).sort().map((k) => [k, bundle[k]]));
  fs.writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

fs.writeFileSync(files.test, `// ${id}: a post it reports, a post it leaves alone (scaffolded by npm run new-rule: fails until the rule is written).
import * as assert from 'node:assert/strict';
import { parseSiteConfig } from '../../src/core/site';
import { validatePost } from '../../src/core/validate';

const site = parseSiteConfig('timezone: Asia/Shanghai\\n', '/site');
const FILE = '/site/_posts/2021-12-08-x.md';
const problems = (text: string) => validatePost(text, { site, file: FILE, now: Date.UTC(2024, 0, 1) }).filter((p) => p.rule === '${id}');

describe('rule ${id}', () => {
  it('reports TODO, at its place', () => {
    const text = '---\\nlayout: post\\ntitle: "TODO a post with the problem"\\ndate: 2021-12-08 10:00:00 +0800\\n---\\n正文\\n';
    const ps = problems(text);
    assert.equal(ps.length, 1, 'TODO: write the rule, then this post must give one problem');
    assert.equal(text.slice(ps[0].start, ps[0].end), 'TODO the text it underlines');
  });

  it('leaves a post without the problem alone', () => {
    assert.deepEqual(problems('---\\nlayout: post\\ntitle: "标题"\\ndate: 2021-12-08 10:00:00 +0800\\n---\\n正文\\n'), []);
  });
});
`);

console.log(`created:
  src/core/rules/${id}.ts            the rule (replace the TODOs; keep it pure: no vscode, no fs)
  src/core/rules/index.ts            its table entry (${severity}) and import
  docs/rules/${id}.md                its doc page
  l10n/bundle.l10n*.json             its message, English and zh-cn (rewrite both when you change the text)
  test/unit/rule-${id}.test.ts       a failing test stub: make it pass (npm run test:unit -- test/unit/rule-${id}.test.ts)
next: write the rule and its tests (hit, miss, fix through applyEdits, fast-check for a fix), then
  node scripts/l10n.mjs --check && npm run test:unit`);
