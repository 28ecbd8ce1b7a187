// `postdesk add [--categories a,b] [--tags c,d] FILE...`: adds values with the same edit as "Insert Categories/Tags…".
import path from 'node:path';
import { changeTaxonomy } from '../core/taxonomy/apply';
import { applyEdits } from '../core/edits';
import { readText, siteRootOf } from '../node/files';
import { pathProblem, writeInside } from '../node/safe-fs';
import { escapeControls as esc } from './terminal';
import { EXIT, parseArgs, type CliCommand } from './types';

/** `a, b c,d` → `['a', 'b c', 'd']`: commas separate values, a value may contain spaces. */
export function commaValues(s: string | boolean | undefined): string[] {
  return typeof s === 'string' ? s.split(',').map((v) => v.trim()).filter((v) => v !== '') : [];
}

export const add: CliCommand = {
  name: 'add',
  summary: 'add categories and/or tags to posts (creates a front matter when a post has none)',
  usage: 'postdesk add [--categories a,b] [--tags c,d] FILE...',
  run(args, ctx) {
    const { positional, flags, error } = parseArgs(args, { categories: 'string', tags: 'string' });
    const categories = commaValues(flags.categories);
    const tags = commaValues(flags.tags);
    if (error || positional.length === 0 || (categories.length === 0 && tags.length === 0)) {
      ctx.stderr(`${error ?? (positional.length ? 'nothing to add: give --categories and/or --tags' : 'missing FILE')}\nusage: ${this.usage}\n`);
      return EXIT.usage;
    }
    let code: number = EXIT.ok;
    for (const p of positional) {
      const file = path.resolve(ctx.cwd, p);
      try {
        const root = siteRootOf(file);
        const { text, invalid } = readText(file, root);
        if (invalid) throw new Error('not valid UTF-8, left alone');
        const r = changeTaxonomy(text, { ...(categories.length ? { categories: { op: 'add', values: categories } } : {}), ...(tags.length ? { tags: { op: 'add', values: tags } } : {}) }, { createFrontMatter: true });
        if (!r.ok) throw new Error(r.message);
        if (r.edits.length) writeInside(file, applyEdits(text, r.edits), root);
        ctx.stdout(`${esc(p)}: ${r.edits.length ? 'updated' : 'unchanged'}\n`);
      } catch (e) {
        ctx.stderr(`${esc(p)}: ${esc(pathProblem(file, e).message)}\n`);
        code = EXIT.findings;
      }
    }
    return code;
  },
};
