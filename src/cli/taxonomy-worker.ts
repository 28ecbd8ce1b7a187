// Worker thread of `postdesk taxonomy`: counts batches of the file list it shares with the main thread, posting each batch's counts.
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../core/site';
import { loadSite } from '../node/files';
import { taxonomyBatches } from './taxonomy';

const { site, root, files, now, counter, batch } = workerData as { site?: SiteConfig; root: string; files: string; now: number; counter: Int32Array; batch: number };
taxonomyBatches(site ?? loadSite(root), files.split('\0'), now, counter, batch, (index, out) => parentPort!.postMessage({ index, out }));
parentPort!.postMessage('done');
