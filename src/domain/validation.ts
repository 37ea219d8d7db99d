// Raw tab rows → valid records or listed problems {tab, row, column, reason}; never throws.

import type { CalendarIndex } from './calendar';
import { isInSchoolYear, isInstructional } from './calendar';
import { parseDateText, toDayNumber } from './dates';
import { normaliseCode } from './policy';
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

/** A cell as the adapter hands it over: text, a DayKey for date cells, a number, or blank. */
export type RawCell = string | number | boolean | null | undefined;

export interface RawStudentRow {
  row: number;
  studentId: RawCell;
  name?: RawCell;
  enrollDate?: RawCell;
  withdrawDate?: RawCell;
  birthDate?: RawCell;
}

export interface RawAbsenceRow {
  row: number;
  studentId: RawCell;
  date: RawCell;
  code: RawCell;
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
}

function text(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** Date cell → DayKey, '' for blank, or null when not a real date. Cached: imports repeat few dates. */
function dateOf(cell: RawCell, cache: Map<string, DayKey | null>): DayKey | '' | null {
  const t = text(cell);
  if (t === '') return '';
  let d = cache.get(t);
  if (d === undefined) {
    d = parseDateText(t);
    cache.set(t, d);
  }
  return d;
}

export function validateStudents(rows: readonly RawStudentRow[]): {
  students: StudentRecord[];
  problems: Problem[];
} {
  const students: StudentRecord[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const cache = new Map<string, DayKey | null>();
  for (const r of rows) {
    const studentId = text(r.studentId);
    const p = (reason: string, column?: string, severity: Problem['severity'] = 'error'): void => {
      problems.push({
        tab: 'Students',
        row: r.row,
        ...(column ? { column } : {}),
        reason,
        severity,
        ...(studentId ? { studentId } : {}),
      });
    };
    if (studentId === '') {
      if (text(r.name) !== '') p('Student ID is missing; the row is ignored.', 'Student ID');
      continue;
    }
    if (seen.has(studentId)) {
      p(`Student ID ${studentId} appears twice; the first row is used.`, 'Student ID');
      continue;
    }
    seen.add(studentId);
    const dates: Record<'enrollDate' | 'withdrawDate' | 'birthDate', DayKey | null> = {
      enrollDate: null,
      withdrawDate: null,
      birthDate: null,
    };
    const columns = {
      enrollDate: 'Enroll Date',
      withdrawDate: 'Withdraw Date',
      birthDate: 'Birth Date',
    } as const;
    for (const key of ['enrollDate', 'withdrawDate', 'birthDate'] as const) {
      const d = dateOf(r[key], cache);
      if (d === null) p(`"${text(r[key])}" is not a real date; it is left blank.`, columns[key]);
      else if (d !== '') dates[key] = d;
    }
    if (dates.enrollDate && dates.withdrawDate && dates.withdrawDate < dates.enrollDate) {
      p(
        `Withdraw date ${dates.withdrawDate} is before enroll date ${dates.enrollDate}; the withdraw date is ignored.`,
        columns.withdrawDate,
      );
      dates.withdrawDate = null;
    }
    students.push({ studentId, name: text(r.name), ...dates, row: r.row });
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
  const absences: AbsenceRecord[] = [];
  const problems: Problem[] = [];
  // Hot loop (hundreds of thousands of rows): caches for dates and codes, numeric duplicate keys
  // per student, and no closures created per row.
  const codeIndex = new Map(ctx.policy.codes.map((c, i) => [normaliseCode(c.code), i]));
  const codeCache = new Map<string, string | null>();
  // Duplicate key: one integer per (student, day, code): a numeric Set is far cheaper than strings.
  const studentIndex = new Map<string, number>();
  for (const id of ctx.studentIds) studentIndex.set(id, studentIndex.size);
  const span = ctx.cal.last - ctx.cal.first + 1;
  const codeCount = Math.max(1, codeIndex.size);
  const keySpace = studentIndex.size * span * codeCount;
  // A bitmap when it stays small (≤ 32 MB), else a Set.
  const bits = keySpace <= 2 ** 28 ? new Uint8Array(Math.ceil(keySpace / 8)) : null;
  const seen = new Set<number>();
  const isDuplicate = (key: number): boolean => {
    if (bits === null) return seen.has(key) || (seen.add(key), false);
    const mask = 1 << (key & 7);
    const byte = bits[key >>> 3] ?? 0;
    bits[key >>> 3] = byte | mask;
    return (byte & mask) !== 0;
  };
  const cache = new Map<string, DayKey | null>();
  const dayNumbers = new Map<DayKey, number>();
  const year = ctx.cal.calendar.schoolYear;
  const p = (
    r: RawAbsenceRow,
    studentId: string,
    reason: string,
    column?: string,
    severity: Problem['severity'] = 'error',
  ): void => {
    problems.push({
      tab: 'Absences',
      row: r.row,
      ...(column ? { column } : {}),
      reason,
      severity,
      ...(studentId ? { studentId } : {}),
    });
  };
  for (const r of rows) {
    const studentId = text(r.studentId);
    const rawCode = text(r.code);
    if (studentId === '' && text(r.date) === '' && rawCode === '') continue;
    if (studentId === '') {
      p(r, studentId, 'Student ID is missing.', 'Student ID');
      continue;
    }
    if (!ctx.studentIds.has(studentId)) {
      p(r, studentId, `Unknown student ID ${studentId} (not on the Students tab).`, 'Student ID');
      continue;
    }
    const date = dateOf(r.date, cache);
    if (date === null || date === '') {
      p(r, studentId, date === '' ? 'Date is missing.' : `"${text(r.date)}" is not a real date.`, 'Date');
      continue;
    }
    let n = dayNumbers.get(date);
    if (n === undefined) {
      n = toDayNumber(date);
      dayNumbers.set(date, n);
    }
    if (!isInSchoolYear(ctx.cal, n)) {
      p(r, studentId, `${date} is outside the school year ${year}.`, 'Date');
      continue;
    }
    let code = codeCache.get(rawCode);
    if (code === undefined) {
      const normal = normaliseCode(rawCode);
      code = codeIndex.has(normal) ? normal : null;
      codeCache.set(rawCode, code);
    }
    if (code === null) {
      p(
        r,
        studentId,
        rawCode === '' ? 'Code is missing.' : `Unknown attendance code "${rawCode}" (see Settings).`,
        'Code',
      );
      continue;
    }
    const key =
      ((studentIndex.get(studentId) ?? 0) * span + (n - ctx.cal.first)) * codeCount +
      (codeIndex.get(code) ?? 0);
    if (isDuplicate(key)) {
      p(
        r,
        studentId,
        `Duplicate row: ${studentId}, ${date}, ${code} already listed; counted once.`,
        undefined,
        'warning',
      );
      continue;
    }
    if (!isInstructional(ctx.cal, n))
      p(r, studentId, `${date} is not an instructional day; the absence does not count.`, 'Date', 'warning');
    // Rows that are already clean are passed on as they are (saves an object per row).
    const clean = r.studentId === studentId && r.date === date && r.code === code;
    absences.push(clean ? (r as AbsenceRecord) : { studentId, date, code, row: r.row });
  }
  return { absences, problems };
}

export interface DocumentationValidationContext {
  policy: Policy;
  studentIds: ReadonlySet<string>;
  asOf?: DayKey;
}

function roleOf(cell: RawCell): Role | '' | null {
  const t = text(cell)
    .replace(/[\s_-]/g, '')
    .toLowerCase();
  if (t === '') return '';
  return ROLES.find((r) => r.toLowerCase() === t) ?? null;
}

function stepOf(cell: RawCell): StepNumber | null {
  const m = /^(?:step\s*)?([0-5])$/i.exec(text(cell));
  return m ? (Number(m[1]) as StepNumber) : null;
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
  const cache = new Map<string, DayKey | null>();
  for (const r of rows) {
    const studentId = text(r.studentId);
    const p = (reason: string, column?: string, severity: Problem['severity'] = 'error'): void => {
      problems.push({
        tab: 'Documentation',
        row: r.row,
        ...(column ? { column } : {}),
        reason,
        severity,
        ...(studentId ? { studentId } : {}),
      });
    };
    if (studentId === '' && text(r.date) === '' && text(r.type) === '') continue;
    if (!ctx.studentIds.has(studentId)) {
      p(studentId === '' ? 'Student ID is missing.' : `Unknown student ID ${studentId}.`, 'Student ID');
      continue;
    }
    const date = dateOf(r.date, cache);
    if (date === null || date === '') {
      p(date === '' ? 'Date is missing.' : `"${text(r.date)}" is not a real date.`, 'Date');
      continue;
    }
    const type = text(r.type);
    if (type === '') {
      p('Type is missing.', 'Type');
      continue;
    }
    if (!types.has(type.toLowerCase()))
      p(`Unknown documentation type "${type}"; it counts only as "any effort".`, 'Type', 'warning');
    const outcome = text(r.outcome);
    if (outcome !== '' && !outcomes.has(outcome.toLowerCase()))
      p(`Unknown outcome "${outcome}"; the entry does not count as done.`, 'Outcome', 'warning');
    let role = roleOf(r.role);
    if (role === null) {
      p(`Unknown role "${text(r.role)}".`, 'Role', 'warning');
      role = '';
    }
    if (ctx.asOf && date > ctx.asOf)
      p(`${date} is in the future; the entry counts from that day.`, 'Date', 'warning');
    const entry: DocumentationEntry = {
      studentId,
      date,
      type,
      outcome,
      role,
      staff: text(r.staff),
      note: text(r.note),
      row: r.row,
    };
    if (type.toLowerCase() === ctx.policy.stepAdjustmentType.toLowerCase()) {
      entry.targetStep = stepOf(r.targetStep);
      if (entry.targetStep === null)
        p(`A step adjustment needs a step from 0 to 5; got "${text(r.targetStep)}".`, 'Step');
    }
    entries.push(entry);
  }
  return { entries, problems };
}
