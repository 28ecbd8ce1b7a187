// New Post: the file name and text of a new post that follows the site's own conventions (pure; callers write it).
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { formatJekyll, wallToUtc } from './jekyll/date';
import { slugify } from './jekyll/permalink';
import { parsePost } from './parse';
import { defaultsFor, type SiteConfig } from './site';
import { trimChar } from './text';

/** The input of {@link newPost}. */
export interface NewPostInput {
  site: SiteConfig;
  title: string;
  categories?: readonly string[];
  tags?: readonly string[];
  /** The current instant, UTC ms. */
  now: number;
  /** `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD HH:MM`, `YYYY-MM-DD`) wall time in the site timezone; default `now`. */
  date?: string;
  /** The folder the post goes to, relative to the site root (default `_posts`). */
  folder?: string;
  /** Some of the site's existing posts (newest first is best): their file names and texts (the front matter is enough). */
  samples: readonly { name: string; text: string }[];
  /** The template's text (`_templates/post.md` or `postdesk.new.template`), when there is one. */
  template?: string;
  /** Whether a site-relative path already exists (a new post never overwrites one). */
  exists: (rel: string) => boolean;
}

/** A new post: where it goes, its text, and where the cursor belongs (the start of the body). */
export interface NewPost {
  /** Site-relative path, e.g. `_posts/2026-12-01-hello.md`. */
  rel: string;
  text: string;
  bodyOffset: number;
  /** The file name rule that was used (`{date}-{slug}`, `{date}-{id}` or the configured one). */
  rule: string;
}

/** `postdesk.new` settings of `_config.yml`: `filename` pattern and `template` path (site-relative). */
export function newPostSettings(site: SiteConfig): { filename?: string; template: string } {
  const pd = site.raw?.postdesk as Record<string, unknown> | undefined;
  const n = pd && typeof pd === 'object' ? pd.new as Record<string, unknown> | undefined : undefined;
  const str = (v: unknown) => typeof v === 'string' && v.trim() ? v.trim() : undefined;
  return { filename: n && typeof n === 'object' ? str(n.filename) : undefined, template: (n && typeof n === 'object' ? str(n.template) : undefined) ?? '_templates/post.md' };
}

const NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.*?)(\.[^.]+)$/;
/** Longest slug kept in a file name, in characters (CJK titles make long UTF-8 names). */
const MAX_SLUG = 60;

/**
 * The file name rule of a site's posts: `{date}-{id}` when most names after the date are digits only (a scraper's
 * ids, as finews writes them), else `{date}-{slug}`; plus the most common extension and id length.
 */
