// Generated front matter in the shapes editors and scrapers write, over wide alphabets, for the Psych differential test.
import fc from 'fast-check';

const KEYS = ['title', 'layout', 'date', 'categories', 'tags', 'tag', 'published', 'author', 'a', 'b', 'k_1', '标题', 'E1', '1', 'yes'];
// Scalars Psych reads specially, and look-alikes that stay strings.
const TRICKY = ['1e5', 'E1', '1.0e+5', '1.5E-3', '12:30', '1:30:15', '-1:30', '1:30.5', '2021-12-08', '2021-2-3', '2021-02-30', '2021-12-08 10:00:00',
  '2021-12-08 10:00:00 +0800', '2021-12-08T10:00:00Z', '2021-12-08 10:00:00.123456 -05:30', '2021-12-08 25:00:00 +0800', '2021-12-08 10:00',
  '0x1F', '0b101', '012', '08', '0', '-0', '+12', '1_000', '1,000', '1__0', '.5', '1.', '-.', '.', '-.inf', '+.INF', '.NaN', '~', 'null', 'Null',
  'NULL', 'nil', 'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False', '=', '<<', '21shijijingji', '3.0.1', '1.2.3.4', '0.1_5', '99999999999999999999',
  '+0800', '2021/12/08 10:00:00', 'Dec 8 2021 10am', '东财滚动新闻', 'emnews', '央行：降准 0.5 个百分点', 'a b  c', 'x#y', 'a:b', 'http://x.cn/a?b=1'];
const ALPHABET = ['a', 'b', 'Z', 'E', 'e', 'x', '0', '1', '9', '.', '-', '+', ':', ' ', ' ', '\t', '#', '"', "'", '央', '行', '：', '，', '“', '[', ']', '{',
  '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '\\', '_', '~', '?', '/', '=', '\u0007', '\u00a0', '\u3000', '\ufeff', 'é'];

const word = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
const scalarText = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 3, arbitrary: word });

const escapeDouble = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
/** A scalar as written: plain (maybe invalid), quoted (sometimes with a bare quote inside), with an anchor or comment. */
// (Quotes close on their own line here, so that each seed keeps its cases; a quote running on to later lines comes from the
// two-line entry below and from the fixed cases in psych.test.ts.)
const closed = (v: string) => (v[0] === '"' ? /^"(?:[^"\\]|\\[^])*"/.test(v) : v[0] === "'" ? /^'(?:[^']|'')*'(?!')/.test(v) : true);
const closesOnItsLine = ([s, st]: [string, string, string]) => closed(st === 'double-raw' ? `"${s}"` : st === 'single-raw' ? `'${s}'` : st === 'plain' ? s : '');
const scalar = fc.tuple(scalarText, fc.constantFrom('plain', 'plain', 'plain', 'double', 'double-raw', 'single', 'single-raw'), fc.constantFrom('', '', '', ' # c', '  #c', ' #'))
  .filter(closesOnItsLine)
  // (An anchor glued to a `?`/`:`/`%`/`@`/`` ` `` that starts the value, `&b?x`, is a listed leniency, docs/yaml-leniency.md: not generated.)
  .filter(([s, st]) => st !== 'plain' || !/^[ \t]*[&*][0-9A-Za-z_-]+[?:%@`]/.test(s))
  .map(([s, st, comment]) => {
    const style = st;
    const v = style === 'double' ? `"${escapeDouble(s)}"` : style === 'double-raw' ? `"${s}"` : style === 'single' ? `'${s.replace(/'/g, "''")}'` : style === 'single-raw' ? `'${s}'` : s;
    return v + comment;
  });

const anchor = fc.constantFrom('', '', '', '&a ', '&b1 ', '&快 ');
// What editors put after a key's colon: a space, several, a tab, nothing at all (`key:value`).
const afterColon = fc.constantFrom(' ', ' ', ' ', ' ', ' ', '  ', '\t', ' \t', '');
/** `key: value` and what may follow it on later lines. */
const entry = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(
  // `key:'x'` would make the key run on to the quote: only plain values follow a colon directly.
  { weight: 6, arbitrary: fc.tuple(afterColon, anchor, scalar).map(([sep, a, v]) => `${sep === '' && (a || /^["']/.test(v)) ? ' ' : sep}${a}${v}`) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(' *a', ' *b1', ' *zz') },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }).map((xs) => ` [${xs.join(', ')}]`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('  ', '', '    ', '\t'), fc.array(fc.tuple(scalar, fc.constantFrom('', '', '\n', '\n  # note', '\n# top')), { minLength: 1, maxLength: 4 }))
    .map(([ind, xs]) => `\n${xs.map(([x, after]) => `${ind}- ${x}${after}`).join('\n')}`) },
  { weight: 1, arbitrary: fc.tuple(scalarText, scalarText, fc.constantFrom('  ', ' ', '', '\t')).filter(([x, y, ind]) => (ind !== '' ? closed(`${x} ${y}`) : !/^["']/.test(x))).map(([x, y, ind]) => ` ${x}\n${ind}${y}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('|', '>', '|-', '>+', '|2'), scalarText, scalarText).map(([h, x, y]) => ` ${h}\n  ${x}\n\n  ${y}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYS), scalar).map(([k, v]) => `\n  ${k}: ${v}`) },
)).map(([k, v]) => `${k}:${v}`);

const filler = fc.constantFrom('', '', '', '', '\n', '# comment\n', '  # indented comment\n', ' \n', '\t\n');

/** A whole front matter's lines: generated entries, blank and comment lines between, some with trailing blanks. */
const lines = fc.array(fc.tuple(filler, entry, fc.constantFrom('', '', '', '', ' ', '  ', '\t')), { minLength: 1, maxLength: 6 })
  .map((es) => es.map(([f, e, trail]) => `${f}${e}${trail}\n`).join('').split('\n').slice(0, -1));

/**
 * Indentation editors leave in: the first `n` lines indented (libyaml ends the first document at the first line
 * indented less: Jekyll drops the rest), the later lines indented less or not at all; or no change.
 */
const indentation = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '  ', '   ', '    '), fc.nat(4), fc.constantFrom('', '', '', ' ')) },
);

/** A whole post: front matter of generated lines (maybe indented, then dedented), then a body; sometimes a BOM, sometimes CRLF. */
export const generatedPost = fc.tuple(lines, indentation, fc.constantFrom('', '', '', '', '\ufeff'), fc.constantFrom('\n', '\n', '\n', '\r\n'))
  .map(([ls, ind, bom, eol]) => {
    const indented = ind ? ls.map((l, i) => (i <= ind[1] ? ind[0] : ind[2].length < ind[0].length ? ind[2] : '') + l) : ls;
    return bom + `---\n${indented.map((l) => `${l}\n`).join('')}---\nbody\n`.replace(/\n/g, eol);
  });
