// Sheet: ranges by A1 or coordinates, row insertion and deletion, appendRow, layout, rules and protections.
import { gasError, loud, type ApiShape, type Runtime } from './core';
import { parseA1 } from './spreadsheet-a1';
import type { SheetModel } from './spreadsheet-model';
import { makeRange } from './spreadsheet-range';
import { protect, wrapProtection } from './spreadsheet-protection';
import { makeTextFinder } from './spreadsheet-text-finder';
import { checkCellLengths } from './spreadsheet-cell-limit';
import { addMetadata, filterOf, metadataOf } from './spreadsheet-metadata';
import { sheetCharts } from './spreadsheet-charts';

type S = GoogleAppsScript.Spreadsheet.Sheet;
type Methods =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRows'
  | 'insertRowsBefore'
  | 'insertRowsAfter'
  | 'insertRowBefore'
  | 'insertRowAfter'
  | 'deleteRow'
  | 'deleteRows'
  | 'appendRow'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'setColumnWidths'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'protect'
  | 'getProtections'
  | 'setTabColor'
  | 'getTabColor'
  | 'autoResizeColumns'
  | 'autoResizeColumn'
  | 'insertColumnsAfter'
  | 'createTextFinder'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'getFilter'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'updateChart'
  | 'removeChart';

/** Apps Script's message when a sheet name is taken. */
export const duplicateSheetMessage = (name: string): string =>
  `A sheet with the name "${name}" already exists. Please enter another name.`;

const DEFAULT_COLUMN_WIDTH = 100;

export class FakeSheet implements ApiShape<S, Methods> {
  constructor(
    private readonly rt: Runtime,
    readonly model: SheetModel,
  ) {}

