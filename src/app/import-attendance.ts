// Attendance → Import attendance: a student information system export pasted into the Import tab goes into Absences
// (and new students into Students) through the column mapping and the code mapping in Settings. Importing the same
// export twice adds nothing; a re-coded day is updated; every rejected row is listed with its reason. All rows are
// checked before anything is written.
import { parseDateText } from '../domain/dates';
import { isInSchoolYear, compileCalendar } from '../domain/calendar';
import { codeIndex, normaliseCode } from '../domain/policy';
import { idProblem, RosterIds } from '../domain/student-ids';
import { CsvFileError, driveFileId, type CsvFiles } from '../ports/files';
import type { Lock, Clock } from '../ports/platform';
import { ABSENCES, IMPORT, STUDENTS } from '../ports/tabs';
import type { RowOf, SheetRow, Workbook } from '../ports/workbook';
import { WorkbookError } from '../ports/workbook';
import { readRules } from './campus';
import { locateImportColumns, type ImportField } from './import-mapping';

export const IMPORT_TAB = IMPORT.name;
export const RESULT_HEADER = 'Import Result';

export interface ImportSummary {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  studentsAdded: number;
  /** The first rejected rows, for the message to the person importing. */
  rejections: string[];
}

type AbsenceRow = RowOf<typeof ABSENCES.columns>;

