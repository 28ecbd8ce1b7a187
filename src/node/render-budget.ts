// The Node host's render worker: a worker_threads Worker behind the platform-free BudgetedRenderer (src/preview/renderer.ts).
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { BudgetedRenderer as Renderer, type RenderPort, type WorkerResponse } from '../preview/renderer';

export { imageUrl, RenderBudgetError, RENDER_BUDGET_MS, INLINE_LIMIT, type PortableOptions, type WorkerRequest, type WorkerResponse } from '../preview/renderer';

// The render worker is one browser-platform bundle for every host (a Web Worker's `onmessage`/`postMessage`); in a
// worker thread those globals are bridged to the thread's port, so the VSIX carries one worker, not two.
const BRIDGE = `const { parentPort, workerData } = require('node:worker_threads');
globalThis.postMessage = (m) => parentPort.postMessage(m);
parentPort.on('message', (data) => { if (globalThis.onmessage) globalThis.onmessage({ data }); });
require(workerData);`;

/** A worker thread running `file` (dist/render-worker.js), or undefined when the bundle is missing. */
export function nodeRenderWorker(file: string | undefined): RenderPort | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  const w = new Worker(BRIDGE, { eval: true, workerData: file });
  w.unref();
  return {
    post: (req) => w.postMessage(req),
    listen: (onResponse, onFail) => {
      w.on('message', (m: WorkerResponse) => onResponse(m));
      w.on('error', onFail);
      w.on('exit', () => onFail(new Error('the render worker exited')));
    },
    terminate: () => { void w.terminate(); },
  };
}

/** The budgeted renderer with Node's worker thread running `workerFile` (inline when it is missing). */
export class BudgetedRenderer extends Renderer {
  constructor(workerFile: string | undefined, budgetMs?: number, inlineLimit?: number) {
    super(() => nodeRenderWorker(workerFile), { budgetMs, inlineLimit });
  }
}
