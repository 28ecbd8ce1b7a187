// The `browser` entry's bundles (web worker extension host) contain no Node built-in module and no Node global.
import * as assert from 'node:assert/strict';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './corpus';

type Esbuild = typeof import('esbuild');
/** esbuild, loaded from the project (not bundled into the test). */
const esbuild = createRequire(path.join(projectRoot, 'package.json'))('esbuild') as Esbuild;
const NODE_BUILTIN = new RegExp(`^(node:.*|${builtinModules.map((m) => m.replace(/[/\\-]/g, '\\$&')).join('|')})(/.*)?$`);

interface Inspection { builtins: string[]; externals: string[]; globals: string[]; sources: string[]; bytes: number }

/**
 * Bundles `entry` with the web build's own options (scripts/lib/web-build.mjs), recording every Node built-in it
 * imports (as an external, so the build itself does not stop at the first), and the Node globals left in its code.
 */
export async function inspectWebBundle(entry: string, extra: Record<string, unknown> = {}): Promise<Inspection> {
  const { webOptions } = await import(pathToFileURL(path.join(projectRoot, 'scripts/lib/web-build.mjs')).href) as { webOptions: Record<string, unknown> };
  const builtins = new Set<string>();
  const r = await esbuild.build({
    ...webOptions, ...extra, entryPoints: [entry], external: ['vscode'], write: false, metafile: true, minify: true, sourcemap: false, outfile: 'web-bundle-check.js', logLevel: 'silent',
    plugins: [{
      name: 'node-builtins',
      setup(b) {
        b.onResolve({ filter: NODE_BUILTIN }, async (a) => {
          if (a.pluginData === 'again') return undefined;
          // A package's `browser` field may map the built-in away (postcss: `"fs": false`): that is esbuild's answer.
          const res = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: 'again' });
          if (!res.errors.length && !res.external) return undefined;
          builtins.add(`${a.path} (from ${a.importer.replace(`${projectRoot}/`, '')})`);
          return { path: a.path, external: true };
        });
      },
    }],
  });
  const externals = Object.values(r.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && i.path !== 'vscode').map((i) => i.path));
  const code = r.outputFiles[0].text;
  const globals = [...new Set([...code.matchAll(/\bprocess\.(?:env|argv|platform|cwd|exit|versions?|memoryUsage|nextTick|hrtime|stdout|stderr)\b|\b__dirname\b|\b__filename\b|\brequire\((?!"vscode"\))[^)]*\)/g)].map((m) => m[0]))];
  return { builtins: [...builtins].sort(), externals, globals, sources: Object.keys(r.metafile.inputs), bytes: code.length };
}

describe('web bundle (browser entry)', function () {
  this.timeout(120000);

  for (const entry of ['src/web/extension.ts', 'src/web/render-worker.ts']) {
    it(`${entry} bundles without any Node built-in module or Node global`, async () => {
      const r = await inspectWebBundle(entry);
      assert.deepEqual(r.builtins, [], 'Node built-in modules imported');
      assert.deepEqual(r.externals, [], 'modules left to a require() the web host does not have');
      assert.deepEqual(r.globals, [], 'Node globals in the bundle');
      assert.ok(!r.sources.some((f) => f.startsWith('src/node/')), `src/node in the web bundle: ${r.sources.filter((f) => f.startsWith('src/node/')).join(', ')}`);
    });
  }

  it('the web extension bundle holds the features (the check inspects the real thing)', async () => {
    const r = await inspectWebBundle('src/web/extension.ts');
    for (const f of ['src/extension-shared.ts', 'src/host/postWorkspace.ts', 'src/preview/manager.ts', 'src/features/strip.ts', 'src/core/render/index.ts']) assert.ok(r.sources.includes(f), f);
  });

  it('finds a Node built-in, a Node global and src/node when they are there (the check can fail)', async () => {
    const r = await inspectWebBundle('src/extension.ts');
    assert.ok(r.builtins.some((b) => b.startsWith('node:perf_hooks')), r.builtins.join(', '));
    assert.ok(r.builtins.some((b) => b.startsWith('node:worker_threads')), r.builtins.join(', '));
    assert.ok(r.globals.includes('process.memoryUsage'), r.globals.join(', '));
    assert.ok(r.sources.includes('src/node/render-budget.ts'));
  });
});
