// Raw tab rows → valid records or listed problems {tab, row, column, reason}; never throws.

import type { RawAbsenceRow } from './absence-table';
import { validateAbsenceTable } from './absence-table';
import type { CalendarIndex } from './calendar';
import type { RawCell } from './cells';
import { cellDate as dateOf, cellText as text } from './cells';
import type {
  AbsenceRecord,
  DayKey,
  DocumentationEntry,
  Policy,
  Problem,
  Role,
  StepNumber,
  StudentRecord,
} from './types';
import { ROLES } from './types';

export type { RawCell } from './cells';
export type { RawAbsenceRow } from './absence-table';

export interface RawStudentRow {
  row: number;
  studentId: RawCell;
  name?: RawCell;
  enrollDate?: RawCell;
  withdrawDate?: RawCell;
  birthDate?: RawCell;
}

export interface RawDocumentationRow {
  row: number;
  studentId: RawCell;
  date: RawCell;
  type: RawCell;
  outcome?: RawCell;
  role?: RawCell;
  staff?: RawCell;
  note?: RawCell;
  targetStep?: RawCell;
  /** Sealed by the add-on (see DocumentationEntry.verified). */
  verified?: boolean;
  /** The sealed entry's sequence number. */
  seq?: number;
}

/**
 * Headers of the Students tab's date columns, as the tab declares them (src/ports/tabs.ts, STUDENTS):
 * problems name the column a person can find. The domain does not import the ports, so they are repeated.
 */
export const STUDENT_DATE_COLUMNS = {
  enrollDate: 'Enroll Date',
  withdrawDate: 'Withdraw Date',
  birthDate: 'Date of Birth',
} as const;

