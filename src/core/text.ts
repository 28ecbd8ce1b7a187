// Small linear string helpers (a `/x+$/` replace is quadratic on a long run of x that is not at the end).

/** `s` without trailing `ch` characters. */
export function trimTrailing(s: string, ch: string): string {
  const c = ch.charCodeAt(0);
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === c) e--;
  return s.slice(0, e);
}

/** `s` without leading and trailing `ch` characters. */
export function trimChar(s: string, ch: string): string {
  const c = ch.charCodeAt(0);
  let a = 0;
  while (a < s.length && s.charCodeAt(a) === c) a++;
  return trimTrailing(s.slice(a), ch);
}
