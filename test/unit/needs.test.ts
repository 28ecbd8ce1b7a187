// needsTool: a missing tool skips its suite with the reason printed, except under CI=true, where it fails.
import * as assert from 'node:assert/strict';
import { needsTool } from './needs';

describe('needsTool (Jekyll suites without jekyll)', () => {
  const ctx = () => {
    const c = { skipped: false, skip() { c.skipped = true; throw new Error('skipped'); } };
    return c;
  };
  const withCi = <T>(value: string | undefined, fn: () => T): T => {
    const was = process.env.CI;
    if (value === undefined) delete process.env.CI; else process.env.CI = value;
    try { return fn(); } finally { if (was === undefined) delete process.env.CI; else process.env.CI = was; }
  };

  it('does nothing when the tool is there', () => {
    const c = ctx();
    needsTool(c as unknown as Mocha.Context, process.execPath, 'x');
    assert.equal(c.skipped, false);
  });

  it('skips, saying why, when the tool is missing outside CI', () => {
    const c = ctx();
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => { written.push(String(s)); return true; }) as typeof process.stderr.write;
    try {
      withCi(undefined, () => assert.throws(() => needsTool(c as unknown as Mocha.Context, '/no/such/jekyll', 'apt-get install jekyll'), /skipped/));
    } finally { process.stderr.write = write; }
    assert.equal(c.skipped, true);
    assert.match(written.join(''), /\[skipped\].*\/no\/such\/jekyll is missing \(apt-get install jekyll/);
  });

  it('fails under CI=true instead of skipping', () => {
    const c = ctx();
    withCi('true', () => assert.throws(() => needsTool(c as unknown as Mocha.Context, '/no/such/jekyll', 'apt-get install jekyll'), /required under CI=true/));
    assert.equal(c.skipped, false);
  });
});
