// The CSS normalisation of the Sass oracle: Jekyll's libsass (compact style) and Dart Sass (expanded) write the same rules differently.
/** Percent `rgb()` (Dart Sass's output for computed colours) as the hex libsass writes, rounded as browsers round channels. */
function hexColors(css: string): string {
  return css.replace(/rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)/g, (_m, ...c: string[]) => `#${c.slice(0, 3).map((v) => Math.round(parseFloat(v) * 2.55).toString(16).padStart(2, '0')).join('')}`);
}

/**
 * One line per rule, `context|selector{declarations}`, after: comments and `@charset` removed, whitespace collapsed,
 * percent colours as hex, parentheses around a product inside `calc()` dropped (libsass keeps them, Dart Sass does
 * not; same value), quotes around identifier attribute values dropped, and consecutive rules with the same context and
 * selector in one block merged into the first (libsass moves the declarations written after a nested rule up into the
 * parent's rule, Dart Sass keeps them in a second rule after the nested one; the cascade differs only when a rule in
 * between sets the same property with the same specificity, which the compared sites do not).
 */
export function normalizeCss(css: string): string[] {
  let s = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@charset[^;]*;/g, '').replace(/\s+/g, ' ');
  s = s.replace(/\s*([{}:;,>])\s*/g, '$1').replace(/;}/g, '}');
  s = hexColors(s);
  s = s.replace(/(calc\([^()]*?)\(([\d.]+[a-z%]* [*/] [\d.]+[a-z%]*)\)/g, '$1$2');
  s = s.replace(/\[([\w-]+)="([\w-]+)"\]/g, '[$1=$2]');
  const out: string[] = [];
  const stack: string[] = [];
  const first = new Map<string, number>();
  // Rules are merged only within one block: the index of the first rule of the innermost open block.
  let blockStart = 0;
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{', i);
    const close = s.indexOf('}', i);
    if (close >= 0 && (open < 0 || close < open)) { stack.pop(); blockStart = out.length; i = close + 1; continue; }
    if (open < 0) break;
    const head = s.slice(i, open).trim();
    if (head.startsWith('@')) { stack.push(head); blockStart = out.length; i = open + 1; continue; }
    const end = s.indexOf('}', open);
    const body = s.slice(open + 1, end);
    const ctx = stack.join(' ');
    const key = `${ctx}|${head}{`;
    const at = first.get(key);
    if (at !== undefined && at >= blockStart) out[at] = `${out[at].slice(0, -1)};${body}}`;
    else { first.set(key, out.length); out.push(`${key}${body}}`); }
    i = end + 1;
  }
  return out;
}