export function inferFilename(names: readonly string[]): { rule: string; ext: string; idLength: number } {
  let digits = 0; let dated = 0;
  const exts = new Map<string, number>();
  const lengths: number[] = [];
  for (const n of names) {
    const m = NAME.exec(n);
    if (!m) continue;
    dated++;
    exts.set(m[5], (exts.get(m[5]) ?? 0) + 1);
    if (/^\d+$/.test(m[4])) { digits++; lengths.push(m[4].length); }
  }
  const ext = [...exts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '.md';
  lengths.sort((a, b) => a - b);
  return { rule: dated && digits * 2 > dated ? '{date}-{id}' : '{date}-{slug}', ext, idLength: lengths[lengths.length >> 1] ?? 14 };
}

/**
 * The slug of a title for a file name: Jekyll's own `slugify` (letters and digits of every script kept, the rest
 * one `-`, lower case), so `:slug` in a permalink equals it. A CJK title keeps its characters: Jekyll reads such
 * names and percent-escapes them in the URL. Cut at {@link MAX_SLUG} characters (at a `-` when there is one).
 */
export function titleSlug(title: string): string {
  const s = slugify(title.normalize('NFC'));
  if ([...s].length <= MAX_SLUG) return s;
  const cut = [...s].slice(0, MAX_SLUG).join('');
  const dash = cut.lastIndexOf('-');
  return dash > MAX_SLUG / 2 ? cut.slice(0, dash) : cut;
}

/** The key order most sampled posts use (their most common sequence of top-level keys). */
function keyOrder(samples: readonly { text: string }[]): { order: string[]; scalarTaxonomy: boolean; layout?: string } {
  const seqs = new Map<string, number>();
  const layouts = new Map<string, number>();
  let scalar = 0; let list = 0;
  for (const s of samples) {
    const p = parsePost(s.text);
    if (!p.doc || p.errors.length || !isMap(p.doc.contents)) continue;
    const keys = (p.doc.contents.items as Pair<Node, Node | null>[]).map((i) => isScalar(i.key) ? String(i.key.value) : '').filter(Boolean);
    seqs.set(keys.join('\n'), (seqs.get(keys.join('\n')) ?? 0) + 1);
    if (typeof p.data.layout === 'string') layouts.set(p.data.layout, (layouts.get(p.data.layout) ?? 0) + 1);
    for (const k of ['categories', 'tags']) { if (typeof p.data[k] === 'string') scalar++; else if (Array.isArray(p.data[k])) list++; }
  }
  const best = [...seqs].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { order: best ? best.split('\n') : [], scalarTaxonomy: scalar > list, layout: [...layouts].sort((a, b) => b[1] - a[1])[0]?.[0] };
}

/** A YAML scalar for a string: plain when YAML reads it back as the same string, else double-quoted. */
function yamlString(s: string, forceQuotes = false): string {
  const plain = /^\p{L}[\p{L}\p{M}\p{N}_.-]*$/u.test(s) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s);
  return plain && !forceQuotes ? s : JSON.stringify(s);
}

/** The values of a taxonomy key in the site's style: a space-separated scalar (finews) or a flow list. */
function taxonomyValue(values: readonly string[], scalar: boolean): string {
  if (!values.length) return '[]';
  if (scalar && values.every((v) => /^\S+$/.test(v) && yamlString(v) === v)) return values.join(' ');
  return `[${values.map((v) => yamlString(v)).join(', ')}]`;
}

