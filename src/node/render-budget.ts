// Renders posts within a time budget: small posts inline, large ones in a worker thread that is killed past the budget.
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { renderPost, type RenderOptions, type RenderResult } from '../core/render';
import { trimTrailing } from '../core/text';

/** Past this, a worker render is abandoned (the worker terminated) and the last good render stays. */
export const RENDER_BUDGET_MS = 2000;
/** Posts shorter than this render inline: a few milliseconds for real news bodies, no thread hop. */
export const INLINE_LIMIT = 64 * 1024;

/** Render options that can cross a thread (no callbacks): images resolve against `imageBase`. */
export type PortableOptions = Omit<RenderOptions, 'resolveImage' | 'findStockBlocks'>;
export interface WorkerRequest { id: number; text: string; options: PortableOptions; imageBase?: string }
export type WorkerResponse = { id: number; ok: true; result: RenderResult } | { id: number; ok: false; error: string };

/** Thrown when a render runs past the budget. */
export class RenderBudgetError extends Error {
  constructor(readonly ms: number) { super(`rendering took longer than ${ms} ms`); }
}

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

/** Renders inline or in `workerFile` (when it exists), enforcing the budget on worker renders. */
export class BudgetedRenderer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: RenderResult) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly workerFile: string | undefined, private readonly budgetMs = RENDER_BUDGET_MS, private readonly inlineLimit = INLINE_LIMIT) {}

  /** Renders `text`; rejects with RenderBudgetError when a worker render exceeds the budget. */
  render(text: string, options: PortableOptions, imageBase: string | undefined): Promise<RenderResult> {
    const resolveImage = imageBase ? (p: string) => imageUrl(imageBase, p) : undefined;
    if (text.length < this.inlineLimit || !this.workerFile || !fs.existsSync(this.workerFile)) {
      try { return Promise.resolve(renderPost(text, { ...options, resolveImage })); } catch (e) { return Promise.reject(e as Error); }
    }
    const worker = this.ensureWorker(this.workerFile);
    const id = this.nextId++;
    return new Promise<RenderResult>((resolve, reject) => {
      // A stuck render cannot be interrupted: the worker goes, with every render queued behind it.
      const timer = setTimeout(() => this.kill(new RenderBudgetError(this.budgetMs)), this.budgetMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, text, options, imageBase } satisfies WorkerRequest);
    });
  }

  private ensureWorker(file: string): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(file);
    w.unref();
    w.on('message', (m: WorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
    });
    w.on('error', (e) => this.kill(e));
    w.on('exit', () => { if (this.worker === w) this.kill(new Error('the render worker exited')); });
    this.worker = w;
    return w;
  }

  private kill(reason: Error): void {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) { clearTimeout(p.timer); p.reject(reason); }
    this.pending.clear();
    void w?.terminate();
  }

  dispose(): void { this.kill(new Error('disposed')); }
}
