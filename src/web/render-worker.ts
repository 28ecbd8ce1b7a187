// Web Worker entry (bundled to dist/web/render-worker.js): renders large posts off the web extension host's thread.
import { answer, type WorkerRequest } from '../preview/renderer';

const scope = globalThis as unknown as { onmessage: ((e: { data: WorkerRequest }) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (e) => scope.postMessage(answer(e.data));
