// `postdesk check [PATH...] [--format text|json|sarif] [--fix]`: validates posts, reports problems, applies preferred fixes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../core/site';
import type { Problem, Severity } from '../core/types';
import { fixPost, isValidated, RULES, ruleDocUrl, validatePost, validateSiteConfig, type LayoutLookup } from '../core/validate';
import { expandPaths, isPostFile, readText, siteFinder } from '../node/files';
import { spareCores } from '../node/cores';
import { readSiteLayouts } from '../node/layouts';
import { withConflicts } from './conflicts';
import { EXIT, parseArgs, type CliCommand, type CliContext } from './types';

/** One reported problem with 1-based positions, as `--format json` prints it. */
export interface CheckResult { file: string; line: number; column: number; endLine: number; endColumn: number; severity: Severity; rule: string; message: string }

interface SiteEntry { site: SiteConfig; layouts: LayoutLookup }

/** Positions of problems in `text` for the output formats (lines are counted only as far as the last problem). */
function toResults(file: string, text: string, problems: Problem[]): CheckResult[] {
  if (!problems.length) return [];
  let last = 0;
  for (const p of problems) last = Math.max(last, p.start, p.end);
  // Line starts as LineIndex counts them (LF, CRLF, lone CR), up to the furthest offset asked for.
  const starts = [0];
  for (let i = 0, n = Math.min(last, text.length); i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
  return problems.map((p) => {
    const s = at(p.start);
    const e = at(p.end);
    return { file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: p.severity, rule: p.rule, message: p.message };
  });
}

/** `path.relative(cwd, file) || file`, without path.relative's work for the usual file below `cwd`. */
function shownFrom(cwd: string): (file: string) => string {
  const base = path.resolve(cwd);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  return (f) => f.length > prefix.length && f.startsWith(prefix) && !f.endsWith(path.sep) && path.isAbsolute(f) && path.normalize(f) === f
    ? f.slice(prefix.length) : path.relative(cwd, f) || f;
}

/** SARIF 2.1.0 log of the results. */
export function toSarif(results: CheckResult[], version = '0.0.0'): object {
  const level = (s: Severity) => s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Post Desk', informationUri: 'https://github.com/postdesk/postdesk', version, rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.docs }, helpUri: ruleDocUrl(r.id), defaultConfiguration: { level: level(r.severity) } })) } },
      results: results.map((r) => ({
        ruleId: r.rule, ruleIndex: RULES.findIndex((x) => x.id === r.rule), level: level(r.severity), message: { text: r.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.file.split(path.sep).map(encodeURIComponent).join('/') }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } } }],
      })),
      columnKind: 'utf16CodeUnits',
    }],
  };
}

export const check: CliCommand = {
  name: 'check',
  summary: 'validate posts (front matter, dates, file names, taxonomy); --fix applies safe fixes',
  usage: 'postdesk check [PATH...] [--format text|json|sarif] [--fix]',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { format: 'string', fix: 'bool' });
    const format = (flags.format ?? 'text') as string;
    if (error || !['text', 'json', 'sarif'].includes(format)) { ctx.stderr(`${error ?? `unknown format '${format}'`}\nusage: ${this.usage}\n`); return EXIT.usage; }
    let files: string[];
    try {
      files = expandPaths((positional.length ? positional : ['.']).map((p) => path.resolve(ctx.cwd, p)), isPostFile);
    } catch (e) { ctx.stderr(`postdesk check: ${(e as Error).message}\n`); return EXIT.usage; }
    const fix = !!flags.fix;
    const shown = shownFrom(ctx.cwd);
    const jobs = fix ? 0 : workerCount(files.length);
    const done = (r: { results: CheckResult[]; fixed: number; ioError: boolean }) => {
      // permalink-conflict needs every post of the site, so it runs once after the per-file rules.
      try { r.results = withConflicts(r.results, files, shown, toResults); } catch (e) { ctx.stderr(`postdesk check: permalink-conflict: ${(e as Error).message}\n`); }
      write(ctx, format, r.results, r.fixed, fix);
      if (r.ioError) return EXIT.usage;
      return r.results.some((x) => x.severity === 'error') ? EXIT.findings : EXIT.ok;
    };
    if (jobs > 0) return checkParallel(files, ctx, shown, jobs).then(done);
    return done(checkSequential(files, fix, ctx, shown));
  },
};

