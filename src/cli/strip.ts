// `postdesk strip [PATH...] [--write]`: lists stock-image blocks, or removes them (twin of "Strip Stock-Image Blocks").
import path from 'node:path';
import { applyEdits } from '../core/edits';
import { stripStockBlocks, type StockBlock } from '../core/stock';
import { expandPaths, isPostFile, readText, siteRootOf } from '../node/files';
import { PathProblem, pathProblem, writeInside } from '../node/safe-fs';
import { escapeControls as esc } from './terminal';
import { EXIT, parseArgs, type CliCommand } from './types';

const plural = (n: number) => `${n} block${n === 1 ? '' : 's'}`;

/** Blocks grouped by the line they start on, in order. */
function byLine(blocks: readonly StockBlock[]): [number, number][] {
  const rows = new Map<number, number>();
  for (const b of blocks) rows.set(b.line, (rows.get(b.line) ?? 0) + 1);
  return [...rows];
}

export const strip: CliCommand = {
  name: 'strip',
  summary: 'list stock-image blocks (exit 1 when found); --write removes them',
  usage: 'postdesk strip [PATH...] [--write]',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { write: 'bool' });
    if (error) { ctx.stderr(`${esc(error)}\nusage: ${this.usage}\n`); return EXIT.usage; }
    const write = flags.write === true;
    let files: string[];
    const skipped: PathProblem[] = [];
    try {
      files = expandPaths((positional.length ? positional : ['.']).map((p) => path.resolve(ctx.cwd, p)), isPostFile, skipped);
    } catch (e) {
      ctx.stderr(`postdesk strip: ${esc((e as Error).message)}\n`);
      return EXIT.usage;
    }
    const shownOf = (file: string) => {
      const rel = path.relative(ctx.cwd, file);
      return esc(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file);
    };
    let found = 0;
    // A file or folder not read or not written is a problem on it (exit 1), never a stop.
    let failed = skipped.length > 0;
    for (const p of skipped) ctx.stderr(`${shownOf(p.file)}: ${esc(p.message)}\n`);
    for (const file of files) {
      const shown = shownOf(file);
      let text: string;
      let invalid: boolean;
      try { ({ text, invalid } = readText(file)); } catch (e) {
        ctx.stderr(`${shown}: ${esc(pathProblem(file, e).message)}\n`);
        failed = true;
        continue;
      }
      const res = stripStockBlocks(text, undefined, { markdown: !/\.html?$/i.test(file) });
      for (const m of res.unterminated) {
        const what = m.reason === 'nested' ? `nested stock-image ${m.kind} marker (ambiguous pairing)` : `unterminated stock-image ${m.kind} marker`;
        ctx.stderr(`${shown}:${m.line}: ${what}, left alone\n`);
        failed = true;
      }
      if (res.count === 0) continue;
      found += res.count;
      const blocks = byLine(res.blocks);
      if (write && invalid) {
        ctx.stderr(`${shown}: not valid UTF-8, not rewritten\n`);
        failed = true;
        continue;
      }
      for (const [line, n] of blocks) ctx.stdout(`${shown}:${line}: ${write ? 'removed ' : ''}${plural(n)}\n`);
      if (write) {
        try { writeInside(file, applyEdits(text, res.edits), siteRootOf(file)); } catch (e) {
          ctx.stderr(`${shown}: not rewritten: ${esc((e as Error).message)}\n`);
          failed = true;
        }
      }
    }
    if (failed) return EXIT.findings;
    return !write && found > 0 ? EXIT.findings : EXIT.ok;
  },
};
