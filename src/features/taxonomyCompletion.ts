// Completion of category and tag values inside front matter (scalar, flow and block list forms), with counts.
import * as vscode from 'vscode';
import { parsePost } from '../core/parse';
import { doubleQuoted, plainOk } from '../core/taxonomy/edit';
import { isSpaceFree } from '../core/taxonomy/jekyll';
import type { TaxonomyKey } from '../core/taxonomy/index';
import type { WorkspaceTaxonomy } from './taxonomyIndex';

const KEYS: Record<string, TaxonomyKey> = { categories: 'categories', category: 'categories', tags: 'tags', tag: 'tags' };

/** Where the cursor is: which taxonomy, and whether a value goes into a scalar, a flow list or a block item. */
export function taxonomyContext(text: string, offset: number): { key: TaxonomyKey; form: 'scalar' | 'flow' | 'block'; prefix: string } | undefined {
  const p = parsePost(text);
  if (!p.frontMatter || offset < p.frontMatter.contentStart || offset > p.frontMatter.contentEnd) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  // Blanks are trimmed apart: `[ \t]*` next to `(.*)` (and a `[^…]*$` search) backtrack quadratically on long lines.
  const m = /^(categories|category|tags|tag)[ \t]*:(.*)$/.exec(line);
  if (m) {
    const rest = m[2].replace(/^[ \t]+/, '');
    const flow = rest.startsWith('[');
    let from = rest.length;
    while (from > 0 && !/[\s,[\]"']/.test(rest[from - 1])) from--;
    const prefix = rest.slice(from);
    return { key: KEYS[m[1]], form: flow ? 'flow' : 'scalar', prefix };
  }
  const item = /^[ \t]*-[ \t](.*)$/.exec(line);
  if (!item) return undefined;
  item[1] = item[1].replace(/^[ \t]+/, '');
  // A block item: the owning key is the nearest line above that starts at column 0.
  for (let end = lineStart - 1; end > p.frontMatter.contentStart;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(start, end).replace(/\r$/, '');
    if (/^[^\s#-]/.test(above)) {
      const k = /^(categories|category|tags|tag)[ \t]*:[ \t]*(?:#.*)?$/.exec(above);
      return k ? { key: KEYS[k[1]], form: 'block', prefix: item[1] } : undefined;
    }
    end = start - 1;
  }
  return undefined;
}

/** Registers the completion provider for Markdown and HTML posts. */
export function registerTaxonomyCompletion(tax: WorkspaceTaxonomy): vscode.Disposable {
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems(doc, position) {
      const text = doc.getText();
      const ctx = taxonomyContext(text, doc.offsetAt(position));
      if (!ctx) return undefined;
      // What is known now: completion never waits for the scan (the list says it is incomplete meanwhile).
      // A plural scalar is split on spaces by Jekyll: values with spaces cannot go there.
      const plural = /^(categories|tags)\b/.test(doc.lineAt(position.line).text);
      const range = new vscode.Range(position.translate(0, -ctx.prefix.length), position);
      const items = tax.indexFor(doc.uri).ranked(ctx.key).filter((r) => !(ctx.form === 'scalar' && plural && !isSpaceFree(r.value))).map((r, i) => {
        const item = new vscode.CompletionItem({ label: r.value, description: vscode.l10n.t('{0} post(s)', r.count) }, vscode.CompletionItemKind.EnumMember);
        item.insertText = plainOk(r.value, ctx.form) ? r.value : doubleQuoted(r.value);
        item.sortText = String(i).padStart(6, '0');
        item.filterText = r.value;
        item.range = range;
        item.detail = ctx.key === 'categories' ? vscode.l10n.t('category') : vscode.l10n.t('tag');
        return item;
      });
      return new vscode.CompletionList(items, tax.busy);
    },
  };
  return vscode.languages.registerCompletionItemProvider([{ language: 'markdown' }, { language: 'html' }], provider, ' ', '[', ',', '-');
}
