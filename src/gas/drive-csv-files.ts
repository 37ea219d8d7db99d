// CsvFiles over DriveApp and Utilities.parseCsv.
import { CsvFileError, type CsvFiles } from '../ports/files';

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
