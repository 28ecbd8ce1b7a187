// validatePost / validateSiteConfig: runs the rule table over a post (or a site's _config.yml) and applies `postdesk.rules`.
import { isMap, isScalar } from 'yaml';
import { applyEdits } from './edits';
import { isValidTimezone } from './jekyll/date';
import { l10nOf, msg, sentence, type Message } from './messages';
import { parsePost, parseYaml, type ParsedPost } from './parse';
import { defaultsFor, fileKind, relativeToSite, type FileKind, type SiteConfig } from './site';
import { findLayout } from './layouts';
import { trimTrailing } from './text';
import type { Fix, Problem, Severity, TextEdit } from './types';
import { newMemo, type LayoutLookup, type RuleContext } from './rules/context';
import { RULES, ruleInfo, type Report, type Rule } from './rules/index';
import { entryKind, postFolderPath } from './taxonomy/posts';
import { isLayoutFile } from './rules/layout-unescaped-output';

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
  /** `parsePost(text)`, when the caller has it already (`postdesk check` reads the post's URL from the same parse). */
  parsed?: ParsedPost;
}

/** What Jekyll makes of the file (`other` for files it ignores on purpose); a `_posts`/`_drafts` folder still counts when the site root is unknown. */
export function kindOf(site: SiteConfig, file: string | undefined): { rel: string | undefined; kind: FileKind } {
  if (!file) return { rel: undefined, kind: { kind: 'post', folderCategories: [] } };
  const rel = relativeToSite(site, file);
  const kind = fileKind(site, rel);
  if (kind.kind === 'other' && !rel.includes('/')) {
    const segs = file.replace(/\\/g, '/').split('/');
    const i = Math.max(segs.lastIndexOf('_posts'), segs.lastIndexOf('_drafts'));
    if (i >= 0 && i === segs.length - 2) return { rel, kind: { kind: segs[i] === '_posts' ? 'post' : 'draft', folderCategories: [] } };
  }
  // Files Jekyll ignores on purpose (fragments in `_posts` subfolders, `.yml`, names it filters) are not posts.
  if ((kind.kind === 'post' || kind.kind === 'draft') && entryKind(kind.kind, postFolderPath(rel)) === 'ignored') return { rel, kind: { kind: 'other' } };
  return { rel, kind };
}

/** Whether Jekyll reads `file` as a post, draft or collection document (the files Post Desk validates). */
export function isValidated(site: SiteConfig, file: string): boolean {
  const { rel, kind } = kindOf(site, file);
  return kind.kind !== 'other' || isLayoutFile(rel);
}

/**
 * Validates one post's text; never throws (a failing rule becomes an `internal` problem).
 * Files Jekyll does not read as posts, drafts or collection documents give no problems.
 */
export function validatePost(text: string, opts: ValidateOptions): Problem[] {
  const { site, file } = opts;
  const { rel, kind } = kindOf(site, file);
  if (kind.kind === 'other') {
    // Layouts and includes are checked by the rules that read templates (layout-unescaped-output) and by no other.
    if (!isLayoutFile(rel)) return [];
    const parsed = opts.parsed ?? parsePost(text);
    return run({ text, parsed, site, file, rel, kind, defaults: Object.create(null) as Record<string, unknown>, now: opts.now ?? Date.now(), layouts: opts.layouts, invalidUtf8: opts.invalidUtf8 ?? false, memo: newMemo() }, (r) => r.id === 'layout-unescaped-output', 0);
  }
  const type = kind.kind === 'collection' ? kind.collection : `${kind.kind}s`;
  const parsed = opts.parsed ?? parsePost(text);
  // Written out rather than spread: this runs per post and per keystroke, and a spread copies key by key.
  const ctx: RuleContext = {
    text, parsed, site, file, rel, kind,
    defaults: rel ? defaultsFor(site, rel, type) : Object.create(null) as Record<string, unknown>,
    now: opts.now ?? Date.now(), layouts: opts.layouts, invalidUtf8: opts.invalidUtf8 ?? false, memo: newMemo(),
  };
  const nf = parsed.noFrontMatter;
  if (nf?.reason !== 'leading-blank') return run(ctx, undefined, 0);
  // Jekyll sees no front matter behind a blank line; check the intended one too, so its problems show before they bite.
  const fileLevel = run(ctx, (r) => r.scope === 'file', 0);
  const rest = text.slice(nf.end);
  const inner = run({ ...ctx, text: rest, parsed: parsePost(rest), invalidUtf8: false, memo: newMemo() }, (r) => r.scope !== 'file', nf.end, msg(' This applies once the blank line before `---` is removed.'));
  return [...fileLevel, ...inner].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Runs the enabled rules (those `which` accepts; all when undefined), each with a `report` bound to its id;
 * `shift` moves ranges and edits into the full text; `note` is appended to messages.
 */
function run(ctx: RuleContext, which: ((rule: Rule) => boolean) | undefined, shift: number, note?: Message): Problem[] {
  const settings = ctx.site.postdesk.rules;
  const out: Problem[] = [];
  for (const rule of RULES) {
    const check = rule.check;
    const level = settings[rule.id];
    if (!check || level === 'off' || (which && !which(rule))) continue;
    // The site's level wins over the rule's choice; otherwise a rule may give one problem another severity than its default.
    const fixed = level ? level as Severity : undefined;
    const report: Report = (message, start, end, fixes = [], severity) => {
      const text = textOf(message);
      out.push({
        rule: rule.id, severity: fixed ?? severity ?? rule.severity,
        message: note ? text.message + note.text : text.message,
        ...(text.l10n ? { l10n: note ? { ...text.l10n, suffix: l10nOf(note) } : text.l10n } : {}),
        start: start + shift, end: end + shift,
        fixes: shift ? fixes.map((f) => f.target ? f : ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift })) })) : fixes,
      });
    };
    try {
      check(ctx, report);
    } catch (e) {
      out.push({ rule: rule.id, severity: 'hint', ...textOf(msg('Post Desk could not check this rule: {0}', sentence((e as Error).message))), start: shift, end: shift, fixes: [] });
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
  // YAML errors fail Jekyll's build; a bad `postdesk:` value only affects Post Desk, so it is a warning.
  const out = site.errors.map((e) => problem(msg('_config.yml: {0}', sentence(e.message)), e.start, e.end, e.code === 'POSTDESK_CONFIG' && level === 'error' ? 'warning' : level));
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
    if (!fix || fix.target || (fix.rename && (!withRenames || renamed))) continue;
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
  const root = trimTrailing(site.root, '/\\');
  const cache = new Map<string, 'found' | 'theme' | 'missing'>();
  return (name) => {
    let r = cache.get(name);
    if (!r) {
      const found = findLayout(name, (f) => exists(`${root}/_layouts/${f}`) || undefined) !== undefined;
      r = found ? 'found' : theme ? 'theme' : 'missing';
      cache.set(name, r);
    }
    return r;
  };
}
