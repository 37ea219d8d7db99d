// CsvFiles over DriveApp and Utilities.parseCsv, and the copies of imported exports in the add-on's Drive folder.
import { CsvFileError, type CsvFiles, type ExportCopies } from '../ports/files';
import type { DocumentStore } from '../ports/platform';
import { addonFolder } from './record-services';

/** Export files are small (one row per absence); this keeps a wrong file (a video, say) from being read whole. */
const MAX_CSV_BYTES = 20 * 1024 * 1024;

export function driveCsvFiles(): CsvFiles {
  return {
    read(fileId: string): string[][] {
      let file: GoogleAppsScript.Drive.File;
      try {
        file = DriveApp.getFileById(fileId);
      } catch {
        throw new CsvFileError(
          'That Drive file cannot be opened: check the link, and that you can open the file. ' +
            'Or open the CSV yourself and use File → Import → "Replace current sheet" on the Import tab.',
        );
      }
      const type = file.getMimeType();
      if (!/csv|text\/plain/.test(type) && !/\.csv$/i.test(file.getName())) {
        throw new CsvFileError(
          `"${file.getName()}" is not a CSV file (${type}). Export the attendance as CSV.`,
        );
      }
      if (file.getSize() > MAX_CSV_BYTES)
        throw new CsvFileError(`"${file.getName()}" is too large for an export.`);
      try {
        return Utilities.parseCsv(file.getBlob().getDataAsString('UTF-8'));
      } catch (e) {
        throw new CsvFileError(
          `"${file.getName()}" is not valid CSV: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },
  };
}

/** Each imported export as a CSV file in the add-on's own Drive folder (private: only the add-on made it). */
export function driveExportCopies(
  store: DocumentStore,
  workbookName: () => string,
  me: () => string,
): ExportCopies {
  return {
    keep(name: string, rows: string[][]): string {
      // The add-on's folder, or this person's own when that one belongs to someone else.
      const folder =
        addonFolder(store, workbookName, me, true) ??
        DriveApp.createFolder(`Attendance Steps imports – ${workbookName()} (${me()})`);
      folder.createFile(name, toCsv(rows), 'text/csv');
      return `"${name}" in the Drive folder "${folder.getName()}"`;
    },
  };
}

/** RFC 4180 text: a field with a comma, quote, line break or edge space is quoted, its quotes doubled. */
export function toCsv(rows: string[][]): string {
  const field = (v: string) => (/[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
