// postInfo: how Jekyll will publish a post (published or not and why, time, URL, layouts, taxonomy, problems) as data and Markdown.
import { formatJekyll } from './jekyll/date';
import { permalinkConfig, postUrl } from './jekyll/permalink';
import { LineIndex } from './edits';
import { parsePost, parseYaml, type ParsedPost } from './parse';
import { defaultsFor, fileKind, relativeToSite, type SiteConfig } from './site';
import { jekyllRead, type JekyllValue } from './taxonomy/jekyll';
import { jekyllPostView, type Unpublished } from './taxonomy/posts';
import type { Severity } from './types';
import { validatePost, type LayoutLookup } from './validate';
import { trimTrailing } from './text';

/** Options of {@link postInfo}. */
export interface PostInfoOptions {
  site: SiteConfig;
  /** Absolute path of the post (undefined for an unsaved document). */
  file?: string;
  /** Jekyll's `site.time` in UTC ms (defaults to now). */
  now?: number;
  invalidUtf8?: boolean;
  layouts?: LayoutLookup;
  /** The text of `_layouts/<name>.*` (for the layout chain), undefined when there is none. */
  readLayout?: (name: string) => string | undefined;
}

/** One layout of the chain: its name and where Jekyll finds it. */
export interface LayoutStep { name: string; where: 'site' | 'theme' | 'missing' | 'unknown' }

/** How Jekyll will publish a post: what {@link renderPostInfo} shows and `postdesk info --format json` prints. */
export interface PostInfo {
  file: string | null;
  site: string;
  timezone: string | null;
  published: boolean;
  /** Why not, when `published` is false. */
  reason: Unpublished | null;
  /** Publish time `YYYY-MM-DD HH:MM:SS +ZZZZ` in the site timezone; null when Jekyll uses the build time or the date is invalid. */
  date: string | null;
  /** The date as the file writes it, when that differs from `date`. */
  dateInFile: string | null;
  url: string | null;
  /** Where Jekyll writes the page, relative to `_site`. */
  destination: string | null;
  urlError: string | null;
  title: unknown;
  layouts: LayoutStep[];
  categories: JekyllValue[];
  /** The categories that come from folders above `_posts`. */
  folderCategories: string[];
  tags: JekyllValue[] | null;
  problems: { rule: string; severity: Severity; line: number; message: string }[];
  /** An error Jekyll reports (YAML that does not parse, an invalid date). */
  error: string | null;
  // How the text is read (the fields `postdesk info` printed before): offsets, keys, data, YAML errors.
  bom: boolean;
  eol: 'CRLF' | 'LF';
  invalidUtf8: boolean;
  language: string | null;
  frontMatter: { start: number; end: number } | null;
  noFrontMatter: ParsedPost['noFrontMatter'];
  keys: string[];
  data: Record<string, unknown>;
  yamlErrors: ParsedPost['errors'];
  body: ParsedPost['body'];
}

const configs = new WeakMap<SiteConfig, Record<string, unknown>>();
const configData = (site: SiteConfig): Record<string, unknown> => {
  let d = configs.get(site);
  if (!d) configs.set(site, d = site.text === undefined ? {} : parseYaml(site.text.replace(/^\uFEFF/, '')).data);
  return d;
};

/** How Jekyll 4.3 will publish the post `text`: pure, from the text, the site and injected layout reads. */
export function postInfo(text: string, opts: PostInfoOptions): PostInfo {
  const { site } = opts;
  const now = opts.now ?? Date.now();
  const file = opts.file ?? `${trimTrailing(site.root, '/')}/_posts/untitled.md`;
  const rel = relativeToSite(site, file);
  const kind = fileKind(site, rel);
  const folderCategories = kind.kind === 'post' || kind.kind === 'draft' ? kind.folderCategories : [];
  const p = parsePost(text);
  const view = jekyllPostView(text, { site, file, now, invalidUtf8: opts.invalidUtf8, slow: true });
  const error = p.errors.length ? p.errors[0].message : undefined;
  const read = jekyllRead(p.data, folderCategories, defaultsFor(site, rel, 'posts'), error);
  const urlRel = site.collectionsDir && rel.startsWith(`${site.collectionsDir}/`) ? rel.slice(site.collectionsDir.length + 1) : rel;
  const url = postUrl({ rel: urlRel, data: read.data, categories: view.categories, date: view.date ?? formatJekyll(now, site.timezone), readAborted: error !== undefined }, permalinkConfig(configData(site)));
  const lines = new LineIndex(text);
  return {
    file: opts.file ?? null, site: site.root, timezone: site.timezone ?? null,
    published: view.published, reason: view.reason ?? null,
    date: view.date, dateInFile: dateInFile(p, view.date),
    url: 'url' in url ? url.url : null, destination: 'url' in url ? url.destination : null, urlError: 'error' in url ? url.error : null,
    title: view.title,
    layouts: layoutChain(read.data.layout, opts),
    categories: view.categories, folderCategories, tags: view.tags,
    problems: validatePost(text, { site, file: opts.file, now, invalidUtf8: opts.invalidUtf8, layouts: opts.layouts })
      .map((x) => ({ rule: x.rule, severity: x.severity, line: lines.positionAt(x.start).line + 1, message: x.message })),
    error: view.error ?? null,
    bom: p.bom, eol: p.eol === '\r\n' ? 'CRLF' : 'LF', invalidUtf8: opts.invalidUtf8 ?? false, language: p.language,
    frontMatter: p.frontMatter ? { start: p.frontMatter.start, end: p.frontMatter.end } : null, noFrontMatter: p.noFrontMatter,
    keys: Object.keys(p.data), data: p.data, yamlErrors: p.errors, body: p.body,
  };
}

