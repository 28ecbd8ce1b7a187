// Worker-thread entry (bundled to dist/render-worker.js): renders large posts off the extension host's main thread.
import { parentPort } from 'node:worker_threads';
import { answer, type WorkerRequest } from '../preview/renderer';

parentPort?.on('message', (req: WorkerRequest) => parentPort?.postMessage(answer(req)));