/** The instant of `date` (wall time in the site timezone), or of `now`; an unreadable date is an error. */
function instant(input: NewPostInput): number {
  if (input.date === undefined) return input.now;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d\d)(?::(\d\d))?)?$/.exec(input.date.trim());
  if (!m) throw new Error(`--date must be YYYY-MM-DD HH:MM:SS, got "${input.date}"`);
  return wallToUtc(input.site.timezone, +m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

/**
 * A new post's path and text. The file name follows `postdesk.new.filename` (placeholders `{date}`, `{year}`,
 * `{month}`, `{day}`, `{slug}`, `{id}`) or the rule {@link inferFilename} finds in the site's posts; an empty slug
 * falls back to the id; a taken name gets `-2`, `-3`… (an id counts up). The front matter holds the site's required
 * keys in the order its posts use, minus those `defaults:` supply (unless the template has them), then the
 * template's other keys; `date` is the time in the site timezone with its offset. Throws on a bad `date`/pattern.
 */
/** The keys a new post gets when the site configures no `postdesk.required` (those its posts use, plus title and date). */
const HOUSE_KEYS = ['layout', 'title', 'date', 'categories', 'tags'];

export function newPost(input: NewPostInput): NewPost {
  const { site } = input;
  const tz = site.timezone;
  const ms = instant(input);
  const published = formatJekyll(ms, tz);
  const [day, time] = published.split(' ');
  const settings = newPostSettings(site);
  const inferred = inferFilename(input.samples.map((s) => s.name));
  const rule = settings.filename ?? inferred.rule;
  const stamp = `${day.replace(/-/g, '')}${time.replace(/:/g, '')}`;
  let id = BigInt(stamp.padEnd(Math.max(inferred.idLength, 14), '0').slice(0, Math.max(inferred.idLength, 14)));
  const slug = titleSlug(input.title);
  const folder = trimChar(input.folder ?? '_posts', '/');
  const nameFor = (n: number) => {
    const base = rule.replace(/\{(date|year|month|day|slug|id)\}/g, (_m, k: string) =>
      k === 'date' ? day : k === 'year' ? day.slice(0, 4) : k === 'month' ? day.slice(5, 7) : k === 'day' ? day.slice(8, 10)
        : k === 'slug' ? (slug || String(id)) : String(id)) + (n > 1 && !rule.includes('{id}') ? `-${n}` : '');
    return /\.[A-Za-z0-9]+$/.test(base) && !rule.endsWith('}') ? base : base + inferred.ext;
  };
  let name = nameFor(1);
  if (!NAME.test(name) || name.includes('/')) throw new Error(`file name "${name}" does not start with YYYY-MM-DD- (Jekyll would skip it)`);
  for (let n = 2; input.exists(`${folder}/${name}`); n++) {
    if (n > 10000) throw new Error(`no free file name near ${name}`);
    if (rule.includes('{id}')) id += 1n;
    name = nameFor(n);
  }
  const rel = `${folder}/${name}`;

  const tpl = input.template !== undefined ? parsePost(input.template) : undefined;
  const tplEntries = new Map<string, string>();
  const tplOrder: string[] = [];
  if (tpl?.doc && tpl.frontMatter && !tpl.errors.length && isMap(tpl.doc.contents)) {
    const base = tpl.frontMatter.contentStart;
    for (const pair of tpl.doc.contents.items as Pair<Node, Node | null>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const end = pair.value?.range ? pair.value.range[1] : pair.key.range[1] + 1;
      const key = String(pair.key.value);
      tplOrder.push(key);
      // To the end of the value's line, so a trailing comment stays with it.
      const eol = tpl.text.indexOf('\n', base + end - 1);
      const stop = Math.min(eol < 0 ? tpl.frontMatter.contentEnd : eol, tpl.frontMatter.contentEnd);
      tplEntries.set(key, tpl.text.slice(base + pair.key.range[0], Math.max(stop, base + end)).trimEnd());
    }
  }
  const { order, scalarTaxonomy, layout } = keyOrder(input.samples);
  const defaults = defaultsFor(site, rel, 'posts');
  // No configured list: a title and a dated offset always, and the finews keys the site's own posts use.
  const required = site.postdesk.required ?? HOUSE_KEYS.filter((k) => k === 'title' || k === 'date' || order.includes(k));
  const generated: Record<string, string> = {
    title: yamlString(input.title, true), date: published,
    categories: taxonomyValue(input.categories ?? [], scalarTaxonomy), tags: taxonomyValue(input.tags ?? [], scalarTaxonomy),
  };
  const keys = required.filter((k) => !(k in defaults) || tplEntries.has(k));
  for (const k of ['categories', 'tags']) if (!keys.includes(k) && (input[k as 'categories' | 'tags'] ?? []).length) keys.push(k);
  const rank = (k: string) => { const i = order.indexOf(k); return i < 0 ? order.length + required.indexOf(k) : i; };
  keys.sort((a, b) => rank(a) - rank(b));
  for (const k of tplOrder) if (!keys.includes(k)) keys.push(k);
  const lines = keys.map((k) => {
    if (k in generated && (k !== 'categories' && k !== 'tags' || (input[k] ?? []).length || !tplEntries.has(k))) return `${k}: ${generated[k]}`;
    if (tplEntries.has(k)) return tplEntries.get(k)!;
    if (k === 'layout') return `layout: ${yamlString(layout ?? 'post')}`;
    return `${k}: ""`;
  });
  const head = `---\n${lines.join('\n')}\n---\n`;
  const body = tpl?.frontMatter ? tpl.text.slice(tpl.frontMatter.end).replace(/^\r?\n/, '') : input.template ?? '';
  const text = `${head}\n${body.replace(/\r\n/g, '\n')}`;
  return { rel, text, bodyOffset: head.length + 1, rule };
}
