// The render worker (bundled to dist/render-worker.js): renders large posts off the extension host's thread; a Web Worker
// on the web, a worker thread on Node (src/node/render-budget.ts bridges its globals), the same bundle for both.
import { answer, type WorkerRequest } from '../preview/renderer';

const scope = globalThis as unknown as { onmessage: ((e: { data: WorkerRequest }) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (e) => scope.postMessage(answer(e.data));
