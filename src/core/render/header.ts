// The preview header: title, the date as Jekyll publishes it, layout, category and tag chips, problem count.
import { postDateSource, type ParsedPost } from '../parse';
import { defaultsFor, fileKind, relativeToSite, type SiteConfig } from '../site';
import { filenameDate, formatJekyll, isValidTimezone, readDate, wallToUtc } from '../jekyll/date';

/** What the header is built from (everything optional but the parsed post). */
export interface HeaderInput {
  parsed: ParsedPost;
  site?: SiteConfig;
  /** The post's absolute path (for defaults, folder categories and the file-name date). */
  path?: string;
  /** Problem count from the caller's diagnostics; omitted when undefined. */
  problems?: number;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITIES[c]) : s;
}

/** Jekyll's `pluralized_array_from_hash`: a scalar splits on whitespace, a list keeps its items. */
function plural(data: Record<string, unknown>, one: string, many: string): string[] {
  for (const key of [one, many]) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map((x) => String(x));
    if (typeof v === 'string' || typeof v === 'number') return String(v).split(/\s+/).filter(Boolean);
  }
  return [];
}

/** The date line; under an unknown site timezone the date is in UTC, as Jekyll publishes it, and says so. */
function dateHtml(parsed: ParsedPost, tz: string | undefined, file: string | undefined): string {
  const date = jekyllDate(parsed, tz, file);
  if (tz === undefined || isValidTimezone(tz)) return date;
  return `${date} <span class="pd-date pd-bad">unknown timezone ${escapeHtml(JSON.stringify(tz))}: UTC</span>`;
}

/** The front matter date read as Jekyll 4.3 does, else the file-name date at midnight. */
function jekyllDate(parsed: ParsedPost, tz: string | undefined, file: string | undefined): string {
  const source = postDateSource(parsed);
  if (source) {
    const { raw, quoted } = source;
    const r = readDate(raw, quoted, tz);
    if (r.ok) return `<time class="pd-date" datetime="${new Date(r.date.utcMs).toISOString()}">${escapeHtml(r.date.published)}</time>`;
    return `<span class="pd-date pd-bad" title="${escapeHtml(r.reason)}">invalid date ${escapeHtml(JSON.stringify(raw))}</span>`;
  }
  const name = file?.replace(/\\/g, '/').split('/').pop();
  const fd = name ? filenameDate(name) : undefined;
  if (fd) {
    const ms = wallToUtc(tz, fd.year, fd.month, fd.day);
    return `<time class="pd-date" datetime="${new Date(ms).toISOString()}">${escapeHtml(formatJekyll(ms, tz))}</time>`;
  }
  return '<span class="pd-date pd-missing">no date</span>';
}

/** Renders the header HTML (all values escaped; nothing from the post becomes markup). */
export function renderHeader({ parsed, site, path, problems }: HeaderInput): string {
  const rel = site && path ? relativeToSite(site, path) : undefined;
  const kind = site && rel ? fileKind(site, rel) : { kind: 'other' as const };
  const type = kind.kind === 'post' ? 'posts' : kind.kind === 'draft' ? 'drafts' : kind.kind === 'collection' ? kind.collection : 'pages';
  const data: Record<string, unknown> = Object.assign(Object.create(null), site && rel ? defaultsFor(site, rel, type) : {}, parsed.data);
  const parts: string[] = [];
  const title = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title) : undefined;
  parts.push(title ? `<h1 class="pd-title">${escapeHtml(title)}</h1>` : '<h1 class="pd-title pd-missing">(no title)</h1>');
  const meta: string[] = [dateHtml(parsed, site?.timezone, path)];
  meta.push(typeof data.layout === 'string' ? `<span class="pd-layout">${escapeHtml(data.layout)}</span>` : '<span class="pd-layout pd-missing">no layout</span>');
  const folder = 'folderCategories' in kind ? kind.folderCategories : [];
  for (const c of [...folder, ...plural(data, 'category', 'categories')]) meta.push(`<span class="pd-chip pd-category">${escapeHtml(c)}</span>`);
  for (const t of plural(data, 'tag', 'tags')) meta.push(`<span class="pd-chip pd-tag">${escapeHtml(t)}</span>`);
  if (parsed.noFrontMatter && parsed.noFrontMatter.reason !== 'empty') meta.push(`<span class="pd-chip pd-bad">no front matter (${parsed.noFrontMatter.reason})</span>`);
  else if (parsed.errors.length) meta.push('<span class="pd-chip pd-bad">front matter does not parse</span>');
  if (typeof problems === 'number') meta.push(`<button type="button" class="pd-problems">${problems} ${problems === 1 ? 'problem' : 'problems'}</button>`);
  parts.push(`<div class="pd-meta">${meta.join(' ')}</div>`);
  return `<header class="pd-header">${parts.join('')}</header>`;
}
