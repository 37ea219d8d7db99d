// An in-memory Workbook with the SheetsWorkbook adapter's semantics, for use-case tests: each tab is a grid of plain
// cells (row 1 the header), writes go through the adapter's own cell conversion, and misuse throws as Sheets would.
import {
  cellsFromRow,
  NUMBER_FORMATS,
  rawCellText,
  rowFromCells,
  writeCell,
  type SheetValue,
} from '../../src/gas/cells';
import { withoutLeadingZeros } from '../../src/domain/student-ids';
import type { ColumnDef, TabDef } from '../../src/ports/schema';
import { columnKeys } from '../../src/ports/schema';
import type { DropdownLists, RowOf, SheetRow, Workbook } from '../../src/ports/workbook';
import { locateColumns, missingTab, optionList } from '../../src/ports/workbook';

/** A cell as the fake keeps it: what `getValues` would return (dates as `yyyy-MM-dd` text, never Date objects). */
export type Cell = string | number | boolean;

type WriteMethod =
  'replace' | 'update' | 'append' | 'deleteRows' | 'writeColumn' | 'writeRaw' | 'sort' | 'ensureTab';

interface Located {
  grid: Cell[][];
  positions: Record<string, number>;
  width: number;
}

/** A cell that Sheets would have turned into a formula: text starting with `=` written into a cell not formatted as text. */
export interface FormulaWrite {
  tab: string;
  row: number;
  column: number;
  text: string;
}

export class MemoryWorkbook implements Workbook {
  private readonly tabs = new Map<string, Cell[][]>();
  /** Write calls that changed cells or tabs, by port method. */
  readonly writes: Record<WriteMethod, number> = {
    replace: 0,
    update: 0,
    append: 0,
    deleteRows: 0,
    writeColumn: 0,
    writeRaw: 0,
    sort: 0,
    ensureTab: 0,
  };
  readonly formulas: FormulaWrite[] = [];
  /** Script tabs protected by ensureTab. */
  readonly protectedTabs = new Set<string>();
  /** Dropdown values set on columns by ensureTab, as `Tab!Header`. */
  readonly dropdowns = new Map<string, readonly string[]>();

  constructor(private readonly zone = 'America/Chicago') {}

  // ---- helpers for tests ----

  /** Creates or replaces a tab with a header row and data rows (as a person or an export would leave them). */
  setTab(name: string, header: string[], rows: Cell[][] = []): this {
    this.tabs.set(name, [[...header], ...rows.map((r) => [...r])]);
    return this;
  }

  deleteTab(name: string): void {
    this.tabs.delete(name);
  }

  tabNames(): string[] {
    return [...this.tabs.keys()];
  }

  header(name: string): string[] {
    return this.grid(name)[0]?.map(String) ?? [];
  }

  /** Non-empty data rows as objects keyed by header text (cells as stored). */
  table(name: string): Record<string, Cell>[] {
    const [header = [], ...rows] = this.grid(name);
    return rows
      .filter((r) => !isBlank(r))
      .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
  }

  /** Appends rows given as objects by header (missing headers left blank), as a person typing them would. */
  addRows(name: string, rows: Record<string, Cell>[]): void {
    const grid = this.grid(name);
    const header = grid[0]!.map(String);
    for (const r of rows) {
      const unknown = Object.keys(r).filter((k) => !header.includes(k));
      if (unknown.length > 0) throw new Error(`${name} has no column ${unknown.join(', ')}`);
      grid.splice(
        lastRow(grid),
        0,
        header.map((h) => r[h] ?? ''),
      );
    }
  }

  /** Sets `set` on every data row whose cells equal `where`; returns how many rows changed. */
  edit(name: string, where: Record<string, Cell>, set: Record<string, Cell>): number {
    const grid = this.grid(name);
    const header = grid[0]!.map(String);
    const col = (h: string) => {
      const at = header.indexOf(h);
      if (at < 0) throw new Error(`${name} has no column ${h}`);
      return at;
    };
    let n = 0;
    for (const row of grid.slice(1)) {
      if (!Object.entries(where).every(([h, v]) => row[col(h)] === v)) continue;
      for (const [h, v] of Object.entries(set)) row[col(h)] = v;
      n++;
    }
    return n;
  }

