// Test helpers for the domain engine: a fixed 2026-2027 calendar and compact row builders.

import type { CampusInput, CampusResult } from '../../../src/domain/engine';
import { evaluateCampus } from '../../../src/domain/engine';
import { compileCalendar, defaultCalendar } from '../../../src/domain/calendar';
import { toDayKey } from '../../../src/domain/dates';
import { defaultPolicy } from '../../../src/domain/policy';
import type { DayKey, PriorStatus, Role, StudentStatus } from '../../../src/domain/types';
import type { RawDocumentationRow } from '../../../src/domain/validation';

/** 2026-08-12 (Wed) … 2027-06-03; Labor Day 2026-09-07, Columbus Day 2026-10-12, Thanksgiving week 2026-11-23..27. */
export const CAL = defaultCalendar(2026);
export const IDX = compileCalendar(CAL);
export const POLICY = defaultPolicy();

/** The first `n` instructional days on or after `from`. */
export function schoolDays(from: DayKey, n: number): DayKey[] {
  return IDX.days
    .filter((d) => toDayKey(d) >= from)
    .slice(0, n)
    .map(toDayKey);
}

let sequence = 0;

/**
 * A Documentation entry as the add-on sealed it for a verified person (the way adjustments and court decisions
 * are made), numbered in the order the test makes them; pass `{ verified: false }` for a typed row.
 */
export function doc(
  studentId: string,
  date: DayKey,
  type: string,
  extra: Partial<RawDocumentationRow> = {},
): Omit<RawDocumentationRow, 'row'> {
  return {
    studentId,
    date,
    type,
    outcome: 'Completed',
    role: 'assistantPrincipal' as Role,
    staff: 'ap@school.org',
    note: '',
    verified: true,
    seq: ++sequence,
    ...extra,
  };
}

export interface RunOptions {
  absences?: [string, DayKey, string][];
  docs?: Omit<RawDocumentationRow, 'row'>[];
  students?: { studentId: string; enrollDate?: DayKey; withdrawDate?: DayKey }[];
  prior?: Record<string, PriorStatus>;
  lettersIssued?: string[];
  asOf?: DayKey;
  policy?: CampusInput['policy'];
  /** Default: every student seen since the first school day (the add-on ran all year); {} = a new campus. */
  firstSeen?: CampusInput['firstSeen'];
}

export function run(o: RunOptions): CampusResult {
  const students = o.students ?? [{ studentId: 'S1' }];
  return evaluateCampus({
    policy: o.policy ?? POLICY,
    calendar: CAL,
    students: students.map((s, i) => ({ row: i + 2, ...s })),
    absences: (o.absences ?? []).map(([studentId, date, code], i) => ({ row: i + 2, studentId, date, code })),
    documentation: (o.docs ?? []).map((d, i) => ({ row: i + 2, ...d })),
    priorStatuses: o.prior ?? {},
    lettersIssued: o.lettersIssued ?? [],
    firstSeen: o.firstSeen ?? Object.fromEntries(students.map((s) => [s.studentId, CAL.firstDay])),
    asOf: o.asOf ?? '2026-11-20',
  });
}

export function statusOf(result: CampusResult, studentId = 'S1'): StudentStatus {
  const s = result.statuses.find((x) => x.studentId === studentId);
  if (!s) throw new Error(`no status for ${studentId}`);
  return s;
}

/** Unexcused absences for S1 on the first `n` school days from `from`. */
export function unexcused(
  n: number,
  from: DayKey = '2026-09-01',
  studentId = 'S1',
  code = 'U',
): [string, DayKey, string][] {
  return schoolDays(from, n).map((d) => [studentId, d, code]);
}
