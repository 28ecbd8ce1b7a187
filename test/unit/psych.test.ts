// Fixed cases where Post Desk's reading once differed from Jekyll's: pinned values, and Psych itself agreeing.
import * as assert from 'node:assert/strict';
import { parsePost } from '../../src/core/parse';
import { agree, postDeskRead, psychRead, RUBY_PATH, type Reading } from './psych';
import { needsTool } from './needs';

const fm = (yaml: string) => `---\n${yaml}---\nbody\n`;
const data = (d: Record<string, unknown>): Reading => ({ fence: true, ok: true, data: d });
const ERROR: Reading = { fence: true, ok: false, error: '' };

// Post text → what Jekyll 4.3.1 reads (as checked with Psych 4.0.3 / libyaml 0.2.5).
const CASES: [string, string, Reading][] = [
  ['E1 is a string', fm('tags: E1\n'), data({ tags: 'E1' })],
  ['1e5 is a string (a float needs a dot)', fm('title: 1e5\n'), data({ title: '1e5' })],
  ['1.0e+5 is a float', fm('title: 1.0e+5\n'), data({ title: 100000 })],
  ['a tab-only line after `published:`', fm('published:\n\t\ntags: x\n'), ERROR],
  ['a repeated key keeps the last value', fm('title: a\nlayout: post\ntitle: b\n'), data({ title: 'b', layout: 'post' })],
  ['a repeated layout', fm('layout: post\nlayout: page\n'), data({ layout: 'page' })],
  ['12:30 is sexagesimal as Psych computes it', fm('title: 12:30\n'), data({ title: 45000 })],
  ['1:30:15 is sexagesimal', fm('title: 1:30:15\n'), data({ title: 5415 })],
  ['a date value is a Date', fm('title: 2021-12-08\n'), data({ title: { $date: '2021-12-08' } })],
  ['an impossible date stays a string', fm('title: 2021-02-30\n'), data({ title: '2021-02-30' })],
  ['a timestamp without offset is UTC', fm('date: 2021-12-08 10:00:00\n'), data({ date: { $time: '2021-12-08T10:00:00.000Z' } })],
  ['a timestamp with offset', fm('date: 2021-12-08 10:00:00 +0800\n'), data({ date: { $time: '2021-12-08T02:00:00.000Z' } })],
  ['hour 25 stays a string', fm('date: 2021-12-08 25:00:00 +0800\n'), data({ date: '2021-12-08 25:00:00 +0800' })],
  ['a non-ASCII anchor name', fm('title: &快讯 央行\n'), ERROR],
  ['U+2028 inside a plain title', fm('title: a\u2028b\n'), ERROR],
  ['y and n are strings, yes/no/on/off booleans', fm('a: y\nb: n\nc: yes\nd: Off\ne: TRUE\n'), data({ a: 'y', b: 'n', c: true, d: false, e: true })],
  ['ints with _ and , separators, octal, hex, binary', fm('a: 1_000\nb: 1,000\nc: 012\nd: 0x1F\ne: 0b101\nf: 08\n'), data({ a: 1000, b: 1000, c: 10, d: 31, e: 5, f: '08' })],
  ['~ and null', fm('a: ~\nb: NULL\nc: nil\n'), data({ a: null, b: null, c: 'nil' })],
  ['special floats', fm('a: .inf\nb: -.Inf\nc: .NaN\nd: .5\ne: 1.\n'), data({ a: { $float: 'Infinity' }, b: { $float: '-Infinity' }, c: { $float: 'NaN' }, d: 0.5, e: 1 })],
  ['a :symbol is not permitted', fm('title: :x\n'), ERROR],
  ['0x alone is an error in Psych', fm('title: 0x_\n'), ERROR],
  ['a second document is not read', fm('title: a\n--- [x\n'), data({ title: 'a' })],
  ['a directive line ends the first document', fm('title: a\n%YAML 1.1\nb: [\n'), data({ title: 'a' })],
  ['!!set is not permitted', fm('a: !!set {x: null}\n'), ERROR],
  ['!!str keeps a number a string', fm('a: !!str 12\n'), data({ a: '12' })],
  ['a single-quoted item whose last quote is escaped', fm("tag:\n  - '''\n  # note\n  - \"x'\"\ndate:\n"), ERROR],
  ['a double-quoted item ending in an escaped quote', fm('tags:\n- "a\\"\n# top\nauthor: "b"\n'), ERROR],
  ['a BOM starting a line inside a plain scalar', fm('a: 0x1F\n\ufeff\t}x\ndate:\n'), ERROR],
  // An indented first line: libyaml ends the first document at the first line indented less; Psych stops there.
  ['an indented first line, then a key at column 0', fm(' title: x\ndate: 2021-01-01\n'), data({ title: 'x' })],
  ['an indented first line, then a key indented less', fm('  title: x\n date: 2021-01-01\n'), data({ title: 'x' })],
  ['an indented block list, then a key at column 0', fm(' tags:\n - a\n - b\ndate: 2021-01-01\n'), data({ tags: ['a', 'b'] })],
  ['an indented first line and comments, blank lines and CRLF', ' \r\n  # c\r\n title: x # c\r\n\r\n# c\r\ndate: y\r\n'.replace(/^/, '---\r\n') + '---\r\n', data({ title: 'x' })],
  ['an indented first line at the same indent throughout', fm(' title: x\n date: y\n'), data({ title: 'x', date: 'y' })],
  ['the first token after the dedent is scanned: an unclosed quote', fm(' title: x\n"a\n'), ERROR],
  ['the first token after the dedent is scanned: a closed multi-line quote', fm(" title: x\n'a\n\nb'\n"), data({ title: 'x' })],
  ['the first token after the dedent is scanned: a bad escape', fm(' title: x\n"a\\q"\n'), ERROR],
  ['the first token after the dedent is scanned: `@`', fm(' title: x\n@a\n'), ERROR],
  ['the first token after the dedent is scanned: `%` after column 0', fm('  title: x\n %a\n'), ERROR],
  ['the first token after the dedent is scanned: an anchor without a name', fm(' title: x\n& a\n'), ERROR],
  ['the first token after the dedent is scanned: a bad block scalar header', fm(' title: x\n>2x\n'), ERROR],
  ['the first token after the dedent is scanned: `[`, `-`, `:`, `?` are fine', fm(' title: x\n[a\n'), data({ title: 'x' })],
  ['a plain scalar ends at the dedent', fm(' title: x\ny\n'), data({ title: 'x' })],
  ['a block scalar ends at the dedent', fm(' title: |\n  x\ny\n'), data({ title: 'x\n' })],
  ['an indented first line: errors above the dedent are still errors', fm(' title: x\n  date: y\nz: 1\n'), ERROR],
  ['an indented first line: a key that may end at the dedent has its next token scanned', fm(' a: x\nb "n" #\n\t\n'), ERROR],
  ['an indented first line: a tab in deeper content is text', fm('  yes: >+\n    y\n\n    \t!|\n categories: x\n'), data({ true: 'y\n\n\t!|\n' })],
  ['the non-specific tag `!` resolves its text as Psych does', fm('a: !\nb: ! 12\nc: ! ""\nd:\n- !\ne: ! true\n'), data({ a: null, b: 12, c: null, d: [null], e: true })],
  ['a tag with a character libyaml does not take in a URI', fm('a: !x[y] 1\n'), ERROR],
  ['a tag glued to a `]` in a flow list', fm('a: [!x] \n'), ERROR],
  ['a tag then `,` in a flow list', fm('a: [!x, 1]\n'), data({ a: [null, 1] })],
  ['a tag with a bad escaped octet', fm('a: !x%4 1\n'), ERROR],
  ['`!!` without a suffix', fm('a: !! 1\n'), ERROR],
  ['`?` starts a key in a flow list even without a blank', fm('a: [?x, ?9e, b]\n'), data({ a: [{ x: null }, { '9e': null }, 'b'] })],
  ['a BOM at column 0 before a comment', fm('a: 1\n\ufeff# c\nb: 2\n'), data({ a: 1, b: 2 })],
  ['a local tag is ignored and the text tokenized', fm('a: !foo 12\nb: !foo "12"\nc: !Z\nd: [!_, "y"]\n'), data({ a: 12, b: 12, c: null, d: [null, 'y'] })],
  ['a value without a key', fm('a: 1\n: 2\n'), ERROR],
  ['a value without a key on a more indented line', fm('a: x\n  : y\n'), ERROR],
  ['a value without a key after a block scalar', fm(' a: |-\n   x\n\n  : y\n'), ERROR],
  ['an explicit empty key is read', fm('? \n: x\n'), data({ '': 'x' })],
  ['a plain scalar\'s next line may start with `{`, `[` or `|` and a `#`', fm('a: x\n  {#y\nb: z\n  [#,-]\nc: z\n  |#w\n'), data({ a: 'x {#y', b: 'z [#,-]', c: 'z |#w' })],
  ['a `:` opening a flow list entry', fm('a: [b, :]\n'), ERROR],
  ['a `: x` opening a flow list', fm('a: [: x]\n'), ERROR],
  ['a lone `?` in a flow list', fm('a: [?]\n'), ERROR],
  ['a `?` glued to a quoted key in a flow list', fm(`a: [?'  x/"9', ?"y", ?'it''s']\n`), data({ a: [{ '  x/"9': null }, { y: null }, { "it's": null }] })],
  ['a blank line holding a tab after a plain scalar', fm('a: x\n \t \nb: y\r\n \t\r\nc: z\n  \t # c\n'), data({ a: 'x', b: 'y', c: 'z' })],
  ['a tab at column 0 on a blank line after a plain scalar', fm('a: x\n\t\nb: y\n'), ERROR],
  ['`-\\t` and `?\\t` inside a block scalar are text', fm('a: |\n  -\tx\n  ?\ty\nb: 1\n  ?\t\n'), data({ a: '-\tx\n?\ty\n', b: '1 ?' })],
  ['an indented first line, then a flow collection: libyaml scans the tokens on its line', fm('  a: x\n [*>e\n'), ERROR],
  ['an indented first line, then a flow collection with a bad tag', fm('  a: x\n{!1`e]\n'), ERROR],
  ['an indented first line, then a flow collection and one more token', fm('  a: x\n{b}>e\n'), ERROR],
  ['an indented first line, then a flow collection that scans', fm('  a: x\n[b, c] d\n'), data({ a: 'x' })],
  ['an indented first line, then an anchor glued to a non-ASCII character', fm('   a: |2\n  &x：y\n'), ERROR],
  ['a value without a key in a list item', fm('k:\n- : x\n'), ERROR],
  ['an explicit empty key', fm('? \n: x\n'), data({ '': 'x' })],
  ['a comment glued to a flow indicator', fm('a: [x]#c\nb: {y}#c\nc: [p,#c\n  q]\n'), data({ a: ['x'], b: { y: null }, c: ['p', 'q'] })],
  ['a lone - item in a flow list', fm('a: [-, b]\nc: [-]\n'), data({ a: ['-', 'b'], c: ['-'] })],
  ['a `- "` inside a flow plain scalar is text', fm('categories: [a- "a, "#a"]\n'), data({ categories: ['a- "a', '#a'] })],
  ['CJK and colons in a plain title', fm('title: 央行：降准 0.5 个百分点\n'), data({ title: '央行：降准 0.5 个百分点' })],
  ['a comment glued to a closing quote', fm('title: "a"# note\n'), data({ title: 'a' })],
  ['a comment glued to a block scalar header', fm('title: ># note\n  text\n'), data({ title: 'text\n' })],
  ['an unknown directive name after the first document', fm('title: a\n%1\n'), ERROR],
  ['a known directive after the first document', fm('title: a\n%YAML 1.1\n'), data({ title: 'a' })],
  ['`:` before a flow indicator in a flow plain scalar', fm('tags: [a:, b]\n'), ERROR],
  ['a control character anywhere', fm('title: a\u0007b\n'), ERROR],
  ['a BOM alone on a line is skipped', fm('title: a\n\ufeff\nlayout: b\n'), data({ title: 'a', layout: 'b' })],
  ['a tab after a list indicator', fm('tags:\n- \tx\n'), ERROR],
  ['a tab starting a comment line', fm('title: a\n\t# c\n'), ERROR],
  ['a quoted value continued on a tab-indented line', fm('title: "bar\n\tbaz"\n'), data({ title: 'bar baz' })],
  ['a lone CR is a line break', fm('title: a\rlayout: b\n'), data({ title: 'a', layout: 'b' })],
  // Found by seeds 3 to 40 of the generator (psych-diff.test.ts): libyaml's scanner after an indented first document.
  ['an indented first line, then an anchor and a second token on its line', fm('    title: x\n&b\t&\ufeffz\n'), ERROR],
  ['an indented first line, then a flow list holding a `|`', fm('   a: x\n[|%~\n'), ERROR],
  ['an indented first line, then a flow plain scalar with `:]`', fm('    a: x\n  [-y:]\t\n'), ERROR],
  ['an indented first line, then a flow plain scalar running on to a `:,`', fm('    a: x\n  [b\n\n  c:,]\n'), ERROR],
  ['an indented first line, then a block scalar whose indentation holds a tab', fm('   a: x\n  >1 \n\t\nb: y\n'), ERROR],
  ['an indented first line, then a block scalar whose first blank line holds a tab', fm('   a: x\n  |#c\n \t\n'), ERROR],
  ['an indented first line, then a flow list over two lines and a key', fm('   a: x\n  [b,\n c] d: e\n'), data({ a: 'x' })],
  // The `yaml` package's reading made libyaml's: a plain scalar's next line, tags, blank block scalars, `?` in a flow list.
  ['a plain scalar\'s next line may start with a quote', fm("a: x\n  \"1a>*!=\nb:  ''#c\n"), data({ a: 'x "1a>*!=', b: '' })],
  ['a plain scalar\'s next line may start with `&` and hold a `!`', fm("author: 9\n &%0'\t!_>Z\n"), data({ author: "9 &%0'\t!_>Z" })],
  ['a tag whose handle is `!` may hold `\'` and `!`', fm("layout: !'!Z\n  1.\nb: &a !1.&!E x\nc: !'!\n"), data({ layout: 1, b: 'x', c: null })],
  ['a `|2` block scalar whose lines hold only blanks', fm('   E1: |2\n      \n   \n'), data({ E1: ' \n' })],
  ['`|+2` and `>-1` block scalars whose lines hold only blanks', fm('a: |+2\n   \n\nb: >-1\n  \n \n   \n\n'), data({ a: ' \n\n', b: ' \n\n  ' })],
  ['a `?` in a flow list whose `,` the parser skips', fm('a: [?,:\t]  #c\nb: [?,]\nc: [?,,d]\n'), data({ a: [{ '': null }], b: [{ '': null }], c: [{ '': null }, 'd'] })],
  ['a `? :` then a scalar in a flow list', fm('a: [? :x]\n'), ERROR],
  ['a `?` where a flow pair\'s value is expected', fm('a: [".>":?_]\n'), ERROR],
  ['a block scalar ended by a comment indented less than its leading blank lines', fm('a: >+\n   \n\n  #\nb: 1\nc: |-\n    \n  # c\n\n # d\nd:\n  - |+\n     \n\n    # e\n  - 2\n'), data({ a: '\n\n', b: 1, c: '', d: ['\n\n', 2] })],
  ['a block scalar ended by a less indented line that is no comment', fm('a: >+\n   \n\n  x\n'), ERROR],
  ['a quoted value continued on a line at column 0', fm('foo: "bar\nbaz"\n'), data({ foo: 'bar baz' })],
  ['a quoted value continued on a line indented less than its key', fm("  tag: 'x\n y'\n b: 1\n"), data({ tag: 'x y' })],
  ['a quoted value over lines: escaped breaks, blank lines, escapes', fm('a: "a \\\n  b\\\n\n c\\x41\n\n\n  d"\n'), data({ a: 'a b\ncA\n\nd' })],
  ['a block list with comments and blank lines', fm('tags:\n  # first\n  - a\n\n  - b # two\ntitle: x\n'), data({ tags: ['a', 'b'], title: 'x' })],
  ['after an indented first document, a named tag handle with no suffix is a scanner error (seed 60)', fm('   a: x\n  !a!>b\n'), ERROR],
  // Found by seeds 54 and 57: a BOM at column 0 then a tab; the indentation an indentation indicator gives.
  ['a BOM at column 0, then a tab (seed 57)', fm('title: x`\n\ufeff\t\na:\n  b: x\n\ufeff \t\n'), ERROR],
  ['a BOM at column 0, then a tab after a mapping value', fm('a:\n\ufeff\t\n'), ERROR],
  ['a `|2` block scalar: a tab past its indentation is text (seed 54)', fm('categories: |2\n   x\n\n  \ta\ntags:\n  - |2\n     x\n\n    \ty\nb: 1\n'), data({ categories: ' x\n\n\ta\n', tags: [' x\n\n\ty\n'], b: 1 })],
  ['a `|2` block scalar in a list: a tab inside its indentation', fm('tags:\n  - |2\n     x\n\n   \ty\nb: 1\n'), ERROR],
  ['a block scalar header at the column of the key above it is its value (seed 57)', fm('a:\n|\nb: #c\n\n# d\n>-#e\n  x\n  y\nc:\n|\n x\nd:\n  e:\n  |2\n     z\n'), data({ a: '', b: 'x y', c: 'x\n', d: { e: ' z\n' } })],
  ['a block scalar header at column 0 after a nested mapping', fm('a:\n  b: 1\n|\n'), ERROR],
  ['a block scalar header at column 0 after a filled value', fm('a: x\n|\n'), ERROR],
  ['a quoted scalar at the column of the key above it', fm('a:\n"x"\n'), ERROR],
  ['an indented first line, then a named tag handle without a URI (seed 60)', fm('   a: >+\n     x\n\n  !a!>b\n'), ERROR],
  ['an indented first line, then a named tag handle with a URI', fm('   a: x\n  !a!b\n'), data({ a: 'x' })],
  ['text glued after the closing quote of an explicit key (seed 68)', fm('k:\n- ? "a\n- "2021\nb: 1\n'), ERROR],
  ['text glued after a quoted explicit key', fm('? \'a\'x\n'), ERROR],
  // Seed 66: an indented first document ends in the middle of a line, right after a quote closing on a line indented less.
  ['an indented first document ending mid-line after a closing quote (seed 66)', fm("    k:\n    - 'a''\n\n- 'b c' # c\n"), data({ k: ["a'\n- "] })],
  ['an indented first document ending after a double quote, a token left of its column', fm('    k: "a\nb" c\n'), data({ k: 'a b' })],
  ['after a quote that ends an indented first document, no simple key: `-` is an error', fm("    k: 'a\nb' - c\n"), ERROR],
  ['after a quote that ends an indented first document, a quoted scalar is no simple key: nothing after it is scanned', fm("    k: 'a\nb' \"c\" @\n"), data({ k: 'a b' })],
  ['a token at the indented first line\'s column after the closing quote ends nothing', fm("    k: 'a\nb'     c\n"), ERROR],
  ['an indented first document: a quoted value continued on a tab-indented line (seed 86)', fm("  a: 'x\n\ty'\n  # c\nb: 1\n"), data({ a: 'x y' })],
  ['an indented first document: a tab indenting a later line left of it', fm('  a: x\n\tb: y\n'), ERROR],
  // Seeds 75 and 95: libyaml has no indentation in flow context; `yaml` wants a flow collection's lines right of its key.
  ['a flow list entry after `?` and a comment going on at column 0 (seed 75)', fm('a: ["x",  ?  #c]\ntags: ZE]\n'), data({ a: ['x', { tags: 'ZE' }] })],
  ['flow collections whose lines start left of their key', fm('a: [x,\n\ny]\nk:\n- [x,\ny]\nm: {a: 1, #c\nb: [c,\n]}\n'), data({ a: ['x', 'y'], k: [['x', 'y']], m: { a: 1, b: ['c'] } })],
  ['an indented first document: a flow value going on left of its key (seed 95)', fm('   a: [x,\n b: [y]]\n c: d\n'), data({ a: ['x', { b: ['y'] }] })],
  ['a flow plain scalar folded over a blank line at column 0', fm('a: [b\n\nc]\n'), data({ a: ['b\nc'] })],
  ['a flow key whose `:` is on a later line at column 0', fm('a: [b\n: c]\n'), ERROR],
  ['a flow plain scalar going on at column 0 after a comment', fm('a: [b #c\nc]\n'), ERROR],
  ['a flow plain scalar going on at column 0 after a comment line', fm('a: [b\n\n#c\nc]\n'), ERROR],
  ['a flow pair\'s value, a comment, then a `,` at column 0', fm('a: [b: c #c\n, d]\n'), data({ a: [{ b: 'c' }, 'd'] })],
  ['an explicit flow key whose `:` is on a later line at column 0', fm('a: [? b\n: c]\n'), data({ a: [{ b: 'c' }] })],
  // Seeds 76, 80 and 82: tags Psych ignores, and libyaml's URI escapes in a tag.
  ['an unknown tag is ignored and the value tokenized, quoted or not (seeds 80, 82)', fm('a: !!x 12\nb: !!x "12"\nc: !!seq\nd: !<x>\ne: !!=!~!/1 2021/12/08\nf: !!x ~\n'), data({ a: 12, b: 12, c: null, d: null, e: '2021/12/08', f: null })],
  ['a URI escape in a tag is one whole UTF-8 character (seed 76)', fm('a: !%EA9 x\n'), ERROR],
  ['URI escapes in a tag: a bad trailing octet', fm('a: !%C3%41 x\n'), ERROR],
  ['URI escapes in a tag: whole UTF-8 characters', fm('a: !%C3%A9 x\nb: !%41 y\nc: !<%E2%82%AC> z\n'), data({ a: 'x', b: 'y', c: 'z' })],
  // Seeds 109 and 112: `?:` in a flow collection; a tab on a blank line after an empty value.
  ['`?:` in a flow collection is an empty key and value (seed 109)', fm('a: [_!,?:]\nb: [?:, x]\nd: {?:}\n'), data({ a: ['_!', { '': null }], b: [{ '': null }, 'x'], d: { '': null } })],
  ['`?:` at a line end in a flow list', fm('a: [?:\n ]\nb: [x, ?:\r\n , y]\n'), data({ a: [{ '': null }], b: ['x', { '': null }, 'y'] })],
  ['a tab on a blank line after an empty value (seed 112)', fm(' date: =  #c\t\n k_1: \t\n    \t\n layout: x\n'), ERROR],
  ['`?` then a tag in a flow list: a key with that tag (seed 131)', fm("author: [?!e, 'x', +]\nb: [?!e x]\nc: [?!!str]\n"), ERROR],
  ['`?` then a tag and a key in a flow list (seed 131)', fm("author: [?!e, 'x', +]\nb: [?!e x]\n"), data({ author: [{ '': null }, 'x', '+'], b: [{ x: null }] })],
  // Keys that are not strings: Jekyll's data has them as Ruby prints them (`to_s`; a list or map key is its `inspect`).
  ['a list as a key (seed 43): its Ruby inspect', fm('published:\n- [ ~ E+]\t:  #c\n'), data({ published: [{ '["~ E+"]': null }] })],
  ['list and map keys of every scalar kind', fm('? [~, 1, true, 2.5, "q\\"#{x}\\t", [b], 2021-01-02]\n: x\n? {a: 1, ~: [c]}\n: y\n'), data({ '[nil, 1, true, 2.5, "q\\"\\#{x}\\t", ["b"], #<Date: 2021-01-02 ((2459217j,0s,0n),+0s,2299161j)>]': 'x', '{"a"=>1, nil=>["c"]}': 'y' })],
  ['float keys print as Ruby prints floats', fm('1.5: a\n1.0e+20: b\n0.00015: c\n1.5e-05: d\n-2.5e-3: e\n123456789012345.6: f\n'), data({ '1.5': 'a', '1.0e+20': 'b', '0.00015': 'c', '1.5e-05': 'd', '-0.0025': 'e', '123456789012345.6': 'f' })],
  ['a float key with a whole value keeps its fraction, as Ruby prints a Float', fm('1.0: a\n-2.5e+3: b\n? [1.0, 2]\n: d\n1:30.0: f\n!!float 2: g\n'), data({ '1.0': 'a', '-2500.0': 'b', '[1.0, 2]': 'd', '5400.0': 'f', '2.0': 'g' })],
  ['a time as a key prints as Ruby prints a Time: as written, with its offset', fm('2021-01-02 03:04:05: a\n2021-1-2 3:04:05.5 +08:00: b\n2021-01-02T03:04:05.5Z: c\n? [2021-01-02 03:04:05.250 -5]\n: d\n'), data({ '2021-01-02 03:04:05 +0000': 'a', '2021-01-02 03:04:05 +0800': 'b', '2021-01-02 03:04:05 UTC': 'c', '[2021-01-02 03:04:05.25 -0500]': 'd' })],
  ['control and separator characters in a list key: escaped as Ruby escapes them', fm('? ["\\u0001\\u0085\\u2028\\e\\u007f\\u0080é#$"]\n: x\n'), data({ ['["\\u0001\u0085\\u2028\\e\\u007F\\u0080é\\#$"]']: 'x' })],
];

describe('Psych reading: fixed cases', function () {
  for (const [name, text, want] of CASES) {
    it(name, () => {
      const got = postDeskRead(text);
      assert.ok(agree(got, want), `Post Desk: ${JSON.stringify(got)}\nexpected: ${JSON.stringify(want)}`);
    });
  }

  it('a repeated key is a warning naming the lost value, not an error', () => {
    const p = parsePost(fm('title: first one\nlayout: post\ntitle: second\n'));
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.duplicates.map((d) => [d.key, d.lost]), [['title', 'first one']]);
    assert.equal(p.data.title, 'second');
  });
});

describe('Psych reading: fixed cases against Psych itself', function () {
  this.timeout(120000);
  let psych: Reading[] = [];
  before(function () {
    needsTool(this, RUBY_PATH, 'apt-get install jekyll (it brings ruby and Psych)');
    psych = psychRead(CASES.map((c) => c[1]));
  });
  CASES.forEach(([name, , want], i) => {
    it(name, () => assert.ok(agree(psych[i], want), `Psych: ${JSON.stringify(psych[i])}\nexpected: ${JSON.stringify(want)}`));
  });
});
