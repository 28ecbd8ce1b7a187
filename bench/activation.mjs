// T6: loads an extension bundle with a minimal fake `vscode` module, times require() and activate(), and lists lazy packages evaluated.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const [bundle, siteRoot, controlBundle] = process.argv.slice(2);
const load = createRequire(import.meta.url);

/** A callable, constructible stand-in for any vscode API object; properties are stubs too; never thenable. */
function stub() {
  const cache = new Map();
  const set = new Map();
  const proto = new Proxy({}, { get: (_t, k) => (typeof k === 'symbol' ? undefined : member(cache, k)) });
  const fn = function () { /* stub */ };
  fn.prototype = proto;
  return new Proxy(fn, {
    get(t, k) {
      if (k === 'then' || k === 'prototype') return k === 'then' ? undefined : t.prototype;
      if (k === Symbol.iterator) return function* () { /* empty */ };
      if (k === Symbol.toPrimitive) return (hint) => (hint === 'number' ? 0 : '');
      if (typeof k === 'symbol') return undefined;
      if (set.has(k)) return set.get(k);
      return member(cache, k);
    },
    set: (_t, k, v) => { set.set(k, v); return true; },
    defineProperty: (_t, k, d) => { set.set(k, d.value ?? d.get?.()); return true; },
    apply: () => stub(),
    construct: (_t, _args, newTarget) => Reflect.construct(function () { /* stub */ }, [], newTarget === fn ? fn : newTarget),
  });
}
function member(cache, k) { if (!cache.has(k)) cache.set(k, stub()); return cache.get(k); }

const disposable = () => ({ dispose() { /* nothing */ } });
const commands = [];
const event = () => disposable;
const uri = (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => `file://${p}`, with: () => uri(p) });
// Every top-level name of the real API (from @types/vscode), as plain own properties: esbuild's __toESM copies own keys.
const api = fs.readFileSync(load.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = new Set([...api.matchAll(/^\t?export (?:namespace|class|enum|const|function|let|interface) (\w+)/gm)].map((m) => m[1]));
const vscode = Object.fromEntries([...names].map((n) => [n, stub()]));
Object.assign(vscode, {
  Uri: Object.assign(stub(), { file: uri, joinPath: (u, ...ps) => uri(path.join(u.fsPath, ...ps)), parse: (s) => uri(s.replace(/^file:\/\//, '')) }),
  workspace: Object.assign(stub(), {
    workspaceFolders: [{ uri: uri(siteRoot), name: path.basename(siteRoot), index: 0 }],
    textDocuments: [], isTrusted: true,
    getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
    findFiles: async () => [],
    onDidChangeTextDocument: event(), onDidOpenTextDocument: event(), onDidCloseTextDocument: event(), onDidSaveTextDocument: event(),
    onWillSaveTextDocument: event(), onDidChangeConfiguration: event(), onDidGrantWorkspaceTrust: event(), onDidChangeWorkspaceFolders: event(),
  }),
  window: Object.assign(stub(), { visibleTextEditors: [], activeTextEditor: undefined, onDidChangeActiveTextEditor: event(), onDidChangeVisibleTextEditors: event(), onDidChangeTextEditorVisibleRanges: event() }),
  languages: Object.assign(stub(), { onDidChangeDiagnostics: event() }),
  env: Object.assign(stub(), { language: 'en' }),
  l10n: Object.assign(stub(), { t: (s) => (typeof s === 'string' ? s : s.message) }),
  // The ids activate() registers (test/unit/bench-probe.test.ts: the bench probe only when the bench asks for it).
  commands: Object.assign(stub(), { registerCommand: (id) => { commands.push(id); return disposable(); } }),
});

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
load.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

globalThis.__pdEvaluated = new Set();
const context = {
  subscriptions: [], extensionPath: path.resolve(bundle, '..', '..'), extensionUri: uri(path.resolve(bundle, '..', '..')),
  globalState: { get: (_k, d) => d, update: async () => {}, keys: () => [] }, workspaceState: { get: (_k, d) => d, update: async () => {}, keys: () => [] },
  asAbsolutePath: (p) => path.resolve(bundle, '..', '..', p), extensionMode: 1, logUri: uri('/tmp'), storageUri: uri('/tmp'), globalStorageUri: uri('/tmp'),
  secrets: stub(), environmentVariableCollection: stub(), extension: stub(),
};
let error;
const t0 = performance.now();
let ext;
try { ext = load(path.resolve(bundle)); } catch (e) { error = `load: ${e.message.split('\n')[0]}`; }
const t1 = performance.now();
try { ext?.activate(context); } catch (e) { error = `activate: ${e.message.split('\n')[0]}`; }
const t2 = performance.now();
const atActivate = [...globalThis.__pdEvaluated];
await new Promise((r) => setTimeout(r, 300));
const evaluatedAfter300ms = [...globalThis.__pdEvaluated];
// Positive control: the same markers must fire when a marked core bundle renders a post.
let control;
if (controlBundle) {
  globalThis.__pdEvaluated = new Set();
  load(path.resolve(controlBundle)).render.renderPost('---\ntitle: x\n---\nhi *there*');
  control = [...globalThis.__pdEvaluated];
}
const out = { loadMs: t1 - t0, activateMs: t2 - t1, error, evaluatedAtActivate: atActivate, evaluatedAfter300ms, control, subscriptions: context.subscriptions.length, commands, bytes: fs.statSync(bundle).size };
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
