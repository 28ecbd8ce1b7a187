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
 * that indent the first line or one indented less (the parser reports that). Only lines from `after` on may end it
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
      // A tab in the indentation where a line may end the document: the parser reports it (libyaml raises an error).
      if (j !== i && (root < 0 || i - pos < root)) return undefined;
      if (root < 0) {
        if (i === pos) return undefined;
        root = i - pos;
      } else if (i - pos < root && pos >= after) return pos;
    }
    pos = nl + 1;
  }
  return undefined;
}
