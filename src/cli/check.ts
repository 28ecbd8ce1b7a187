// `postdesk check [PATH...] [--format text|json|sarif] [--fix]`: validates posts, reports problems, applies preferred fixes.
import path from 'node:path';
import { parsePost } from '../core/parse';
import type { SiteConfig } from '../core/site';
import type { Problem, Severity } from '../core/types';
import { fixPost, isValidated, RULES, ruleDocUrl, validatePost, validateSiteConfig, type LayoutLookup } from '../core/validate';
import { excludedFromSite, expandPaths, isPostFile, readText, siteFinder } from '../node/files';
import { readSiteLayouts } from '../node/layouts';
import { checkWritable, lexists, PathProblem, pathProblem, renameInside, writeInside } from '../node/safe-fs';
import { escapeControls as esc, jsonText } from './terminal';
import { KnownDestinations, withConflicts } from './conflicts';
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
    const skipped: PathProblem[] = [];
    const regular = new Set<string>();
    try {
      files = expandPaths((positional.length ? positional : ['.']).map((p) => path.resolve(ctx.cwd, p)), isPostFile, skipped, regular);
    } catch (e) { ctx.stderr(`postdesk check: ${esc((e as Error).message)}\n`); return EXIT.usage; }
    const fix = !!flags.fix;
    const shown = shownFrom(ctx.cwd);
    // One site per folder for the whole run. A file named on the command line that its site excludes is not checked,
    // as in the editor: Jekyll never reads it.
    const findSite = siteFinder();
    const named = new Set(positional.map((p) => path.resolve(ctx.cwd, p)));
    files = files.filter((f) => {
      if (!named.has(f) || !excludedFromSite(f, findSite)) return true;
      ctx.stderr(`postdesk check: ${esc(shown(f))}: not checked: its site's _config.yml (exclude:, or Jekyll's default excludes) leaves it out, so Jekyll never reads it\n`);
      return false;
    });
    // The posts read here need not be read again for permalink-conflict (not with --fix: a fix changes them).
    const known = new KnownDestinations(Date.now());
    const r = checkSequential(files, skipped, fix ? undefined : known, fix, ctx, shown, regular, findSite);
    // permalink-conflict needs every post of the site, so it runs once after the per-file rules.
    try { r.results = withConflicts(r.results, files, shown, toResults, known); } catch (e) { ctx.stderr(`postdesk check: permalink-conflict: ${esc((e as Error).message)}\n`); }
    write(ctx, format, r.results, r.fixed, fix);
    return r.failed || r.results.some((x) => x.severity === 'error') ? EXIT.findings : EXIT.ok;
  },
};

/** A problem on a path Post Desk did not read (rule `file-unreadable`), at its first character. */
function unreadable(file: string, p: PathProblem, site: SiteConfig | undefined): CheckResult[] {
  const level = site?.postdesk.rules['file-unreadable'];
  if (level === 'off') return [];
  const severity = (level ?? p.severity) as Severity;
  return [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity, rule: 'file-unreadable', message: p.message }];
}

/** Checks the files one by one (with `fix`, writes and renames); a file that is not read is a problem on it, not a stop. */
function checkSequential(files: string[], skipped: PathProblem[], known: KnownDestinations | undefined, fix: boolean, ctx: CliContext, shown: (f: string) => string, regular: Set<string>, findSite: (file: string) => SiteConfig): { results: CheckResult[]; fixed: number; failed: boolean } {
  const sites = new Map<string, SiteEntry>();
  const results: CheckResult[] = [];
  let failed = false;
  let fixed = 0;
  // Folders the walk did not enter come in file order, before the first file after them.
  const pending = skipped.slice().sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  let next = 0;
  const flush = (upTo: string | undefined) => {
    for (; next < pending.length && (upTo === undefined || pending[next].file < upTo); next++) {
      results.push(...unreadable(shown(pending[next].file), pending[next], undefined));
    }
  };
  for (const file of files) {
    flush(file);
    let entry: SiteEntry | undefined;
    try {
      entry = siteEntry(sites, findSite(file), results, shown);
      if (!isValidated(entry.site, file)) continue;
      results.push(...checkFile(file, regular.has(file), entry, known, fix, ctx, shown, (n) => { fixed += n; }, () => { failed = true; }));
    } catch (e) {
      results.push(...unreadable(shown(file), pathProblem(file, e), entry?.site));
    }
  }
  flush(undefined);
  return { results, fixed, failed };
}

