// Tests that need a tool the contributor may not have (Debian's jekyll, ruby): skip with a visible reason, but fail in CI.
import * as fs from 'node:fs';

/**
 * Call first in a `before` hook (`needsTool(this, '/usr/bin/jekyll', 'apt-get install jekyll')`): when `file` is
 * missing, the suite is skipped with the reason printed, except under CI=true (where `.ci/run` installs the tools),
 * where the missing tool is a failure.
 */
export function needsTool(ctx: Mocha.Context, file: string, install: string): void {
  if (fs.existsSync(file)) return;
  const reason = `${file} is missing (${install}; needs root)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: required under CI=true`);
  const suite = ctx.currentTest?.parent?.fullTitle() ?? ctx.test?.parent?.fullTitle() ?? '';
  process.stderr.write(`  [skipped] ${suite}: ${reason}\n`);
  ctx.skip();
}
