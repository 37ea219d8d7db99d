// Instructional days of a school year: lookups, school-day arithmetic and a default Texas-style calendar.

import {
  addDays,
  dayNumberFromParts,
  easterSunday,
  nthWeekdayOfMonth,
  parseDayKey,
  startOfWeek,
  toDayKey,
  toDayNumber,
  weekdayOfNumber,
} from './dates';
import type { DayKey, DayNumber, SchoolCalendar } from './types';

/** A compiled calendar for O(1) lookups. Build once per recalculation with `compileCalendar`. */
export interface CalendarIndex {
  calendar: SchoolCalendar;
  first: DayNumber;
  last: DayNumber;
  /** prefix[i] = instructional days in [first, first + i). Length last − first + 2. */
  prefix: Int32Array;
  /** Instructional day numbers in order. */
  days: DayNumber[];
  /** keys[n − first] = the DayKey of day n of the school year (formatted once, not per student). */
  keys: DayKey[];
  /** DayKey → day number, seeded with the school year's days and filled as other days are read. */
  numbers: Map<DayKey, DayNumber>;
}

/** Compiles a calendar. Invalid dates among holidays/make-up days are ignored (validate them first). */
export function compileCalendar(calendar: SchoolCalendar): CalendarIndex {
  // An invalid first day gives an empty year (no instructional day), never one starting in 1970.
  const parsedFirst = parseDayKey(calendar.firstDay);
  const first = parsedFirst ?? 0;
  const last =
    parsedFirst === null ? first - 1 : Math.max(first - 1, parseDayKey(calendar.lastDay) ?? first - 1);
  const holidays = new Set(calendar.holidays.map((d) => parseDayKey(d)));
  const makeUp = new Set(calendar.makeUpDays.map((d) => parseDayKey(d)));
  const prefix = new Int32Array(last - first + 2);
  const days: DayNumber[] = [];
  const keys: DayKey[] = [];
  const numbers = new Map<DayKey, DayNumber>();
  for (let n = first; n <= last; n++) {
    const instructional = makeUp.has(n) || (weekdayOfNumber(n) <= 5 && !holidays.has(n));
    if (instructional) days.push(n);
    prefix[n - first + 1] = days.length;
    const key = toDayKey(n);
    keys.push(key);
    numbers.set(key, n);
  }
  return { calendar, first, last, prefix, days, keys, numbers };
}

/** Day number of a DayKey (NaN when not a real date), parsed once per distinct text per calendar. */
export function dayNumberOf(idx: CalendarIndex, key: DayKey): DayNumber {
  let n = idx.numbers.get(key);
  if (n === undefined) {
    n = toDayNumber(key);
    idx.numbers.set(key, n);
  }
  return n;
}

/** DayKey of a day number; days of the school year come from the precomputed table. */
export function keyOf(idx: CalendarIndex, n: DayNumber): DayKey {
  return (n >= idx.first && n <= idx.last ? idx.keys[n - idx.first] : undefined) ?? toDayKey(n);
}

function num(idx: CalendarIndex, day: DayKey | DayNumber): DayNumber {
  return typeof day === 'number' ? day : dayNumberOf(idx, day);
}

export function isInSchoolYear(idx: CalendarIndex, day: DayKey | DayNumber): boolean {
  const n = num(idx, day);
  return n >= idx.first && n <= idx.last;
}

export function isInstructional(idx: CalendarIndex, day: DayKey | DayNumber): boolean {
  const n = num(idx, day);
  if (!(n >= idx.first && n <= idx.last)) return false;
  return (idx.prefix[n - idx.first + 1] ?? 0) > (idx.prefix[n - idx.first] ?? 0);
}

/** Instructional days in [first, through]: how many school days have happened by `day`, inclusive. */
function countThrough(idx: CalendarIndex, n: DayNumber): number {
  if (n < idx.first) return 0;
  if (n > idx.last) return idx.days.length;
  return idx.prefix[n - idx.first + 1] ?? 0;
}

