// SpreadsheetApp: the bound workbook, other workbooks by id, builders and enums.
import { gasError, loud, type ApiShape, type Runtime } from './core';
import { BookModel } from './spreadsheet-model';
import { bookFake } from './spreadsheet-book';
import {
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  newDataValidation,
} from './spreadsheet-builders';
import { getUi, type UiState } from './ui';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Methods =
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'openById'
  | 'openByUrl'
  | 'create'
  | 'flush'
  | 'getUi'
  | 'newDataValidation'
  | 'getActiveSheet';

/** The spreadsheet part of the Control: every workbook by id, and which one the script is bound to. */
export interface SheetsState {
  books: Map<string, BookModel>;
  activeId: string;
  /** OAuth scopes of the manifest; `openById` needs the full spreadsheets scope. */
  scopes: string[] | null;
  owner: string;
  timeZone: string;
  nextId(): string;
  /** Called with every new workbook (spreadsheet-drive.ts makes it a Drive file). */
  onNewBook?(book: BookModel): void;
}

const FULL_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

/** A new workbook with one sheet, `Sheet1`, of `rows` by `columns` (Sheets' default 1000 by 26). */
export function newBook(state: SheetsState, name: string, rows = 1000, columns = 26): BookModel {
  const book = new BookModel(state.nextId(), name, state.timeZone, state.owner);
  const sheet = book.addSheet('Sheet1');
  sheet.maxRows = rows;
  sheet.maxCols = columns;
  state.books.set(book.id, book);
  state.onNewBook?.(book);
  return book;
}

class FakeSpreadsheetApp implements ApiShape<App, Methods> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' };
  readonly BorderStyle = { SOLID: 'SOLID', DOTTED: 'DOTTED', DASHED: 'DASHED' };
  constructor(
    private readonly rt: Runtime,
    private readonly state: SheetsState,
    private readonly ui: UiState,
  ) {}
  private fake(book: BookModel): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return bookFake(this.rt, book, this.ui.toasts);
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.rt.call('SpreadsheetApp.getActiveSpreadsheet');
    const book = this.state.books.get(this.state.activeId);
    if (!book) throw gasError('No active spreadsheet');
    return this.fake(book);
  }
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.getActiveSpreadsheet().getActiveSheet();
  }
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.rt.call('SpreadsheetApp.openById');
    if (
      this.rt.executing === 'simple-trigger' ||
      (this.state.scopes && !this.state.scopes.includes(FULL_SCOPE))
    ) {
      throw gasError(
        `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${FULL_SCOPE}`,
      );
    }
    const book = this.state.books.get(id);
    if (!book)
      throw gasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this.fake(book);
  }
  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const m = /\/d\/([^/]+)/.exec(url);
    return this.openById(m?.[1] ?? url);
  }
  /** `create(name)` is 1000 by 26; `create(name, rows, columns)` sizes the first sheet (spreadsheet-app#create). */
  create(name: string, rows?: number, columns?: number): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.rt.call('SpreadsheetApp.create');
    if (this.rt.executing === 'simple-trigger') {
      throw gasError(
        `You do not have permission to call SpreadsheetApp.create. Required permissions: ${FULL_SCOPE}`,
      );
    }
    if (rows === undefined && columns === undefined) return this.fake(newBook(this.state, String(name)));
    const [r, c] = [Math.trunc(Number(rows)), Math.trunc(Number(columns))];
    // The emulator's wording (not confirmed in the reference) for a size Sheets cannot make.
    if (!(r >= 1) || !(c >= 1)) throw gasError(`Invalid argument: ${!(r >= 1) ? 'rows' : 'columns'}`);
    return this.fake(newBook(this.state, String(name), r, c));
  }
  flush(): void {
    this.rt.call('SpreadsheetApp.flush');
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return getUi(this.rt, this.ui);
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return newDataValidation();
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return loud(new FakeConditionalFormatRuleBuilder(), 'ConditionalFormatRuleBuilder');
  }
}

export function makeSpreadsheetApp(rt: Runtime, state: SheetsState, ui: UiState): App {
  return loud(new FakeSpreadsheetApp(rt, state, ui), 'SpreadsheetApp') as unknown as App;
}