/** When to spread files over worker threads, how many, and where the worker script is (tests change them). */
export const checkSettings = {
  /** Fewer files than this are checked on the main thread alone. */
  parallelMin: 1000,
  /** Worker threads besides the main thread; undefined: `spareCores()` (idle cores beyond two). */
  workers: undefined as number | undefined,
  /** Files per batch handed out to the threads. */
  batch: 128,
  /** The bundled worker script; undefined: `check-worker.js` next to this bundle. */
  workerFile: undefined as string | undefined,
};

function workerCount(files: number): number {
  if (files < checkSettings.parallelMin) return 0;
  const n = checkSettings.workers ?? spareCores();
  return n > 0 && fs.existsSync(workerFile()) ? Math.min(n, Math.ceil(files / checkSettings.batch) - 1) : 0;
}

function workerFile(): string {
  return checkSettings.workerFile ?? path.join(__dirname, 'check-worker.js');
}

/** Checks the files one by one on this thread (always with `--fix`, which writes and renames). */
function checkSequential(files: string[], fix: boolean, ctx: CliContext, shown: (f: string) => string): { results: CheckResult[]; fixed: number; ioError: boolean } {
  const findSite = siteFinder();
  const sites = new Map<string, SiteEntry>();
  const results: CheckResult[] = [];
  let ioError = false;
  let fixed = 0;
  for (const file of files) {
    try {
      const entry = siteEntry(sites, findSite(file), results, shown);
      if (!isValidated(entry.site, file)) continue;
      results.push(...checkFile(file, entry, fix, ctx, shown, (n) => { fixed += n; }));
    } catch (e) {
      ioError = true;
      ctx.stderr(`${shown(file)}: ${(e as Error).message}\n`);
    }
  }
  return { results, fixed, ioError };
}

/** What one file gave: its results, or the message of the I/O error that stopped it. */
export type FileOutcome = CheckResult[] | { error: string };

/**
 * Validates `files` batch by batch: each thread takes the next batch number from the shared counter until none is
 * left, so a busy core takes fewer. `sites` holds each site's entry, found once per folder.
 */
export function checkBatches(files: string[], counter: Int32Array, batch: number, cwd: string, onBatch: (index: number, out: FileOutcome[]) => void): void {
  const shown = shownFrom(cwd);
  const findSite = siteFinder();
  const sites = new Map<string, SiteEntry>();
  for (let b = Atomics.add(counter, 0, 1); b * batch < files.length; b = Atomics.add(counter, 0, 1)) {
    const out: FileOutcome[] = [];
    for (const file of files.slice(b * batch, (b + 1) * batch)) {
      try {
        const site = findSite(file);
        let entry = sites.get(site.root);
        if (!entry) { entry = { site, layouts: readSiteLayouts(site).layouts }; sites.set(site.root, entry); }
        out.push(validateFile(file, entry, shown));
      } catch (e) { out.push({ error: (e as Error).message }); }
    }
    onBatch(b, out);
  }
}

/**
 * Checks the files on this thread and `jobs` workers. The site of each file (and its `_config.yml` problems) is
 * found here first, in file order, so the output is the same as `checkSequential`'s.
 */
