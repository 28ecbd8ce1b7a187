// file-unreadable: a path Post Desk did not read (not a regular file, too large, out of the site, a bad symlink); reported by the readers, not per post.
import type { Severity } from '../types';
import type { RuleId, RuleScope } from './rule';

export const id = 'file-unreadable' satisfies RuleId;
export const severity: Severity = 'error';
export const scope: RuleScope = 'file';
export const docs = 'A post Post Desk does not read: not a regular file, over 1 MiB, out of the site, a dangling or looping symlink.';