  getName(): string {
    this.rt.call('Sheet.getName');
    return this.model.name;
  }
  setName(name: string): FakeSheet {
    this.rt.call('Sheet.setName');
    if (this.model.book.sheets.some((s) => s !== this.model && s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(duplicateSheetMessage(name));
    }
    this.model.name = name;
    return this;
  }
  getSheetId(): number {
    return this.model.id;
  }
  getIndex(): number {
    return this.model.book.sheets.indexOf(this.model) + 1;
  }
  getParent(): unknown {
    return (this.model.book as unknown as { fake: unknown }).fake;
  }

  getRange(
    a: string | number,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): GoogleAppsScript.Spreadsheet.Range {
    this.rt.call('Sheet.getRange');
    if (typeof a === 'number')
      return makeRange(this.rt, this.model, a, column as number, numRows ?? 1, numColumns ?? 1);
    const ref = typeof a === 'string' ? parseA1(a) : null;
    const target = ref?.sheet !== undefined ? this.model.book.sheet(ref.sheet) : this.model;
    if (!ref || !target) throw gasError('Range not found');
    const lastRow = ref.lastRow ?? target.maxRows;
    const lastCol = ref.lastCol ?? target.maxCols;
    return makeRange(this.rt, target, ref.row, ref.col, lastRow - ref.row + 1, lastCol - ref.col + 1);
  }
  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    this.rt.call('Sheet.getDataRange');
    return makeRange(
      this.rt,
      this.model,
      1,
      1,
      Math.max(1, this.model.lastRow()),
      Math.max(1, this.model.lastColumn()),
    );
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.rt.call('Sheet.createTextFinder');
    const area = { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols };
    return makeTextFinder(this.rt, this.model, area, findText);
  }
  getLastRow(): number {
    this.rt.call('Sheet.getLastRow');
    return this.model.lastRow();
  }
  getLastColumn(): number {
    this.rt.call('Sheet.getLastColumn');
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxCols;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.rt.call('Sheet.insertRows', numRows);
    if (rowIndex < 1 || rowIndex > this.model.maxRows + 1) throw gasError('Those rows are out of bounds.');
    this.model.insertRows(rowIndex - 1, numRows);
  }
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.insertRows(beforePosition, howMany);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): FakeSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): FakeSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.rt.call('Sheet.insertColumnsAfter', howMany);
    if (afterPosition !== this.model.maxCols)
      throw gasError('not emulated: inserting columns inside the sheet');
    this.model.maxCols += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.rt.call('Sheet.deleteRows', howMany);
    const m = this.model;
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > m.maxRows)
      throw gasError('Those rows are out of bounds.');
    if (m.maxRows - howMany <= m.frozenRows)
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    m.deleteRows(rowPosition - 1, howMany);
  }
  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  appendRow(rowContents: unknown[]): FakeSheet {
    this.rt.call('Sheet.appendRow', rowContents.length);
    checkCellLengths([rowContents]);
    const m = this.model;
    const r = m.lastRow();
    if (r + 1 > m.maxRows) m.maxRows = r + 1;
    if (rowContents.length > m.maxCols) m.maxCols = rowContents.length;
    rowContents.forEach((v, c) => m.write(r, c, v));
    return this;
  }
  clear(): FakeSheet {
    this.rt.call('Sheet.clear');
    const m = this.model;
    m.values = [];
    for (const s of [m.formats, m.formulas, m.styles]) s.rows = [];
    return this;
  }
  clearContents(): FakeSheet {
    this.rt.call('Sheet.clearContents');
    this.model.values = [];
    this.model.formulas.rows = [];
    return this;
  }
  clearFormats(): FakeSheet {
    this.rt.call('Sheet.clearFormats');
    this.model.formats.rows = [];
    this.model.styles.rows = [];
    return this;
  }

  setFrozenRows(rows: number): void {
    this.rt.call('Sheet.setFrozenRows');
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.rt.call('Sheet.setFrozenColumns');
    this.model.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.rt.call('Sheet.setColumnWidth');
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.rt.call('Sheet.setColumnWidths', numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  /** Width from the longest text in the column: about 7 px a character plus padding, as a person would see it. */
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this.rt.call('Sheet.autoResizeColumns', numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (const row of this.model.values) longest = Math.max(longest, String(row[c - 1] ?? '').length);
      this.model.columnWidths.set(c, Math.max(30, longest * 7 + 12));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): FakeSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideSheet(): FakeSheet {
    this.rt.call('Sheet.hideSheet');
    if (this.model.book.sheets.filter((s) => !s.hidden).length <= 1)
      throw gasError("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this;
  }
  showSheet(): FakeSheet {
    this.model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }
  setTabColor(color: string | null): FakeSheet {
    this.rt.call('Sheet.setTabColor');
    this.model.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.rt.call('Sheet.getConditionalFormatRules');
    return [...this.model.conditionalRules] as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.rt.call('Sheet.setConditionalFormatRules', rules.length);
    this.model.conditionalRules = [...rules];
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.rt.call('Sheet.protect');
    return protect(this.rt, this.model);
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.rt.call('Sheet.getProtections');
    return this.model.book.protections
      .filter((p) => p.sheet === this.model && p.type === String(type))
      .map((p) => wrapProtection(this.rt, p));
  }
  addDeveloperMetadata(key: string, value?: string): FakeSheet {
    addMetadata(this.rt, this.model, key, value);
    return this;
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return metadataOf(this.rt, this.model);
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return filterOf(this.model);
  }
  // Embedded charts: spreadsheet-charts.ts.
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return sheetCharts.newChart(this.rt, this.model);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    sheetCharts.insertChart(this.rt, this.model, chart);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return sheetCharts.getCharts(this.rt, this.model);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    sheetCharts.updateChart(this.rt, this.model, chart);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    sheetCharts.removeChart(this.rt, this.model, chart);
  }
  activate(): FakeSheet {
    this.model.book.activeSheet = this.model.book.sheets.indexOf(this.model);
    return this;
  }
}

/** The one fake of a sheet model (so `range.getSheet()` and `getSheetByName()` give the same object). */
export function sheetFake(rt: Runtime, model: SheetModel): S {
  if (!model.fake) model.fake = loud(new FakeSheet(rt, model), 'Sheet');
  return model.fake as S;
}
