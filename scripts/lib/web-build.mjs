// esbuild options of the `browser` entry (web worker extension host: github.dev, vscode.dev) and of the render worker,
// one browser-platform bundle (dist/render-worker.js) that both hosts and the CLI run (see src/node/render-budget.ts).
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Browser platform, one CommonJS bundle each: no Node built-in may be in them (test/unit/web-bundle.test.ts). */
// postcss (inside sanitize-html) reads `process.env.LANG` on a deprecation path: there is no process in a worker.
export const webOptions = { bundle: true, platform: 'browser', target: 'es2022', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root, define: { 'process.env': '{}' } };

/** The web builds into `outdir` (dist/web); `testHooks` for the integration-test build. */
export function webBuilds({ minify = true, testHooks = false, outdir = path.join(root, 'dist', 'web') } = {}) {
  return [
    { ...webOptions, entryPoints: ['src/web/extension.ts'], outfile: path.join(outdir, 'extension.js'), external: ['vscode'], minify, define: { ...webOptions.define, POSTDESK_TEST_HOOKS: String(testHooks) } },
    { ...webOptions, entryPoints: ['src/web/render-worker.ts'], outfile: path.join(outdir, '..', 'render-worker.js'), minify },
  ];
}
