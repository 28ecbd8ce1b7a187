// Web Workers for the renderer in the web extension host, where the host allows them (vscode.dev); none otherwise.
import * as vscode from 'vscode';
import type { RenderPort, SpawnWorker, WorkerResponse } from '../preview/renderer';

/** The part of the Web Worker API used here (the extension's tsconfig has no DOM library). */
interface WebWorker {
  postMessage(m: unknown): void; terminate(): void;
  onmessage: ((e: { data: WorkerResponse }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}
interface WorkerGlobals {
  Worker?: new (url: string) => WebWorker;
  Blob?: new (parts: unknown[], o: { type: string }) => unknown;
  URL: { createObjectURL?(b: unknown): string };
  fetch?(url: string): Promise<{ ok: boolean; text(): Promise<string> }>;
}

/** The worker bundle's text: through workspace.fs, or fetched when the extension is served over http(s). */
async function loadScript(uri: vscode.Uri, g: WorkerGlobals): Promise<string> {
  if ((uri.scheme === 'http' || uri.scheme === 'https') && g.fetch) {
    const res = await g.fetch(uri.toString(true));
    if (!res.ok) throw new Error(`cannot fetch ${uri.toString(true)}`);
    return res.text();
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * A spawner of render workers from `dist/render-worker.js` (as a Blob URL: an extension's files are on another
 * origin). Until the script is loaded, and for good once a worker failed to start, it gives none: the renderer then
 * stays on the main thread with its cut-off.
 */
export function webRenderWorker(context: vscode.ExtensionContext): SpawnWorker | undefined {
  const g = globalThis as unknown as WorkerGlobals;
  if (!g.Worker || !g.Blob || !g.URL.createObjectURL) return undefined;
  let url: string | undefined;
  let broken = false;
  loadScript(vscode.Uri.joinPath(context.extensionUri, 'dist', 'render-worker.js'), g)
    .then((text) => { url = g.URL.createObjectURL!(new g.Blob!([text], { type: 'text/javascript' })); })
    .catch(() => { broken = true; });
  return (): RenderPort | undefined => {
    if (!url || broken) return undefined;
    const w = new g.Worker!(url);
    let answered = false;
    return {
      post: (req) => w.postMessage(req),
      listen: (onResponse, onFail) => {
        w.onmessage = (e) => { answered = true; onResponse(e.data); };
        // A worker refused by the host (CSP, remote extensions on VS Code Server) fails before any answer.
        w.onerror = (e) => { if (!answered) broken = true; onFail(new Error(e.message ?? 'the render worker failed')); };
      },
      terminate: () => w.terminate(),
    };
  };
}
