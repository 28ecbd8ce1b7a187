// validatePost / validateSiteConfig: runs the rule table over a post (or a site's _config.yml) and applies `postdesk.rules`.
import { isMap, isScalar } from 'yaml';
import { applyEdits } from './edits';
import { isValidTimezone } from './jekyll/date';
import { l10nOf, msg, type Message } from './messages';
import { parsePost, parseYaml } from './parse';
import { defaultsFor, fileKind, relativeToSite, type FileKind, type SiteConfig } from './site';
import type { Fix, Problem, Severity, TextEdit } from './types';
import { newMemo, type LayoutLookup, type RuleContext } from './rules/context';
import { RULES, ruleInfo } from './rules/index';

export { RULES, ruleDocUrl, ruleInfo } from './rules/index';
export type { LayoutLookup } from './rules/context';

/** Options of one validation. */
export interface ValidateOptions {
  site: SiteConfig;
  /** Absolute path of the post; undefined for an unsaved document. */
  file: string | undefined;
  /** UTC milliseconds used as "now" for `future-date` (default: Date.now()). */
  now?: number;
  /** Set when the file's bytes were not valid UTF-8. */
  invalidUtf8?: boolean;
  /** Finds layouts (see `layoutLookup`); `layout-missing` is skipped without it. */
  layouts?: LayoutLookup;
}

/** What Jekyll makes of the file; a `_posts`/`_drafts` folder still counts when the site root is unknown. */
export function kindOf(site: SiteConfig, file: string | undefined): { rel: string | undefined; kind: FileKind } {
  if (!file) return { rel: undefined, kind: { kind: 'post', folderCategories: [] } };
  const rel = relativeToSite(site, file);
  const kind = fileKind(site, rel);
  if (kind.kind === 'other' && !rel.includes('/')) {
    const segs = file.replace(/\\/g, '/').split('/');
    const i = Math.max(segs.lastIndexOf('_posts'), segs.lastIndexOf('_drafts'));
    if (i >= 0 && i === segs.length - 2) return { rel, kind: { kind: segs[i] === '_posts' ? 'post' : 'draft', folderCategories: [] } };
  }
  return { rel, kind };
}

/** Whether Jekyll reads `file` as a post, draft or collection document (the files Post Desk validates). */
export function isValidated(site: SiteConfig, file: string): boolean {
  return kindOf(site, file).kind.kind !== 'other';
}

/**
 * Validates one post's text; never throws (a failing rule becomes an `internal` problem).
 * Files Jekyll does not read as posts, drafts or collection documents give no problems.
 */
export function validatePost(text: string, opts: ValidateOptions): Problem[] {
  const { site, file } = opts;
  const { rel, kind } = kindOf(site, file);
  if (kind.kind === 'other') return [];
  const type = kind.kind === 'collection' ? kind.collection : `${kind.kind}s`;
  const parsed = parsePost(text);
  // Written out rather than spread: this runs per post and per keystroke, and a spread copies key by key.
  const ctx: RuleContext = {
    text, parsed, site, file, rel, kind,
    defaults: rel ? defaultsFor(site, rel, type) : Object.create(null) as Record<string, unknown>,
    now: opts.now ?? Date.now(), layouts: opts.layouts, invalidUtf8: opts.invalidUtf8 ?? false, memo: newMemo(), problem,
  };
  const nf = parsed.noFrontMatter;
  if (nf?.reason !== 'leading-blank') return run(ctx, undefined, 0);
  // Jekyll sees no front matter behind a blank line; check the intended one too, so its problems show before they bite.
  const fileLevel = run(ctx, (id) => FILE_RULES.has(id), 0);
  const rest = text.slice(nf.end);
  const inner = run({ ...ctx, text: rest, parsed: parsePost(rest), invalidUtf8: false, memo: newMemo() }, (id) => !FILE_RULES.has(id), nf.end, msg(' (once the blank line before `---` is removed)'));
  return [...fileLevel, ...inner].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Default severity of each rule id. */
const SEVERITY = new Map(RULES.map((r) => [r.id, r.severity]));

/** Rules about the whole file rather than the front matter. */
const FILE_RULES = new Set(['encoding-invalid', 'front-matter-missing', 'filename-invalid']);

/** Builds a problem with the rule's default severity (the `problem` of every RuleContext). */
function problem(rule: string, message: string | Message, start: number, end: number, fixes: Fix[] = [], severity?: Severity): Problem {
  return { rule, severity: severity ?? SEVERITY.get(rule) ?? 'warning', ...textOf(message), start, end, fixes };
}

/** Runs the enabled rules (those `which` accepts; all when undefined); `shift` moves ranges and edits into the full text; `note` is appended to messages. */
function run(ctx: RuleContext, which: ((id: string) => boolean) | undefined, shift: number, note?: Message): Problem[] {
  const settings = ctx.site.postdesk.rules;
  const out: Problem[] = [];
  for (const rule of RULES) {
    if (!rule.check || settings[rule.id] === 'off' || (which && !which(rule.id))) continue;
    try {
      for (const p of rule.check(ctx)) {
        const level = settings[p.rule];
        out.push(!shift && !note && !level ? p : {
          ...p, severity: level && level !== 'off' ? level as Severity : p.severity,
          message: note ? p.message + note.text : p.message, ...(note && p.l10n ? { l10n: { ...p.l10n, suffix: l10nOf(note) } } : {}),
          start: p.start + shift, end: p.end + shift,
          fixes: shift ? p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift })) })) : p.fixes,
        });
      }
    } catch (e) {
      out.push(problem(rule.id, msg('Post Desk could not check this rule: {0}', (e as Error).message), shift, shift, [], 'hint'));
    }
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start || a.end - b.end) : out;
}

