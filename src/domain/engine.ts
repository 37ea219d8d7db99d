// evaluateCampus: validates a campus's rows once, groups them by student, and computes every student's status.

import { compileCalendar, isInSchoolYear, keyOf, schoolDayOnOrBefore } from './calendar';
import { parseDayKey, startOfWeek } from './dates';
import type { CountingContext } from './counting';
import { attendanceRate, countDays, countingContext, enrollmentRange } from './counting';
import type { CalendarIndex } from './calendar';
import { buildDocIndex } from './doc-index';
import type { PolicyLookups } from './lookups';
import { policyLookups } from './lookups';
import type { DueContext } from './due';
import { actionChains } from './action-chains';
import { dueActions } from './due';
import { letterKey, lettersDue } from './letters-due';
import { decideStep } from './steps';
import { groupByStudent, validateAbsenceTable } from './absence-table';
import type {
  AttendanceCounts,
  DayKey,
  DocumentationEntry,
  Policy,
  PriorStatus,
  Problem,
  SchoolCalendar,
  StatusFlag,
  StudentRecord,
  StudentStatus,
} from './types';
import type { RawAbsenceRow, RawDocumentationRow, RawStudentRow } from './validation';
import { validateDocumentation, validateStudents } from './validation';

export interface CampusInput {
  policy: Policy;
  calendar: SchoolCalendar;
  students: readonly RawStudentRow[];
  absences: readonly RawAbsenceRow[];
  documentation: readonly RawDocumentationRow[];
  /** Kept statuses from the Status tab, by student id. */
  priorStatuses: Readonly<Record<string, PriorStatus>>;
  /** Keys `${studentId}|${letterType}|${schoolYear}` of letters already issued. */
  lettersIssued: readonly string[];
  /**
   * The day the add-on first saw each student, by student id, kept by the app across recalculations.
   * An action's lateness counts from the later of the day it became due and this day, so that on a
   * new campus nothing starts out overdue (the lateness inherited from before is shown as such: see
   * DueAction.inherited). A student missing here (or with a day that is not a date) is seen for the
   * first time now, as of asOf. Required, so that no caller forgets it: a campus's first run passes {}.
   */
  firstSeen: Readonly<Record<string, DayKey>>;
  asOf: DayKey;
  /** Evaluate only these students (incremental recalculation); problems are limited to their rows. */
  onlyStudentIds?: readonly string[];
}

export interface CampusResult {
  asOf: DayKey;
  schoolYear: string;
  /** One status per evaluated student, in roster order. */
  statuses: StudentStatus[];
  problems: Problem[];
}

function groupBy<T extends { studentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.studentId);
    if (list) list.push(r);
    else map.set(r.studentId, [r]);
  }
  return map;
}

function idOf(cell: unknown): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * Computes every student's status as of `input.asOf`. Linear in rows: each tab is validated and
 * grouped by student once; a student's work touches only that student's rows.
 */
export function evaluateCampus(input: CampusInput): CampusResult {
  const { policy, asOf } = input;
  const cal = compileCalendar(input.calendar);
  const schoolYear = input.calendar.schoolYear;
  const only = input.onlyStudentIds ? new Set(input.onlyStudentIds.map(idOf)) : null;
  const pick = <T extends { studentId: unknown }>(rows: readonly T[]): readonly T[] =>
    only ? rows.filter((r) => only.has(idOf(r.studentId))) : rows;

  const roster = validateStudents(input.students);
  const studentIndex = new Map<string, number>();
  for (const s of roster.students) studentIndex.set(s.studentId, studentIndex.size);
  const studentIds: ReadonlySet<string> = new Set(studentIndex.keys());
  const abs = validateAbsenceTable(pick(input.absences), { policy, cal, studentIndex, asOf });
  const docs = validateDocumentation(pick(input.documentation), { policy, studentIds, asOf });
  const problems = [
    ...(only ? roster.problems.filter((p) => only.has(p.studentId ?? '')) : roster.problems),
    ...abs.problems,
    ...docs.problems,
  ];

  const { start, day, code } = groupByStudent(abs, roster.students.length);
  const docsBy = groupBy(docs.entries);
  const run = evaluation(policy, cal, asOf, input.lettersIssued);
  const statuses: StudentStatus[] = [];
  roster.students.forEach((student, i) => {
    if (only && !only.has(student.studentId)) return;
    const counts = countDays(run.counting, student, day, code, start[i] ?? 0, start[i + 1] ?? 0);
    const documentation = docsBy.get(student.studentId) ?? [];
    // Own properties only: an id like 'constructor' must not pick up Object.prototype's.
    const prior = ownValue(input.priorStatuses, student.studentId);
    const seen = ownValue(input.firstSeen, student.studentId);
    const firstSeen = seen !== undefined && parseDayKey(seen) !== null ? seen : asOf;
    statuses.push(evaluateStudent(run, student, counts, documentation, prior, firstSeen));
  });
  for (const [label, value] of [
    ['first day', input.calendar.firstDay],
    ['last day', input.calendar.lastDay],
  ] as const) {
    if (parseDayKey(value) === null)
      problems.push({
        tab: 'Calendar',
        reason: `The school year's ${label} "${String(value)}" is not a real date (yyyy-mm-dd); no day counts and nothing is due until it is fixed.`,
        severity: 'error',
      });
  }
  if (!isInSchoolYear(cal, asOf)) {
    problems.push({
      tab: 'Calendar',
      reason: `${asOf} is outside the school year ${schoolYear} (${input.calendar.firstDay} to ${input.calendar.lastDay}).`,
      severity: 'warning',
    });
  }
  return { asOf, schoolYear, statuses, problems };
}

