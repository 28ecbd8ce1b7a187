// `postdesk render FILE... [--out DIR]`: the article HTML the preview shows (header + sanitized body).
import fs from 'node:fs';
import path from 'node:path';
import { articleHtml, type StockMode } from '../core/render';
import { loadSiteFor, readText, siteRootOf } from '../node/files';
import { pathProblem, writeInside } from '../node/safe-fs';
import { escapeControls, escapeControls as esc } from './terminal';
import { BudgetedRenderer, RenderBudgetError } from '../node/render-budget';
import { renderPublishedFile } from '../node/site-files';
import { EXIT, parseArgs, type CliCommand, type CliContext } from './types';

const STOCK = ['mark', 'show', 'hide'];
const REMOTE = ['allow', 'block'];

/** Past this a render is cut off (large posts render in a worker thread that is then stopped). */
export const CLI_RENDER_BUDGET_MS = 3000;

/** Renders one file within the budget; the header is drawn for files in a site or with front matter. */
export async function renderFile(file: string, stockImages: StockMode, remoteImages: 'allow' | 'block', renderer: BudgetedRenderer): Promise<string> {
  const site = loadSiteFor(file);
  const { text } = readText(file, siteRootOf(file));
  const inSite = fs.existsSync(path.join(site.root, '_config.yml'));
  const header = inSite || /^\uFEFF?---/.test(text);
  return articleHtml(await renderer.render(text, { site, path: file, header, stockImages, remoteImages }, undefined));
}

/** `--published`: the page as the site publishes it; what could not be rendered goes to stderr (the page is still written). */
function publishedFile(file: string, shown: string, stockImages: StockMode, remoteImages: 'allow' | 'block', ctx: CliContext): string {
  const r = renderPublishedFile(file, { stockImages, remoteImages });
  if (r.themeMissing) ctx.stderr(`${shown}: theme ${r.theme} is not installed; its layouts and includes are missing\n`);
  if (r.skipped.length) ctx.stderr(`${shown}: plugin tags rendered as nothing: ${r.skipped.join(', ')}\n`);
  if (r.missing.length) ctx.stderr(`${shown}: missing: ${r.missing.join(', ')}\n`);
  for (const e of r.errors) ctx.stderr(`${shown}: Liquid error: ${e}\n`);
  return r.html;
}

export const render: CliCommand = {
  name: 'render',
  summary: 'print the sanitized article HTML the preview shows, or with --published the page through the site layouts (several files: --out DIR)',
  usage: 'postdesk render FILE... [--out DIR] [--published] [--stock-images mark|show|hide] [--remote-images allow|block]',
  async run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { out: 'string', 'stock-images': 'string', 'remote-images': 'string', published: 'bool' });
    const usage = (why: string) => { ctx.stderr(`postdesk render: ${why}\nusage: ${this.usage}\n`); return EXIT.usage; };
    if (error) return usage(error);
    if (positional.length === 0) return usage('missing FILE');
    const out = typeof flags.out === 'string' ? path.resolve(ctx.cwd, flags.out) : undefined;
    if (positional.length > 1 && !out) return usage('several files need --out DIR');
    const stock = (flags['stock-images'] ?? 'mark') as StockMode;
    const remote = (flags['remote-images'] ?? 'allow') as 'allow' | 'block';
    if (!STOCK.includes(stock)) return usage(`--stock-images must be one of ${STOCK.join('|')}`);
    if (!REMOTE.includes(remote)) return usage(`--remote-images must be one of ${REMOTE.join('|')}`);
    if (out) {
      try { fs.mkdirSync(out, { recursive: true }); } catch (e) { ctx.stderr(`postdesk render: ${esc(out)}: ${esc((e as Error).message)}\n`); return EXIT.usage; }
    }
    let code: number = EXIT.ok;
    const written = new Set<string>();
    // The worker sits beside this bundle (dist/render-worker.js); without it, renders run inline.
    const renderer = new BudgetedRenderer(path.join(__dirname, 'render-worker.js'), CLI_RENDER_BUDGET_MS);
    try {
      for (const p of positional) {
        const file = path.resolve(ctx.cwd, p);
        let html: string;
        try {
          html = flags.published ? publishedFile(file, p, stock, remote, ctx) : await renderFile(file, stock, remote, renderer);
        } catch (e) {
          const why = e instanceof RenderBudgetError ? `cut off: rendering took longer than ${e.ms} ms` : pathProblem(file, e).message;
          ctx.stderr(`${esc(p)}: ${esc(why)}\n`);
          code = EXIT.findings;
          continue;
        }
        // To stdout (a terminal, maybe), control characters left in text become character references (the same
        // text to a parser, but U+0080–U+009F, which HTML reads as windows-1252 there); a file gets the HTML as is.
        if (!out) { ctx.stdout(escapeControls(html, 'html', true)); continue; }
        const target = path.join(out, `${path.basename(file).replace(/\.[^.]*$/, '')}.html`);
        if (written.has(target)) ctx.stderr(`${esc(p)}: overwrites ${esc(target)} (same file name as an earlier input)\n`);
        written.add(target);
        try {
          // Never through a symlink or a FIFO already in DIR.
          writeInside(target, html, out, true);
          ctx.stderr(`${esc(p)} → ${esc(path.relative(ctx.cwd, target) || target)}\n`);
        } catch (e) {
          ctx.stderr(`${esc(target)}: ${esc((e as Error).message)}\n`);
          code = EXIT.findings;
        }
      }
    } finally {
      renderer.dispose();
    }
    return code;
  },
};
