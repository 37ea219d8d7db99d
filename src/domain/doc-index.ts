// Per-student index of Documentation entries: done dates by type, for quick "documented on/after" questions.

import type { PolicyLookups } from './lookups';
import { policyLookups } from './lookups';
import type { DayKey, DocumentationEntry, Policy } from './types';
import { ANY_DOCUMENTATION } from './types';

export { docLabel, docTypeKey } from './lookups';

/** One student's documentation. Dates are sorted DayKeys of entries with a done outcome, up to asOf. */
export interface DocIndex {
  /** Entries up to asOf, sorted by date (then row). */
  entries: DocumentationEntry[];
  /** Done dates by type; ANY_DOCUMENTATION holds done entries made by people (not `system`). */
  doneDates: Map<string, DayKey[]>;
}

function byDateThenRow(a: DocumentationEntry, b: DocumentationEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.row ?? 0) - (b.row ?? 0);
}

function isSorted(entries: readonly DocumentationEntry[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (byDateThenRow(entries[i - 1] as DocumentationEntry, entries[i] as DocumentationEntry) > 0)
      return false;
  return true;
}

function pushDate(map: Map<string, DayKey[]>, type: string, date: DayKey): void {
  const list = map.get(type);
  if (list) list.push(date);
  else map.set(type, [date]);
}

/**
 * Builds the index; entries dated after asOf are not counted yet, nor entries dated before `from`
 * (the school year's first day: documentation of an earlier year never counts). `lookups` may be
 * shared across students.
 */
export function buildDocIndex(
  policy: Policy,
  docs: readonly DocumentationEntry[],
  asOf: DayKey,
  lookups: PolicyLookups = policyLookups(policy),
  from: DayKey = '',
): DocIndex {
  if (docs.length === 0) return { entries: [], doneDates: new Map() };
  const entries = docs.filter((d) => d.date <= asOf && d.date >= from);
  if (!isSorted(entries)) entries.sort(byDateThenRow); // Documentation is mostly appended in date order
  const doneDates = new Map<string, DayKey[]>();
  for (const e of entries) {
    if (!lookups.isDone(e.outcome)) continue;
    pushDate(doneDates, lookups.typeKey(e.type), e.date);
    if (e.role !== 'system') pushDate(doneDates, ANY_DOCUMENTATION, e.date);
  }
  return { entries, doneDates };
}

/** First date in a sorted list on or after `day`, or null. */
export function firstOnOrAfter(dates: readonly DayKey[], day: DayKey): DayKey | null {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] as DayKey) < day) lo = mid + 1;
    else hi = mid;
  }
  return dates[lo] ?? null;
}

/** Last date in a sorted list on or before `day`, or null. */
export function lastOnOrBefore(dates: readonly DayKey[], day: DayKey): DayKey | null {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] as DayKey) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (dates[lo - 1] ?? null) : null;
}
