// evaluateCampus: validates a campus's rows once, groups them by student, and computes every student's status.

import { compileCalendar, isInSchoolYear, schoolDayOnOrBefore } from './calendar';
import { startOfWeek } from './dates';
import type { CountingContext } from './counting';
import { attendanceRate, countingContext, countStudent, enrollmentRange } from './counting';
import { buildDocIndex } from './doc-index';
import type { DueContext } from './due';
import { dueActions, letterKey, lettersDue, nextDue } from './due';
import { decideStep } from './steps';
import type {
  AbsenceRecord,
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
import { validateAbsences, validateDocumentation, validateStudents } from './validation';

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
  const studentIds = new Set(roster.students.map((s) => s.studentId));
  const abs = validateAbsences(pick(input.absences), { policy, cal, studentIds });
  const docs = validateDocumentation(pick(input.documentation), { policy, studentIds, asOf });
  const problems = [
    ...(only ? roster.problems.filter((p) => only.has(p.studentId ?? '')) : roster.problems),
    ...abs.problems,
    ...docs.problems,
  ];

  const absencesBy = groupBy(abs.absences);
  const docsBy = groupBy(docs.entries);
  const issued = new Set(input.lettersIssued);
  const ctx = countingContext(policy, cal, asOf);
  const statuses: StudentStatus[] = [];
  for (const student of roster.students) {
    if (only && !only.has(student.studentId)) continue;
    statuses.push(
      evaluateStudent(
        ctx,
        schoolYear,
        student,
        absencesBy.get(student.studentId) ?? [],
        docsBy.get(student.studentId) ?? [],
        input.priorStatuses[student.studentId],
        issued,
      ),
    );
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

const dueContexts = new WeakMap<CountingContext, DueContext>();

/** The due context of a recalculation, computed once (asOf's school day and week). */
function dueCtx(ctx: CountingContext): DueContext {
  let d = dueContexts.get(ctx);
  if (!d) {
    d = {
      policy: ctx.policy,
      cal: ctx.cal,
      asOf: ctx.asOf,
      today: schoolDayOnOrBefore(ctx.cal, ctx.asOf),
      monday: startOfWeek(ctx.asOf),
    };
    dueContexts.set(ctx, d);
  }
  return d;
}

/** One student's status from that student's valid rows (used by evaluateCampus). */
export function evaluateStudent(
  ctx: CountingContext,
  schoolYear: string,
  student: StudentRecord,
  absences: readonly AbsenceRecord[],
  documentation: readonly DocumentationEntry[],
  prior: PriorStatus | undefined,
  issued: ReadonlySet<string>,
): StudentStatus {
  const { policy, asOf } = ctx;
  const counts = countStudent(ctx, student, absences);
  const rate = attendanceRate(counts);
  const docIndex = buildDocIndex(policy, documentation, asOf);
  const decision = decideStep(policy, counts, docIndex, prior);
  const issuedFor = (letterType: string): boolean =>
    issued.has(letterKey(student.studentId, letterType, schoolYear));
  const due = dueActions(dueCtx(ctx), decision.step, decision.stepSince, docIndex, issuedFor);

  const flags: StatusFlag[] = [...decision.flags];
  const messages = [...decision.messages];
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
  const [from, to] = enrollmentRange(ctx, student);
  if (from > to || (student.withdrawDate !== null && student.withdrawDate <= asOf)) flags.push('notEnrolled');

  const status: StudentStatus = {
    studentId: student.studentId,
    counts,
    attendanceRate: rate,
    step: decision.step,
    since: decision.since,
    stepSince: decision.stepSince,
    highestStep: decision.highestStep,
    due,
    nextDue: nextDue(due),
    lettersDue: lettersDue(policy, student.studentId, schoolYear, decision.step, decision.stepSince, issued),
    flags: [...new Set(flags)],
    messages: [...new Set(messages)],
  };
  if (decision.blocked) status.blocked = decision.blocked;
  if (decision.adjustment) status.adjustment = decision.adjustment;
  return status;
}
