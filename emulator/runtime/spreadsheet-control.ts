// The host's view of the workbooks: raw import and export (for xlsx files) and values without charging the clock.
import { displayValue, type Cell } from './spreadsheet-format';
import type { BookModel, ValidationSpec } from './spreadsheet-model';
import { newBook, type SheetsState } from './spreadsheet-app';

/** One sheet as plain data; rows and columns are 0-based in the sparse lists. */
export interface RawSheet {
  name: string;
  values: Cell[][];
  formats: [number, number, string][];
  formulas: [number, number, string][];
  validations: [number, number, ValidationSpec][];
  frozenRows: number;
  columnWidths: [number, number][];
  maxRows: number;
  maxCols: number;
  hidden: boolean;
}

export interface RawBook {
  name: string;
  timeZone: string;
  sheets: RawSheet[];
}

export class SheetsHost {
  constructor(private readonly state: SheetsState) {}

  private book(id?: string): BookModel {
    const book = this.state.books.get(id ?? this.state.activeId);
    if (!book) throw new Error(`no spreadsheet ${id ?? ''}`);
    return book;
  }
  get activeId(): string {
    return this.state.activeId;
  }
  /** Creates another workbook (for example a campus workbook a district workbook opens by id). */
  createBook(name: string): string {
    return newBook(this.state, name).id;
  }
  sheetNames(id?: string): string[] {
    return this.book(id).sheets.map((s) => s.name);
  }
  /** The data range's values as `getValues()` returns them (Dates in this realm), with no cost. */
  values(sheetName: string, id?: string): unknown[][] {
    const s = this.book(id).sheet(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    const h = s.lastRow();
    const w = s.lastColumn();
    const out: unknown[][] = [];
    for (let r = 0; r < h; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < w; c++) line.push(s.read(r, c));
      out.push(line);
    }
    return out;
  }
  displayValues(sheetName: string, id?: string): string[][] {
    const s = this.book(id).sheet(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    const [h, w] = [s.lastRow(), s.lastColumn()];
    return Array.from({ length: h }, (_, r) =>
      Array.from({ length: w }, (_, c) => displayValue(s.get(r, c), s.formats.get(r, c))),
    );
  }
  exportBook(id?: string): RawBook {
    const book = this.book(id);
    return {
      name: book.name,
      timeZone: book.timeZone,
      sheets: book.sheets.map((s) => ({
        name: s.name,
        values: s.values.map((row) => Array.from(row, (v) => v ?? null)),
        formats: s.formats.entries(),
        formulas: s.formulas.entries(),
        validations: s.validations.entries(),
        frozenRows: s.frozenRows,
        columnWidths: [...s.columnWidths.entries()],
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        hidden: s.hidden,
      })),
    };
  }
  /** Replaces the workbook's sheets with the given ones (the first sheet becomes active). */
  importBook(raw: RawBook, id?: string): void {
    const book = this.book(id);
    book.name = raw.name || book.name;
    book.sheets.length = 0;
    book.protections.length = 0;
    book.namedRanges.clear();
    for (const r of raw.sheets) {
      const s = book.addSheet(r.name);
      s.values = r.values.map((row) => Array.from(row, (v) => (v === undefined || v === '' ? null : v)));
      for (const [row, col, f] of r.formats) s.formats.set(row, col, f);
      for (const [row, col, f] of r.formulas) s.formulas.set(row, col, f);
      for (const [row, col, v] of r.validations) s.validations.set(row, col, v);
      s.frozenRows = r.frozenRows;
      for (const [col, w] of r.columnWidths) s.columnWidths.set(col, w);
      s.maxRows = Math.max(r.maxRows, s.values.length, 1);
      s.maxCols = s.values.reduce((m, row) => Math.max(m, row.length), Math.max(r.maxCols, 1));
      s.hidden = r.hidden;
    }
    if (book.sheets.length === 0) book.addSheet('Sheet1');
    book.activeSheet = 0;
  }
}
