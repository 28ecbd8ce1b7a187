// Test build only: the preview page's script served through a file system whose reads a test holds or fails, so a test
// can have a real page in real VS Code whose script is still loading (or never runs) while the host posts to it.
import * as vscode from 'vscode';

/** `hold`: script reads wait until the mode changes; `fail-once`: the next read fails (that page never starts). */
export type ScriptHoldMode = 'off' | 'hold' | 'fail-once';

export const SCRIPT_HOLD_SCHEME = 'postdesk-test-script';

/** A read-only file system over the extension's `dist/` (`postdesk-test-script:/preview.js`), reads gated by `mode`. */
export class ScriptHold implements vscode.FileSystemProvider {
  private mode: ScriptHoldMode = 'off';
  private waiting: (() => void)[] = [];
  /** Script reads asked for since the extension started (a test waits for one: the page was written and is loading). */
  requests = 0;
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly dist: vscode.Uri) {}

  /** The folder a page loads its script from: this file system while a mode is set, else `dist/` itself. */
  get root(): vscode.Uri { return this.mode === 'off' ? this.dist : vscode.Uri.from({ scheme: SCRIPT_HOLD_SCHEME, path: '/' }); }

  setMode(mode: ScriptHoldMode): void {
    this.mode = mode;
    if (mode !== 'hold') for (const go of this.waiting.splice(0)) go();
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    this.requests++;
    if (this.mode === 'fail-once') { this.mode = 'off'; throw vscode.FileSystemError.FileNotFound(uri); }
    if (this.mode === 'hold') await new Promise<void>((go) => { this.waiting.push(go); });
    return vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dist, uri.path));
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const st = await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.dist, uri.path));
    // A fresh mtime each time: the webview's resource cache must not answer for the gated read.
    return { ...st, mtime: Date.now() + this.requests };
  }

  watch(): vscode.Disposable { return new vscode.Disposable(() => {}); }
  readDirectory(): [string, vscode.FileType][] { return []; }
  createDirectory(): void { throw vscode.FileSystemError.NoPermissions(); }
  writeFile(): void { throw vscode.FileSystemError.NoPermissions(); }
  delete(): void { throw vscode.FileSystemError.NoPermissions(); }
  rename(): void { throw vscode.FileSystemError.NoPermissions(); }
}
