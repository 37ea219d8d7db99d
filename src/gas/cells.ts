// Converting between sheet cell values and the plain values of the workbook port, by column kind.
import { cellYesNo } from '../domain/cells';
import type { ColumnDef, ColumnKind, TabDef } from '../ports/schema';
import { columnKeys } from '../ports/schema';
import type { RowOf } from '../ports/workbook';

export type SheetValue = string | number | boolean | Date;

/**
 * Reads one cell as the port describes it. `formatDay` turns a Date cell into `yyyy-MM-dd` (or a date-time into
 * `yyyy-MM-dd HH:mm`) in the spreadsheet's time zone.
 */
export function readCell(
  kind: ColumnKind,
  value: SheetValue,
  formatDay: (d: Date, withTime: boolean) => string,
) {
  if (value instanceof Date) {
    if (kind === 'date' || kind === 'datetime') return formatDay(value, kind === 'datetime');
    // A date in a yes/no or number column is neither: its text is handed over, to be reported as typed.
    return formatDay(value, false);
  }
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? value.trim() : String(value);
    case 'date':
    case 'datetime':
      return String(value).trim();
    case 'number':
    case 'percent':
      return typeof value === 'number' ? value : numberFromText(String(value ?? ''));
    case 'yesno':
      // true/false when recognised, null when blank, else the text typed ("maybe"): never silently No.
      return cellYesNo(value);
  }
}

/**
 * A cell of a tab of any layout (the Import tab) as text. A number of more than 15 digits has lost digits (Sheets
 * keeps 15 significant digits; a double is exact only below 2^53 ≈ 9.0E15): it is given in exponent form, as Sheets
 * shows it (1.2345678901234568E+19), never as digits that look like an id.
 */
export function rawCellText(value: SheetValue, formatDay: (d: Date, withTime: boolean) => string): string {
  if (typeof value === 'number' && Math.abs(value) >= 1e15) return value.toExponential().toUpperCase();
  return String(readCell('text', value, formatDay));
}

/** A number typed as text ('0', '2', '-1.5', '85%' as 0.85); null when blank, the text when not a number. */
function numberFromText(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return t;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/**
 * The number format each kind of column is written with. Every block the add-on writes gets these formats in the
 * same call sequence as its values, whatever the column's format was (Automatic in a workbook the add-on did not
 * create, or in rows past those Set up formatted): '@' (plain text) makes Sheets store text as typed, so an id
 * keeps its leading zeros (0260012 is not the number 260012) and text starting with = + - @ never becomes a
 * formula (CWE-1236), with no apostrophe to show.
 */
export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  number: '0',
  percent: '0.0%',
  yesno: '@',
};

/** Writes one value as the cell of a column of `kind` holds it (the column is written with NUMBER_FORMATS). */
export function writeCell(kind: ColumnKind, value: unknown): SheetValue {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'number':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'yesno':
      if (typeof value === 'string') return writeCell('text', value); // an unrecognised answer, as it was typed
      return value === true ? 'Yes' : value === false ? 'No' : '';
    case 'date':
    case 'datetime':
      // A yyyy-MM-dd (HH:mm) string is parsed by Sheets as a date in the spreadsheet's zone, as if typed.
      return String(value);
    case 'text':
      return String(value);
  }
}

/** Where a tab's columns are in its sheet: 0-based position per column key, and the sheet row's width. */
export interface ColumnPositions {
  positions: Record<string, number>;
  width: number;
}

/** A sheet row's cells as the port's row object. */
export function rowFromCells<C extends Record<string, ColumnDef>>(
  tab: TabDef<C>,
  at: ColumnPositions,
  cells: readonly SheetValue[],
  formatDay: (d: Date, withTime: boolean) => string,
): RowOf<C> {
  const row: Record<string, unknown> = {};
  for (const key of columnKeys(tab)) {
    row[key] = readCell(tab.columns[key]!.kind, cells[at.positions[key]!] ?? '', formatDay);
  }
  return row as RowOf<C>;
}

/** A row object as a sheet row's cells; columns that are not the tab's are left empty. */
export function cellsFromRow<C extends Record<string, ColumnDef>>(
  tab: TabDef<C>,
  at: ColumnPositions,
  row: RowOf<C>,
): SheetValue[] {
  const cells = new Array<SheetValue>(at.width).fill('');
  for (const key of columnKeys(tab)) cells[at.positions[key]!] = writeCell(tab.columns[key]!.kind, row[key]);
  return cells;
}
