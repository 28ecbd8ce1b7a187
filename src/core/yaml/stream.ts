// Where Psych stops reading a front matter: the end of the stream's first document.
// A `%` directive or a `---` / `...` marker at column 0 ends the first document (libyaml's scanner sees a new token there).
const NEXT_DOCUMENT = /^(?:%|(?:---|\.\.\.)(?=[ \t\r\n\x85\u2028\u2029]|$))/m;

/**
 * Offset in `yaml` (the text between Jekyll's fences) where its first YAML document ends: Jekyll calls
 * `Psych.safe_load`, which reads only the first document, so nothing after a column-0 `%` line or `---`/`...`
 * marker line is read or can be an error. `yaml.length` when there is no such line.
 */
export function firstDocumentEnd(yaml: string): number {
  const m = NEXT_DOCUMENT.exec(yaml);
  return m ? m.index : yaml.length;
}

/**
 * The error libyaml raises on the directive line that ends the first document (it scans the line before it
 * ends the document): `%` without a name, a `%YAML` without a `major.minor` version, a `%TAG` without handle and
 * prefix, anything but a comment after them, or any other name (libyaml 0.2.5 knows only YAML and TAG). Undefined when fine.
 */
export function directiveError(line: string): string | undefined {
  const m = /^%([0-9A-Za-z_-]*)/.exec(line);
  if (!m) return undefined;
  if (m[1] === '') return 'could not find expected directive name while scanning a directive';
  const rest = line.slice(m[0].length).replace(/\r$/, '');
  if (m[1] === 'YAML') return /^[ \t]+\d+\.\d+[ \t]*(?:#.*)?$/.test(rest) ? undefined : 'did not find expected comment or line break while scanning a directive';
  if (m[1] === 'TAG') return /^[ \t]+!\S*[ \t]+\S+(?:[ \t]+(?:#.*)?)?$/.test(rest) ? undefined : 'did not find expected comment or line break while scanning a directive';
  return 'found unknown directive name while scanning a directive';
}

/**
 * Where the first YAML document ends when its first content line is indented (`  title: x`): libyaml closes that
 * block collection at the first later line indented less (blank and `#` comment lines aside), and Psych returns the
 * first document there without reading on, so `date: …` below ` title: x` is silently dropped by Jekyll. Undefined
 * when the first content line is not indented, no such line comes before `limit`, or a tab follows the spaces
 * that indent the first line (the parser reports that). Only lines from `after` on may end it
 * (the caller tries the next such line when a quoted scalar or flow collection runs on past one). The caller checks that the lines above do read as a block collection (a quoted scalar or a flow
 * collection may run on past such a line).
 */
export function indentedRootEnd(yaml: string, limit: number, after = 0): number | undefined {
  let root = -1;
  for (let pos = 0; pos < limit;) {
    let nl = yaml.indexOf('\n', pos);
    if (nl < 0) nl = yaml.length;
    let i = pos;
    // libyaml skips a BOM at the start of a line as one column of indentation (libyamlView makes it a space).
    while (i < nl && (yaml.charCodeAt(i) === 32 || (i === pos && yaml.charCodeAt(i) === 0xfeff))) i++;
    let j = i;
    while (j < nl && (yaml.charCodeAt(j) === 9 || yaml.charCodeAt(j) === 32 || yaml.charCodeAt(j) === 13)) j++;
    const c = yaml.charCodeAt(j);
    if (j < nl && c !== 35) {
      // A tab in the first line's indentation: the parser reports it. A tab after fewer spaces than that on a later line
      // may end the document too (libyaml then fails on the tab, see nextTokenError) unless a quoted scalar runs on there.
      if (j !== i && root < 0) return undefined;
      if (root < 0) {
        if (i === pos) return undefined;
        root = i - pos;
      } else if (i - pos < root && pos >= after) return pos;
    }
    pos = nl + 1;
  }
  return undefined;
}

/**
 * Where the first document of an indented first line ends in the middle of the line at `lineStart` (indented less
 * than the first): a `quote`d scalar (`'` or `"`) running on to that line closes on it, and a token follows it on the
 * line left of the first line's column. libyaml ends block collections token by token, so the document ends right
 * after that quote (`    k: 'a` then `b' c` reads `k: "a b"`; seed 66). The offset after the quote, or undefined.
 */
export function quotedRootEnd(yaml: string, lineStart: number, quote: string): number | undefined {
  let nl = yaml.indexOf('\n', lineStart);
  if (nl < 0) nl = yaml.length;
  let i = lineStart;
  for (; i < nl; i++) {
    if (quote === '"' && yaml[i] === '\\') i++;
    else if (yaml[i] === quote) { if (quote === "'" && yaml[i + 1] === "'") i++; else break; }
  }
  if (i >= nl) return undefined;
  let k = i + 1;
  while (yaml[k] === ' ' || yaml[k] === '\t') k++;
  if (k >= nl || yaml[k] === '#' || yaml[k] === '\r') return undefined;
  // The first content line's indentation (a BOM at column 0 is one column, as libyaml skips it).
  const first = /^(?:[ \t\r]*(?:#[^\n]*)?\n)*(\ufeff? *)/.exec(yaml)!;
  return k - lineStart < first[1].length ? i + 1 : undefined;
}
