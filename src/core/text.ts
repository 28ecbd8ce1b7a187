// Small linear string helpers (a `/x+$/` replace is quadratic on a long run of x that is not at the end).

/** Which characters to trim: each character of a string (`'/\\'`), or a one-character test (`/[\s,]/`). */
export type TrimSet = string | RegExp;

function matcher(set: TrimSet): (c: string) => boolean {
  if (typeof set !== 'string') return (c) => set.test(c);
  if (set.length === 1) return (c) => c === set;
  return (c) => set.includes(c);
}

/** The index where `s.slice(start, end)` ends once trailing characters of `set` are dropped (never below `start`). */
export function trimEndIndex(s: string, set: TrimSet, start = 0, end = s.length): number {
  const is = matcher(set);
  while (end > start && is(s[end - 1])) end--;
  return end;
}

/** `s` without trailing characters of `set` (e.g. `trimTrailing(root, '/\\')`). */
export function trimTrailing(s: string, set: TrimSet): string {
  return s.slice(0, trimEndIndex(s, set));
}

/** `s` without leading and trailing characters of `set`. */
export function trimChar(s: string, set: TrimSet): string {
  const is = matcher(set);
  let a = 0;
  while (a < s.length && is(s[a])) a++;
  return s.slice(a, trimEndIndex(s, set, a));
}
