// `postdesk check [PATH...] [--format text|json|sarif] [--fix]`: validates posts, reports problems, applies preferred fixes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../core/edits';
import type { SiteConfig } from '../core/site';
import type { Problem, Severity } from '../core/types';
import { fixPost, isValidated, layoutLookup, RULES, ruleDocUrl, validatePost, validateSiteConfig } from '../core/validate';
import { expandPaths, isPostFile, loadSiteFor, readText } from '../node/files';
import { EXIT, parseArgs, type CliCommand, type CliContext } from './types';

/** One reported problem with 1-based positions, as `--format json` prints it. */
export interface CheckResult { file: string; line: number; column: number; endLine: number; endColumn: number; severity: Severity; rule: string; message: string }

interface SiteEntry { site: SiteConfig; layouts: ReturnType<typeof layoutLookup> }

/** Positions of problems in `text` for the output formats. */
function toResults(file: string, text: string, problems: Problem[]): CheckResult[] {
  const lines = new LineIndex(text);
  return problems.map((p) => {
    const s = lines.positionAt(p.start);
    const e = lines.positionAt(p.end);
    return { file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: p.severity, rule: p.rule, message: p.message };
  });
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
    const sites = new Map<string, SiteEntry>();
    const results: CheckResult[] = [];
    let ioError = false;
    let fixed = 0;
    const shown = (f: string) => path.relative(ctx.cwd, f) || f;
    for (const file of files) {
      try {
        const entry = siteEntry(sites, file, results, shown);
        if (!isValidated(entry.site, file)) continue;
        results.push(...checkFile(file, entry, !!flags.fix, ctx, shown, (n) => { fixed += n; }));
      } catch (e) {
        ioError = true;
        ctx.stderr(`${shown(file)}: ${(e as Error).message}\n`);
      }
    }
    write(ctx, format, results, fixed, !!flags.fix);
    if (ioError) return EXIT.usage;
    return results.some((r) => r.severity === 'error') ? EXIT.findings : EXIT.ok;
  },
};

/** The site of a file (loaded once per site; its `_config.yml` problems are reported then). */
function siteEntry(sites: Map<string, SiteEntry>, file: string, results: CheckResult[], shown: (f: string) => string): SiteEntry {
  const site = loadSiteFor(file);
  let entry = sites.get(site.root);
  if (!entry) {
    const cfg = path.join(site.root, '_config.yml');
    const text = fs.existsSync(cfg) ? readText(cfg).text : undefined;
    entry = { site, layouts: layoutLookup(site, (p) => fs.existsSync(p), text) };
    sites.set(site.root, entry);
    if (text !== undefined) results.push(...toResults(shown(cfg), text, validateSiteConfig(site, text)));
  }
  return entry;
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
