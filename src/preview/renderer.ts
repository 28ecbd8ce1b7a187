// Renders posts within a time budget, platform-free: small posts inline, large ones in a worker (a Node worker thread
// or a Web Worker) that is terminated past the budget; without a worker, on the main thread with a size cut-off.
import { renderPost, type RenderOptions, type RenderResult } from '../core/render';
import { trimTrailing } from '../core/text';

/** Past this, a worker render is abandoned (the worker terminated) and the last good render stays. */
export const RENDER_BUDGET_MS = 2000;
/** Posts shorter than this render inline: a few milliseconds for real news bodies, no thread hop. */
export const INLINE_LIMIT = 64 * 1024;
/** Without a worker, longer posts are not rendered at all (the editor must not freeze on a hostile file). */
export const MAIN_THREAD_LIMIT = 1024 * 1024;

/** Render options that can cross a thread (no callbacks): images resolve against `imageBase`. */
export type PortableOptions = Omit<RenderOptions, 'resolveImage' | 'findStockBlocks'>;
export interface WorkerRequest { id: number; text: string; options: PortableOptions; imageBase?: string }
export type WorkerResponse = { id: number; ok: true; result: RenderResult } | { id: number; ok: false; error: string };

/** A render worker as the renderer sees it (Node's worker_threads or a Web Worker behind it). */
export interface RenderPort {
  post(req: WorkerRequest): void;
  /** Called with each response; `onFail` when the worker errs or exits. */
  listen(onResponse: (m: WorkerResponse) => void, onFail: (e: Error) => void): void;
  terminate(): void;
}

/** Starts a worker, or returns undefined when the host cannot now (that render stays on the main thread; asked again next time). */
export type SpawnWorker = () => RenderPort | undefined;

/** Thrown when a render runs past the budget (or, without a worker, when the post is past the cut-off). */
export class RenderBudgetError extends Error {
  constructor(readonly ms: number) { super(`rendering took longer than ${ms} ms`); }
}

/** The worker itself failed (refused by the host, crashed, exited): the render is retried on the main thread. */
class WorkerFailedError extends Error {}

/**
 * A root-relative path (`/assets/a.png`) under `base` (the webview URI of the site root), each segment encoded;
 * undefined when it would leave the root.
 */