async function checkParallel(files: string[], ctx: CliContext, shown: (f: string) => string, jobs: number): Promise<{ results: CheckResult[]; fixed: number; ioError: boolean }> {
  const findSite = siteFinder();
  const sites = new Map<string, SiteEntry>();
  const before: CheckResult[][] = [];
  const errors: (string | undefined)[] = [];
  const slot: number[] = []; // index in `todo` of each file, or -1 when it is not validated
  const todo: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const pre: CheckResult[] = [];
    before.push(pre);
    slot.push(-1);
    try {
      const entry = siteEntry(sites, findSite(files[i]), pre, shown);
      if (isValidated(entry.site, files[i])) { slot[i] = todo.length; todo.push(files[i]); }
    } catch (e) { errors[i] = (e as Error).message; }
  }
  const batch = checkSettings.batch;
  const batches = Math.ceil(todo.length / batch);
  const got: (FileOutcome[] | undefined)[] = new Array(batches);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: jobs }, () => new Promise<void>((resolve) => {
    let w: Worker;
    try {
      w = new Worker(workerFile(), { workerData: { files: todo, counter, batch, cwd: ctx.cwd } });
    } catch { resolve(); return; }
    w.on('message', (m: { index: number; out: FileOutcome[] }) => { got[m.index] = m.out; });
    // A worker that fails leaves its batches unset; they are checked here below.
    w.on('error', () => undefined);
    w.on('exit', () => resolve());
  }));
  checkBatches(todo, counter, batch, ctx.cwd, (index, out) => { got[index] = out; });
  await Promise.all(workers);
  const mainSites = new Map<string, SiteEntry>();
  for (let b = 0; b < batches; b++) {
    if (got[b]) continue;
    got[b] = todo.slice(b * batch, (b + 1) * batch).map((file) => {
      try {
        const site = findSite(file);
        let entry = mainSites.get(site.root);
        if (!entry) { entry = { site, layouts: readSiteLayouts(site).layouts }; mainSites.set(site.root, entry); }
        return validateFile(file, entry, shown);
      } catch (e) { return { error: (e as Error).message }; }
    });
  }
  const results: CheckResult[] = [];
  let ioError = false;
  for (let i = 0; i < files.length; i++) {
    for (const r of before[i]) results.push(r);
    let error = errors[i];
    if (error === undefined && slot[i] >= 0) {
      const out = got[Math.floor(slot[i] / batch)]![slot[i] % batch];
      if (Array.isArray(out)) { for (const r of out) results.push(r); } else error = out.error;
    }
    if (error !== undefined) {
      ioError = true;
      ctx.stderr(`${shown(files[i])}: ${error}\n`);
    }
  }
  return { results, fixed: 0, ioError };
}

/** The entry of a file's site (made once per site; its `_config.yml` problems are reported then). */
function siteEntry(sites: Map<string, SiteEntry>, site: SiteConfig, results: CheckResult[], shown: (f: string) => string): SiteEntry {
  let entry = sites.get(site.root);
  if (!entry) {
    const { configText: text, layouts } = readSiteLayouts(site);
    entry = { site, layouts };
    sites.set(site.root, entry);
    if (text !== undefined) results.push(...toResults(shown(path.join(site.root, '_config.yml')), text, validateSiteConfig(site, text)));
  }
  return entry;
}

/** Validates one file without fixing it; I/O errors propagate. */
function validateFile(file: string, entry: SiteEntry, shown: (f: string) => string): CheckResult[] {
  const { text, invalid } = readText(file);
  return toResults(shown(file), text, validatePost(text, { site: entry.site, file, invalidUtf8: invalid, layouts: entry.layouts }));
}

/** Validates (and with `fix`, fixes) one file; I/O errors propagate to the caller, rule failures do not. */
function checkFile(file: string, entry: SiteEntry, fix: boolean, ctx: CliContext, shown: (f: string) => string, count: (n: number) => void): CheckResult[] {
  const { text, invalid } = readText(file);
  const opts = { site: entry.site, file, invalidUtf8: invalid, layouts: entry.layouts };
  if (fix && !invalid) {
    const r = fixPost(text, opts);
    let target = file;
    if (r.text !== text) fs.writeFileSync(file, r.text);
    if (r.rename) {
      if (fs.existsSync(r.rename.to)) ctx.stderr(`${shown(file)}: not renamed, ${shown(r.rename.to)} exists\n`);
      else { fs.renameSync(file, r.rename.to); target = r.rename.to; }
    }
    count(r.applied - (r.rename && target === file ? 1 : 0));
    return toResults(shown(target), r.text, validatePost(r.text, { ...opts, file: target }));
  }
  return toResults(shown(file), text, validatePost(text, opts));
}

function write(ctx: CliContext, format: string, results: CheckResult[], fixed: number, fix: boolean): void {
  if (format === 'json') { ctx.stdout(`${JSON.stringify(results, null, 2)}\n`); return; }
  if (format === 'sarif') { ctx.stdout(`${JSON.stringify(toSarif(results), null, 2)}\n`); return; }
  for (const r of results) ctx.stdout(`${r.file}:${r.line}:${r.column}: ${r.severity} ${r.rule}: ${r.message}\n`);
  const n = (s: Severity) => results.filter((r) => r.severity === s).length;
  const files = new Set(results.map((r) => r.file)).size;
  ctx.stdout(`${results.length ? `${results.length} problems (${n('error')} errors, ${n('warning')} warnings, ${n('info') + n('hint')} info) in ${files} files` : 'No problems'}${fix ? `; ${fixed} fixed` : ''}\n`);
}
