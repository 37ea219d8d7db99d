// The Workbook port over SpreadsheetApp: one read per tab, one write per result block, columns found by header.
import { withoutLeadingZeros } from '../domain/student-ids';
import type { ColumnDef, TabDef } from '../ports/schema';
import { columnKeys, headers } from '../ports/schema';
import type { DropdownLists, RowOf, SheetRow, Workbook } from '../ports/workbook';
import { locateColumns, missingTab } from '../ports/workbook';
import {
  cellsFromRow,
  NUMBER_FORMATS,
  rawCellText,
  readCell,
  rowFromCells,
  writeCell,
  type SheetValue,
} from './cells';
import { writeResultColumn, writeTextRows } from './free-tabs';
import { growTo, runs } from './sheet-grid';
import { ensureTabLayout } from './tab-layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

interface Located {
  sheet: Sheet;
  /** 0-based position of each schema column in the sheet, by column key. */
  positions: Record<string, number>;
  width: number;
}

/** Runs [first column, width] (1-based) of the columns that are the schema's. */
function schemaColumnRuns(located: Located): [number, number][] {
  return runs(
    Object.values(located.positions)
      .map((p) => p + 1)
      .sort((a, b) => a - b),
  );
}

/**
 * Whether the schema's columns are every column of the tab's width: then writeBlock gives every cell of a written
 * row its format, and rows added to the grid for it need none copied first.
 */
function coversEveryColumn(located: Located): boolean {
  const [only, ...more] = schemaColumnRuns(located);
  return more.length === 0 && only !== undefined && only[0] === 1 && only[1] === located.width;
}

/** The number format of each sheet column the schema writes ('' for the district's own columns). */
function formatsRow(tab: TabDef, located: Located): string[] {
  const formats = new Array<string>(located.width).fill('');
  for (const [key, at] of Object.entries(located.positions))
    formats[at] = NUMBER_FORMATS[tab.columns[key]!.kind];
  return formats;
}

/**
 * What finding rows by id costs, from the measured Apps Script figures the emulator charges (emulator/README.md,
 * "Simulated costs", middle of each range): a TextFinder search ≈ 450 ms + 3.75 µs a cell searched, whatever
 * the pattern; a `getValues` ≈ 150 ms + 9 µs a cell. One search for every id (a regular expression of them all)
 * beats reading the id column from 300 / (0.009 − 0.00375) ≈ 57,000 rows on: at 400,000 rows one search takes
 * ≈ 1.95 s and the read ≈ 3.75 s, so from two searches on (more than IDS_PER_SEARCH ids) the read wins again.
 */
const FIND_MS = 450;
const FIND_CELL_MS = 0.00375;
const READ_MS = 150;
const READ_CELL_MS = 0.009;
/** Ids in one search's pattern, so that a paste of thousands of ids never makes one huge regular expression. */
export const IDS_PER_SEARCH = 200;

/** Whether reading the id column (`cells` rows) costs less than the searches for `ids` ids. */
export function readsColumn(ids: number, cells: number): boolean {
  const searches = Math.ceil(ids / IDS_PER_SEARCH);
  return READ_MS + READ_CELL_MS * cells <= searches * (FIND_MS + FIND_CELL_MS * cells);
}

/**
 * Regular expressions (Java syntax, as TextFinder reads them) each matching a cell that contains any of up to
 * IDS_PER_SEARCH of the ids anywhere, as the plain-text search for each id did: every ASCII punctuation character
 * is escaped with a backslash, which Java reads as that character itself.
 */
