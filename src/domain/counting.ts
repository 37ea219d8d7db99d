// Per-student counts as of a date: unexcused/excused days, window counts and the attendance rate.

import type { CalendarIndex } from './calendar';
import { instructionalDaysBetween, isInstructional } from './calendar';
import { addMonths, parseDayKey, toDayKey } from './dates';
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

/** Shared state of one recalculation: compiled calendar, code lookups and a date-parse cache. */
export interface CountingContext {
  policy: Policy;
  cal: CalendarIndex;
  asOf: DayKey;
  asOfNumber: DayNumber;
  /** Raw code text → rule (null = unknown code). */
  codeCache: Map<string, AttendanceCodeRule | null>;
  dayCache: Map<DayKey, DayNumber | null>;
  /** Day number → the DayKey string seen for it (reused instead of formatting new strings). */
  keyCache: Map<DayNumber, DayKey>;
  recentFrom: DayNumber;
  longFrom: DayNumber;
}

export function countingContext(policy: Policy, cal: CalendarIndex, asOf: DayKey): CountingContext {
  const asOfNumber = parseDayKey(asOf) ?? NaN;
  const codeCache = new Map<string, AttendanceCodeRule | null>();
  for (const c of policy.codes) codeCache.set(normaliseCode(c.code), c);
  return {
    policy,
    cal,
    asOf,
    asOfNumber,
    codeCache,
    dayCache: new Map(),
    keyCache: new Map(),
    // Windows include asOf: the last 28 calendar days are (asOf − 28, asOf].
    recentFrom: asOfNumber - policy.recentWindowDays + 1,
    longFrom: (parseDayKey(addMonths(asOf, -policy.longWindowMonths)) ?? NaN) + 1,
  };
}

export function ruleFor(ctx: CountingContext, code: string): AttendanceCodeRule | null {
  const hit = ctx.codeCache.get(code);
  if (hit !== undefined) return hit;
  const rule = ctx.codeCache.get(normaliseCode(code)) ?? null;
  ctx.codeCache.set(code, rule);
  return rule;
}

export function dayNumberCached(ctx: CountingContext, day: DayKey): DayNumber | null {
  let n = ctx.dayCache.get(day);
  if (n === undefined) {
    n = parseDayKey(day);
    ctx.dayCache.set(day, n);
    if (n !== null) ctx.keyCache.set(n, day);
  }
  return n;
}

/** First and last enrolled instructional-year day numbers up to asOf (first > last when none). */
export function enrollmentRange(
  ctx: CountingContext,
  student: StudentRecord | undefined,
): [DayNumber, DayNumber] {
  const enroll = student?.enrollDate ? (parseDayKey(student.enrollDate) ?? ctx.cal.first) : ctx.cal.first;
  const withdraw = student?.withdrawDate ? parseDayKey(student.withdrawDate) : null;
  const from = Math.max(ctx.cal.first, enroll);
  let to = Math.min(ctx.cal.last, ctx.asOfNumber);
  if (withdraw !== null) to = Math.min(to, withdraw - 1);
  return [from, to];
}

const UNEXCUSED = 1;
const EXCUSED = 2;
const FULL_DAY = 4;
const PART_DAY = 8;

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
  const [from, to] = enrollmentRange(ctx, student);
  const days = new Map<DayNumber, number>();
  for (const a of absences) {
    const n = dayNumberCached(ctx, a.date);
    if (n === null || n < from || n > to || !isInstructional(ctx.cal, n)) continue;
    const rule = ruleFor(ctx, a.code);
    if (rule === null || rule.category === 'ignored') continue;
    const bits = (rule.category === 'unexcused' ? UNEXCUSED : EXCUSED) | (rule.partDay ? PART_DAY : FULL_DAY);
    days.set(n, (days.get(n) ?? 0) | bits);
  }
  let unexcusedDays = 0;
  let excusedDays = 0;
  let unexcusedRecent = 0;
  let unexcusedLong = 0;
  let absenceWeight = 0;
  const unexcused: DayNumber[] = [];
  for (const [n, bits] of days) {
    if (bits & UNEXCUSED) {
      unexcusedDays++;
      unexcused.push(n);
      if (n >= ctx.recentFrom) unexcusedRecent++;
      if (n >= ctx.longFrom) unexcusedLong++;
    } else excusedDays++;
    absenceWeight += bits & FULL_DAY ? 1 : ctx.policy.partDayWeight;
  }
  unexcused.sort((a, b) => a - b);
  return {
    unexcusedDays,
    excusedDays,
    unexcusedRecent,
    unexcusedLong,
    enrolledDays: instructionalDaysBetween(ctx.cal, from, to),
    absenceWeight,
    unexcusedDates: unexcused.map((n) => ctx.keyCache.get(n) ?? toDayKey(n)),
  };
}

/** Share of enrolled instructional days attended (0–1), or null when not enrolled any day yet. */
export function attendanceRate(counts: AttendanceCounts): number | null {
  if (counts.enrolledDays <= 0) return null;
  return Math.max(0, (counts.enrolledDays - counts.absenceWeight) / counts.enrolledDays);
}
