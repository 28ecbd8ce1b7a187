// file-unreadable as the editor's reader reports it: the CLI's wording, its severities, and the site's postdesk.rules level.
import * as assert from 'node:assert/strict';
import { unreadableProblem } from '../../src/core/rules/file-unreadable';
import { parseSiteConfig } from '../../src/core/site';

describe('rule file-unreadable (editor reader)', () => {
  const site = parseSiteConfig('title: x\n', '/site');

  it('a FIFO or device is an error at the first character', () => {
    const p = unreadableProblem(site, { why: 'not-regular' })!;
    assert.deepEqual([p.rule, p.severity, p.start, p.end], ['file-unreadable', 'error', 0, 0]);
    assert.match(p.message, /^Not a regular file: Post Desk does not read it\.$/);
    assert.equal(p.l10n?.template, 'Not a regular file: Post Desk does not read it.');
  });

  it('a file over the limit is a warning naming the limit and its size', () => {
    const p = unreadableProblem(site, { why: 'too-large', size: 2097152, max: 1048576 })!;
    assert.equal(p.severity, 'warning');
    assert.equal(p.message, 'The file is larger than 1 MiB (2097152 bytes): Post Desk does not read it.');
  });

  it('postdesk.rules sets its level or turns it off', () => {
    const off = parseSiteConfig('postdesk:\n  rules:\n    file-unreadable: off\n', '/site');
    assert.equal(unreadableProblem(off, { why: 'not-regular' }), undefined);
    const info = parseSiteConfig('postdesk:\n  rules:\n    file-unreadable: info\n', '/site');
    assert.equal(unreadableProblem(info, { why: 'too-large', size: 5, max: 1 })!.severity, 'info');
  });
});
