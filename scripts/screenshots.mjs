// `npm run screenshots`: the README's images (docs/images/*.png), from the e2e tests whose title says "saves a screenshot".
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const r = spawnSync(process.execPath, [path.join(root, 'scripts/test.mjs'), 'e2e', '--grep', 'saves a screenshot'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, POSTDESK_SCREENSHOTS: 'docs/images' },
});
process.exitCode = r.status ?? 1;
