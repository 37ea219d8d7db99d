// Attendance → Import attendance: a student information system export pasted into the Import tab (or read from a
// CSV file in Drive) goes into Absences (and new students into Students) through the column mapping and the code
// mapping in Settings. All rows are checked, under the lock, before anything is written; the export is then kept as a
// CSV in the add-on's Drive folder and the Import tab keeps only the rejected rows, each with its reason.
import { compileCalendar } from '../domain/calendar';
import { codeIndex } from '../domain/policy';
import { RosterIds } from '../domain/student-ids';
import { CsvFileError, driveFileId, type CsvFiles, type ExportCopies } from '../ports/files';
import type { Lock, Clock } from '../ports/platform';
import { ABSENCES, IMPORT, STUDENTS } from '../ports/tabs';
import type { SheetRow, Workbook } from '../ports/workbook';
import { WorkbookError } from '../ports/workbook';
import { readRules } from './campus';
import { planDays } from './import-days';
import { locateImportColumns, type ImportField } from './import-mapping';
import { checkRows } from './import-rows';

export const IMPORT_TAB = IMPORT.name;
export const RESULT_HEADER = 'Import Result';

export interface ImportSummary {
  rows: number;
  added: number;
  updated: number;
  /** Rows of Absences deleted because the export lists fewer rows for their student and day. */
  removed: number;
  unchanged: number;
  rejected: number;
  studentsAdded: number;
  /** The first rejected rows (with their row on the Import tab after the import), for the message. */
  rejections: string[];
  /** Where the export is kept, in words; null when nothing of it was imported (the Import tab keeps it all). */
  copy: string | null;
}

export interface ImportDeps {
  workbook: Workbook;
  clock: Clock;
  lock: Lock;
  copies: ExportCopies;
}

/** An export: its header and its non-blank rows with their row numbers (the header is row 1). */
interface RawExport {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** Attendance → Import attendance: imports the export pasted into the Import tab. */
export function importAttendance(deps: ImportDeps): ImportSummary {
  return deps.lock.withLock(() => importExport(deps, deps.workbook.readRaw(IMPORT_TAB)));
}

/**
 * Attendance → Import a CSV from Drive: imports the file's rows as from a paste. The file is read before the lock
 * is taken (a read changes nothing); the Import tab is written only under the lock, after the checks.
 */
/** The most characters a Sheets cell holds. */
const CELL_LIMIT = 50_000;

export function importAttendanceFromCsv(deps: ImportDeps & { files: CsvFiles }, link: string): ImportSummary {
  const fileId = driveFileId(link);
  if (!fileId)
    throw new CsvFileError('Paste the link of the CSV file in Drive (or its file id). Nothing was imported.');
  const lines = deps.files.read(fileId);
  if (lines.filter((r) => r.some((c) => c.trim() !== '')).length < 2) {
    throw new CsvFileError('The file has no rows under its header row. Nothing was imported.');
  }
  // A cell holds at most 50,000 characters: a longer value is refused, never cut, before anything is written.
  const long = lines.findIndex((cells) => cells.some((c) => c.length > CELL_LIMIT));
  if (long >= 0) {
    const size = Math.max(...lines[long]!.map((c) => c.length)).toLocaleString('en-US');
    throw new CsvFileError(
      `Row ${long + 1} of the file holds a value of ${size} characters; a Sheets cell holds at most 50,000 characters. ` +
        'Shorten it in the file and import again. Nothing was imported.',
    );
  }
  const rows = lines
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return deps.lock.withLock(() => importExport(deps, { header: lines[0]!, rows }));
}

function importExport(deps: ImportDeps, raw: RawExport | null): ImportSummary {
  const { workbook } = deps;
  const today = deps.clock.today();
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
  // Pasted exports lose leading zeros (Sheets reads 0012345 as the number 12345): matched to the roster without
  // them, but only where one roster id fits.
  const roster = new RosterIds(students.map((s) => s.values.studentId));
  const cell = (cells: string[], field: ImportField): string => {
    const at = positions[field];
    return at === undefined || at === resultAt ? '' : (cells[at] ?? '').trim();
  };
  const { results, incoming, newStudents } = checkRows(rows, {
    roster,
    codes: codeIndex(rules.policy),
    calendar: compileCalendar(rules.calendar),
    schoolYear: rules.calendar.schoolYear,
    today,
    cell,
  });

  // The rows already in Absences by student and day, keyed by the roster's id, so that a row typed without the
  // id's leading zeros still matches its day.
  const existingByDay = new Map<string, SheetRow<typeof ABSENCES.columns>[]>();
  for (const r of absences) {
    const match = roster.match(r.values.studentId);
    const id = match.kind === 'exact' || match.kind === 'zeros' ? match.id : r.values.studentId;
    const key = `${id}|${r.values.date}`;
    existingByDay.set(key, [...(existingByDay.get(key) ?? []), r]);
  }
  const now = deps.clock.now();
  const plan = planDays(incoming, existingByDay, `Import ${now}`, results);

  const rejected = rows.filter((_, i) => results[i]!.startsWith('rejected'));
  // The export is kept before the Import tab is cleared, so that nothing of it is lost if a write fails.
  const copy =
    rejected.length < rows.length
      ? deps.copies.keep(`Import ${now.replace(':', '.')}.csv`, [raw.header, ...rows.map((r) => r.cells)])
      : null;
  workbook.append(STUDENTS, [...newStudents.values()]);
  workbook.update(ABSENCES, plan.toUpdate);
  workbook.deleteRows(ABSENCES, plan.toRemove);
  workbook.append(ABSENCES, plan.toAppend);
  workbook.writeRaw(IMPORT_TAB, leftOnTab(raw.header, resultAt, rows, results));

  const rejections = rows
    .map((r, i) => results[i]!)
    .filter((r) => r.startsWith('rejected'))
    .map((r, i) => `row ${i + 2}: ${r.slice('rejected: '.length)}`);
  return {
    rows: rows.length,
    added: plan.toAppend.length,
    updated: plan.toUpdate.length,
    removed: plan.toRemove.length,
    unchanged: results.filter((r) => r.startsWith('unchanged')).length,
    rejected: rejected.length,
    studentsAdded: newStudents.size,
    rejections: rejections.slice(0, 10),
    copy,
  };
}

/**
 * What the Import tab holds after an import: nothing when every row was imported, else the header and the rejected
 * rows (from row 2, in the export's order) with their reason in the Import Result column, for staff to fix and import
 * again. Rows that were imported are gone, so a shorter export pasted later cannot bring them back.
 */
function leftOnTab(
  header: string[],
  resultAt: number,
  rows: { cells: string[] }[],
  results: string[],
): string[][] {
  const kept = rows.flatMap((r, i) =>
    results[i]!.startsWith('rejected') ? [{ r, result: results[i]! }] : [],
  );
  if (kept.length === 0) return [];
  const at = resultAt >= 0 ? resultAt : header.length;
  const width = Math.max(at + 1, header.length);
  const line = (cells: string[], result: string) =>
    Array.from({ length: width }, (_, i) => (i === at ? result : (cells[i] ?? '')));
  return [line(header, RESULT_HEADER), ...kept.map(({ r, result }) => line(r.cells, result))];
}
