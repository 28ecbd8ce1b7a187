// The timezone offset cache answers as Intl does at every instant, transitions included, in any order of questions.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { tzOffsetMinutes, wallToUtc } from '../../src/core/jekyll/date';

/** The offset straight from Intl, no cache. */
function intlOffset(tz: string, utcMs: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Apia', 'Europe/Moscow'];

describe('tzOffsetMinutes', () => {
  it('equals Intl at random instants (1900–2100) in zones with DST, half-hour and odd offsets', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (tz, t) => {
      assert.equal(tzOffsetMinutes(tz, t), intlOffset(tz, t), `${tz} ${new Date(t).toISOString()}`);
    }), { numRuns: 3000 });
  });

  it('is exact minute by minute around DST transitions, asked in any order', () => {
    // New York 2021-03-14 07:00Z and 2021-11-07 06:00Z; Lord Howe moves by 30 minutes; Apia skipped 2011-12-30.
    const around = [['America/New_York', Date.UTC(2021, 2, 14, 7)], ['America/New_York', Date.UTC(2021, 10, 7, 6)], ['Australia/Lord_Howe', Date.UTC(2021, 3, 3, 15)], ['Pacific/Apia', Date.UTC(2011, 11, 30, 10)]] as const;
    for (const [tz, at] of around) {
      const instants = Array.from({ length: 24 * 60 }, (_, i) => at - 12 * 3600000 + i * 60000);
      fc.assert(fc.property(fc.shuffledSubarray(instants, { minLength: 50, maxLength: 50 }), (xs) => {
        for (const t of xs) assert.equal(tzOffsetMinutes(tz, t), intlOffset(tz, t), `${tz} ${new Date(t).toISOString()}`);
      }), { numRuns: 40 });
    }
  });

  it('turns wall-clock times into instants in the zone (the gap and the overlap of a DST change)', () => {
    assert.equal(new Date(wallToUtc('America/New_York', 2021, 3, 14, 12)).toISOString(), '2021-03-14T16:00:00.000Z');
    assert.equal(new Date(wallToUtc('America/New_York', 2021, 1, 14, 12)).toISOString(), '2021-01-14T17:00:00.000Z');
    assert.equal(new Date(wallToUtc('Asia/Shanghai', 2021, 12, 1, 8, 56, 50)).toISOString(), '2021-12-01T00:56:50.000Z');
  });
});
