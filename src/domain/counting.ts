// Per-student counts as of a date: unexcused/excused days, window counts and the attendance rate.

import { codeIndexOf } from './absence-table';
import type { CalendarIndex } from './calendar';
import { dayNumberOf, instructionalDaysBetween, keyOf } from './calendar';
import { addMonths, parseDayKey } from './dates';
import { normaliseCode } from './policy';
import type {
  AbsenceRecord,
  AttendanceCodeRule,
  AttendanceCounts,
  DayKey,
  DayNumber,
  Policy,
  StudentRecord,
} from './types';

/** Shared state of one recalculation: compiled calendar, code lookups and scratch space for counting. */
export interface CountingContext {
  policy: Policy;
  cal: CalendarIndex;
  asOf: DayKey;
  asOfNumber: DayNumber;
  /** Normalised code → index in policy.codes. */
  codeIndex: Map<string, number>;
  /** Raw code text → index in policy.codes, or −1 for an unknown code. */
  codeCache: Map<string, number>;
  /** Per index in policy.codes: UNEXCUSED or EXCUSED | FULL_DAY or PART_DAY; 0 for ignored codes. */
  codeBits: Uint8Array;
  /** Scratch: one byte per day of the school year for the student being counted; all 0 between students. */
  dayBits: Uint8Array;
  recentFrom: DayNumber;
  longFrom: DayNumber;
}

const UNEXCUSED = 1;
const EXCUSED = 2;
const FULL_DAY = 4;
const PART_DAY = 8;

function bitsOf(rule: AttendanceCodeRule): number {
  if (rule.category === 'ignored') return 0;
  return (rule.category === 'unexcused' ? UNEXCUSED : EXCUSED) | (rule.partDay ? PART_DAY : FULL_DAY);
}

export function countingContext(policy: Policy, cal: CalendarIndex, asOf: DayKey): CountingContext {
  const asOfNumber = parseDayKey(asOf) ?? NaN;
  const codeIndex = codeIndexOf(policy);
  return {
    policy,
    cal,
    asOf,
    asOfNumber,
    codeIndex,
    codeCache: new Map(),
    codeBits: Uint8Array.from(policy.codes, bitsOf),
    dayBits: new Uint8Array(Math.max(0, cal.last - cal.first + 1)),
    // Windows include asOf: the last 28 calendar days are (asOf − 28, asOf].
    recentFrom: asOfNumber - policy.recentWindowDays + 1,
    longFrom: (parseDayKey(addMonths(asOf, -policy.longWindowMonths)) ?? NaN) + 1,
  };
}

/** Index in policy.codes of a code as typed (any case, spaces around), or −1 when unknown. */
export function codeIndexFor(ctx: CountingContext, code: string): number {
  let i = ctx.codeCache.get(code);
  if (i === undefined) {
    i = ctx.codeIndex.get(normaliseCode(code)) ?? -1;
    ctx.codeCache.set(code, i);
  }
  return i;
}

function dayOrNull(ctx: CountingContext, day: DayKey | null | undefined): DayNumber | null {
  if (!day) return null;
  const n = dayNumberOf(ctx.cal, day);
  return Number.isNaN(n) ? null : n;
}

/** First and last enrolled instructional-year day numbers up to asOf (first > last when none). */
export function enrollmentRange(
  ctx: CountingContext,
  student: StudentRecord | undefined,
): [DayNumber, DayNumber] {
  const enroll = dayOrNull(ctx, student?.enrollDate) ?? ctx.cal.first;
  const withdraw = dayOrNull(ctx, student?.withdrawDate);
  const from = Math.max(ctx.cal.first, enroll);
  let to = Math.min(ctx.cal.last, ctx.asOfNumber);
  if (withdraw !== null) to = Math.min(to, withdraw - 1);
  return [from, to];
}

/**
 * Counts one student's absences. Only instructional days within the school year, the enrollment
 * and up to asOf count; a day counts once however many rows or codes it has, and a day with any
 * unexcused code is an unexcused day. Ignored and unknown codes never count.
 */
export function countStudent(
  ctx: CountingContext,
  student: StudentRecord | undefined,
  absences: readonly AbsenceRecord[],
): AttendanceCounts {
  const days = absences.map((a) => dayNumberOf(ctx.cal, a.date));
  const codes = absences.map((a) => codeIndexFor(ctx, a.code));
  return countDays(ctx, student, days, codes, 0, absences.length);
}