/** `message` and (for a `msg` message) `l10n` of a problem. */
function textOf(message: string | Message): Pick<Problem, 'message' | 'l10n'> {
  return typeof message === 'string' ? { message } : { message: message.text, l10n: l10nOf(message) };
}

/** Problems of a site's `_config.yml` (YAML errors, unknown timezone, bad `postdesk:` values); `text` gives exact ranges. */
export function validateSiteConfig(site: SiteConfig, text?: string): Problem[] {
  const shift = text?.charCodeAt(0) === 0xfeff ? 1 : 0;
  const level = (site.postdesk.rules['config-invalid'] ?? 'error') as Severity | 'off';
  if (level === 'off') return [];
  const problem = (message: Message, start: number, end: number, severity: Severity = level): Problem => ({ rule: 'config-invalid', severity, ...textOf(message), start: start + shift, end: end + shift, fixes: [] });
  const out = site.errors.map((e) => problem(msg('_config.yml: {0}', e.message), e.start, e.end));
  const doc = text !== undefined ? parseYaml(text.slice(shift)).doc : undefined;
  const at = (path: string[], key = false): [number, number] => {
    if (!doc || !isMap(doc.contents)) return [0, 0];
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (!isMap(parent)) return [0, 0];
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === path[path.length - 1]);
    const node = (key ? pair?.key : pair?.value) as { range?: [number, number] } | undefined;
    return node?.range ? [node.range[0], node.range[1]] : [0, 0];
  };
  if (site.timezone !== undefined && !isValidTimezone(site.timezone)) {
    out.push(problem(msg('_config.yml: unknown timezone `{0}`: Jekyll builds the site with UTC dates instead.', site.timezone), ...at(['timezone'])));
  }
  for (const id of Object.keys(site.postdesk.rules)) {
    if (!ruleInfo(id)) out.push(problem(msg('_config.yml: unknown Post Desk rule `{0}`.', id), ...at(['postdesk', 'rules', id], true), 'warning'));
  }
  return out;
}

/** The preferred fixes of `problems` that do not overlap one another (first wins); at most one rename. */
export function preferredFixes(problems: readonly Problem[], withRenames = true): Fix[] {
  const taken: TextEdit[] = [];
  const out: Fix[] = [];
  let renamed = false;
  for (const p of problems) {
    const fix = p.fixes.find((f) => f.preferred);
    if (!fix || (fix.rename && (!withRenames || renamed))) continue;
    if (fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start && t.start === t.end)))) continue;
    taken.push(...fix.edits);
    if (fix.rename) renamed = true;
    out.push(fix);
  }
  return out;
}

/**
 * Applies the preferred fixes repeatedly (a fix can reveal or settle another problem) until nothing changes.
 * Returns the new text, the rename the last pass asks for, and how many fixes were applied.
 */
export function fixPost(text: string, opts: ValidateOptions, maxPasses = 5): { text: string; rename?: { from: string; to: string }; applied: number } {
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = preferredFixes(validatePost(text, opts), false).filter((f) => f.edits.length);
    if (!fixes.length) break;
    text = applyEdits(text, fixes.flatMap((f) => f.edits));
    applied += fixes.length;
  }
  const rename = preferredFixes(validatePost(text, opts)).find((f) => f.rename)?.rename;
  return { text, rename, applied: applied + (rename ? 1 : 0) };
}

/** A layout lookup for a site from injected I/O: `_layouts/<name>.*`, and whether `_config.yml` names a theme. */
export function layoutLookup(site: SiteConfig, exists: (path: string) => boolean, configText?: string): LayoutLookup {
  const theme = configText !== undefined && /^(?:remote_)?theme:[ \t]*\S/m.test(configText);
  const root = trimSeparatorsEnd(site.root);
  const cache = new Map<string, 'found' | 'theme' | 'missing'>();
  return (name) => {
    let r = cache.get(name);
    if (!r) {
      const found = ['.html', '.htm', '.md', '.markdown', '.liquid', '.xml'].some((ext) => exists(`${root}/_layouts/${name}${ext}`));
      r = found ? 'found' : theme ? 'theme' : 'missing';
      cache.set(name, r);
    }
    return r;
  };
}

/** `s` without trailing `/` or `\\` (a loop: `/[\\/]+$/` rescans a long run from each one). */
function trimSeparatorsEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === '/' || s[e - 1] === '\\')) e--;
  return s.slice(0, e);
}