/** Checks Students rows: missing or repeated ids, dates that are not real, withdraw before enroll. */
export function validateStudents(rows: readonly RawStudentRow[]): {
  students: StudentRecord[];
  problems: Problem[];
} {
  const students: StudentRecord[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const cache = new Map<string, DayKey | null>();
  const problem = (r: RawStudentRow, studentId: string, reason: string, column: string): void => {
    problems.push({
      tab: 'Students',
      row: r.row,
      column,
      reason,
      severity: 'error',
      ...(studentId ? { studentId } : {}),
    });
  };
  const dateIn = (
    r: RawStudentRow,
    studentId: string,
    key: keyof typeof STUDENT_DATE_COLUMNS,
  ): DayKey | null => {
    const d = dateOf(r[key], cache);
    if (d === null)
      problem(
        r,
        studentId,
        `"${text(r[key])}" is not a real date; it is left blank.`,
        STUDENT_DATE_COLUMNS[key],
      );
    return d || null;
  };
  for (const r of rows) {
    const studentId = text(r.studentId);
    if (studentId === '') {
      if (text(r.name) !== '')
        problem(r, studentId, 'Student ID is missing; the row is ignored.', 'Student ID');
      continue;
    }
    if (seen.has(studentId)) {
      problem(r, studentId, `Student ID ${studentId} appears twice; the first row is used.`, 'Student ID');
      continue;
    }
    seen.add(studentId);
    const enrollDate = dateIn(r, studentId, 'enrollDate');
    let withdrawDate = dateIn(r, studentId, 'withdrawDate');
    const birthDate = dateIn(r, studentId, 'birthDate');
    if (enrollDate && withdrawDate && withdrawDate < enrollDate) {
      problem(
        r,
        studentId,
        `Withdraw date ${withdrawDate} is before enroll date ${enrollDate}; the withdraw date is ignored.`,
        STUDENT_DATE_COLUMNS.withdrawDate,
      );
      withdrawDate = null;
    }
    students.push({ studentId, name: text(r.name), enrollDate, withdrawDate, birthDate, row: r.row });
  }
  return { students, problems };
}

export interface AbsenceValidationContext {
  policy: Policy;
  cal: CalendarIndex;
  studentIds: ReadonlySet<string>;
}

/** Checks Absences rows. Non-instructional days are kept as warnings (they never count). */
export function validateAbsences(
  rows: readonly RawAbsenceRow[],
  ctx: AbsenceValidationContext,
): { absences: AbsenceRecord[]; problems: Problem[] } {
  const studentIndex = new Map<string, number>();
  for (const id of ctx.studentIds) studentIndex.set(id, studentIndex.size);
  const { absences, problems } = validateAbsenceTable(rows, {
    policy: ctx.policy,
    cal: ctx.cal,
    studentIndex,
  });
  return { absences, problems };
}

export interface DocumentationValidationContext {
  policy: Policy;
  studentIds: ReadonlySet<string>;
  asOf?: DayKey;
}

/** Role from typed text ('Assistant Principal', 'assistant_principal' …); '' for blank, null when unknown. */
function roleOf(t: string): Role | '' | null {
  const key = t.replace(/[\s_-]/g, '').toLowerCase();
  if (key === '') return '';
  return ROLES.find((r) => r.toLowerCase() === key) ?? null;
}

function stepOf(cell: RawCell): StepNumber | null {
  const m = /^(?:step\s*)?([0-5])$/i.exec(text(cell));
  return m ? (Number(m[1]) as StepNumber) : null;
}

/** A memo of `compute` per distinct text (a Documentation tab repeats a few types, outcomes and roles). */
function memo<T>(compute: (t: string) => T): (t: string) => T {
  const cache = new Map<string, T>();
  return (t) => {
    if (cache.has(t)) return cache.get(t) as T;
    const v = compute(t);
    cache.set(t, v);
    return v;
  };
}

/** Checks Documentation rows. Unknown types, outcomes and roles are warnings; the entry is kept. */
export function validateDocumentation(
  rows: readonly RawDocumentationRow[],
  ctx: DocumentationValidationContext,
): { entries: DocumentationEntry[]; problems: Problem[] } {
  const entries: DocumentationEntry[] = [];
  const problems: Problem[] = [];
  const types = new Set(ctx.policy.documentationTypes.map((d) => d.type.toLowerCase()));
  const outcomes = new Set(ctx.policy.outcomes.map((o) => o.outcome.toLowerCase()));
  const adjustmentType = ctx.policy.stepAdjustmentType.toLowerCase();
  const knownType = memo((type) => types.has(type.toLowerCase()));
  const isAdjustment = memo((type) => type.toLowerCase() === adjustmentType);
  const knownOutcome = memo((outcome) => outcome === '' || outcomes.has(outcome.toLowerCase()));
  const role = memo(roleOf);
  const cache = new Map<string, DayKey | null>();
  const problem = (
    r: RawDocumentationRow,
    studentId: string,
    reason: string,
    column: string,
    severity: Problem['severity'] = 'error',
  ): void => {
    problems.push({
      tab: 'Documentation',
      row: r.row,
      column,
      reason,
      severity,
      ...(studentId ? { studentId } : {}),
    });
  };
  for (const r of rows) {
    const studentId = text(r.studentId);
    const type = text(r.type);
    if (studentId === '' && text(r.date) === '' && type === '') continue;
    if (!ctx.studentIds.has(studentId)) {
      const reason = studentId === '' ? 'Student ID is missing.' : `Unknown student ID ${studentId}.`;
      problem(r, studentId, reason, 'Student ID');
      continue;
    }
    const date = dateOf(r.date, cache);
    if (date === null || date === '') {
      problem(
        r,
        studentId,
        date === '' ? 'Date is missing.' : `"${text(r.date)}" is not a real date.`,
        'Date',
      );
      continue;
    }
    if (type === '') {
      problem(r, studentId, 'Type is missing.', 'Type');
      continue;
    }
    if (!knownType(type))
      problem(
        r,
        studentId,
        `Unknown documentation type "${type}"; it counts only as "any effort".`,
        'Type',
        'warning',
      );
    const outcome = text(r.outcome);
    if (!knownOutcome(outcome))
      problem(
        r,
        studentId,
        `Unknown outcome "${outcome}"; the entry does not count as done.`,
        'Outcome',
        'warning',
      );
    const roleText = text(r.role);
    let entryRole = role(roleText);
    if (entryRole === null) {
      problem(r, studentId, `Unknown role "${roleText}".`, 'Role', 'warning');
      entryRole = '';
    }
    if (ctx.asOf && date > ctx.asOf)
      problem(r, studentId, `${date} is in the future; the entry counts from that day.`, 'Date', 'warning');
    const entry: DocumentationEntry = {
      studentId,
      date,
      type,
      outcome,
      role: entryRole,
      staff: text(r.staff),
      note: text(r.note),
      row: r.row,
      ...(r.verified ? { verified: true, seq: r.seq ?? 0 } : {}),
    };
    if (isAdjustment(type)) {
      entry.targetStep = stepOf(r.targetStep);
      if (entry.targetStep === null)
        problem(
          r,
          studentId,
          `A step adjustment needs a step from 0 to 5; got "${text(r.targetStep)}".`,
          'Step',
        );
    }
    entries.push(entry);
  }
  return { entries, problems };
}