function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The list without repeats, in first-seen order (most lists here have 0 or 1 item). */
function unique<T>(list: T[]): T[] {
  return list.length < 2 ? list : [...new Set(list)];
}

/** What one evaluateCampus computes once and every student shares. */
export interface Evaluation {
  counting: CountingContext;
  due: DueContext;
  lookups: PolicyLookups;
  schoolYear: string;
  /** Keys of letters already issued (see letterKey). */
  issued: ReadonlySet<string>;
  /**
   * First day that documentation counts from: the calendar's first day (entries of an earlier school
   * year never count for gates, adjustments, court decisions or due actions). '9999-12-31' when the
   * calendar has no valid first day, so nothing counts.
   */
  yearStart: DayKey;
}

/** The shared state of one evaluation: calendar tables, code and text lookups, action chains, asOf's week. */
export function evaluation(
  policy: Policy,
  cal: CalendarIndex,
  asOf: DayKey,
  lettersIssued: readonly string[],
): Evaluation {
  const lookups = policyLookups(policy);
  return {
    counting: countingContext(policy, cal, asOf),
    due: {
      policy,
      cal,
      asOf,
      today: schoolDayOnOrBefore(cal, asOf),
      monday: startOfWeek(asOf),
      chains: actionChains(policy),
      lookups,
    },
    lookups,
    schoolYear: cal.calendar.schoolYear,
    issued: new Set(lettersIssued),
    yearStart: cal.last >= cal.first ? keyOf(cal, cal.first) : '9999-12-31',
  };
}

/** One student's status from that student's counts and valid Documentation rows (used by evaluateCampus). */
export function evaluateStudent(
  run: Evaluation,
  student: StudentRecord,
  counts: AttendanceCounts,
  documentation: readonly DocumentationEntry[],
  prior: PriorStatus | undefined,
  firstSeen: DayKey,
): StudentStatus {
  const ctx = run.counting;
  const { schoolYear, issued } = run;
  const { policy, asOf } = ctx;
  const rate = attendanceRate(counts);
  const docIndex = buildDocIndex(policy, documentation, asOf, run.lookups, run.yearStart);
  const decision = decideStep(policy, counts, docIndex, prior, run.lookups);
  const issuedFor = (letterType: string): boolean =>
    issued.has(letterKey(student.studentId, letterType, schoolYear));
  const [from, to] = enrollmentRange(ctx, student);
  const enrolled = !(from > to || (student.withdrawDate !== null && student.withdrawDate <= asOf));
  const due = dueActions(run.due, {
    step: decision.step,
    stepSince: decision.stepSince,
    docs: docIndex,
    unexcusedDates: counts.unexcusedDates,
    firstSeen,
    enrolled,
    letterIssued: issuedFor,
  });

  const flags: StatusFlag[] = decision.flags; // fresh arrays of this decision: extended in place
  const messages = decision.messages;
  if (rate !== null && rate < policy.attendanceLine) {
    flags.push('belowAttendanceLine');
    messages.push(
      `Attendance ${(rate * 100).toFixed(1)}% is below ${Math.round(policy.attendanceLine * 100)}%.`,
    );
  }
  if (counts.unexcusedRecent >= policy.recentWindowCount) {
    flags.push('recentWindowThreshold');
    messages.push(
      `${counts.unexcusedRecent} unexcused days or parts of days in the last ${policy.recentWindowDays} days.`,
    );
  }
  if (counts.unexcusedLong >= policy.longWindowCount) {
    flags.push('longWindowThreshold');
    messages.push(
      `${counts.unexcusedLong} unexcused days or parts of days in the last ${policy.longWindowMonths} months.`,
    );
  }
  if (!enrolled) flags.push('notEnrolled');

  const status: StudentStatus = {
    studentId: student.studentId,
    counts,
    attendanceRate: rate,
    step: decision.step,
    since: decision.since,
    stepSince: decision.stepSince,
    highestStep: decision.highestStep,
    firstSeen,
    due,
    nextDue: due[0] ?? null,
    // A student not enrolled as of asOf is sent no letter.
    lettersDue: enrolled
      ? lettersDue(policy, student.studentId, schoolYear, decision.step, decision.stepSince, issued)
      : [],
    flags: unique(flags),
    messages: unique(messages),
  };
  if (decision.blocked) status.blocked = decision.blocked;
  if (decision.adjustment) status.adjustment = decision.adjustment;
  return status;
}
