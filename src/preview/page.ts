// The host's side of one preview page load: messages wait for the page's `ready`, and a page that never starts is reloaded.
import type { HostMessage } from './messages';

/** What a PageGate needs from its panel (injected: unit tests drive it with a fake clock). */
export interface PageGateHost {
  /** Posts to the webview (only called once the page said `ready`). */
  send(message: HostMessage): void;
  /** Sets the page again (the panel's reload); `attempt` counts from 1 for the current page. */
  restart(attempt: number): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** How long a shown page may take to say `ready` before it is set again (a fresh workbench under load needs seconds). */
export const START_TIMEOUT_MS = 20000;
/** Restarts of one page before the gate gives up (the page then stays as it is; the next edit or reload tries again). */
export const MAX_RESTARTS = 3;

/**
 * A page's script can miss what the host posts before it listens: VS Code's webview host hands queued messages to the
 * page 200 ms after writing it even when the page's script is still loading, and a hidden webview is rebuilt from its
 * last page. So messages wait here until the current page says `ready` (only the latest update and notice matter:
 * an update carries the whole render), and a page that never says `ready` while shown is set again, a bounded number of times.
 */
export class PageGate {
  /** The version the current page was written with (its `ready` names it); 0 before the first page. */
  private page = 0;
  private ready = false;
  private shown = true;
  private update: HostMessage | undefined;
  private notice: HostMessage | undefined;
  private timer: unknown;
  private restarts = 0;

  constructor(private readonly host: PageGateHost, private readonly startTimeoutMs = START_TIMEOUT_MS, private readonly maxRestarts = MAX_RESTARTS) {}

  /** Whether the current page's script has said `ready` (what the host posts now reaches it). */
  get isReady(): boolean { return this.ready; }

  /** A new page was set with `version` (`restarted`: by the watchdog, so its restart count goes on). */
  loaded(version: number, restarted = false): void {
    this.page = version;
    this.ready = false;
    this.update = undefined;
    this.notice = undefined;
    if (!restarted) this.restarts = 0;
    this.arm();
  }

  /** The panel was hidden (VS Code drops the page) or shown again (VS Code rebuilds it from the last page set). */
  visibility(shown: boolean): void {
    this.shown = shown;
    this.ready = false;
    if (shown) this.arm(); else this.disarm();
  }

  /** The page's script listens; messages kept for it are sent. A `ready` of an older page is ignored. */
  onReady(version: number): void {
    if (version !== this.page || !this.shown) return;
    this.ready = true;
    this.restarts = 0;
    this.disarm();
    const kept = [this.update, this.notice];
    this.update = undefined;
    this.notice = undefined;
    for (const m of kept) if (m) this.host.send(m);
  }

  /** Sends now when the page listens; otherwise keeps the latest update and notice (a scroll is redone at `ready`). */
  post(message: HostMessage): void {
    if (this.ready) { this.host.send(message); return; }
    if (message.type === 'update') { this.update = message; this.notice = undefined; } else if (message.type === 'notice') this.notice = message;
  }

  dispose(): void { this.disarm(); }

  private arm(): void {
    this.disarm();
    if (!this.shown || this.page === 0) return;
    const page = this.page;
    this.timer = this.host.setTimer(() => {
      this.timer = undefined;
      if (this.ready || page !== this.page || this.restarts >= this.maxRestarts) return;
      this.host.restart(++this.restarts);
    }, this.startTimeoutMs);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.host.clearTimer(this.timer);
    this.timer = undefined;
  }
}