/** The entry of a file's site (made once per site; its `_config.yml` problems are reported then). */
function siteEntry(sites: Map<string, SiteEntry>, site: SiteConfig, results: CheckResult[], shown: (f: string) => string): SiteEntry {
  let entry = sites.get(site.root);
  if (!entry) {
    const { configText: text, layouts } = readSiteLayouts(site);
    entry = { site, layouts };
    sites.set(site.root, entry);
    const problems = validateSiteConfig(site, text);
    if (problems.length) results.push(...toResults(shown(path.join(site.root, '_config.yml')), text ?? '', problems));
  }
  return entry;
}

/**
 * Validates (and with `fix`, fixes) one file (`listed`: walked as a regular file, see `openBounded`). Reading errors propagate (the caller reports them on the file); a
 * fix that cannot be written (a symlink, a folder out of the site…) is reported on stderr and calls `fail`.
 */
function checkFile(file: string, listed: boolean, entry: SiteEntry, known: KnownDestinations | undefined, fix: boolean, ctx: CliContext, shown: (f: string) => string, count: (n: number) => void, fail: () => void): CheckResult[] {
  const root = entry.site.root;
  const { text, invalid } = readText(file, root, listed);
  // One parse of the post for its rules and its URL (with --fix the fixed text is validated again).
  const parsed = fix ? undefined : parsePost(text);
  if (known && !invalid) known.add(entry.site, file, text, parsed);
  const opts = { site: entry.site, file, invalidUtf8: invalid, layouts: entry.layouts, parsed };
  if (fix && !invalid) {
    const r = fixPost(text, opts);
    if (r.applied === 0) return toResults(shown(file), text, validatePost(text, opts));
    let target = file;
    try {
      if (r.text !== text) writeInside(file, r.text, root);
      else checkWritable(file, root);
    } catch (e) {
      ctx.stderr(`${esc(shown(file))}: not fixed: ${esc((e as Error).message)}\n`);
      fail();
      return toResults(shown(file), text, validatePost(text, opts));
    }
    if (r.rename) {
      if (lexists(r.rename.to)) ctx.stderr(`${esc(shown(file))}: not renamed, ${esc(shown(r.rename.to))} exists\n`);
      else {
        try { renameInside(file, r.rename.to, root); target = r.rename.to; } catch (e) {
          ctx.stderr(`${esc(shown(file))}: not renamed: ${esc((e as Error).message)}\n`);
          fail();
        }
      }
    }
    count(r.applied - (r.rename && target === file ? 1 : 0));
    return toResults(shown(target), r.text, validatePost(r.text, { ...opts, file: target }));
  }
  return toResults(shown(file), text, validatePost(text, opts));
}

function write(ctx: CliContext, format: string, results: CheckResult[], fixed: number, fix: boolean): void {
  if (format === 'json') { ctx.stdout(`${jsonText(results)}\n`); return; }
  if (format === 'sarif') { ctx.stdout(`${jsonText(toSarif(results))}\n`); return; }
  for (const r of results) ctx.stdout(`${esc(r.file)}:${r.line}:${r.column}: ${r.severity} ${r.rule}: ${esc(r.message)}\n`);
  const n = (s: Severity) => results.filter((r) => r.severity === s).length;
  const files = new Set(results.map((r) => r.file)).size;
  ctx.stdout(`${results.length ? `${results.length} problems (${n('error')} errors, ${n('warning')} warnings, ${n('info') + n('hint')} info) in ${files} files` : 'No problems'}${fix ? `; ${fixed} fixed` : ''}\n`);
}