export function searchPatterns(ids: string[]): string[] {
  const escaped = ids.map((id) => id.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`));
  const patterns: string[] = [];
  for (let i = 0; i < escaped.length; i += IDS_PER_SEARCH)
    patterns.push(escaped.slice(i, i + IDS_PER_SEARCH).join('|'));
  return patterns;
}

/**
 * Rows whose gap costs less to read than another call: a `getValues` costs READ_MS whatever its size plus
 * READ_CELL_MS a cell, so two runs of found rows are read as one block when the rows between them hold fewer cells
 * than READ_MS / READ_CELL_MS ≈ 16,700.
 */
const GAP_CELLS = READ_MS / READ_CELL_MS;

/** Joins [start, count] runs whose gap of `width`-wide rows is cheaper to read than another call. */
export function readBlocks(found: [number, number][], width: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, count] of found) {
    const last = out[out.length - 1];
    if (last && (start - (last[0] + last[1])) * width < GAP_CELLS) last[1] = start + count - last[0];
    else out.push([start, count]);
  }
  return out;
}

export class SheetsWorkbook implements Workbook {
  private readonly located = new Map<string, Located>();
  /**
   * Each tab's last row with content, as this execution last read or wrote it (one SheetsWorkbook per execution):
   * `getLastRow` costs a call (≈160 ms, and it commits pending writes first), and the edit path needs the size of
   * seven tabs. Every write through this class keeps it true or drops it. People may type while a run holds the
   * lock, so an append to a tab people write (Documentation, Absences, Students) always asks again: a row typed
   * meanwhile is never written over.
   */
  private readonly lastRows = new Map<string, number>();
  private readonly dayCache = new Map<number, string>();
  private zone: string | null = null;

  constructor(private readonly ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  timeZone(): string {
    this.zone ??= this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  /** The tab's last row with content, asked once per execution (see lastRows). */
  private lastRow(tab: TabDef, sheet: Sheet): number {
    let last = this.lastRows.get(tab.name);
    if (last === undefined) {
      last = sheet.getLastRow();
      this.lastRows.set(tab.name, last);
    }
    return last;
  }

  /** Rows up to `row` were written: the last row is at least that. */
  private wroteThrough(tab: TabDef, row: number): void {
    const last = this.lastRows.get(tab.name);
    if (last !== undefined && row > last) this.lastRows.set(tab.name, row);
  }

  forgetSizes(): void {
    this.lastRows.clear();
  }

  hasTab(tab: TabDef): boolean {
    return this.ss.getSheetByName(tab.name) !== null;
  }

  read<C extends Record<string, ColumnDef>>(tab: TabDef<C>, only?: (keyof C & string)[]): SheetRow<C>[] {
    if (only) return this.readColumns(tab, only);
    const sheet = this.sheet(tab);
    const values = sheet.getDataRange().getValues() as SheetValue[][];
    return this.toRows(tab, this.locate(tab, sheet, values[0] ?? []), values.slice(1), 2);
  }

  /** Reads only the span of columns that holds `only` (the header is looked up first, or known already). */
  private readColumns<C extends Record<string, ColumnDef>>(tab: TabDef<C>, only: (keyof C & string)[]) {
    const located = this.locateByHeaderRow(tab);
    const lastRow = this.lastRow(tab, located.sheet);
    if (lastRow < 2) return [];
    const at = only.map((key) => located.positions[key]!);
    const first = Math.min(...at);
    const width = Math.max(...at) - first + 1;
    const block = located.sheet.getRange(2, first + 1, lastRow - 1, width).getValues() as SheetValue[][];
    // Rows as wide as the sheet, with the columns not read left empty.
    const wide = block.map((cells) => {
      const row = new Array<SheetValue>(located.width).fill('');
      for (const i of at) row[i] = cells[i - first] ?? '';
      return row;
    });
    return this.toRows(tab, located, wide, 2);
  }

  private toRows<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    located: Located,
    values: SheetValue[][],
    firstRow: number,
  ): SheetRow<C>[] {
    const rows: SheetRow<C>[] = [];
    values.forEach((cells, i) => {
      if (!cells.every((v) => v === '' || v === null))
        rows.push({ row: firstRow + i, values: this.toRow(tab, located, cells) });
    });
    return rows;
  }

  find<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    column: keyof C & string,
    values: string[],
  ): SheetRow<C>[] {
    const located = this.locateByHeaderRow(tab);
    const { sheet } = located;
    if (values.length === 0) return [];
    const lastRow = this.lastRow(tab, sheet);
    if (lastRow < 2) return [];
    const col = located.positions[column]! + 1;
    // Not whole-cell matches: a pasted id with a stray space must be found too, and so must an id a spreadsheet
    // stored without its leading zeros (searching for the digits finds both forms). The rows read are then kept
    // only when their id, trimmed as every read trims it, is one asked for, leading zeros aside; which roster id
    // such a row belongs to is decided with the roster (src/domain/student-ids.ts).
    const wanted = new Set(values.map(withoutLeadingZeros));
    const idOf = (cell: SheetValue) =>
      withoutLeadingZeros(String(readCell(tab.columns[column]!.kind, cell, (d, t) => this.formatDay(d, t))));
    const column1 = sheet.getRange(2, col, lastRow - 1, 1);
    const found = new Set<number>();
    const texts = [...wanted].filter((id) => id !== '');
    if (readsColumn(texts.length, lastRow - 1)) {
      (column1.getValues() as SheetValue[][]).forEach(([cell], i) => {
        if (wanted.has(idOf(cell ?? ''))) found.add(i + 2);
      });
    } else {
      for (const pattern of searchPatterns(texts))
        for (const cell of column1
          .createTextFinder(pattern)
          .useRegularExpression(true)
          .matchCase(true)
          .findAll())
          found.add(cell.getRow());
    }
    const rows: SheetRow<C>[] = [];
    // Each run of consecutive rows in one call, and runs close together in one call with the rows between them.
    for (const [start, count] of readBlocks(runs([...found].sort((a, b) => a - b)), located.width)) {
      const block = sheet.getRange(start, 1, count, located.width).getValues() as SheetValue[][];
      block.forEach((cells, i) => {
        if (!found.has(start + i)) return;
        const row = this.toRow(tab, located, cells);
        if (wanted.has(withoutLeadingZeros(String(row[column])))) rows.push({ row: start + i, values: row });
      });
    }
    return rows;
  }

  columnOf(tab: TabDef, column: string): number {
    return this.locateByHeaderRow(tab).positions[column]! + 1;
  }

  rowsAt<C extends Record<string, ColumnDef>>(tab: TabDef<C>, start: number, count: number): SheetRow<C>[] {
    const located = this.locateByHeaderRow(tab);
    const first = Math.max(start, 2);
    const range = (last: number) =>
      last < first ? null : located.sheet.getRange(first, 1, last - first + 1, located.width);
    let rows: Range | null;
    try {
      // The rows of an edit lie inside the grid: read as they are, blank or not, without asking for the last row.
      rows = range(start + count - 1);
    } catch (e) {
      // Past the grid (Sheets: "The coordinates of the range are outside the dimensions of the sheet."): only up
      // to the last row.
      if (!/outside the dimensions/.test(String(e))) throw e;
      rows = range(Math.min(start + count - 1, this.lastRow(tab, located.sheet)));
    }
    const block = (rows?.getValues() ?? []) as SheetValue[][];
    return block.map((cells, i) => ({ row: first + i, values: this.toRow(tab, located, cells) }));
  }

  replace<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void {
    if (tab.owner !== 'script') throw new Error(`replace rewrites the tabs the add-on owns, not ${tab.name}`);
    const sheet = this.sheet(tab);
    const keys = columnKeys(tab);
    // The add-on owns this layout: the header is written with the rows, so no header needs reading first.
    const located: Located = {
      sheet,
      positions: Object.fromEntries(keys.map((k, i) => [k, i])),
      width: keys.length,
    };
    this.located.set(tab.name, located);
    const lastRow = this.lastRow(tab, sheet);
    this.lastRows.delete(tab.name);
    growTo(sheet, rows.length + 1, located.width, !coversEveryColumn(located));
    sheet
      .getRange(1, 1, 1, located.width)
      .setNumberFormat('@')
      .setValues([headers(tab)]);
    this.writeBlock(tab, located, 2, rows);
    if (lastRow > rows.length + 1) {
      sheet
        .getRange(rows.length + 2, 1, lastRow - rows.length - 1, Math.max(sheet.getLastColumn(), 1))
        .clearContent();
    }
  }

  update<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: SheetRow<C>[]): void {
    const located = this.locateByHeaderRow(tab);
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    const byRow = new Map(sorted.map((r) => [r.row, r.values]));
    for (const [start, count] of runs(sorted.map((r) => r.row))) {
      const block: RowOf<C>[] = [];
      for (let r = start; r < start + count; r++) block.push(byRow.get(r)!);
      this.writeBlock(tab, located, start, block);
      this.wroteThrough(tab, start + count - 1);
    }
  }

  fill<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    column: keyof C & string,
    cells: { row: number; value: string }[],
  ): void {
    const located = this.locateByHeaderRow(tab);
    const col = located.positions[column]! + 1;
    const byRow = new Map(cells.map((c) => [c.row, c.value]));
    for (const [start, count] of runs([...byRow.keys()].sort((a, b) => a - b))) {
      const values = Array.from({ length: count }, (_, i) => [writeCell('text', byRow.get(start + i))]);
      located.sheet.getRange(start, col, count, 1).setNumberFormat('@').setValues(values);
      this.wroteThrough(tab, start + count - 1);
    }
  }

  append<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void {
    if (rows.length === 0) return;
    const located = this.locateByHeaderRow(tab);
    if (tab.owner !== 'script') this.lastRows.delete(tab.name);
    const start = this.lastRow(tab, located.sheet) + 1;
    growTo(located.sheet, start + rows.length - 1, located.width, !coversEveryColumn(located));
    this.writeBlock(tab, located, start, rows);
    this.lastRows.set(tab.name, start + rows.length - 1);
  }

  /**
   * Writes rows from sheet row `start`, only into the schema's cells (a column the district added between them,
   * a note or a formula, stays), each run of adjacent columns with its number formats and then its values: the
   * formats make the values land as the add-on means them whatever the column's format was before.
   */
  private writeBlock<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    located: Located,
    start: number,
    rows: RowOf<C>[],
  ): void {
    if (rows.length === 0) return;
    const cells = rows.map((r) => this.toCells(tab, located, r));
    const formats = formatsRow(tab, located);
    for (const [col, width] of schemaColumnRuns(located)) {
      // Formats first, in the cheaper of two ways (emulator/runtime/costs.ts, estimates): a grid of formats is one
      // request charged per cell (60 ms + 0.02 ms a cell), one format for a range is a request of its own (60 ms +
      // 0.005 ms a cell). For k runs of columns sharing a format the grid wins below 4,000 × (k − 1) cells: the
      // edit path writes a few rows, a full run thousands.
      const groups: [number, number][] = [];
      for (let c = col; c < col + width;) {
        let end = c;
        while (end + 1 < col + width && formats[end] === formats[c - 1]) end++;
        groups.push([c, end - c + 1]);
        c = end + 1;
      }
      if (rows.length * width < 4000 * (groups.length - 1)) {
        const runFormats = formats.slice(col - 1, col - 1 + width);
        located.sheet.getRange(start, col, rows.length, width).setNumberFormats(rows.map(() => runFormats));
      } else {
        for (const [c, w] of groups)
          located.sheet.getRange(start, c, rows.length, w).setNumberFormat(formats[c - 1]!);
      }
      located.sheet
        .getRange(start, col, rows.length, width)
        .setValues(cells.map((row) => row.slice(col - 1, col - 1 + width)));
    }
  }

  sort<C extends Record<string, ColumnDef>>(tab: TabDef<C>, columns: (keyof C & string)[]): void {
    const located = this.locateByHeaderRow(tab);
    const lastRow = this.lastRow(tab, located.sheet);
    // Blank rows in the range sort to its end: the last row is asked again.
    this.lastRows.delete(tab.name);
    if (lastRow < 3) return;
    located.sheet
      .getRange(2, 1, lastRow - 1, located.width)
      .sort(columns.map((key) => ({ column: located.positions[key]! + 1, ascending: true })));
  }

  deleteRows(tab: TabDef, rows: number[]): void {
    const sheet = this.sheet(tab);
    const unique = [...new Set(rows)].sort((a, b) => a - b);
    // Bottom up, one call per run, so that earlier deletions do not shift later ones.
    for (const [start, count] of runs(unique).reverse()) sheet.deleteRows(start, count);
    // The last row moves up by the rows deleted above it; deleting the last row itself leaves it unknown (blank
    // rows may lie above it).
    const last = this.lastRows.get(tab.name);
    if (last === undefined || unique.length === 0) return;
    if (unique[unique.length - 1]! < last) this.lastRows.set(tab.name, last - unique.length);
    else this.lastRows.delete(tab.name);
  }

  readRaw(name: string): { header: string[]; rows: { row: number; cells: string[] }[] } | null {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues() as SheetValue[][];
    const asText = (v: SheetValue): string => rawCellText(v, (d) => this.formatDay(d, false));
    const header = (values[0] ?? []).map(asText);
    const rows: { row: number; cells: string[] }[] = [];
    for (let i = 1; i < values.length; i++) {
      const cells = values[i]!.map(asText);
      if (cells.some((c) => c !== '')) rows.push({ row: i + 1, cells });
    }
    return { header, rows };
  }

  writeColumn(name: string, header: string, values: string[]): void {
    this.lastRows.delete(name);
    const sheet = this.ss.getSheetByName(name);
    if (sheet && values.length > 0) writeResultColumn(sheet, header, values);
  }

  writeRaw(name: string, rows: string[][]): void {
    this.lastRows.delete(name);
    writeTextRows(this.ss.getSheetByName(name) ?? this.ss.insertSheet(name), rows);
  }

  ensureTab(tab: TabDef, lists: DropdownLists): string[] {
    this.located.delete(tab.name);
    this.lastRows.delete(tab.name);
    return ensureTabLayout(this.ss, tab, lists);
  }

  private sheet(tab: TabDef): Sheet {
    const sheet = this.ss.getSheetByName(tab.name);
    if (!sheet) {
      throw missingTab(tab);
    }
    return sheet;
  }

  private locateByHeaderRow(tab: TabDef): Located {
    const known = this.located.get(tab.name);
    if (known) return known;
    const sheet = this.sheet(tab);
    // One call gives both sizes (the data range ends at the last row and column): the last row is kept too.
    const data = sheet.getDataRange();
    const width = Math.max(data.getLastColumn(), 1);
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] as SheetValue[];
    const located = this.locate(tab, sheet, header);
    // The header was found, so row 1 holds data and the data range's last row is the sheet's.
    if (!this.lastRows.has(tab.name)) this.lastRows.set(tab.name, data.getLastRow());
    return located;
  }

  private locate(tab: TabDef, sheet: Sheet, header: SheetValue[]): Located {
    const positions = locateColumns(tab, header);
    const located = { sheet, positions, width: Math.max(header.length, headers(tab).length) };
    this.located.set(tab.name, located);
    return located;
  }

  private toRow<C extends Record<string, ColumnDef>>(tab: TabDef<C>, located: Located, cells: SheetValue[]) {
    return rowFromCells(tab, located, cells, (d, withTime) => this.formatDay(d, withTime));
  }

  private toCells<C extends Record<string, ColumnDef>>(tab: TabDef<C>, located: Located, row: RowOf<C>) {
    return cellsFromRow(tab, located, row);
  }

  /** Dates in a tab repeat (one per school day), so each distinct instant is formatted once. */
  private formatDay(d: Date, withTime: boolean): string {
    const key = d.getTime() * (withTime ? -1 : 1);
    let text = this.dayCache.get(key);
    if (text === undefined) {
      text = Utilities.formatDate(d, this.timeZone(), withTime ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd');
      this.dayCache.set(key, text);
    }
    return text;
  }
}