  /** Removes the data rows whose cells equal `where` (rows below move up). */
  removeRows(name: string, where: Record<string, Cell>): number {
    const grid = this.grid(name);
    const header = grid[0]!.map(String);
    const before = grid.length;
    const kept = grid.filter(
      (row, i) => i === 0 || !Object.entries(where).every(([h, v]) => row[header.indexOf(h)] === v),
    );
    grid.splice(0, grid.length, ...kept);
    return before - kept.length;
  }

  /** A deep copy of every tab, to assert that nothing changed. */
  snapshot(): Record<string, Cell[][]> {
    return Object.fromEntries([...this.tabs].map(([name, grid]) => [name, grid.map((r) => [...r])]));
  }

  totalWrites(): number {
    return Object.values(this.writes).reduce((a, b) => a + b, 0);
  }

  // ---- the Workbook port ----

  /** Keeps no sizes: every read sees the tables as they are. */
  forgetSizes(): void {}

  timeZone(): string {
    return this.zone;
  }

  hasTab(tab: TabDef): boolean {
    return this.tabs.has(tab.name);
  }

  read<C extends Record<string, ColumnDef>>(tab: TabDef<C>, only?: (keyof C & string)[]): SheetRow<C>[] {
    const located = this.locate(tab);
    const rows: SheetRow<C>[] = [];
    for (let i = 1; i < lastRow(located.grid); i++) {
      let cells = located.grid[i]!;
      if (isBlank(cells)) continue;
      // As the adapter: columns not asked for come back empty.
      if (only) cells = cells.map((v, c) => (only.some((k) => located.positions[k] === c) ? v : ''));
      rows.push({ row: i + 1, values: toRow(tab, located, cells) });
    }
    return rows;
  }

