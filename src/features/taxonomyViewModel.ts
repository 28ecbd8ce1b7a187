// What the taxonomy view shows of one section (pure, no vscode): its values under a text filter, its count, collapsed when long.
import type { RankedValue } from '../core/taxonomy/index';

/** A section with more values than this opens collapsed, so the next section stays in sight. */
export const LONG_SECTION = 25;

/** One section (Categories or Tags) as shown: the values that pass the filter, out of `total`. */
export interface SectionView {
  shown: RankedValue[];
  total: number;
  /** Collapsed unless a filter is set (then its matches are what the user asked to see) or the section is short. */
  collapsed: boolean;
  /** The section row's description: the count, or "shown of total" under a filter. */
  count: { shown: number; total: number; filtered: boolean };
}

/** `value` contains `filter`, ignoring case and width (`ＥＭ` finds `em`); an empty filter matches everything. */
export function matchesFilter(value: string, filter: string): boolean {
  const f = fold(filter.trim());
  return !f || fold(value).includes(f);
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The section's rows and state for `ranked` (all its values) and the current `filter`. */
export function sectionView(ranked: readonly RankedValue[], filter: string): SectionView {
  const filtered = filter.trim() !== '';
  const shown = filtered ? ranked.filter((r) => matchesFilter(r.value, filter)) : [...ranked];
  return { shown, total: ranked.length, collapsed: !filtered && ranked.length > LONG_SECTION, count: { shown: shown.length, total: ranked.length, filtered } };
}
