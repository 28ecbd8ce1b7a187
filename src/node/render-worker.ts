// Worker-thread entry (bundled to dist/render-worker.js): renders large posts off the extension host's main thread.
import { parentPort } from 'node:worker_threads';
import { renderPost } from '../core/render';
import { imageUrl, type WorkerRequest, type WorkerResponse } from './render-budget';

parentPort?.on('message', (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    const base = req.imageBase;
    res = { id: req.id, ok: true, result: renderPost(req.text, { ...req.options, resolveImage: base ? (p) => imageUrl(base, p) : undefined }) };
  } catch (e) {
    res = { id: req.id, ok: false, error: (e as Error).message };
  }
  parentPort?.postMessage(res);
});
