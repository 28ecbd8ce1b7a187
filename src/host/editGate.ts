// Which open documents have an edit whose problems are not published yet; the workspace scan waits on it (the open post first).
/**
 * A set of pending edits (by document key) with a promise that resolves when the set is empty again. Ordering, not
 * timing: the scan waits for the keystroke's own analysis, however long the debounce or the host takes.
 */
export class EditGate {
  private readonly keys = new Set<string>();
  private idle: { promise: Promise<void>; resolve: () => void } | undefined;

  /** An edit of `key` waits for its analysis. */
  add(key: string): void { this.keys.add(key); }

  /** The edit of `key` was analysed and published (or dropped: the document closed, a newer version came). */
  settle(key: string): void {
    if (!this.keys.delete(key) || this.keys.size || !this.idle) return;
    const { resolve } = this.idle;
    this.idle = undefined;
    resolve();
  }

  /** Lets every waiter go (the model is disposed). */
  clear(): void { for (const k of [...this.keys]) this.settle(k); }

  /** Undefined when no edit is pending; else resolves when none is. */
  settled(): Promise<void> | undefined {
    if (!this.keys.size) return undefined;
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => { resolve = r; });
      this.idle = { promise, resolve };
    }
    return this.idle.promise;
  }
}
