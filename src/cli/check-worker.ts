// Worker thread of `postdesk check`: validates batches of the file list it shares with the main thread, posting each batch's results.
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatches } from './check';

const { files, counter, batch, cwd } = workerData as { files: string[]; counter: Int32Array; batch: number; cwd: string };
checkBatches(files, counter, batch, cwd, (index, out) => parentPort!.postMessage({ index, out }));
