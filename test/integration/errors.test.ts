// Failures reach the user as a message and a log entry: a failing command resolves instead of rejecting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { postDeskLog, userSees, waitFor } from './util';

describe('errors reach the user', () => {
  it('a command that fails (a post that does not exist) shows an error naming it, logs it, and resolves to undefined', async () => {
    const missing = vscode.Uri.file('/no/such/site/_posts/2021-12-08-missing.md');
    const logged = (l: string) => /\berror\b/i.test(l) && l.includes('postdesk.stripStockImages') && l.includes('2021-12-08-missing.md');
    assert.equal(postDeskLog().split('\n').some(logged), false, 'the log holds no such error before the command runs');
    let rejected: unknown;
    const result = await vscode.commands.executeCommand('postdesk.stripStockImages', missing).then((r) => r, (e) => { rejected = e; return 'rejected'; });
    assert.equal(rejected, undefined, `the command rejected: ${String(rejected)}`);
    // A command that worked returns `{count}`: undefined is the error path's answer.
    assert.equal(result, undefined);
    await waitFor(() => postDeskLog().split('\n').some(logged), 20000, 'the error in the Post Desk log (naming the command and the file)');
    await vscode.commands.executeCommand('notifications.showList');
    const shown = await waitFor(async () => (await userSees('notifications')).find((t) => t.includes('Post Desk: postdesk.stripStockImages failed')), 20000, 'the error notification');
    assert.match(shown as string, /2021-12-08-missing\.md/, 'the message says what failed');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
  });
});
