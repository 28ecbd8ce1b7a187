// Command registration with one error path: failures become a message and a log entry, never an unhandled rejection.
import * as vscode from 'vscode';

/** Logs `e` to the Post Desk output channel and shows it to the user with a way to the log. */
export function reportError(output: vscode.LogOutputChannel, what: string, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  output.error(`${what}: ${err.stack ?? err.message}`);
  const show = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(vscode.l10n.t('Post Desk: {0} failed: {1}', what, err.message), show).then((pick) => {
    if (pick === show) output.show(true);
  });
}

/**
 * Registers a command whose failures are reported (message + log) instead of rejecting, and whose duration is
 * logged at debug level. The handler's result is returned as is.
 */
export function registerCommand<A extends unknown[], R>(output: vscode.LogOutputChannel, id: string, handler: (...args: A) => R | Thenable<R>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    const t0 = performance.now();
    try {
      return await handler(...args);
    } catch (e) {
      reportError(output, id, e);
      return undefined;
    } finally {
      output.debug(`${id}: ${(performance.now() - t0).toFixed(1)} ms`);
    }
  });
}
