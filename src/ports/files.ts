// What the import needs from Drive: a CSV file's rows, and a place to keep each imported export.

export interface CsvFiles {
  /** The rows of the CSV file with this Drive id. Throws CsvFileError with a message for staff when it cannot. */
  read(fileId: string): string[][];
}

/** The add-on's copies of the exports it imported (the Import tab is cleared after an import). */
export interface ExportCopies {
  /** Keeps `rows` as a CSV file named `name`; returns where it is, in words for staff. */
  keep(name: string, rows: string[][]): string;
}

export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFileError';
  }
}

/** The file id in a Drive link (…/d/ID/…, …?id=ID) or the id itself; null when there is none. */
export function driveFileId(text: string): string | null {
  const t = text.trim();
  const fromLink = /\/d\/([\w-]{10,})/.exec(t) ?? /[?&]id=([\w-]{10,})/.exec(t);
  if (fromLink) return fromLink[1]!;
  return /^[\w-]{10,}$/.test(t) ? t : null;
}

/** The daily call lists, one CSV file a school day in a Drive folder the add-on creates. */
export interface CallListFiles {
  /** Writes the file named `name`, replacing the one of that name written before; returns where it is, in words. */
  replace(name: string, rows: string[][]): string;
}