/** Instructional days from `from` to `to`, both included (0 when `to` is before `from`). */
export function instructionalDaysBetween(
  idx: CalendarIndex,
  from: DayKey | DayNumber,
  to: DayKey | DayNumber,
): number {
  const a = num(idx, from);
  const b = num(idx, to);
  if (b < a) return 0;
  return countThrough(idx, b) - countThrough(idx, a - 1);
}

/**
 * The `n`-th school day after `from` (`from` itself excluded; n = 0 returns `from`). Past the end of
 * the school year it keeps counting weekdays, so a due date is always defined.
 */
export function addSchoolDays(idx: CalendarIndex, from: DayKey, n: number): DayKey {
  if (n <= 0) return from;
  const start = dayNumberOf(idx, from);
  const target = countThrough(idx, start) + n; // 1-based position of the wanted school day
  const inYear = idx.days[target - 1];
  if (inYear !== undefined) return keyOf(idx, inYear);
  let day = Math.max(start, idx.last);
  let remaining = target - idx.days.length;
  while (remaining > 0) {
    day++;
    if (weekdayOfNumber(day) <= 5) remaining--;
  }
  return toDayKey(day);
}

/** The last instructional day on or before `day`, or null when none this school year. */
export function schoolDayOnOrBefore(idx: CalendarIndex, day: DayKey | DayNumber): DayKey | null {
  const c = countThrough(idx, num(idx, day));
  const n = idx.days[c - 1];
  return n === undefined ? null : keyOf(idx, n);
}

/** `'2026-2027'` for the school year starting in 2026. */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** Start year of the school year containing a day (a school year starts in July or later). */
export function schoolYearStartOf(day: DayKey): number {
  const [y, m] = day.split('-').map(Number);
  return (m ?? 0) >= 7 ? (y ?? 0) : (y ?? 0) - 1;
}

function weekdaysFrom(start: DayKey, count: number): DayKey[] {
  const out: DayKey[] = [];
  for (let i = 0; i < count; i++) {
    const d = addDays(start, i);
    if (weekdayOfNumber(toDayNumber(d)) <= 5) out.push(d);
  }
  return out;
}

/**
 * A plausible Texas-style school year: second Wednesday of August to the Thursday after Memorial
 * Day. Off: Labor Day, a fall holiday (2nd Monday of October), Thanksgiving week, winter break (two
 * weeks from the week of Dec 22, and Jan 1), MLK Day, Presidents' Day, spring break (week of the
 * second Monday of March), Good Friday and Memorial Day.
 */
export function defaultCalendar(startYear: number): SchoolCalendar {
  const y2 = startYear + 1;
  const memorialDay = nthWeekdayOfMonth(y2, 5, 1, -1);
  const thanksgiving = nthWeekdayOfMonth(startYear, 11, 4, 4);
  const winterStart = startOfWeek(toDayKey(dayNumberFromParts(startYear, 12, 22)));
  const springStart = nthWeekdayOfMonth(y2, 3, 1, 2);
  const holidays = [
    nthWeekdayOfMonth(startYear, 9, 1, 1),
    nthWeekdayOfMonth(startYear, 10, 1, 2),
    ...weekdaysFrom(startOfWeek(thanksgiving), 5),
    ...weekdaysFrom(winterStart, 14),
    ...weekdaysFrom(`${y2}-01-01`, 1),
    nthWeekdayOfMonth(y2, 1, 1, 3),
    nthWeekdayOfMonth(y2, 2, 1, 3),
    ...weekdaysFrom(springStart, 5),
    addDays(easterSunday(y2), -2),
    memorialDay,
  ];
  return {
    schoolYear: schoolYearLabel(startYear),
    firstDay: nthWeekdayOfMonth(startYear, 8, 3, 2),
    lastDay: addDays(memorialDay, 3),
    holidays: [...new Set(holidays)].sort(),
    makeUpDays: [],
  };
}
