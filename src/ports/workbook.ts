// What the use cases need from the campus workbook: read a tab into plain rows, write result blocks, set tabs up.
import type { ColumnDef, ColumnKind, TabDef } from './schema';

/**
 * A cell as the use cases see it, by column kind: text, date and datetime as strings (a date is `yyyy-MM-dd`
 * in the spreadsheet's time zone when the cell holds a date, else the text typed, or ''), numbers and percents
 * as numbers (null when empty, and the text typed when it is not a number, such as "three", so that a message can
 * name it), yes/no as booleans (null when empty, and the text typed
 * when it is not a recognised yes or no, such as "maybe": see `cellYesNo` in src/domain/cells.ts). Test a yes/no
 * with `=== true`, never by truthiness.
 */
export type CellOf<K extends ColumnKind> = K extends 'number' | 'percent'
  ? number | null | string
  : K extends 'yesno'
    ? boolean | null | string
    : string;

export type RowOf<C extends Record<string, ColumnDef>> = { [P in keyof C]: CellOf<C[P]['kind']> };

/** A row read from a tab with its 1-based sheet row number (the header is row 1). */
export interface SheetRow<C extends Record<string, ColumnDef>> {
  row: number;
  values: RowOf<C>;
}

/** A tab is missing, or a column the add-on needs is missing or renamed: nothing may be written. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly tab: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** The error for a tab that is not in the workbook. */
export function missingTab(tab: TabDef): WorkbookError {
  return new WorkbookError(
    `The ${tab.name} tab is missing. Run Attendance → Set up this workbook to create it.`,
    tab.name,
  );
}

/**
 * Finds every column of `tab` in a header row by its text (trimmed). Throws WorkbookError naming the tab and the
 * first missing column. Returns the 0-based position of each column key.
 */
export function locateColumns(tab: TabDef, header: readonly unknown[]): Record<string, number> {
  const names = header.map((h) => String(h ?? '').trim());
  const positions: Record<string, number> = {};
  for (const [key, column] of Object.entries(tab.columns)) {
    const at = names.indexOf(column.header);
    if (at < 0) {
      throw new WorkbookError(
        `The ${tab.name} tab has no "${column.header}" column. It may have been renamed or deleted: ` +
          `name a column exactly "${column.header}" (row 1), or run Attendance → Set up this workbook to add it. ` +
          'Nothing was changed.',
        tab.name,
        column.header,
      );
    }
    positions[key] = at;
  }
  return positions;
}

/** Dropdown lists that come from the policy in Settings. */
export interface DropdownLists {
  codes: string[];
  documentationTypes: string[];
  outcomes: string[];
  roles: string[];
}

/** The dropdown values of a column: its own list, or the named list from the policy; none when it has no dropdown. */
export function optionList(column: ColumnDef, lists: DropdownLists): readonly string[] | undefined {
  if (!column.options) return undefined;
  return typeof column.options === 'string' ? lists[column.options] : column.options;
}

export interface Workbook {
  /** The spreadsheet's time zone: the school's. */
  timeZone(): string;
  hasTab(tab: TabDef): boolean;
  /**
   * Every data row of a tab, in one read. Throws WorkbookError when the tab or a column is missing. With `only`,
   * only those columns are read (the others come back empty): less to move for a large tab.
   */
  read<C extends Record<string, ColumnDef>>(tab: TabDef<C>, only?: (keyof C & string)[]): SheetRow<C>[];
  /** The rows whose `column` equals `value` exactly (found without reading the whole tab). */
  find<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    column: keyof C & string,
    values: string[],
  ): SheetRow<C>[];
  /** The 1-based sheet column of a schema column (found by its header). */
  columnOf(tab: TabDef, column: string): number;
  /**
   * The rows `start` to `start + count - 1` of a tab (an edited block): rows past the last row come back blank, or
   * are left out.
   */
  rowsAt<C extends Record<string, ColumnDef>>(tab: TabDef<C>, start: number, count: number): SheetRow<C>[];
  /**
   * Rewrites a tab the add-on owns (Status, Data Issues) in one write: its header in the schema's order, then
   * `rows`; rows left over below are cleared. A column someone renamed or removed there comes back.
   */
  replace<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void;
  /** Writes rows at the given sheet row numbers (each a whole row of the tab's columns). */
  update<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: SheetRow<C>[]): void;
  /**
   * Writes single cells of one column as text (each run of consecutive rows in one call); every other cell of
   * those rows stays as it is.
   */
  fill<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    column: keyof C & string,
    cells: { row: number; value: string }[],
  ): void;
  /** Appends rows after the last row, in one write. */
  append<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void;
  /** Sorts a tab's data rows by the given columns, ascending (one call; the header stays). */
  sort<C extends Record<string, ColumnDef>>(tab: TabDef<C>, columns: (keyof C & string)[]): void;
  /** Deletes the given sheet rows (1-based). */
  deleteRows(tab: TabDef, rows: number[]): void;
  /**
   * A tab of any layout (the Import tab: whatever the export's columns are), every cell as text (dates as
   * `yyyy-MM-dd`). Null when there is no such tab.
   */
  readRaw(name: string): { header: string[]; rows: { row: number; cells: string[] }[] } | null;
  /** Writes `values` (one per data row, from row 2) into the column headed `header`, adding it at the end if needed. */
  writeColumn(name: string, header: string, values: string[]): void;
  /** Replaces everything on a tab of any layout with `rows`, kept as plain text (no number or date parsing). */
  writeRaw(name: string, rows: string[][]): void;
  /**
   * Creates the tab if it is missing, adds missing columns at the end (never moves or removes the district's
   * columns), and applies formats, dropdowns, frozen header and, for script tabs, protection. Returns what changed.
   */
  ensureTab(tab: TabDef, lists: DropdownLists): string[];
  /**
   * Forgets the tab sizes this execution has seen (an adapter may keep them to spare a call per tab): called when
   * the lock is taken, since another run may have written while this one waited for it.
   */
  forgetSizes(): void;
}
