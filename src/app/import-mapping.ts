// The column mapping of student information system exports: their header names to ours, saved in Settings.
import { ABSENCES, STUDENTS } from '../ports/tabs';

const PREFIX = 'import.column.';

/**
 * Settings that take effect without being applied, being no part of the ladder: the import's (`import.*`), the daily
 * call list's (`calls.*`) and the schedule's lines (`schedule.*`, written by the add-on).
 */
export function isImportSetting(key: string): boolean {
  return /^(import|calls|schedule)\./.test(key.trim().toLowerCase());
}

/** Our columns an export can fill: the three of Absences are required, the roster ones optional. */
export const IMPORT_FIELDS = {
  studentId: ABSENCES.columns.studentId.header,
  date: ABSENCES.columns.date.header,
  code: ABSENCES.columns.code.header,
  lastName: STUDENTS.columns.lastName.header,
  firstName: STUDENTS.columns.firstName.header,
  grade: STUDENTS.columns.grade.header,
  guardianName: STUDENTS.columns.guardianName.header,
  guardianEmail: STUDENTS.columns.guardianEmail.header,
  guardianPhone: STUDENTS.columns.guardianPhone.header,
  language: STUDENTS.columns.language.header,
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['studentId', 'date', 'code'];

/** Default Settings rows: each of our columns read from a header of the same name (the district edits them). */
export function defaultImportSettings(): { key: string; value: string; help: string }[] {
  return Object.values(IMPORT_FIELDS).map((ours) => ({
    key: PREFIX + ours,
    value: ours,
    help: `Header of the export column that holds ${ours}.${
      ours === IMPORT_FIELDS.studentId || ours === IMPORT_FIELDS.date || ours === IMPORT_FIELDS.code
        ? ' Required.'
        : ' Optional: when present, new students are added to Students.'
    }`,
  }));
}

/**
 * Finds each field's column in an export's header row through the mapping. Returns the positions, or the
 * message naming what is missing.
 */
export function locateImportColumns(
  header: string[],
  settings: { key: string; value: string }[],
): { positions: Partial<Record<ImportField, number>>; missing: string[] } {
  const mapping = new Map(settings.map((s) => [s.key.trim().toLowerCase(), s.value.trim()]));
  const names = header.map((h) => h.trim().toLowerCase());
  const positions: Partial<Record<ImportField, number>> = {};
  const missing: string[] = [];
  for (const [field, ours] of Object.entries(IMPORT_FIELDS) as [ImportField, string][]) {
    const theirs = mapping.get((PREFIX + ours).toLowerCase()) || ours;
    const at = names.indexOf(theirs.toLowerCase());
    if (at >= 0) positions[field] = at;
    else if (REQUIRED_IMPORT_FIELDS.includes(field)) missing.push(`"${theirs}" (for ${ours})`);
  }
  return { positions, missing };
}
