// Failures reach the user as a message and a log entry: a failing command resolves instead of rejecting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('errors reach the user', () => {
  it('a command that fails (a post that does not exist) resolves to undefined instead of rejecting', async () => {
    const missing = vscode.Uri.file('/no/such/site/_posts/2021-12-08-missing.md');
    let rejected: unknown;
    const result = await vscode.commands.executeCommand('postdesk.stripStockImages', missing).then((r) => r, (e) => { rejected = e; return 'rejected'; });
    assert.equal(rejected, undefined, `the command rejected: ${String(rejected)}`);
    assert.equal(result, undefined);
  });
});
