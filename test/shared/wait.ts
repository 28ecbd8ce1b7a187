// Polling shared by the test suites of both extension hosts (Node and web worker): no Node API, no vscode import.

/** Polls `fn` until it returns a truthy value or `ms` pass, then fails naming `what`. */
export async function waitFor<T>(fn: () => T | Promise<T>, ms = 10000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
