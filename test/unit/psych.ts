// The Psych oracle: one `ruby` process reads many posts as Jekyll 4.3.1 does and answers, per post, what Psych gives.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { parsePost } from '../../src/core/parse';
import { DateOnly } from '../../src/core/yaml/resolve';

/** What a reader makes of one post's front matter: no fence, an error, or the data in a canonical JSON form. */
export type Reading = { fence: false } | { fence: true; ok: false; error: string } | { fence: true; ok: true; data: unknown };

/** The ruby that runs Psych (Debian's, which comes with jekyll). */
export const RUBY_PATH = ['/usr/bin/ruby', '/usr/local/bin/ruby'].find((p) => fs.existsSync(p)) ?? '/usr/bin/ruby';
const RUBY = fs.existsSync(RUBY_PATH) ? RUBY_PATH : undefined;

// Jekyll's fence regex and YAML call (jekyll-4.3.1 document.rb and utils.rb); Date/Time/Float specials as tagged objects.
const SCRIPT = String.raw`
require 'json'; require 'date'; require 'psych'
RE = %r!\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)!m
def canon(v)
  case v
  when Hash then v.each_with_object({}) { |(k, x), h| h[k.is_a?(String) ? k : (k.nil? ? '' : k.to_s)] = canon(x) }
  when Array then v.map { |x| canon(x) }
  when String then v.encoding == Encoding::UTF_8 && v.valid_encoding? ? v : { '$other' => 'binary' }
  when Integer then v.abs < 2**53 ? v : (v.to_f.finite? ? v.to_f : { '$float' => v > 0 ? 'Infinity' : '-Infinity' })
  when Float then v.finite? ? v : { '$float' => v.nan? ? 'NaN' : (v > 0 ? 'Infinity' : '-Infinity') }
  when true, false, nil then v
  when Time then { '$time' => v.utc.strftime('%Y-%m-%dT%H:%M:%S.%LZ') }
  when Date then { '$date' => v.strftime('%Y-%m-%d') }
  else { '$other' => v.class.name }
  end
end
STDIN.each_line do |line|
  text = JSON.parse(line).sub(/\A\uFEFF/, '')
  m = RE.match(text)
  out = if !m then { 'fence' => false }
  else
    begin
      v = Psych.safe_load(m[1], permitted_classes: [Date, Time], aliases: true)
      # Jekyll merges only a Hash (nil/false: no data); anything else raises in merge_data!, so the read fails.
      if v.nil? || v == false then { 'fence' => true, 'ok' => true, 'data' => {} }
      elsif v.is_a?(Hash) then { 'fence' => true, 'ok' => true, 'data' => canon(v) }
      else { 'fence' => true, 'ok' => false, 'error' => "not a mapping: #{v.class}" }
      end
    rescue Exception => e
      { 'fence' => true, 'ok' => false, 'error' => "#{e.class}: #{e.message}"[0, 300] }
    end
  end
  puts JSON.generate(out, max_nesting: false)
end
`;

/** Psych's reading of each post, from one ruby process. */
export function psychRead(texts: readonly string[]): Reading[] {
  const input = texts.map((t) => JSON.stringify(t)).join('\n') + '\n';
  const r = spawnSync(RUBY!, ['-e', SCRIPT], { input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600000 });
  if (r.status !== 0) throw new Error(`ruby failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== texts.length) throw new Error(`ruby answered ${lines.length} of ${texts.length} cases: ${r.stderr}`);
  return lines.map((l) => JSON.parse(l) as Reading);
}

/** A value of Post Desk's front matter data in the oracle's canonical JSON form. */
export function canon(v: unknown): unknown {
  if (v instanceof DateOnly) return { $date: v.toJSON() };
  if (v instanceof Date) return { $time: v.toISOString() };
  if (Array.isArray(v)) return v.map(canon);
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $float: String(v) };
  if (typeof v === 'bigint') return { $bigint: String(v) };
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = canon(x);
    return out;
  }
  return v;
}

/** Post Desk's reading of a post (parsePost), in the oracle's form. */
export function postDeskRead(text: string): Reading {
  const p = parsePost(text);
  if (!p.frontMatter || p.language !== 'yaml') return { fence: false };
  if (p.errors.length) return { fence: true, ok: false, error: p.errors[0].message };
  return { fence: true, ok: true, data: canon(p.data) };
}

/** Verdict and data agree (error texts may differ). */
export function agree(a: Reading, b: Reading): boolean {
  if (a.fence !== b.fence) return false;
  if (!a.fence || !b.fence) return true;
  if (a.ok !== b.ok) return false;
  return !a.ok || !b.ok || JSON.stringify(a.data) === JSON.stringify(b.data);
}