export function importAttendance(deps: { workbook: Workbook; clock: Clock; lock: Lock }): ImportSummary {
  return deps.lock.withLock(() => {
    const { workbook } = deps;
    const today = deps.clock.today();
    const raw = workbook.readRaw(IMPORT_TAB);
    const resultAt = raw ? raw.header.findIndex((h) => h.trim() === RESULT_HEADER) : -1;
    // A row holding only an earlier import's result is not part of the export.
    const rows = raw ? raw.rows.filter((r) => r.cells.some((c, i) => i !== resultAt && c !== '')) : [];
    if (!raw || rows.length === 0) {
      throw new WorkbookError(
        `Paste the export (with its header row) into the ${IMPORT_TAB} tab first; it is empty or missing.`,
        IMPORT_TAB,
      );
    }
    const rules = readRules(workbook, today);
    const { positions, missing } = locateImportColumns(raw.header, rules.importSettings);
    if (missing.length > 0) {
      throw new WorkbookError(
        `The ${IMPORT_TAB} tab has no column ${missing.join(', ')}. Rename the export's column, or set its name ` +
          `in Settings (import.column.…). Nothing was imported.`,
        IMPORT_TAB,
        missing[0],
      );
    }
    const students = workbook.read(STUDENTS);
    const absences = workbook.read(ABSENCES);
    // Pasted exports lose leading zeros (Sheets reads 0012345 as the number 12345): matched to the roster
    // without them, but only where one roster id fits.
    const roster = new RosterIds(students.map((s) => s.values.studentId));
    const codes = codeIndex(rules.policy);
    const calendar = compileCalendar(rules.calendar);
    const cell = (cells: string[], field: ImportField): string => {
      const at = positions[field];
      return at === undefined || at === resultAt ? '' : (cells[at] ?? '').trim();
    };

    const results: string[] = [];
    const newStudents = new Map<string, RowOf<typeof STUDENTS.columns>>();
    const incoming = new Map<string, { codes: string[]; rows: number[] }>();
    for (const { cells } of rows) {
      const typedId = cell(cells, 'studentId');
      const match = roster.match(typedId);
      const id = match.kind === 'exact' || match.kind === 'zeros' ? match.id : typedId;
      const dateText = cell(cells, 'date');
      const code = normaliseCode(cell(cells, 'code'));
      const date = parseDateText(dateText);
      const reject = (why: string) => results.push(`rejected: ${why}`);
      const unknown = match.kind === 'unknown' && !newStudents.has(id);
      const newStudent = unknown ? rosterRow(cells, id, cell) : null;
      if (id === '') reject('no Student ID');
      else if (match.kind === 'ambiguous') reject(idProblem(typedId, match)!);
      else if (date === null) reject(`"${dateText}" is not a real date`);
      else if (!isInSchoolYear(calendar, date))
        reject(`${date} is outside the ${rules.calendar.schoolYear} school year`);
      else if (!codes.has(code))
        reject(`code "${cell(cells, 'code')}" is not in the code mapping (Settings, code.…)`);
      else if (unknown && !newStudent) {
        reject(
          `student ${id} is not on the Students tab (add the export's name columns to import new students)`,
        );
      } else {
        if (newStudent) newStudents.set(id, newStudent);
        const key = `${id}|${date}`;
        const day = incoming.get(key) ?? { codes: [], rows: [] };
        if (day.codes.includes(code)) {
          results.push('unchanged: repeated in this export');
          continue;
        }
        day.codes.push(code);
        day.rows.push(results.length);
        incoming.set(key, day);
        results.push('');
      }
    }

    // Match the export's codes for each student and day against the rows already there.
    const existingByDay = new Map<string, SheetRow<typeof ABSENCES.columns>[]>();
    for (const r of absences) {
      // Keyed by the roster's id, so that a row typed without the id's leading zeros still matches its day.
      const match = roster.match(r.values.studentId);
      const id = match.kind === 'exact' || match.kind === 'zeros' ? match.id : r.values.studentId;
      const key = `${id}|${r.values.date}`;
      const day = existingByDay.get(key);
      if (day) day.push(r);
      else existingByDay.set(key, [r]);
    }
    const source = `Import ${deps.clock.now()}`;
    const toAppend: AbsenceRow[] = [];
    const toUpdate: SheetRow<typeof ABSENCES.columns>[] = [];
    for (const [key, day] of incoming) {
      const [studentId, date] = key.split('|') as [string, string];
      const existing = existingByDay.get(key) ?? [];
      const unmatched = existing.filter((r) => !day.codes.includes(normaliseCode(r.values.code)));
      day.codes.forEach((code, i) => {
        const at = day.rows[i]!;
        if (existing.some((r) => normaliseCode(r.values.code) === code)) {
          results[at] = 'unchanged: already in Absences';
        } else if (unmatched.length > 0) {
          // The export re-coded this day (for example unexcused to excused): the row is updated, not duplicated.
          const row = unmatched.shift()!;
          results[at] = `updated: row ${row.row} re-coded from ${row.values.code} to ${code}`;
          toUpdate.push({ row: row.row, values: { ...row.values, code, source } });
        } else {
          results[at] = 'added';
          toAppend.push({ studentId, date, code, source });
        }
      });
    }

    workbook.append(STUDENTS, [...newStudents.values()]);
    workbook.update(ABSENCES, toUpdate);
    workbook.append(ABSENCES, toAppend);
    // writeColumn fills rows from 2 down: each result goes beside its own sheet row, other rows get a blank.
    const column: string[] = new Array<string>(raw.rows[raw.rows.length - 1]!.row - 1).fill('');
    rows.forEach((r, i) => (column[r.row - 2] = results[i]!));
    workbook.writeColumn(IMPORT_TAB, RESULT_HEADER, column);

    const rejected = results
      .map((r, i) => [r, rows[i]!.row] as const)
      .filter(([r]) => r.startsWith('rejected'));
    return {
      rows: rows.length,
      added: toAppend.length,
      updated: toUpdate.length,
      unchanged: results.filter((r) => r.startsWith('unchanged')).length,
      rejected: rejected.length,
      studentsAdded: newStudents.size,
      rejections: rejected.slice(0, 10).map(([r, row]) => `row ${row}: ${r.slice('rejected: '.length)}`),
    };
  });
}

/** A Students row from the export's roster columns, or null when the export has no name for the student. */
function rosterRow(cells: string[], studentId: string, cell: (cells: string[], f: ImportField) => string) {
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

/**
 * Attendance → Import a CSV from Drive: the file's rows replace the Import tab (as plain text, so ids keep their
 * leading zeros), then import as from a paste. The Import tab shows what was read and each row's result.
 */
export function importAttendanceFromCsv(
  deps: { workbook: Workbook; clock: Clock; lock: Lock; files: CsvFiles },
  link: string,
): ImportSummary {
  const fileId = driveFileId(link);
  if (!fileId)
    throw new CsvFileError('Paste the link of the CSV file in Drive (or its file id). Nothing was imported.');
  const rows = deps.files.read(fileId);
  if (rows.filter((r) => r.some((c) => c.trim() !== '')).length < 2) {
    throw new CsvFileError('The file has no rows under its header row. Nothing was imported.');
  }
  deps.workbook.writeRaw(IMPORT_TAB, rows);
  return importAttendance(deps);
}
