// Hostile front matter the flat reader declines (flow collections packed with entries, and dense block YAML): read as Psych reads it below the token bound, refused past it; the parser's work counted in tokens, never timed.
import * as assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { BLOCK_SHAPES, FLOW_SHAPES, postOf } from '../../bench/hostile-flow';
import { MAX_FRONT_MATTER, parsePost } from '../../src/core/parse';
import { MAX_YAML_TOKENS } from '../../src/core/yaml/bounded';
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
const list = (k: number) => `a: [${'x,'.repeat(k)}x]\nb: {k: v}\n`;

describe('hostile front matter the flat reader declines', function () {
  this.timeout(300000);

  it('the counter counts (a block list the flat reader declines is parsed by yaml)', () => {
    const { tokens, result } = counted(() => parsePost(postOf(BLOCK_SHAPES[0].make(4096).yaml)));
    assert.deepEqual(result.errors, []);
    assert.ok(tokens > 1000, `${tokens} tokens`);
  });

  for (const s of [...FLOW_SHAPES, ...BLOCK_SHAPES]) {
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

    it(`${s.name} at the 128 KB cap: refused (TOO_LARGE) once the YAML parser has taken ${MAX_YAML_TOKENS} tokens`, () => {
      const text = postOf(s.make(CAP).yaml);
      const { tokens, result } = counted(() => parsePost(text));
      assert.deepEqual(result.errors.map((e) => e.code), ['TOO_LARGE']);
      assert.match(result.errors[0].message, /more than 20,000 YAML tokens/);
      assert.ok(result.errors[0].start > 4 && result.errors[0].end < text.length - 12, `at ${result.errors[0].start}`);
      assert.ok(tokens <= MAX_YAML_TOKENS + 1, `${tokens} tokens`);
    });
  }

  it('reads the last list under the bound, refuses one item more (at the token past it)', () => {
    // Each item adds the same tokens (`x` and `,`, and the lexer's scalar mark): the largest list within the bound.
    const base = counted(() => parsePost(postOf(list(0)))).tokens;
    const per = counted(() => parsePost(postOf(list(1)))).tokens - base;
    const k = Math.floor((MAX_YAML_TOKENS - base) / per);
    const at = counted(() => parsePost(postOf(list(k))));
    assert.deepEqual(at.result.errors, []);
    assert.ok(at.tokens <= MAX_YAML_TOKENS && at.tokens > MAX_YAML_TOKENS - per, `${at.tokens} tokens`);
    assert.equal((at.result.data.a as unknown[]).length, k + 1);
    const over = parsePost(postOf(list(k + 1)));
    assert.deepEqual(over.errors.map((e) => e.code), ['TOO_LARGE']);
  });

  it('flat front matter at the cap is read whole, without the YAML parser (the bound does not apply)', () => {
    const flat = `${Array.from({ length: 12000 }, (_, i) => `k${i}: v`).join('\n')}\ntags: [${Array.from({ length: 2000 }, (_, i) => `t${i}`).join(', ')}]\n`;
    assert.ok(flat.length > 100 * 1024 && flat.length < CAP);
    const { tokens, result } = counted(() => parsePost(postOf(flat)));
    assert.deepEqual(result.errors, []);
    assert.equal(Object.keys(result.data).length, 12001);
    assert.equal(tokens, 0);
  });
});