export function imageUrl(base: string, p: string): string | undefined {
  let clean = p.split(/[?#]/)[0];
  try { clean = decodeURIComponent(clean); } catch { return undefined; }
  const segs: string[] = [];
  for (const s of clean.split(/[/\\]+/)) {
    if (s === '' || s === '.') continue;
    if (s === '..' || s.includes('\0')) return undefined;
    segs.push(encodeURIComponent(s));
  }
  return segs.length ? `${trimTrailing(base, '/')}/${segs.join('/')}` : undefined;
}

/** Renders `req` (the worker entries' body: Node's and the Web Worker's). */
export function answer(req: WorkerRequest): WorkerResponse {
  try {
    const base = req.imageBase;
    return { id: req.id, ok: true, result: renderPost(req.text, { ...req.options, resolveImage: base ? (p) => imageUrl(base, p) : undefined }) };
  } catch (e) {
    return { id: req.id, ok: false, error: (e as Error).message };
  }
}

/** Options of a BudgetedRenderer beyond its worker. */
export interface BudgetOptions {
  budgetMs?: number; inlineLimit?: number; mainThreadLimit?: number;
  /** The clock for the main-thread cut-off (injected by tests). */
  now?: () => number;
}

/** Renders inline or in a worker (when `spawn` gives one), enforcing the budget; the same interface on every host. */
export class BudgetedRenderer {
  private worker: RenderPort | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: RenderResult) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  /** Without a worker: the shortest text whose main-thread render ran past the budget; as long or longer is refused. */
  private slowFrom = Infinity;
  /** Where the last render ran (tests and the debug state read it). */
  lastPath: 'inline' | 'worker' | 'main-thread' | undefined;
  /** Worker renders asked for and not yet handed back (answered, failed, or held by `hold`). */
  inFlight = 0;
  /** While set (`hold(true)`, test build only), worker renders that settled are handed back only once it resolves. */
  private held: { gate: Promise<void>; open: () => void } | undefined;
  readonly budgetMs: number;
  private readonly inlineLimit: number;
  private readonly mainThreadLimit: number;
  private readonly now: () => number;

  constructor(private readonly spawn: SpawnWorker | undefined, o: BudgetOptions = {}) {
    this.budgetMs = o.budgetMs ?? RENDER_BUDGET_MS;
    this.inlineLimit = o.inlineLimit ?? INLINE_LIMIT;
    this.mainThreadLimit = o.mainThreadLimit ?? MAIN_THREAD_LIMIT;
    this.now = o.now ?? (() => performance.now());
  }

  /** Renders `text`; rejects with RenderBudgetError when a render exceeds the budget (or the cut-off). */
  render(text: string, options: PortableOptions, imageBase: string | undefined): Promise<RenderResult> {
    const inline = () => renderPost(text, { ...options, resolveImage: imageBase ? (p: string) => imageUrl(imageBase, p) : undefined });
    try {
      if (text.length < this.inlineLimit) { this.lastPath = 'inline'; return Promise.resolve(inline()); }
      const worker = this.ensureWorker();
      if (!worker) { this.lastPath = 'main-thread'; return Promise.resolve(this.onMainThread(text.length, inline)); }
    } catch (e) { return Promise.reject(e as Error); }
    this.lastPath = 'worker';
    this.inFlight++;
    const handBack = <T>(f: () => T): T | Promise<T> => (this.held ? this.held.gate.then(f) : f());
    return this.inWorker(text, options, imageBase).catch((e: Error) => {
      if (!(e instanceof WorkerFailedError)) throw e;
      this.lastPath = 'main-thread';
      return this.onMainThread(text.length, inline);
    }).then((r) => handBack(() => r), (e: unknown) => handBack(() => { throw e; })).finally(() => { this.inFlight--; });
  }

  /**
   * Test build only: `hold(true)` keeps every worker render that settles from being handed back until `hold(false)`,
   * so a test can act while a render is provably in flight (ordering, not timing).
   */
  hold(on: boolean): void {
    if (on && !this.held) {
      let open = () => {};
      const gate = new Promise<void>((r) => { open = r; });
      this.held = { gate, open };
    } else if (!on && this.held) {
      this.held.open();
      this.held = undefined;
    }
  }

  private onMainThread(length: number, inline: () => RenderResult): RenderResult {
    if (length > this.mainThreadLimit || length >= this.slowFrom) throw new RenderBudgetError(this.budgetMs);
    const t0 = this.now();
    const r = inline();
    if (this.now() - t0 > this.budgetMs) this.slowFrom = Math.min(this.slowFrom, length);
    return r;
  }

  private inWorker(text: string, options: PortableOptions, imageBase: string | undefined): Promise<RenderResult> {
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<RenderResult>((resolve, reject) => {
      // A stuck render cannot be interrupted: the worker goes, with every render queued behind it.
      const timer = setTimeout(() => this.kill(new RenderBudgetError(this.budgetMs)), this.budgetMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.post({ id, text, options, imageBase });
    });
  }

  private ensureWorker(): RenderPort | undefined {
    if (this.worker || !this.spawn) return this.worker;
    let w: RenderPort | undefined;
    try { w = this.spawn(); } catch { w = undefined; }
    if (!w) return undefined;
    w.listen((m) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
    }, (e) => { if (this.worker === w) this.kill(new WorkerFailedError(e.message)); });
    this.worker = w;
    return w;
  }

  private kill(reason: Error): void {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(reason); }
    this.pending.clear();
    w?.terminate();
  }

  dispose(): void { this.kill(new Error('disposed')); }
}
