// Tabs of any layout (the Import tab): the text of an export written as is, and a column of results beside it.
import { writeCell } from './cells';
import { growTo } from './sheet-grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes `values` (one per data row, from row 2) into the column headed `header`, added at the end if needed. */
export function writeResultColumn(sheet: Sheet, header: string, values: string[]): void {
  const width = Math.max(sheet.getLastColumn(), 1);
  const names = sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]!
    .map((h) => String(h).trim());
  let col = names.indexOf(header) + 1;
  if (col === 0) col = names.filter((n) => n !== '').length === 0 ? 1 : width + 1;
  // An export as wide as the grid leaves no column for the results: add one.
  const maxColumns = sheet.getMaxColumns();
  if (col > maxColumns) sheet.insertColumnsAfter(maxColumns, col - maxColumns);
  growTo(sheet, values.length + 1, col);
  // Plain text first: a result is stored as written, never parsed as a number, date or formula.
  sheet
    .getRange(1, col, values.length + 1, 1)
    .setNumberFormat('@')
    .setValues([[header], ...values.map((v) => [writeCell('text', v)])]);
}

/** Replaces everything on the sheet with `rows`, formatted as plain text first so nothing is parsed. */
export function writeTextRows(sheet: Sheet, rows: string[][]): void {
  sheet.clearContents();
  if (rows.length === 0) return;
  const width = Math.max(1, ...rows.map((r) => r.length));
  growTo(sheet, rows.length);
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, rows.length, width);
  range.setNumberFormat('@');
  range.setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
}
