// Checking an export's rows before anything is written: each row is kept for its day, or rejected with the reason.
import { isInSchoolYear, type compileCalendar } from '../domain/calendar';
import { parseDateText } from '../domain/dates';
import { normaliseCode } from '../domain/policy';
import { idProblem, lostDigits, lostDigitsProblem, type RosterIds } from '../domain/student-ids';
import type { STUDENTS } from '../ports/tabs';
import type { RowOf } from '../ports/workbook';
import type { ImportField } from './import-mapping';
import type { IncomingDay } from './import-days';

type StudentRow = RowOf<typeof STUDENTS.columns>;

export interface RowCheckContext {
  roster: RosterIds;
  codes: { has(code: string): boolean };
  calendar: ReturnType<typeof compileCalendar>;
  schoolYear: string;
  today: string;
  /** The trimmed text of a field in a row ('' when the export has no such column). */
  cell: (cells: string[], field: ImportField) => string;
}

export interface CheckedRows {
  /** One per row: '' for a row kept for its day (planDays fills it), else `rejected: …` or `unchanged: …`. */
  results: string[];
  /** The kept rows by `id|date`. */
  incoming: Map<string, IncomingDay>;
  newStudents: Map<string, StudentRow>;
}

/**
 * Checks every row. Never a guess: an id that could be two roster ids, an id that lost its digits, a date that is
 * not real, outside the school year or after today, and a code outside the mapping are rejected with the reason.
 * A day's code counts once however many lines (periods) list it: Absences keeps one row per student, day and code,
 * since a day counts once and the tab has no period column (a second row would only read as a duplicate).
 */
export function checkRows(rows: { cells: string[] }[], x: RowCheckContext): CheckedRows {
  const results: string[] = [];
  const incoming = new Map<string, IncomingDay>();
  const newStudents = new Map<string, StudentRow>();
  const seen = new Set<string>();
  for (const { cells } of rows) {
    const typedId = x.cell(cells, 'studentId');
    const match = x.roster.match(typedId);
    const id = match.kind === 'exact' || match.kind === 'zeros' ? match.id : typedId;
    const dateText = x.cell(cells, 'date');
    const code = normaliseCode(x.cell(cells, 'code'));
    const date = parseDateText(dateText);
    const reject = (why: string) => results.push(`rejected: ${why}`);
    const unknown = match.kind === 'unknown' && !newStudents.has(id);
    const newStudent = unknown ? rosterRow(cells, id, x.cell) : null;
    if (id === '') reject('no Student ID');
    else if (lostDigits(typedId)) reject(lostDigitsProblem(typedId));
    else if (match.kind === 'ambiguous') reject(idProblem(typedId, match)!);
    else if (date === null) reject(`"${dateText}" is not a real date`);
    else if (!isInSchoolYear(x.calendar, date)) reject(`${date} is outside the ${x.schoolYear} school year`);
    else if (date > x.today)
      reject(`${date} is after today (${x.today}): an absence is imported once the day has passed`);
    else if (!x.codes.has(code))
      reject(`code "${x.cell(cells, 'code')}" is not in the code mapping (Settings, code.…)`);
    else if (unknown && !newStudent) {
      reject(
        `student ${id} is not on the Students tab (add the export's name columns to import new students)`,
      );
    } else {
      if (newStudent) newStudents.set(id, newStudent);
      const line = `${id}|${date}|${code}`;
      if (seen.has(line)) {
        results.push('unchanged: this day already has this code in the export (a day counts once)');
        continue;
      }
      seen.add(line);
      const key = `${id}|${date}`;
      const day = incoming.get(key) ?? { studentId: id, date, lines: [] };
      day.lines.push({ code, at: results.length });
      incoming.set(key, day);
      results.push('');
    }
  }
  return { results, incoming, newStudents };
}

/** A Students row from the export's roster columns, or null when the export has no name for the student. */
function rosterRow(
  cells: string[],
  studentId: string,
  cell: (cells: string[], f: ImportField) => string,
): StudentRow | null {
  const lastName = cell(cells, 'lastName');
  const firstName = cell(cells, 'firstName');
  if (lastName === '' && firstName === '') return null;
  return {
    studentId,
    lastName,
    firstName,
    grade: cell(cells, 'grade'),
    birthDate: '',
    enrollDate: '',
    withdrawDate: '',
    guardianName: cell(cells, 'guardianName'),
    guardianEmail: cell(cells, 'guardianEmail'),
    guardianPhone: cell(cells, 'guardianPhone'),
    mailingAddress: '',
    language: cell(cells, 'language'),
    assistantPrincipal: '',
    counselor: '',
    attendanceClerk: '',
  };
}
