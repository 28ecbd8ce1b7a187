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
 * when the first content line is not indented, no such line comes before `limit`, or a tab indents one (the parser
 * reports that). The caller checks that the lines above do read as a block collection (a quoted scalar or a flow
 * collection may run on past such a line).
 */
export function indentedRootEnd(yaml: string, limit: number): number | undefined {
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
      if (j !== i) return undefined;
      if (root < 0) {
        if (i === pos) return undefined;
        root = i - pos;
      } else if (i - pos < root) return pos;
    }
    pos = nl + 1;
  }
  return undefined;
}

/**
 * The error libyaml raises on the first token of the line at `at` (it scans that token before it ends the first
 * document, see {@link indentedRootEnd}): an unclosed quoted scalar or a bad escape in one, a character no token
 * starts with (`@`, `` ` ``, `%` after column 0, a tab), an anchor or alias without a name, a bad block scalar header or
 * verbatim tag. Undefined when the token scans; its offsets are into `yaml`.
 */
export function nextTokenError(yaml: string, at: number): { message: string; start: number; end: number } | undefined {
  let i = at;
  while (yaml.charCodeAt(i) === 32 || (i === at && yaml.charCodeAt(i) === 0xfeff)) i++;
  const c = yaml[i];
  const err = (message: string) => ({ message, start: i, end: i + 1 });
  if (c === '"' || c === "'") {
    const re = c === '"' ? /^"(?:[^"\\]|\\(?:[0abt\tnvfre "/\\N_LP\n]|\r\n|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))*"/ : /^'(?:[^']|'')*'/;
    if (re.test(yaml.slice(i))) return undefined;
    if (c === '"' && /^"(?:[^"\\]|\\[\s\S])*"/.test(yaml.slice(i))) return err('found unknown escape character while parsing a quoted scalar');
    return err('found unexpected end of stream while scanning a quoted scalar');
  }
  if (c === '@' || c === '`' || c === '\t' || (c === '%' && i > at)) return err('found character that cannot start any token while scanning for the next token');
  if ((c === '&' || c === '*') && !/[0-9A-Za-z_-]/.test(yaml[i + 1] ?? '')) return err(`did not find expected alphabetic or numeric character while scanning an ${c === '&' ? 'anchor' : 'alias'}`);
  if ((c === '|' || c === '>') && !/^[|>](?:[-+][1-9]?|[1-9][-+]?)?[ \t]*(?:#|\r?\n|$)/.test(yaml.slice(i, i + 8))) return err('did not find expected comment or line break while scanning a block scalar');
  if (c === '!' && yaml[i + 1] === '<' && !/^!<[^>\s]+>/.test(yaml.slice(i, yaml.indexOf('\n', i) >>> 0))) return err("did not find the expected '>' while scanning a tag");
  return undefined;
}
