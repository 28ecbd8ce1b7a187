// Hostile flow collections in front matter (issue h9): read as Psych reads them below the flow-entry bound, refused before the YAML parser past it; the parser's work counted in tokens, never timed.
import * as assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { BLOCK_SHAPES, FLOW_SHAPES, postOf } from '../../bench/hostile-flow';
import { MAX_FRONT_MATTER, parsePost } from '../../src/core/parse';
import { MAX_FLOW_ENTRIES } from '../../src/core/yaml/view';
import { agree, postDeskRead, psychRead } from './psych';

/** The tokens the `yaml` package's parser takes while `f` runs: its work, which grows with the nodes it builds. */
const counted = <T>(f: () => T): { tokens: number; result: T } => {
  let tokens = 0;
  const proto = Parser.prototype as unknown as { next: (source: string) => Generator<unknown> };
  const next = proto.next;
  proto.next = function* (this: unknown, source: string) { tokens++; yield* next.call(this, source); };
  try {
    const result = f();
    return { tokens, result };
  } finally {
    proto.next = next;
  }
};

const CAP = MAX_FRONT_MATTER - 2048;
// `[` + (n - 3) `,` + `{` + `:`: n flow entries.
const entries = (n: number) => `a: [${'x,'.repeat(n - 3)}x]\nb: {k: v}\n`;

describe('hostile flow collections in front matter (issue h9)', function () {
  this.timeout(300000);

  it('the counter counts (a block list the flat reader declines is parsed by yaml)', () => {
    const { tokens, result } = counted(() => parsePost(postOf(BLOCK_SHAPES[0].make(4096).yaml)));
    assert.deepEqual(result.errors, []);
    assert.ok(tokens > 1000, `${tokens} tokens`);
  });

  for (const s of FLOW_SHAPES) {
    it(`${s.name} (${s.what}): read as Psych reads it at n and 4n, the YAML parser's work linear`, () => {
      const small = s.make(3000);
      const large = s.make(12000);
      const texts = [postOf(small.yaml), postOf(large.yaml)];
      const psych = psychRead(texts);
      const runs = texts.map((t) => counted(() => parsePost(t)));
      texts.forEach((t, i) => {
        assert.deepEqual(runs[i].result.errors, [], `${s.name} at ${t.length}`);
        assert.ok(agree(postDeskRead(t), psych[i]), `${s.name} at ${t.length}: Post Desk ${JSON.stringify(postDeskRead(t)).slice(0, 200)} / Psych ${JSON.stringify(psych[i]).slice(0, 200)}`);
      });
      const ratio = runs[1].tokens / runs[0].tokens;
      assert.ok(runs[0].tokens >= small.items, `${s.name}: ${runs[0].tokens} tokens for ${small.items} items`);
      assert.ok(ratio > 3 && ratio < 4.5, `${s.name}: ${runs[0].tokens} then ${runs[1].tokens} tokens (×${ratio.toFixed(2)} for ×${(large.yaml.length / small.yaml.length).toFixed(2)} text)`);
    });

    it(`${s.name} at the 128 KB cap: refused (TOO_LARGE) before the YAML parser takes a token`, () => {
      const { tokens, result } = counted(() => parsePost(postOf(s.make(CAP).yaml)));
      assert.deepEqual(result.errors.map((e) => e.code), ['TOO_LARGE']);
      assert.match(result.errors[0].message, /more than 10,000 entries in flow collections/);
      assert.equal(tokens, 0);
    });
  }

  it('reads exactly the bound, refuses one entry more (entries of every flow collection count, `:` too), at the collection', () => {
    const at = counted(() => parsePost(postOf(entries(MAX_FLOW_ENTRIES))));
    assert.deepEqual(at.result.errors, []);
    assert.equal((at.result.data.a as unknown[]).length, MAX_FLOW_ENTRIES - 2);
    const text = postOf(entries(MAX_FLOW_ENTRIES + 1));
    const over = parsePost(text);
    // (At the collection where the count passes the bound: here `b`'s.)
    assert.deepEqual(over.errors.map((e) => [e.code, e.start, e.end]), [['TOO_LARGE', text.indexOf('{'), text.indexOf('{') + 1]]);
    // Commas and colons in quoted scalars and comments, and outside flow collections, are no entries.
    const quoted = parsePost(postOf(`a: ["${'x, y: '.repeat(MAX_FLOW_ENTRIES)}"] # ${',:'.repeat(MAX_FLOW_ENTRIES)}\nb: ${'x, '.repeat(MAX_FLOW_ENTRIES)}\n`));
    assert.deepEqual(quoted.errors, []);
  });

  it('the worst flow front matter under the bound costs the YAML parser no more than dense block front matter of the same size', () => {
    // Just under the bound, with the heaviest entries (a tag and an anchor on each), then dense block YAML to the cap.
    const worst = `a: [${'!a &a a,\n'.repeat(Math.min(MAX_FLOW_ENTRIES - 2, Math.floor((CAP - 4096) / 9)))}a]\nb:\n`;
    const flow = counted(() => parsePost(postOf(worst + '  -\n'.repeat(Math.floor((CAP - worst.length) / 4)))));
    assert.deepEqual(flow.result.errors, []);
    const block = Math.max(...BLOCK_SHAPES.map((s) => counted(() => parsePost(postOf(s.make(CAP).yaml))).tokens));
    assert.ok(flow.tokens <= block, `worst flow: ${flow.tokens} tokens; densest block: ${block}`);
  });
});
