// file-unreadable: a path Post Desk did not read (not a regular file, too large, out of the site, a bad symlink); reported by the readers, not per post.
import { msg } from '../messages';
import type { SiteConfig } from '../site';
import type { Problem, Severity } from '../types';
import type { RuleId, RuleScope } from './rule';

export const id = 'file-unreadable' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'file';
export const docs = 'A post Post Desk does not read: not a regular file, over 1 MiB, out of the site, a dangling or looping symlink.';

/**
 * The largest post, layout or `_config.yml` Post Desk reads: 1 MiB. Every scanner is linear and measured up to this
 * size (issue 13's product bound); a larger file is this rule's problem, not read. The CLI's reader and the editor's use it.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Why a reader did not read a post: not a regular file, larger than `max` bytes, or another error (`detail`). */
export type Unreadable = { why: 'not-regular' } | { why: 'too-large'; size: number; max: number } | { why: 'error'; detail: string };

/**
 * The problem a reader reports on a post it did not read (at its first character), as the CLI words it; the site's
 * `postdesk.rules` level applies (undefined when the rule is off). Too large is a warning, as in `postdesk check`.
 */
export function unreadableProblem(site: SiteConfig, u: Unreadable): Problem | undefined {
  const level = site.postdesk.rules[id];
  if (level === 'off') return undefined;
  const m = u.why === 'not-regular' ? msg('Not a regular file: Post Desk does not read it.')
    : u.why === 'too-large' ? msg('The file is larger than {0} MiB ({1} bytes): Post Desk does not read it.', +(u.max / 1048576).toFixed(2), u.size)
      : msg('{0}: Post Desk does not read it.', u.detail);
  const sev = (level ?? (u.why === 'too-large' ? 'warning' : severity)) as Severity;
  return { rule: id, severity: sev, message: m.text, l10n: { template: m.template, args: m.args }, start: 0, end: 0, fixes: [] };
}