/**
 * countStudent on columns: the student's rows are `days[k]` (day numbers, NaN when not a date) and
 * `codes[k]` (indices in policy.codes, −1 when unknown) for `start <= k < end`. evaluateCampus calls
 * this on absences grouped by student, so counting allocates nothing per row.
 */
export function countDays(
  ctx: CountingContext,
  student: StudentRecord | undefined,
  days: ArrayLike<number>,
  codes: ArrayLike<number>,
  start: number,
  end: number,
): AttendanceCounts {
  const [from, to] = enrollmentRange(ctx, student);
  const { cal, dayBits, codeBits } = ctx;
  const { prefix, first } = cal;
  // Mark each counted day's bits in the scratch table; remember the range touched.
  let lo = dayBits.length;
  let hi = -1;
  for (let k = start; k < end; k++) {
    const n = days[k] as number;
    if (!(n >= from && n <= to)) continue;
    const bits = codeBits[codes[k] as number] ?? 0;
    const o = n - first;
    if (bits === 0 || prefix[o + 1] === prefix[o]) continue; // ignored code or not instructional
    dayBits[o] = (dayBits[o] as number) | bits;
    if (o < lo) lo = o;
    if (o > hi) hi = o;
  }
  // Read the marked days in date order, clearing the scratch table for the next student.
  let unexcusedDays = 0;
  let excusedDays = 0;
  let unexcusedRecent = 0;
  let unexcusedLong = 0;
  let fullDays = 0;
  let partDays = 0;
  const unexcusedDates: DayKey[] = [];
  const unexcusedNumbers: DayNumber[] = [];
  for (let o = lo; o <= hi; o++) {
    const bits = dayBits[o] as number;
    if (bits === 0) continue;
    dayBits[o] = 0;
    const n = first + o;
    if (bits & UNEXCUSED) {
      unexcusedDays++;
      unexcusedDates.push(keyOf(cal, n));
      unexcusedNumbers.push(n);
      if (n >= ctx.recentFrom) unexcusedRecent++;
      if (n >= ctx.longFrom) unexcusedLong++;
    } else excusedDays++;
    if (bits & FULL_DAY) fullDays++;
    else partDays++;
  }
  return {
    unexcusedDays,
    excusedDays,
    unexcusedRecent,
    unexcusedLong,
    enrolledDays: instructionalDaysBetween(cal, from, to),
    // Counted, then weighted once: the same total whatever the order of the rows.
    absenceWeight: fullDays + partDays * ctx.policy.partDayWeight,
    unexcusedDates,
    ...windowThresholdsMet(ctx, unexcusedNumbers),
  };
}

/**
 * The first day each window's threshold was met this school year: the first unexcused day d with
 * `count` unexcused days in the window ending on d (the count only rises on an unexcused day). Kept
 * because the state-law deadlines count from it, however the window looks back from asOf.
 */
function windowThresholdsMet(
  ctx: CountingContext,
  days: readonly DayNumber[],
): Pick<AttendanceCounts, 'recentThresholdMetOn' | 'longThresholdMetOn'> {
  const { policy, cal } = ctx;
  const recentFrom = (n: DayNumber): DayNumber => n - policy.recentWindowDays + 1;
  const longFrom = (n: DayNumber): DayNumber =>
    (parseDayKey(addMonths(keyOf(cal, n), -policy.longWindowMonths)) ?? NaN) + 1;
  const metOn = (count: number, from: (n: DayNumber) => DayNumber): DayKey | null => {
    for (let k = count - 1; k < days.length; k++) {
      const n = days[k] as DayNumber;
      if ((days[k - count + 1] as DayNumber) >= from(n)) return keyOf(cal, n);
    }
    return null;
  };
  return {
    recentThresholdMetOn: metOn(policy.recentWindowCount, recentFrom),
    longThresholdMetOn: metOn(policy.longWindowCount, longFrom),
  };
}

/** Share of enrolled instructional days attended (0–1), or null when not enrolled any day yet. */
export function attendanceRate(counts: AttendanceCounts): number | null {
  if (counts.enrolledDays <= 0) return null;
  return Math.max(0, (counts.enrolledDays - counts.absenceWeight) / counts.enrolledDays);
}
