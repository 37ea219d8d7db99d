// Range: values typed as Sheets returns them, Sheets' own dimension errors, formats, validation, styles.
import { gasError, loud, EmulatorError, type ApiShape, type Runtime } from './core';
import { signatureError } from './spreadsheet-signature';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './spreadsheet-format';
import { rangeToA1 } from './spreadsheet-a1';
import type { CellStyle, SheetModel } from './spreadsheet-model';
import { FakeDataValidation, checkValidation } from './spreadsheet-builders';
import { protect } from './spreadsheet-protection';
import { makeTextFinder } from './spreadsheet-text-finder';
import { sortKeys, sortRows } from './spreadsheet-sort';
import { checkCellLengths } from './spreadsheet-cell-limit';
import { createFilter } from './spreadsheet-metadata';

type R = GoogleAppsScript.Spreadsheet.Range;
type Methods =
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'clearContent'
  | 'clear'
  | 'clearDataValidations'
  | 'setFontWeight'
  | 'setFontColor'
  | 'setBackground'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setWrap'
  | 'isBlank'
  | 'getHeight'
  | 'getWidth'
  | 'getFontWeight'
  | 'createTextFinder'
  | 'createFilter'
  | 'sort';

export class FakeRange implements ApiShape<R, Methods> {
  constructor(
    private readonly rt: Runtime,
    readonly model: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  private grid<T>(method: string, cell: (r: number, c: number) => T): T[][] {
    this.rt.call(method, this.numRows * this.numCols);
    const out: T[][] = new Array(this.numRows);
    const r0 = this.row - 1;
    const c0 = this.col - 1;
    for (let i = 0; i < this.numRows; i++) {
      const line: T[] = new Array(this.numCols);
      for (let j = 0; j < this.numCols; j++) line[j] = cell(r0 + i, c0 + j);
      out[i] = line;
    }
    return out;
  }

  private checkShape(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line)))
      throw signatureError(method, data);
    if (data.length !== this.numRows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.numCols) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numCols}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    const [r0, c0, h, w] = [this.row - 1, this.col - 1, this.numRows, this.numCols];
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) fn(r0 + i, c0 + j, i, j);
  }

  /** Sorts the range's rows (Apps Script's sort spec: column, {column, ascending} or a list of them). */
  sort(sortSpecObj: unknown): R {
    this.rt.call('Range.sort', this.numRows * this.numCols);
    const keys = sortKeys(sortSpecObj, this.col, this.numCols);
    sortRows(this.model, this.row - 1, this.col - 1, this.numRows, this.numCols, keys);
    return this as unknown as R;
  }

  getValues(): unknown[][] {
    const m = this.model;
    return this.grid('Range.getValues', (r, c) => m.read(r, c));
  }
  getValue(): unknown {
    this.rt.call('Range.getValue', 1);
    return this.model.read(this.row - 1, this.col - 1);
  }
  getDisplayValues(): string[][] {
    const m = this.model;
    return this.grid('Range.getDisplayValues', (r, c) => displayValue(m.get(r, c), m.formats.get(r, c)));
  }
  getDisplayValue(): string {
    this.rt.call('Range.getDisplayValue', 1);
    const [r, c] = [this.row - 1, this.col - 1];
    return displayValue(this.model.get(r, c), this.model.formats.get(r, c));
  }
  getFormulas(): string[][] {
    const m = this.model;
    return this.grid('Range.getFormulas', (r, c) => m.formulas.get(r, c) ?? '');
  }
  getFormula(): string {
    this.rt.call('Range.getFormula', 1);
    return this.model.formulas.get(this.row - 1, this.col - 1) ?? '';
  }

  /** Writes after the whole block passed validation, so a rejected write changes nothing (as in Sheets). */
  private writeBlock(data: unknown[][]): void {
    const m = this.model;
    checkCellLengths(data);
    if (m.validations.rows.length > 0) {
      this.each((r, c, i, j) => {
        const spec = m.validations.get(r, c);
        if (
          spec &&
          !spec.allowInvalid &&
          !checkValidation(spec, data[i]?.[j], m.formats.get(r, c), m.book.timeZone)
        ) {
          throw gasError(
            `The data you entered in cell ${rangeToA1(r + 1, c + 1, 1, 1)} violates the data validation rules set on this cell.`,
          );
        }
      });
    }
    if (this.row + this.numRows - 1 > m.maxRows) m.maxRows = this.row + this.numRows - 1;
    this.each((r, c, i, j) => m.write(r, c, data[i]?.[j]));
  }

  setValues(values: unknown[][]): FakeRange {
    const data = this.checkShape('setValues', values);
    this.rt.call('Range.setValues', this.numRows * this.numCols);
    this.writeBlock(data);
    return this;
  }
  setValue(value: unknown): FakeRange {
    this.rt.call('Range.setValue', this.numRows * this.numCols);
    const line = new Array(this.numCols).fill(value);
    this.writeBlock(Array.from({ length: this.numRows }, () => line));
    return this;
  }
  setFormula(formula: string): FakeRange {
    return this.setValue(formula);
  }
  setFormulas(formulas: string[][]): FakeRange {
    return this.setValues(formulas);
  }

  getNumberFormat(): string {
    this.rt.call('Range.getNumberFormat', 1);
    return this.model.formats.get(this.row - 1, this.col - 1) ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    const f = this.model.formats;
    return this.grid('Range.getNumberFormats', (r, c) => f.get(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(numberFormat: string): FakeRange {
    this.rt.call('Range.setNumberFormat', this.numRows * this.numCols);
    const f = this.model.formats;
    this.each((r, c) => f.set(r, c, numberFormat));
    return this;
  }
  setNumberFormats(numberFormats: unknown[][]): FakeRange {
    const data = this.checkShape('setNumberFormats', numberFormats);
    this.rt.call('Range.setNumberFormats', this.numRows * this.numCols);
    this.each((r, c, i, j) => this.model.formats.set(r, c, String(data[i]?.[j] ?? DEFAULT_NUMBER_FORMAT)));
    return this;
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): FakeRange {
    this.rt.call('Range.setDataValidation', this.numRows * this.numCols);
    const spec = rule ? (rule as unknown as FakeDataValidation).spec : undefined;
    this.each((r, c) => this.model.validations.set(r, c, spec));
    return this;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): FakeRange {
    const data = this.checkShape('setDataValidations', rules);
    this.rt.call('Range.setDataValidations', this.numRows * this.numCols);
    this.each((r, c, i, j) =>
      this.model.validations.set(r, c, (data[i]?.[j] as FakeDataValidation | null)?.spec),
    );
    return this;
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.rt.call('Range.getDataValidation', 1);
    const spec = this.model.validations.get(this.row - 1, this.col - 1);
    return spec ? (loud(new FakeDataValidation(spec), 'DataValidation') as never) : null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    const v = this.model.validations;
    return this.grid('Range.getDataValidations', (r, c) => {
      const spec = v.get(r, c);
      return spec ? (loud(new FakeDataValidation(spec), 'DataValidation') as never) : null;
    });
  }
  clearDataValidations(): FakeRange {
    this.rt.call('Range.clearDataValidations', this.numRows * this.numCols);
    this.model.validations.clear(this.row - 1, this.col - 1, this.numRows, this.numCols);
    return this;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getA1Notation(): string {
    return rangeToA1(this.row, this.col, this.numRows, this.numCols);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    if (!this.model.fake) throw new EmulatorError('range of a sheet that has no fake');
    return this.model.fake as GoogleAppsScript.Spreadsheet.Sheet;
  }
  isBlank(): boolean {
    this.rt.call('Range.isBlank', this.numRows * this.numCols);
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numCols; j++)
        if (this.model.get(this.row - 1 + i, this.col - 1 + j) !== null) return false;
    return true;
  }

  clearContent(): FakeRange {
    this.rt.call('Range.clearContent', this.numRows * this.numCols);
    const m = this.model;
    this.each((r, c) => m.write(r, c, null));
    return this;
  }
  clear(): FakeRange {
    this.rt.call('Range.clear', this.numRows * this.numCols);
    const m = this.model;
    this.each((r, c) => m.write(r, c, null));
    for (const s of [this.model.formats, this.model.styles, this.model.validations]) {
      s.clear(this.row - 1, this.col - 1, this.numRows, this.numCols);
    }
    return this;
  }

  private style(method: string, patch: CellStyle): FakeRange {
    this.rt.call(method, this.numRows * this.numCols);
    this.each((r, c) => this.model.styles.set(r, c, { ...this.model.styles.get(r, c), ...patch }));
    return this;
  }
  setFontWeight(fontWeight: string | null): FakeRange {
    return this.style('Range.setFontWeight', { fontWeight: fontWeight ?? 'normal' });
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (this.model.styles.get(this.row - 1, this.col - 1)?.fontWeight ??
      'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  setFontColor(color: string | null): FakeRange {
    return this.style('Range.setFontColor', { fontColor: color ?? '#000000' });
  }
  setBackground(color: string | null): FakeRange {
    return this.style('Range.setBackground', { background: color ?? '#ffffff' });
  }
  setBackgrounds(color: string[][]): FakeRange {
    const data = this.checkShape('setBackgrounds', color);
    this.rt.call('Range.setBackgrounds', this.numRows * this.numCols);
    this.each((r, c, i, j) =>
      this.model.styles.set(r, c, {
        ...this.model.styles.get(r, c),
        background: String(data[i]?.[j] ?? '#ffffff'),
      }),
    );
    return this;
  }
  getBackground(): string {
    return this.model.styles.get(this.row - 1, this.col - 1)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    const s = this.model.styles;
    return this.grid('Range.getBackgrounds', (r, c) => s.get(r, c)?.background ?? '#ffffff');
  }
  setWrap(isWrapEnabled: boolean): FakeRange {
    return this.style('Range.setWrap', { wrap: isWrapEnabled });
  }
  setHorizontalAlignment(_alignment: string | null): FakeRange {
    this.rt.call('Range.setHorizontalAlignment', this.numRows * this.numCols);
    return this;
  }
  activate(): FakeRange {
    return this;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.call('Range.protect');
    return protect(this.rt, this.model, {
      row: this.row,
      col: this.col,
      numRows: this.numRows,
      numCols: this.numCols,
    });
  }

  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    return createFilter(this.rt, this.model, this);
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.rt.call('Range.createTextFinder');
    return makeTextFinder(this.rt, this.model, this, findText);
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): GoogleAppsScript.Spreadsheet.Range {
    return makeRange(
      this.rt,
      this.model,
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }
}

/** A range with Apps Script's checks on its coordinates. */
export function makeRange(
  rt: Runtime,
  model: SheetModel,
  row: number,
  col: number,
  numRows = 1,
  numCols = 1,
): R {
  if (![row, col, numRows, numCols].every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw gasError(
      `The parameters (${[row, col, numRows, numCols].map((x) => typeof x).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
    );
  }
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (col < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > model.maxRows || col + numCols - 1 > model.maxCols) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return loud(
    new FakeRange(rt, model, Math.floor(row), Math.floor(col), Math.floor(numRows), Math.floor(numCols)),
    'Range',
  ) as unknown as R;
}
