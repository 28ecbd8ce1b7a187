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
