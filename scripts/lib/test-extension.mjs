// The integration-test build of the extension (out/test-extension): the product's files with an extension bundle built
// with POSTDESK_TEST_HOOKS=true, so test-only commands and prompt-skipping arguments never ship (src/util/test-hooks.ts).
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './vscode.mjs';

/** Builds out/test-extension from the sources (dist/ must be built: its worker and webview script are copied). */
export async function buildTestExtension() {
  const dir = path.join(ROOT, 'out', 'test-extension');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  await esbuild.build({
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: ROOT,
    entryPoints: ['src/extension.ts'], outfile: path.join(dir, 'dist', 'extension.js'), external: ['vscode'], define: { POSTDESK_TEST_HOOKS: 'true' },
  });
  for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n', 'media', 'dist/render-worker.js', 'dist/preview.js']) {
    if (fs.existsSync(path.join(ROOT, f))) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  }
  return dir;
}
