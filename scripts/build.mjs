// Bundles the extension, the CLI, the preview script and the test suites with esbuild (dependencies bundled).
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { webBuilds } from './lib/web-build.mjs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const list = (dir) => fs.existsSync(path.join(root, dir))
  ? fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`) : [];

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root };
// Dart Sass (3 MB, only for "As published" stylesheets) is its own file, loaded on first use rather than at activation.
const sassOutside = { name: 'sass-outside', setup(b) { b.onResolve({ filter: /^sass$/ }, () => ({ path: './sass.js', external: true })); } };
// The CLI is a small dispatcher (dist/cli.js) and one bundle per command (dist/cli-<name>.js), loaded when it runs:
// a fresh `postdesk taxonomy` compiles the reader and yaml, not the renderers and rules of the other commands.
const CLI_COMMANDS = ['info', 'render', 'strip', 'check', 'taxonomy', 'posts', 'new', 'add'];
const cliCommandsOutside = { name: 'cli-commands-outside', setup(b) {
  const filter = new RegExp(`^\\./(${CLI_COMMANDS.join('|')})$`);
  b.onResolve({ filter }, (a) => (a.importer.endsWith(path.join('src', 'cli', 'main.ts')) ? { path: `./cli-${a.path.slice(2)}.js`, external: true } : undefined));
} };
const cli = { ...node, plugins: [sassOutside], define: { POSTDESK_VERSION: JSON.stringify(pkg.version) }, minify: !watch };
const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: !watch, define: { POSTDESK_TEST_HOOKS: 'false' }, plugins: [sassOutside] },
  { ...node, entryPoints: ['node_modules/sass/sass.node.js'], outfile: 'dist/sass.js', minify: !watch, sourcemap: false },
  { ...cli, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', plugins: [sassOutside, cliCommandsOutside], banner: { js: '#!/usr/bin/env node' } },
  { ...cli, entryPoints: Object.fromEntries(CLI_COMMANDS.map((c) => [`cli-${c}`, `src/cli/${c}.ts`])), outdir: 'dist' },
  // The `browser` entry (web worker extension host) and the render worker (dist/render-worker.js) of every host.
  ...webBuilds({ minify: !watch }),
  ...(fs.existsSync(path.join(root, 'media/preview.ts'))
    ? [{ bundle: true, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['media/preview.ts'], outfile: 'dist/preview.js', minify: !watch, logLevel: 'warning', absWorkingDir: root }] : []),
  // Test bundles: unit suites run in plain Node, integration suites inside the VS Code extension host.
  { ...node, entryPoints: list('test/unit'), outdir: 'out/unit', external: ['mocha', 'fast-check', 'parse5'] },
  { ...node, entryPoints: ['test/integration/index.ts', ...list('test/integration')], outdir: 'out/integration', external: ['vscode', 'mocha'] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
}
