// Problems of posts read from disk share their texts: 30,000 problems of 20,000 posts say a few hundred distinct things.
import { DetachedStrings, detachString } from '../core/detach';
import type { Problem } from '../core/types';

/** Distinct texts kept before the table starts over (a bound on its memory, not a limit on posts). */
const LIMIT = 20000;
const NO_FIXES: Problem['fixes'] = Object.freeze([]) as unknown as Problem['fixes'];

type Text = Pick<Problem, 'rule' | 'severity' | 'message' | 'l10n'>;

/**
 * Makes the problems of a disk entry: no fixes (only open documents get quick fixes) and one shared
 * `{rule, severity, message, l10n}` per distinct text, so a message and its localization exist once.
 */
export class ProblemInterner {
  private readonly texts = new Map<string, Text>();
  /** Message arguments, each kept once. */
  private readonly args = new DetachedStrings(LIMIT);

  /** The problem with its texts shared and its fixes dropped. */
  forDisk(p: Problem): Problem {
    const key = `${p.rule}\u0000${p.severity}\u0000${p.message}`;
    let t = this.texts.get(key);
    if (!t) {
      if (this.texts.size >= LIMIT) this.texts.clear();
      // The message and its arguments are cut from the post's text: kept as they are, they would keep all of it.
      const message = detachString(p.message);
      // Templates are the rules' own constants; arguments repeat (a timezone) or are cut from the post (a date).
      t = { rule: p.rule, severity: p.severity, message, l10n: p.l10n && { template: p.l10n.template, args: p.l10n.args.map((a) => this.args.get(a)) } };
      this.texts.set(`${p.rule}\u0000${p.severity}\u0000${message}`, t);
    }
    return { rule: t.rule, severity: t.severity, message: t.message, l10n: t.l10n, start: p.start, end: p.end, fixes: NO_FIXES };
  }
}
