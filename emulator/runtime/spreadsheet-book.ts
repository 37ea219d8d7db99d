// Spreadsheet: its sheets, time zone, named ranges, protections and toasts.
import { gasError, loud, type ApiShape, type Runtime } from './core';
import { parseA1 } from './spreadsheet-a1';
import type { BookModel } from './spreadsheet-model';
import { duplicateSheetMessage, sheetFake } from './spreadsheet-sheet';
import { wrapProtection, fakeUser } from './spreadsheet-protection';
import { isValidZone } from './utilities-time';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Methods =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'getSheetByName'
  | 'getSheets'
  | 'getNumSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'toast'
  | 'getRange'
  | 'getRangeByName'
  | 'setNamedRange'
  | 'getProtections'
  | 'getOwner'
  | 'getSheetById';

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  atMs: number;
}

export class FakeSpreadsheet implements ApiShape<SS, Methods> {
  constructor(
    private readonly rt: Runtime,
    readonly model: BookModel,
    private readonly toasts: Toast[],
  ) {}

  private sheet(name: string): Sheet | null {
    const m = this.model.sheet(name);
    return m ? sheetFake(this.rt, m) : null;
  }
  getId(): string {
    return this.model.id;
  }
  getName(): string {
    this.rt.call('Spreadsheet.getName');
    return this.model.name;
  }
  rename(newName: string): void {
    this.rt.call('Spreadsheet.rename');
    this.model.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    this.rt.call('Spreadsheet.getSpreadsheetTimeZone');
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.rt.call('Spreadsheet.setSpreadsheetTimeZone');
    if (!isValidZone(timezone)) throw gasError(`Invalid argument: ${timezone}`);
    this.model.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.model.locale;
  }
  getSheetByName(name: string): Sheet | null {
    this.rt.call('Spreadsheet.getSheetByName');
    return this.sheet(name);
  }
  getSheetById(id: number): Sheet | null {
    const m = this.model.sheets.find((s) => s.id === id);
    return m ? sheetFake(this.rt, m) : null;
  }
  getSheets(): Sheet[] {
    this.rt.call('Spreadsheet.getSheets');
    return this.model.sheets.map((s) => sheetFake(this.rt, s));
  }
  getNumSheets(): number {
    return this.model.sheets.length;
  }
  /** insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index). */
  insertSheet(a?: unknown, b?: unknown): Sheet {
    this.rt.call('Spreadsheet.insertSheet');
    const sheets = this.model.sheets;
    let name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : sheets.length;
    if (name === undefined)
      for (let n = sheets.length + 1; !name || this.model.sheet(name); n++) name = `Sheet${n}`;
    if (sheets.some((s) => s.name.toLowerCase() === (name as string).toLowerCase()))
      throw gasError(duplicateSheetMessage(name));
    const model = this.model.addSheet(name, Math.max(0, Math.min(index, sheets.length)));
    this.model.activeSheet = sheets.indexOf(model);
    return sheetFake(this.rt, model);
  }
  deleteSheet(sheet: Sheet): void {
    this.rt.call('Spreadsheet.deleteSheet');
    const model = (sheet as unknown as { model: BookModel['sheets'][number] }).model;
    const i = this.model.sheets.indexOf(model);
    if (i < 0) throw gasError('Sheet not found');
    if (this.model.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this.model.sheets.splice(i, 1);
    this.model.activeSheet = Math.min(this.model.activeSheet, this.model.sheets.length - 1);
  }
  getActiveSheet(): Sheet {
    this.rt.call('Spreadsheet.getActiveSheet');
    return sheetFake(this.rt, this.model.sheets[this.model.activeSheet] ?? (this.model.sheets[0] as never));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const model = (sheet as unknown as { model: BookModel['sheets'][number] }).model;
    this.model.activeSheet = Math.max(0, this.model.sheets.indexOf(model));
    return sheet;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.rt.call('Spreadsheet.toast');
    this.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
      atMs: this.rt.wallNow(),
    });
  }
  /** `Sheet!A1:B2`; without a sheet name, the active sheet. */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    this.rt.call('Spreadsheet.getRange');
    const ref = parseA1(a1Notation);
    const sheet = ref?.sheet !== undefined ? this.sheet(ref.sheet) : this.getActiveSheet();
    if (!ref || !sheet) throw gasError('Range not found');
    return sheet.getRange(a1Notation);
  }
  getRangeByName(name: string): GoogleAppsScript.Spreadsheet.Range | null {
    this.rt.call('Spreadsheet.getRangeByName');
    const n = this.model.namedRanges.get(name);
    return n ? sheetFake(this.rt, n.sheet).getRange(n.row, n.col, n.numRows, n.numCols) : null;
  }
  setNamedRange(name: string, range: GoogleAppsScript.Spreadsheet.Range): void {
    this.rt.call('Spreadsheet.setNamedRange');
    const r = range as unknown as {
      model: BookModel['sheets'][number];
      row: number;
      col: number;
      numRows: number;
      numCols: number;
    };
    this.model.namedRanges.set(name, {
      sheet: r.model,
      row: r.row,
      col: r.col,
      numRows: r.numRows,
      numCols: r.numCols,
    });
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.rt.call('Spreadsheet.getProtections');
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((p) => wrapProtection(this.rt, p));
  }
  getOwner(): GoogleAppsScript.Base.User {
    return fakeUser(this.model.owner);
  }
  getDataRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.getActiveSheet().getDataRange();
  }
}

export function bookFake(rt: Runtime, model: BookModel, toasts: Toast[]): SS {
  const holder = model as unknown as { fake?: SS };
  if (!holder.fake)
    holder.fake = loud(new FakeSpreadsheet(rt, model, toasts), 'Spreadsheet') as unknown as SS;
  return holder.fake;
}
