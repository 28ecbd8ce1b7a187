// The `yaml` package's tags replaced by Psych's reading: every plain scalar goes through resolvePlain.
import type { CollectionTag, ScalarTag, Tags } from 'yaml';
import { PsychError, resolvePlain } from './resolve';

const KEEP = new Set(['tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:str', 'tag:yaml.org,2002:merge', 'tag:yaml.org,2002:binary']);

function psych(s: string, onError: (message: string) => void): unknown {
  const v = resolvePlain(s);
  if (v instanceof PsychError) { onError(v.message); return s; }
  return v;
}

// Every untagged plain scalar (and key): Psych's ScalarScanner decides, strings included.
const plain: ScalarTag = {
  tag: 'tag:postdesk,2026:psych',
  default: true,
  test: { test: () => true } as unknown as RegExp,
  resolve: psych,
};

/**
 * Whether Psych reads a scalar's tag (`!!str`, `!!binary`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp`,
 * full names). Any other, `!!x`, `!!seq`, `!<x>` or a local `!x`, it ignores: it tokenizes the value, quoted or not.
 */
export function psychReadsScalarTag(tag: string): boolean {
  return tag === 'tag:yaml.org,2002:str' || tag === 'tag:yaml.org,2002:binary' || tag === FLOAT || TOKENIZED.has(tag);
}

const TOKENIZED = new Set(['int', 'bool', 'null', 'timestamp'].map((n) => `tag:yaml.org,2002:${n}`));
const FLOAT = 'tag:yaml.org,2002:float';

// `!!float x` is Ruby's Float() of the tokenized value: a number stays, a numeric string converts, anything else raises.
const float = {
  resolve(s: string, onError: (message: string) => void): unknown {
    const v = psych(s, onError);
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^[-+]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?(?:[eE][-+]?\d+)?$/.test(v)) return Number(v.replace(/_/g, ''));
    onError(`can't convert ${JSON.stringify(s)} into Float`);
    return s;
  },
}.resolve;

// Psych::Set and Psych::Omap are classes safe_load does not permit: Jekyll cannot read the front matter.
const refused = (tag: string): CollectionTag => ({
  tag, collection: 'map', default: false,
  resolve(map: unknown, onError: (message: string) => void) { onError(`Tried to load unspecified class: ${tag.endsWith('set') ? 'Psych::Set' : 'Psych::Omap'}`); return map; },
} as unknown as CollectionTag);

/**
 * `customTags` for `parseDocument(…, { version: '1.1' })`: maps, sequences, strings, merge keys and binary as
 * the `yaml` package reads them, and every plain scalar resolved by {@link resolvePlain} (Psych's rules), so the
 * Document's values are Jekyll's.
 */
export function psychTags(tags: Tags): Tags {
  // Called for every Document: the same default tags give the same list, built once.
  if (last && last.first === tags[0] && last.length === tags.length) return last.out;
  const out = buildTags(tags);
  last = { first: tags[0], length: tags.length, out };
  return out;
}

let last: { first: unknown; length: number; out: Tags } | undefined;

function buildTags(tags: Tags): Tags {
  const kept = tags.filter((t) => typeof t === 'object' && KEEP.has(t.tag));
  // `!!int x`, `!!bool x`, `!!null x`, `!!timestamp x`: Psych ignores the tag and tokenizes the value; `!!float x`
  // is Float() of that. These tags never resolve an untagged scalar, but still stringify numbers, booleans and dates.
  const explicit = (tags as ScalarTag[]).filter((t) => typeof t === 'object' && (TOKENIZED.has(t.tag) || t.tag === FLOAT))
    .map((t): ScalarTag => ({ ...t, default: false, test: undefined, resolve: t.tag === FLOAT ? float : psych }));
  return [
    ...kept,
    plain,
    ...explicit,
    refused('tag:yaml.org,2002:set'),
    refused('tag:yaml.org,2002:omap'),
  ];
}