  find<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    column: keyof C & string,
    values: string[],
  ): SheetRow<C>[] {
    const located = this.locate(tab);
    const wanted = new Set(values.map(withoutLeadingZeros));
    const rows: SheetRow<C>[] = [];
    for (let i = 1; i < lastRow(located.grid); i++) {
      const cells = located.grid[i]!;
      // As the adapter: the id as every read gives it (trimmed text), leading zeros aside, is one asked for.
      const row = toRow(tab, located, cells);
      if (wanted.has(withoutLeadingZeros(String(row[column])))) rows.push({ row: i + 1, values: row });
    }
    return rows;
  }

  columnOf(tab: TabDef, column: string): number {
    const at = this.locate(tab).positions[column];
    if (at === undefined) throw new Error(`${tab.name} has no schema column ${column}`);
    return at + 1;
  }

  rowsAt<C extends Record<string, ColumnDef>>(tab: TabDef<C>, start: number, count: number): SheetRow<C>[] {
    const located = this.locate(tab);
    const first = Math.max(start, 2);
    const last = Math.min(start + count - 1, lastRow(located.grid));
    const rows: SheetRow<C>[] = [];
    for (let r = first; r <= last; r++)
      rows.push({ row: r, values: toRow(tab, located, located.grid[r - 1]!) });
    return rows;
  }

  replace<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void {
    if (tab.owner !== 'script') throw new Error(`replace rewrites the tabs the add-on owns, not ${tab.name}`);
    // As the adapter: the add-on's own header, in the schema's order, is written with the rows.
    const grid = this.sheet(tab);
    const header = Object.values(tab.columns).map((c) => c.header);
    for (let c = 0; c < Math.max(header.length, grid[0]?.length ?? 0); c++) grid[0]![c] = header[c] ?? '';
    const located = this.locate(tab);
    const before = lastRow(located.grid);
    const cells = rows.map((r) => toCells(tab, located, r));
    if (cells.length > 0) this.setValues(tab, located, 2, cells);
    for (let r = rows.length + 2; r <= before; r++) located.grid[r - 1] = blankRow(located.width);
    if (cells.length > 0 || before > rows.length + 1) this.writes.replace++;
  }

  update<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: SheetRow<C>[]): void {
    const located = this.locate(tab);
    for (const { row, values } of rows) {
      if (!Number.isInteger(row) || row < 2)
        throw new Error(`update of ${tab.name} row ${row}: not a data row`);
      // As the adapter: only the schema's cells are written; the district's own columns keep their values.
      this.setValues(tab, located, row, [toCells(tab, located, values)]);
    }
    if (rows.length > 0) this.writes.update++;
  }

  fill<C extends Record<string, ColumnDef>>(
    tab: TabDef<C>,
    column: keyof C & string,
    cells: { row: number; value: string }[],
  ): void {
    const located = this.locate(tab);
    const col = located.positions[column]! + 1;
    for (const { row, value } of cells)
      this.put(tab.name, located.grid, row, col, writeCell('text', value), true);
    if (cells.length > 0) this.writes.update++;
  }

  append<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void {
    if (rows.length === 0) return;
    const located = this.locate(tab);
    this.setValues(
      tab,
      located,
      lastRow(located.grid) + 1,
      rows.map((r) => toCells(tab, located, r)),
    );
    this.writes.append++;
  }

  sort<C extends Record<string, ColumnDef>>(tab: TabDef<C>, columns: (keyof C & string)[]): void {
    const { grid, positions } = this.locate(tab);
    const rank = (v: Cell) => (v === '' || v === null ? 2 : typeof v === 'number' ? 0 : 1);
    const compare = (a: Cell, b: Cell) =>
      rank(a) - rank(b) || String(a ?? '').localeCompare(String(b ?? ''), 'en', { sensitivity: 'base' });
    const body = grid.slice(1).map((row, i) => ({ row, i }));
    body.sort((x, y) => {
      for (const key of columns) {
        const c = positions[key]!;
        const cmp = compare(x.row[c] ?? '', y.row[c] ?? '');
        if (cmp !== 0) return cmp;
      }
      return x.i - y.i;
    });
    grid.splice(1, body.length, ...body.map((b) => b.row));
    this.writes.sort += 1;
  }

  deleteRows(tab: TabDef, rows: number[]): void {
    const grid = this.sheet(tab);
    const unique = [...new Set(rows)].sort((a, b) => b - a);
    for (const r of unique) {
      if (!Number.isInteger(r) || r < 2)
        throw new Error(`deleteRows on ${tab.name}: row ${r} is not a data row`);
      if (r <= grid.length) grid.splice(r - 1, 1);
    }
    if (unique.length > 0) this.writes.deleteRows++;
  }

  readRaw(name: string): { header: string[]; rows: { row: number; cells: string[] }[] } | null {
    const grid = this.tabs.get(name);
    if (!grid) return null;
    const width = lastColumn(grid);
    const asText = (v: Cell | undefined): string => rawCellText(v ?? '', () => '');
    const header = Array.from({ length: width }, (_, i) => asText(grid[0]?.[i]));
    const rows: { row: number; cells: string[] }[] = [];
    for (let i = 1; i < lastRow(grid); i++) {
      const cells = Array.from({ length: width }, (_, c) => asText(grid[i]![c]));
      if (cells.some((c) => c !== '')) rows.push({ row: i + 1, cells });
    }
    return { header, rows };
  }

  writeRaw(name: string, rows: string[][]): void {
    const width = Math.max(1, ...rows.map((r) => r.length));
    // Plain text: cells keep the CSV's text exactly (the gas adapter formats the range as '@' first).
    this.tabs.set(
      name,
      rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
    );
    this.writes.writeRaw += 1;
  }

  writeColumn(name: string, header: string, values: string[]): void {
    const grid = this.tabs.get(name);
    if (!grid || values.length === 0) return;
    const width = Math.max(lastColumn(grid), 1);
    const names = Array.from({ length: width }, (_, i) => String(grid[0]?.[i] ?? '').trim());
    let col = names.indexOf(header) + 1;
    if (col === 0) {
      col = names.filter((n) => n !== '').length === 0 ? 1 : width + 1;
      this.put(name, grid, 1, col, header);
    }
    values.forEach((v, i) => this.put(name, grid, i + 2, col, writeCell('text', v), true));
    this.writes.writeColumn++;
  }

  ensureTab(tab: TabDef, lists: DropdownLists): string[] {
    const changes: string[] = [];
    let grid = this.tabs.get(tab.name);
    if (!grid) {
      grid = [];
      this.tabs.set(tab.name, grid);
      changes.push(`created the ${tab.name} tab`);
    }
    const width = lastColumn(grid);
    const header = Array.from({ length: width }, (_, i) => String(grid[0]?.[i] ?? '').trim());
    const missing = Object.values(tab.columns).filter((c) => !header.includes(c.header));
    if (missing.length > 0) {
      missing.forEach((c, i) => this.put(tab.name, grid, 1, width + 1 + i, c.header));
      if (width > 0) changes.push(`added ${missing.map((c) => `"${c.header}"`).join(', ')} to ${tab.name}`);
      for (const c of missing) {
        const options = c.kind === 'yesno' ? ['Yes', 'No'] : optionList(c, lists);
        if (options && options.length > 0) this.dropdowns.set(`${tab.name}!${c.header}`, options);
      }
    }
    if (tab.owner === 'script' && !this.protectedTabs.has(tab.name)) {
      this.protectedTabs.add(tab.name);
      changes.push(`protected the ${tab.name} tab`);
    }
    if (changes.length > 0) this.writes.ensureTab++;
    return changes;
  }

  // ---- the sheet underneath ----

  private grid(name: string): Cell[][] {
    const grid = this.tabs.get(name);
    if (!grid) throw new Error(`no ${name} tab in the fake workbook`);
    return grid;
  }

  private sheet(tab: TabDef): Cell[][] {
    const grid = this.tabs.get(tab.name);
    if (!grid) {
      throw missingTab(tab);
    }
    return grid;
  }

  /** Finds every schema column by header text (row 1), as the adapter's `locate` does. */
  private locate(tab: TabDef): Located {
    const grid = this.sheet(tab);
    const width = Math.max(lastColumn(grid), 1);
    const names = Array.from({ length: width }, (_, i) => String(grid[0]?.[i] ?? '').trim());
    const positions = locateColumns(tab, names);
    return { grid, positions, width: Math.max(names.length, columnKeys(tab).length) };
  }

  /**
   * Writes a block as the adapter does: every row as wide as the tab (Sheets throws on a width mismatch and writes
   * nothing), then only the schema's cells, each formatted with the adapter's number format for its kind first.
   */
  private setValues(tab: TabDef, located: Located, startRow: number, block: SheetValue[][]): void {
    for (const cells of block) {
      if (cells.length !== located.width) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. ` +
            `The data has ${cells.length} but the range has ${located.width}. (${tab.name})`,
        );
      }
    }
    const asText = new Map(
      Object.entries(located.positions).map(([key, c]) => [
        c,
        NUMBER_FORMATS[tab.columns[key]!.kind] === '@',
      ]),
    );
    block.forEach((cells, i) =>
      cells.forEach((v, c) => {
        if (asText.has(c)) this.put(tab.name, located.grid, startRow + i, c + 1, v, asText.get(c)!);
      }),
    );
  }

  /**
   * One cell as Sheets stores a written value: in a plain-text cell exactly as written; elsewhere a leading
   * apostrophe keeps text as text and `=` makes a formula.
   */
  private put(
    name: string,
    grid: Cell[][],
    row: number,
    column: number,
    value: SheetValue,
    plain = false,
  ): void {
    if (value instanceof Date) throw new Error(`the fake stores no Date objects (${name} row ${row})`);
    let cell: Cell = value;
    if (!plain && typeof value === 'string' && value.startsWith("'")) cell = value.slice(1);
    else if (!plain && typeof value === 'string' && value.startsWith('='))
      this.formulas.push({ tab: name, row, column, text: value });
    while (grid.length < row) grid.push([]);
    const cells = grid[row - 1]!;
    while (cells.length < column) cells.push('');
    cells[column - 1] = cell;
  }
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((v) => v === '');
}

function blankRow(width: number): Cell[] {
  return new Array<Cell>(width).fill('');
}

/** Sheet.getLastRow: the last row with any content (the header counts). */
function lastRow(grid: Cell[][]): number {
  for (let i = grid.length; i > 0; i--) if (!isBlank(grid[i - 1]!)) return i;
  return 0;
}

/** Sheet.getLastColumn: the last column with content in any row. */
function lastColumn(grid: Cell[][]): number {
  let last = 0;
  for (const row of grid) for (let c = row.length; c > last; c--) if (row[c - 1] !== '') last = c;
  return last;
}

function toRow<C extends Record<string, ColumnDef>>(
  tab: TabDef<C>,
  located: Located,
  cells: Cell[],
): RowOf<C> {
  return rowFromCells(tab, located, cells as SheetValue[], () => {
    throw new Error('the fake stores no Date objects');
  });
}

/** A row object must carry exactly the tab's columns: a missing or extra key is a bug in the caller. */
function toCells<C extends Record<string, ColumnDef>>(
  tab: TabDef<C>,
  located: Located,
  row: RowOf<C>,
): SheetValue[] {
  const keys = columnKeys(tab);
  const missing = keys.filter((k) => !(k in row));
  const extra = Object.keys(row).filter((k) => !(keys as string[]).includes(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `A ${tab.name} row must have exactly the tab's columns; missing: ${missing.join(', ') || '-'}; ` +
        `unknown: ${extra.join(', ') || '-'}.`,
    );
  }
  return cellsFromRow(tab, located, row);
}
