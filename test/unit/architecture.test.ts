// The codebase's shape: no import cycle in src/, and one workspace model (no feature globs, watches or reads posts on its own).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { projectRoot } from './corpus';

/** The TypeScript compiler, loaded from the project (not bundled into the test). */
const ts = createRequire(path.join(projectRoot, 'package.json'))('typescript') as typeof import('typescript');

const srcDir = path.join(projectRoot, 'src');
const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);

/** Every relative import (values and types) of each source file, resolved to a file of `src/`. */
export function importGraph(sources: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const deps: string[] = [];
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), ref.fileName);
      const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => sources.has(f));
      if (hit) deps.push(hit);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** The first import cycle found by a depth-first search, as a list of files, or undefined. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    if (state.get(f) === 'done') return undefined;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) { const c = visit(d); if (c) return c; }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of [...graph.keys()].sort()) { const c = visit(f); if (c) return c; }
  return undefined;
}

const rel = (f: string) => path.relative(projectRoot, f).replace(/\\/g, '/');
const sources = new Map(files(srcDir).map((f) => [f, fs.readFileSync(f, 'utf8')]));

describe('architecture', () => {
  it('finds a cycle when there is one (the check itself can fail)', () => {
    const a = path.join(srcDir, 'a.ts'); const b = path.join(srcDir, 'b.ts'); const c = path.join(srcDir, 'c.ts');
    const g = importGraph(new Map([[a, "import { b } from './b';"], [b, "import type { C } from './c';"], [c, "export { a } from './a';"]]));
    assert.deepEqual(findCycle(g)?.map(rel), ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']);
    assert.equal(findCycle(importGraph(new Map([[a, "import { b } from './b';"], [b, 'export const b = 1;']]))), undefined);
  });

  it('src/ has no import cycle (type-only imports included)', () => {
    const cycle = findCycle(importGraph(sources));
    assert.equal(cycle, undefined, `import cycle: ${cycle?.map(rel).join(' → ')}`);
  });

  it('only the PostWorkspace globs, walks or watches posts (one workspace model)', () => {
    const allowed: Record<string, RegExp> = {
      // The one watcher; the sites and post folders are found by one walk (src/host/postDiscovery.ts), which only the
      // site service (the first walk and each `_layouts/`) and the workspace model (its listing of posts) call.
      'src/host/postWorkspace.ts': /createFileSystemWatcher|postDiscovery/,
      'src/host/site.ts': /postDiscovery/,
    };
    const offenders: string[] = [];
    for (const [file, text] of sources) {
      const r = rel(file);
      if (!/^src\/(features|host|preview)\/|^src\/(extension|services)\.ts$/.test(r)) continue;
      for (const m of text.matchAll(/\b(findFiles|createFileSystemWatcher|RelativePattern)\b|from '\.\.?\/(?:host\/)?(postDiscovery)'/g)) {
        const what = m[1] ?? m[2];
        if (!allowed[r]?.test(what)) offenders.push(`${r}: ${what}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('only src/host/diagnostic.ts turns problems into vscode.Diagnostics (severity map, rule doc link)', () => {
    const offenders = [...sources].filter(([file, text]) => rel(file) !== 'src/host/diagnostic.ts'
      && /new vscode\.Diagnostic\(|DiagnosticSeverity\.(Warning|Information|Hint)\b|ruleDocUrl/.test(text) && /^src\/(features|host|preview)\//.test(rel(file))).map(([f]) => rel(f));
    assert.deepEqual(offenders, []);
  });

  it('editor code reads files through workspace.fs, not Node fs (the web build needs it)', () => {
    const offenders = [...sources].filter(([file, text]) => /^src\/(features|host)\//.test(rel(file)) && /from '(node:)?fs(\/promises)?'|require\('(node:)?fs'\)|from '\.\.\/node\//.test(text)).map(([f]) => rel(f));
    assert.deepEqual(offenders, []);
  });
});
