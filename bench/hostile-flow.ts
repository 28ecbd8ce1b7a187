// Hostile front matter of the flow-collection family (and dense block YAML to compare with), at any size; shared by bench/hostile-cases.ts and test/unit/hostile-flow.test.ts.

/** A front matter shape: `make(n)` gives YAML text (no fences) of about `n` characters; `items` how many list items it holds. */
export interface FlowShape {
  name: string;
  what: string;
  make: (n: number) => { yaml: string; items: number };
}

/** `head` + `unit` repeated while the text stays under `n` + `tail`; the repeats counted. */
function fill(head: string, unit: string, tail: string, n: number): { yaml: string; items: number } {
  const k = Math.max(1, Math.floor((n - head.length - tail.length) / unit.length));
  return { yaml: head + unit.repeat(k) + tail, items: k };
}

/** `line(i)` for i = 0, 1, … while the text stays under `n`. */
function lines(line: (i: number) => string, n: number): { yaml: string; items: number } {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const l = line(i);
    if (size + l.length > n && i > 0) return { yaml: out.join(''), items: i };
    out.push(l);
    size += l.length;
  }
}

/**
 * Flow collections built to give the `yaml` package the most nodes per character: items on lines left of their key
 * (joined as libyaml reads them, flow-lines.ts), on one line (a trailing `,` keeps the flat reader out), maps, nested
 * lists, many short lists, with comments, blank lines and quotes between items.
 */
export const FLOW_SHAPES: FlowShape[] = [
  { name: 'flow-left', what: '`a: [x,` then `y,` lines at column 0, then `]`', make: (n) => fill('a: [x,\n', 'y,\n', ']\n', n) },
  { name: 'flow-one-line', what: '`a: [x,y,y,…,]` on one line', make: (n) => fill('a: [x', ',y', ',]\n', n) },
  { name: 'flow-indented', what: '`a: [x,` then indented `y,` lines', make: (n) => fill('a: [x,\n', '  y,\n', ']\n', n) },
  { name: 'flow-map-left', what: '`a: {k: v,` then `k: v,` lines at column 0', make: (n) => fill('a: {k: v,\n', 'k: v,\n', '}\n', n) },
  { name: 'flow-nested-left', what: '`a: [[x],` then `[y],` lines at column 0', make: (n) => fill('a: [[x],\n', '[y],\n', ']\n', n) },
  { name: 'flow-many-short-left', what: 'many keys, each `kN: [a,` then `b]` at column 0', make: (n) => lines((i) => `k${i}: [a,\nb]\n`, n) },
  { name: 'flow-left-comments', what: '`y, #` lines at column 0 in a flow list', make: (n) => fill('a: [x,\n', 'y, #\n', ']\n', n) },
  { name: 'flow-left-blank-lines', what: '`y,` lines with blank lines between, at column 0', make: (n) => fill('a: [x,\n', 'y,\n\n', ']\n', n) },
  { name: 'flow-left-quoted', what: '`"y",` lines at column 0', make: (n) => fill('a: [x,\n', '"y",\n', ']\n', n) },
];

/** Dense block YAML the flat reader declines (nested under a key): what other front matter of the same size costs. */
export const BLOCK_SHAPES: FlowShape[] = [
  { name: 'block-list-null', what: '`a:` `b:` then `  -` lines', make: (n) => fill('a:\n  b:\n', '  -\n', '', n) },
  { name: 'block-seq-maps', what: '`a:` then `- k: v` lines', make: (n) => fill('a:\n', '- k: v\n', '', n) },
  { name: 'block-tagged', what: '`a:` then `- !a &a a` lines', make: (n) => fill('a:\n', '- !a &a a\n', '', n) },
];

/** The post around a front matter. */
export const postOf = (yaml: string): string => `---\n${yaml}---\nbody\n`;
