// Shared data shapes of the core: edits as offsets, fixes as data, problems with ranges.

/** A replacement of `text.slice(start, end)` by `newText`, in offsets (UTF-16 code units) of the exact text given. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A file rename, for fixes that change a post's file name. Paths are absolute. */
export interface RenameEdit {
  rename: { from: string; to: string };
}

/** A message as a literal English template with `{0}`… placeholders and their values, for localized UIs. */
export interface L10nText {
  template: string;
  args: string[];
}

/** A fix as data: what the quick fix, fix-all, fix-on-save and `--fix` apply. */
export interface Fix {
  /** English title (what the CLI prints). */
  title: string;
  /** The title as template and args (see `msg` in core/messages.ts); `title` is its English text. */
  l10n?: L10nText;
  edits: TextEdit[];
  /** Set when the fix also (or only) renames the file. */
  rename?: RenameEdit['rename'];
  /** The safe, preferred fix: applied by fix-all and `--fix`. */
  preferred?: boolean;
  /**
   * Set when `edits` apply to another file than the post (the site's `_config.yml`): its absolute path, and the text
   * the offsets are into (the string Post Desk read, shared, not a copy). Apply only while the file still has that text.
   */
  target?: FixTarget;
}

/** The file a fix edits when it is not the post. */
export interface FixTarget {
  file: string;
  text: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One finding of a rule at an offset range of the post's text. */
export interface Problem {
  rule: string;
  severity: Severity;
  /** English message (what the CLI prints). */
  message: string;
  /**
   * The message as template and args (see `msg` in core/messages.ts); `message` is its English text. `suffix` is a
   * note appended to it (`message` = text of the template, then text of the suffix).
   */
  l10n?: L10nText & { suffix?: L10nText };
  start: number;
  end: number;
  fixes: Fix[];
}
