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

/** A fix as data: what the quick fix, fix-all, fix-on-save and `--fix` apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Set when the fix also (or only) renames the file. */
  rename?: RenameEdit['rename'];
  /** The safe, preferred fix: applied by fix-all and `--fix`. */
  preferred?: boolean;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One finding of a rule at an offset range of the post's text. */
export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
}