/** The front matter's `date` as written, when it is not already what Jekyll publishes. */
function dateInFile(p: ParsedPost, published: string | null): string | null {
  const node = p.doc?.get('date', true) as { source?: string; range?: [number, number, number] } | undefined;
  const raw = node?.range && p.frontMatter ? p.text.slice(p.frontMatter.contentStart + node.range[0], p.frontMatter.contentStart + node.range[1]).trim() : undefined;
  if (!raw) return null;
  const bare = raw.replace(/^(['"])(.*)\1$/, '$2');
  return bare === published ? null : raw;
}

/** The layouts Jekyll renders the post in, innermost first: each layout's own `layout:` leads to the next. */
function layoutChain(first: unknown, opts: PostInfoOptions): LayoutStep[] {
  const out: LayoutStep[] = [];
  let name = typeof first === 'string' ? first.trim() : first === null || first === undefined || first === false ? '' : String(first);
  while (name && name !== 'none' && !out.some((s) => s.name === name) && out.length < 20) {
    const found = opts.layouts?.(name);
    const layoutText = found === 'found' ? opts.readLayout?.(name) : undefined;
    out.push({ name, where: found === 'found' ? 'site' : found ?? 'unknown' });
    const next = layoutText === undefined ? undefined : parsePost(layoutText).data.layout;
    name = typeof next === 'string' ? next.trim() : '';
  }
  return out;
}

const REASONS: Record<Unpublished, string> = {
  draft: 'it is a draft (in `_drafts`); Jekyll publishes drafts only with `--drafts`',
  'skipped-name': 'the file name does not start with a `YYYY-MM-DD-` date, so Jekyll skips it',
  'invalid-utf8': 'the file is not valid UTF-8',
  'published-false': '`published: false`',
  future: 'it is dated in the future; Jekyll publishes it from then on (or with `--future`)',
  'invalid-date': 'Jekyll cannot read its date, and the whole site build fails',
  'not-a-post': 'Jekyll does not read this file as a post',
};

/** Markdown text with every Markdown and HTML special character escaped (line breaks become spaces). */
export function mdEscape(s: string): string {
  return oneLine(s).replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, (c) => `\\${c}`);
}
// A post may hold any characters: none reaches a terminal or the view as a control character or a line break.
const oneLine = (s: string) => s.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\t' ? ' ' : /\r|\n|\u2028|\u2029/.test(c) ? ' ' : '\ufffd'));

/** How {@link renderPostInfo} writes: Markdown (escaped text, code spans, bold labels), or plain lines for a terminal. */
type Style = { esc: (s: string) => string; code: (s: string) => string; bold: (s: string) => string; sep: string };
const MARKDOWN: Style = {
  esc: mdEscape, bold: (s) => `**${s}**`, sep: '\n\n',
  code: (s) => { const t = oneLine(s); const f = t.includes('`') ? '``' : '`'; return `${f} ${t} ${f}`; },
};
const TEXT: Style = { esc: oneLine, code: oneLine, bold: (s) => s, sep: '\n' };

/**
 * The readable view of a {@link PostInfo}, one fact per line: Markdown with user text escaped (no HTML, no link
 * but `copyLink`), or with `text` plain lines (what `postdesk info` prints).
 */
export function renderPostInfo(info: PostInfo, copyLink?: string, text = false): string {
  const { esc, code, bold, sep } = text ? TEXT : MARKDOWN;
  const show = (v: unknown) => typeof v === 'string' ? (v === '' ? '(empty)' : esc(v)) : code(JSON.stringify(v) ?? 'nil');
  const out: string[] = [];
  out.push(`${bold(info.published ? 'Published' : 'Not published')}${info.published ? '.' : `: ${REASONS[info.reason ?? 'not-a-post']}.`}${info.error ? ` ${esc(info.error)}.` : ''}`);
  const tz = info.timezone ? esc(info.timezone) : 'UTC, no `timezone:` in _config.yml';
  const file = info.dateInFile ? `; the file says ${code(info.dateInFile)}` : '';
  out.push(info.date ? `${bold('Time:')} ${code(info.date)} (${tz})${file}` : `${bold('Time:')} the build time (no date Jekyll can read)${file}`);
  out.push(info.url !== null ? `${bold('URL:')} ${code(info.url)}` : `${bold('URL:')} none (${esc(info.urlError ?? '')})`);
  if (info.title !== null && info.title !== undefined) out.push(`${bold('Title:')} ${show(info.title)}`);
  const where = (l: LayoutStep) => l.where === 'site' ? '' : ` (${l.where === 'theme' ? 'from the theme' : l.where === 'missing' ? 'missing' : 'not checked'})`;
  out.push(`${bold('Layout:')} ${info.layouts.length ? info.layouts.map((l) => `${code(l.name)}${where(l)}`).join(' → ') : 'none'}`);
  const folder = new Set(info.folderCategories);
  out.push(`${bold('Categories:')} ${info.categories.length ? info.categories.map((c) => `${show(c)}${typeof c === 'string' && folder.has(c) ? ' (folder)' : ''}`).join(', ') : 'none'}`);
  out.push(`${bold('Tags:')} ${info.tags?.length ? info.tags.map(show).join(', ') : 'none'}`);
  out.push(info.problems.length
    ? `${bold('Problems:')}\n${info.problems.map((x) => `- ${x.severity} line ${x.line}: ${esc(x.message)} (${code(x.rule)})`).join('\n')}`
    : `${bold('Problems:')} none`);
  if (copyLink && !text) out.push(`[Copy as JSON](${copyLink})`);
  return out.join(sep);
}
