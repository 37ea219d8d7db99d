// What a person does in the workbook (typing, pasting, deleting rows, opening it) and the triggers it fires.
import { gasError, type ExecutionKind, type ExecutionRecord, type Runtime } from './core';
import type { Control, TriggerRecord } from './control';
import { parseA1 } from './spreadsheet-a1';
import type { BookModel, SheetModel } from './spreadsheet-model';
import { checkValidation } from './spreadsheet-builders';
import { bookFake } from './spreadsheet-book';
import { makeRange } from './spreadsheet-range';
import { fakeUser } from './spreadsheet-protection';
import type { SheetsState } from './spreadsheet-app';
import type { UiState } from './ui';
import { epochToSerial, isDate } from './utilities-time';
import { sheetFake } from './spreadsheet-sheet';
import { checkCellLengths } from './spreadsheet-cell-limit';

export interface Outcome {
  handler: string;
  kind: ExecutionKind;
  value?: unknown;
  record: ExecutionRecord;
}

type Rect = { row: number; col: number; numRows: number; numCols: number };

/** The message Sheets shows a person who edits a protected range without being an editor. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class PersonActions {
  constructor(
    private readonly rt: Runtime,
    private readonly ctl: Control,
    private readonly state: SheetsState,
    private readonly ui: UiState,
    private readonly g: Record<string, unknown>,
  ) {}

  book(id?: string): BookModel {
    const book = this.state.books.get(id ?? this.state.activeId);
    if (!book) throw gasError(`no spreadsheet ${id ?? ''}`);
    return book;
  }
  sheet(name: string, id?: string): SheetModel {
    const sheet = this.book(id).sheet(name);
    if (!sheet) throw gasError(`no sheet named ${name}`);
    return sheet;
  }

  private authMode(name: 'LIMITED' | 'FULL'): unknown {
    const scriptApp = this.g.ScriptApp as { AuthMode?: Record<string, unknown> } | undefined;
    return scriptApp?.AuthMode?.[name] ?? name;
  }

  /** Runs a top-level function of the script as one execution. */
  run(handler: string, event: unknown, kind: ExecutionKind): Outcome {
    const fn = this.g[handler];
    if (typeof fn !== 'function') {
      const { record } = this.rt.execute(kind, handler, () => {
        throw gasError(`Script function not found: ${handler}`);
      });
      return { handler, kind, record };
    }
    const { value, record } = this.rt.execute(kind, handler, () => (fn as (e: unknown) => unknown)(event));
    this.endExecution();
    return { handler, kind, value, record };
  }

  /** What Apps Script does when an execution ends: the other services save open documents and release locks. */
  private endExecution(): void {
    const end = this.ctl.endExecutionOther;
    if (typeof end === 'function') (end as () => void)();
  }

  private rect(sheet: SheetModel, a1: string): Rect {
    const ref = parseA1(a1);
    if (!ref) throw gasError('Range not found');
    return {
      row: ref.row,
      col: ref.col,
      numRows: (ref.lastRow ?? sheet.maxRows) - ref.row + 1,
      numCols: (ref.lastCol ?? sheet.maxCols) - ref.col + 1,
    };
  }

  /** Writes as a person typing or pasting (validation and protections apply); fires nothing. */
  type(sheetName: string, a1: string, rows: unknown[][], id?: string): Rect {
    const sheet = this.sheet(sheetName, id);
    const rect = this.rect(sheet, a1);
    const h = rows.length;
    const w = rows.reduce((m, r) => Math.max(m, r.length), 1);
    const user = this.ctl.session.activeUserEmail;
    for (const p of sheet.book.protections) {
      if (p.sheet !== sheet || p.warningOnly || user === sheet.book.owner || p.editors.includes(user))
        continue;
      const r = p.range;
      const overlaps =
        !r ||
        (r.row < rect.row + h &&
          rect.row < r.row + r.numRows &&
          r.col < rect.col + w &&
          rect.col < r.col + r.numCols);
      if (overlaps) throw gasError(PROTECTED_MESSAGE);
    }
    checkCellLengths(rows);
    rows.forEach((line, i) =>
      line.forEach((v, j) => {
        const [r, c] = [rect.row - 1 + i, rect.col - 1 + j];
        const spec = sheet.validations.get(r, c);
        if (
          spec &&
          !spec.allowInvalid &&
          !checkValidation(spec, v, sheet.formats.get(r, c), sheet.book.timeZone)
        ) {
          throw gasError(
            `There was a problem: the data you entered in cell ${a1} violates the data validation rules set on this cell.`,
          );
        }
      }),
    );
    if (rect.row + h - 1 > sheet.maxRows) sheet.maxRows = rect.row + h - 1;
    if (rect.col + w - 1 > sheet.maxCols) sheet.maxCols = rect.col + w - 1;
    rows.forEach((line, i) => line.forEach((v, j) => sheet.write(rect.row - 1 + i, rect.col - 1 + j, v)));
    return { row: rect.row, col: rect.col, numRows: h, numCols: w };
  }

  private cellText(sheet: SheetModel, r: number, c: number): string | undefined {
    const v = sheet.get(r, c);
    if (v === null || v === '') return undefined;
    return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
  }

  private triggers(type: TriggerRecord['eventType'], book: BookModel): TriggerRecord[] {
    return this.ctl.triggers.filter(
      (t) => t.eventType === type && (t.sourceId === undefined || t.sourceId === book.id),
    );
  }

  /** A person's edit or paste: writes, then fires the simple onEdit and the installable edit and change triggers. */
  edit(sheetName: string, a1: string, rows: unknown[][], id?: string): Outcome[] {
    const sheet = this.sheet(sheetName, id);
    const book = sheet.book;
    const first = this.rect(sheet, a1);
    const single = rows.length === 1 && rows[0]?.length === 1;
    const oldValue = single ? this.cellText(sheet, first.row - 1, first.col - 1) : undefined;
    const rect = this.type(sheetName, a1, rows, id);
    const typed = rows[0]?.[0];
    const value = single
      ? isDate(typed)
        ? String(epochToSerial(typed.getTime(), book.timeZone))
        : typeof typed === 'string'
          ? typed
          : this.cellText(sheet, rect.row - 1, rect.col - 1)
      : undefined;
    const base = (authMode: 'LIMITED' | 'FULL'): Record<string, unknown> => ({
      authMode: this.authMode(authMode),
      range: makeRange(this.rt, sheet, rect.row, rect.col, rect.numRows, rect.numCols),
      source: bookFake(this.rt, book, this.ui.toasts),
      user: fakeUser(this.ctl.session.activeUserEmail),
      ...(single && value !== undefined ? { value } : {}),
      ...(single && oldValue !== undefined ? { oldValue } : {}),
    });
    sheetFake(this.rt, sheet);
    const out: Outcome[] = [];
    if (typeof this.g.onEdit === 'function') out.push(this.run('onEdit', base('LIMITED'), 'simple-trigger'));
    for (const t of this.triggers('ON_EDIT', book)) {
      out.push(
        this.run(t.handlerFunction, { ...base('FULL'), triggerUid: t.uniqueId }, 'installable-trigger'),
      );
    }
    out.push(...this.change('EDIT', book));
    return out;
  }

  private change(changeType: string, book: BookModel): Outcome[] {
    return this.triggers('ON_CHANGE', book).map((t) =>
      this.run(
        t.handlerFunction,
        {
          authMode: this.authMode('FULL'),
          changeType,
          source: bookFake(this.rt, book, this.ui.toasts),
          user: fakeUser(this.ctl.session.activeUserEmail),
          triggerUid: t.uniqueId,
        },
        'installable-trigger',
      ),
    );
  }

  /** A person deletes rows: onEdit does not fire; installable change triggers get REMOVE_ROW. */
  deleteRows(sheetName: string, start: number, count: number, id?: string): Outcome[] {
    const sheet = this.sheet(sheetName, id);
    if (start < 1 || start + count - 1 > sheet.maxRows) throw gasError('Those rows are out of bounds.');
    sheet.deleteRows(start - 1, count);
    return this.change('REMOVE_ROW', sheet.book);
  }

  /** A person deletes a tab: onEdit does not fire; installable change triggers get REMOVE_GRID. */
  deleteSheet(sheetName: string, id?: string): Outcome[] {
    const sheet = this.sheet(sheetName, id);
    const book = sheet.book;
    if (book.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    book.sheets.splice(book.sheets.indexOf(sheet), 1);
    book.activeSheet = Math.min(book.activeSheet, book.sheets.length - 1);
    return this.change('REMOVE_GRID', book);
  }

  /** A person opens the workbook: the simple onOpen, then installable open triggers. */
  open(id?: string): Outcome[] {
    const book = this.book(id);
    const event = (mode: 'LIMITED' | 'FULL'): Record<string, unknown> => ({
      authMode: this.authMode(mode),
      source: bookFake(this.rt, book, this.ui.toasts),
      user: fakeUser(this.ctl.session.activeUserEmail),
    });
    const out: Outcome[] = [];
    if (typeof this.g.onOpen === 'function') out.push(this.run('onOpen', event('LIMITED'), 'simple-trigger'));
    for (const t of this.triggers('ON_OPEN', book)) {
      out.push(
        this.run(t.handlerFunction, { ...event('FULL'), triggerUid: t.uniqueId }, 'installable-trigger'),
      );
    }
    return out;
  }

  /** Every time-driven trigger runs once, now, as a time-trigger execution. */
  fireTimeTriggers(): Outcome[] {
    return this.ctl.triggers
      .filter((t) => t.eventType === 'CLOCK')
      .map((t) => {
        const now = new Date(this.rt.wallNow());
        const event = {
          authMode: this.authMode('FULL'),
          triggerUid: t.uniqueId,
          year: now.getUTCFullYear(),
          month: now.getUTCMonth() + 1,
          'day-of-month': now.getUTCDate(),
          'day-of-week': now.getUTCDay() || 7,
          hour: now.getUTCHours(),
          minute: now.getUTCMinutes(),
          second: now.getUTCSeconds(),
          timezone: 'UTC',
        };
        return this.run(t.handlerFunction, event, 'time-trigger');
      });
  }
}
