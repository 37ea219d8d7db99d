// Per-student index of Documentation entries: done dates by type, for quick "documented on/after" questions.

import { outcomeIsDone } from './policy';
import type { DayKey, DocumentationEntry, Policy } from './types';
import { ANY_DOCUMENTATION } from './types';

/** One student's documentation. Dates are sorted DayKeys of entries with a done outcome, up to asOf. */
export interface DocIndex {
  /** Entries up to asOf, sorted by date (then row). */
  entries: DocumentationEntry[];
  /** Done dates by type; ANY_DOCUMENTATION holds done entries made by people (not `system`). */
  doneDates: Map<string, DayKey[]>;
}

/** Builds the index; entries dated after asOf are not counted yet. */
export function buildDocIndex(policy: Policy, docs: readonly DocumentationEntry[], asOf: DayKey): DocIndex {
  const entries = docs.filter((d) => d.date <= asOf);
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.row ?? 0) - (b.row ?? 0)));
  const doneDates = new Map<string, DayKey[]>();
  const push = (type: string, date: DayKey): void => {
    const list = doneDates.get(type);
    if (list) list.push(date);
    else doneDates.set(type, [date]);
  };
  for (const e of entries) {
    if (!outcomeIsDone(policy, e.outcome)) continue;
    push(e.type.trim().toLowerCase(), e.date);
    if (e.role !== 'system') push(ANY_DOCUMENTATION, e.date);
  }
  return { entries, doneDates };
}

export function doneDatesOf(idx: DocIndex, type: string): DayKey[] {
  return idx.doneDates.get(type === ANY_DOCUMENTATION ? type : type.trim().toLowerCase()) ?? [];
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

/** Human-readable label of a documentation type. */
export function docLabel(policy: Policy, type: string): string {
  const t = type.trim().toLowerCase();
  return policy.documentationTypes.find((d) => d.type.trim().toLowerCase() === t)?.label ?? type;
}
