// A fast path for flat front matter (`key: scalar` lines only): the data the YAML parser would give, without it.

/** What the fast path read: data, and the `date:` scalar's source when there is one. */
export interface FastFrontMatter {
  data: Record<string, unknown>;
  /** The `date:` value as written (`raw`, without quotes) and whether it was quoted. */
  date?: { raw: string; quoted: boolean };
}

const OPEN = /^---[ \t]*\r?\n/;
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*\r?$/;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
// Booleans as Psych (and so parsePost) reads them: yes/true/on and no/false/off in any case; `y`/`n` are strings.
const bool = (v: string): boolean | undefined => (/^(?:yes|true|on)$/i.test(v) ? true : /^(?:no|false|off)$/i.test(v) ? false : undefined);

/**
 * Reads front matter made only of top-level `key: scalar` lines (blank and `#` comment lines allowed), the
 * shape of scraper-fed posts, giving exactly the data `parsePost` gives. Anything else — nesting, lists,
 * flow collections, escapes, numbers, anchors, a quote inside a quoted value, a non-date value starting
 * with a digit or sign — returns undefined, and the caller uses the full YAML parser.
 */
export function fastFrontMatter(text: string): FastFrontMatter | undefined {
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = OPEN.exec(text.slice(at, at + 8));
  if (!open) return undefined;
  const data: Record<string, unknown> = Object.create(null);
  const out: FastFrontMatter = { data };
  let pos = at + open[0].length;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return undefined;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    const c = line.charCodeAt(0);
    if ((c === 45 || c === 46) && /^(?:---|\.\.\.)[ \t]*\r?$/.test(line)) return out;
    if (/^[ \t]*\r?$/.test(line) || c === 35) continue;
    const m = LINE.exec(line);
    if (!m || m[1] in data || bool(m[1]) !== undefined || NULLS.has(m[1]) || m[1] === '__proto__' || m[1] === '<<') return undefined;
    const key = m[1];
    const v = m[2] ?? '';
    const q = v.charCodeAt(0);
    if (q === 34 || q === 39) {
      const close = v.indexOf(q === 34 ? '"' : "'", 1);
      if (close < 0 || (q === 34 && v.slice(1, close).includes('\\'))) return undefined;
      const rest = v.slice(close + 1);
      if (rest !== '' && !/^[ \t]+#/.test(rest)) return undefined;
      const s = v.slice(1, close);
      if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(s)) return undefined;
      data[key] = s;
      if (key === 'date') out.date = { raw: s, quoted: true };
      continue;
    }
    const hash = v.search(/[ \t]#/);
    const plain = (hash < 0 ? v : v.slice(0, hash)).replace(/[ \t]+$/, '');
    if (/^[-?:,[\]{}#&*!|>%@`]/.test(plain) && !(key === 'date' && /^[-+]\d/.test(plain))) return undefined;
    if (/:[ \t]|:$|[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(plain) || /[[\]{},]/.test(plain.charAt(0))) return undefined;
    if (/^[-+.0-9]/.test(plain)) {
      if (key !== 'date') return undefined;
      // The date is read from its source text by readDate, as the full path does.
      data[key] = plain;
      out.date = { raw: plain, quoted: false };
      continue;
    }
    if (NULLS.has(plain)) data[key] = null;
    else if (bool(plain) !== undefined) data[key] = bool(plain);
    else if (/^\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(plain)) return undefined;
    else data[key] = plain;
    if (key === 'date' && data[key] !== null) out.date = { raw: plain, quoted: false };
  }
}
