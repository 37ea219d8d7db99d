// Spreadsheets as Drive files: Drive ids, one file record per workbook (its name is the workbook's), PDF and copies.
import { paragraph, type Block } from './document-model';
import { DriveStore, GOOGLE_SHEET, type FileRecord } from './drive-store';
import { renderPdf } from './pdf';
import { newBook, type SheetsState } from './spreadsheet-app';
import { SheetsHost } from './spreadsheet-control';
import { displayValue } from './spreadsheet-format';
import type { BookModel } from './spreadsheet-model';

/** Adds the Drive file of a workbook; renaming either one renames both, as they are one file in Drive. */
function addSpreadsheetFile(drive: DriveStore, book: BookModel): FileRecord {
  const rec = drive.addFileRecord(book.name, GOOGLE_SHEET, [], undefined, book.id);
  Object.defineProperty(rec, 'name', {
    get: () => book.name,
    set: (name: string) => {
      book.name = name;
    },
    enumerable: true,
  });
  return rec;
}

/** Each visible sheet's data range as a table of display values, a page per sheet (an approximation of Sheets' PDF). */
function bookBlocks(book: BookModel): Block[] {
  const blocks: Block[] = [];
  for (const s of book.sheets) {
    if (s.hidden) continue;
    if (blocks.length) blocks.push({ ...paragraph(''), pageBreak: true });
    const [h, w] = [s.lastRow(), s.lastColumn()];
    const rows = Array.from({ length: h }, (_, r) =>
      Array.from({ length: w }, (_, c) => displayValue(s.get(r, c), s.formats.get(r, c))),
    );
    blocks.push(rows.length ? { kind: 'table', rows } : paragraph(''));
  }
  return blocks.length ? blocks : [paragraph('')];
}

/**
 * From now on every workbook of `state` gets its id from the Drive store and a Drive file
 * (MIME type `application/vnd.google-apps.spreadsheet`); Drive's `getBlob`/`getAs('application/pdf')` and
 * `makeCopy` work on it. Call before the first workbook is made.
 */
export function linkSpreadsheetsToDrive(state: SheetsState, drive: DriveStore): void {
  state.nextId = () => drive.newId('google');
  state.onNewBook = (book) => addSpreadsheetFile(drive, book);
  const host = new SheetsHost(state);
  const bookOf = (id: string): BookModel => {
    const book = state.books.get(id);
    if (!book) throw new Error(`no workbook for the Drive file ${id}`);
    return book;
  };
  drive.googleTypes.set(GOOGLE_SHEET, {
    pdf: (rec) => ({ name: rec.name, bytes: renderPdf(bookBlocks(bookOf(rec.id)), rec.name) }),
    copy: (rec, name, parentId) => {
      const source = bookOf(rec.id);
      const copy = newBook(state, name);
      host.importBook(host.exportBook(source.id), copy.id);
      copy.name = name;
      copy.timeZone = source.timeZone;
      const out = drive.file(copy.id);
      out.parents = [parentId];
      return out;
    },
  });
}
