// Copies of strings that no longer point into the text they were cut from (a cache of 20,000 posts kept every post's whole text).

// V8 makes a substring of 13 or more characters a view into its parent (a "sliced string") and a concatenation a
// pair of pointers (a "cons string"): a title, a tag or a message built from the date keeps the whole file it came
// from alive for as long as it is kept. A heap snapshot of the extension host with 20,000 posts held 15 MB of post
// texts this way. Shorter strings are copied by V8 already.
const MIN_VIEW = 13;

/**
 * A string equal to `s` that holds no reference to a larger string: for values kept long after their text is gone
 * (caches of posts read from disk). Costs one copy of `s`.
 */
export function detachString(s: string): string {
  // Slicing the concatenation flattens it into a new string of s.length + 1 characters; the result is a view into that.
  return s.length < MIN_VIEW ? s : (` ${s}`).slice(1);
}

/**
 * Replaces, in place, every string in `value` (plain objects and arrays, recursively, up to `depth` levels) by
 * {@link detachString}'s copy; returns `value`.
 */
export function detachStrings<T>(value: T, depth = 4): T {
  if (depth < 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = detachString(v); else detachStrings(v, depth - 1);
    }
    return value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'string') o[k] = detachString(v); else detachStrings(v, depth - 1);
  }
  return value;
}

/**
 * One detached copy ({@link detachString}) of each distinct string: values that repeat across posts (a tag, a
 * timezone) are kept once. Starts over after `limit` distinct strings (a bound on its memory; sharing is only a saving).
 */
export class DetachedStrings {
  private readonly kept = new Map<string, string>();
  constructor(private readonly limit = 20000) {}

  /** The kept copy of `s`. */
  get(s: string): string {
    let k = this.kept.get(s);
    if (k === undefined) {
      if (this.kept.size >= this.limit) this.kept.clear();
      k = detachString(s);
      this.kept.set(k, k);
    }
    return k;
  }

  clear(): void { this.kept.clear(); }
}
