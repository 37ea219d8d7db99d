// The host's view of the workbooks: raw import and export (for xlsx files) and values without charging the clock.
import { displayValue, type Cell } from './spreadsheet-format';
import type { BookModel, CellStyle, SheetModel, ValidationSpec } from './spreadsheet-model';
import { newBook, type SheetsState } from './spreadsheet-app';
import { loud, type Runtime } from './core';
import { FakeConditionalFormatRule } from './spreadsheet-builders';
import { makeRange } from './spreadsheet-range';
import type { FilterArea } from './spreadsheet-metadata';
import { chartDefinitions, type ChartDefinition } from './spreadsheet-charts';

/** A conditional format rule as plain data: its condition, what it sets and the areas it covers (1-based). */
export interface RawConditionalFormat {
  condition: string;
  args: unknown[];
  background?: string;
  fontColor?: string;
  ranges: FilterArea[];
}

/** One sheet as plain data; rows and columns are 0-based in the sparse lists. */
export interface RawSheet {
  name: string;
  values: Cell[][];
  formats: [number, number, string][];
  formulas: [number, number, string][];
  validations: [number, number, ValidationSpec][];
  frozenRows: number;
  columnWidths: [number, number][];
  maxRows: number;
  maxCols: number;
  hidden: boolean;
  /** Bold, colours and wrapping of single cells. */
  styles?: [number, number, CellStyle][];
  conditionalFormats?: RawConditionalFormat[];
  developerMetadata?: { key: string; value: string | null }[];
  filter?: FilterArea | null;
}

export interface RawBook {
  name: string;
  timeZone: string;
  sheets: RawSheet[];
}

export class SheetsHost {
  /** Without `rt` (a Drive copy) conditional format rules are not carried into an imported book. */
  constructor(
    private readonly state: SheetsState,
    private readonly rt?: Runtime,
  ) {}

  private book(id?: string): BookModel {
    const book = this.state.books.get(id ?? this.state.activeId);
    if (!book) throw new Error(`no spreadsheet ${id ?? ''}`);
    return book;
  }
  get activeId(): string {
    return this.state.activeId;
  }
  /** Creates another workbook (for example a campus workbook a district workbook opens by id). */
  createBook(name: string): string {
    return newBook(this.state, name).id;
  }
  sheetNames(id?: string): string[] {
    return this.book(id).sheets.map((s) => s.name);
  }
  /** The data range's values as `getValues()` returns them (Dates in this realm), with no cost. */
  values(sheetName: string, id?: string): unknown[][] {
    const s = this.book(id).sheet(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    const h = s.lastRow();
    const w = s.lastColumn();
    const out: unknown[][] = [];
    for (let r = 0; r < h; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < w; c++) line.push(s.read(r, c));
      out.push(line);
    }
    return out;
  }
  /** The charts of a sheet as plain definitions (spreadsheet-charts.ts), with no cost. */
  charts(sheetName: string, id?: string): ChartDefinition[] {
    const s = this.book(id).sheet(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    return chartDefinitions(s);
  }
  displayValues(sheetName: string, id?: string): string[][] {
    const s = this.book(id).sheet(sheetName);
    if (!s) throw new Error(`no sheet named ${sheetName}`);
    const [h, w] = [s.lastRow(), s.lastColumn()];
    return Array.from({ length: h }, (_, r) =>
      Array.from({ length: w }, (_, c) => displayValue(s.get(r, c), s.formats.get(r, c))),
    );
  }
  exportBook(id?: string): RawBook {
    const book = this.book(id);
    return {
      name: book.name,
      timeZone: book.timeZone,
      sheets: book.sheets.map((s) => ({
        name: s.name,
        values: s.values.map((row) => Array.from(row, (v) => v ?? null)),
        formats: s.formats.entries(),
        formulas: s.formulas.entries(),
        validations: s.validations.entries(),
        frozenRows: s.frozenRows,
        columnWidths: [...s.columnWidths.entries()],
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        hidden: s.hidden,
        styles: s.styles.entries(),
        conditionalFormats: s.conditionalRules.map(rawRule),
        developerMetadata: s.developerMetadata.map((m) => ({ ...m })),
        filter: s.filter ? { ...s.filter } : null,
      })),
    };
  }
  /** Replaces the workbook's sheets with the given ones (the first sheet becomes active). */
  importBook(raw: RawBook, id?: string): void {
    const book = this.book(id);
    book.name = raw.name || book.name;
    book.sheets.length = 0;
    book.protections.length = 0;
    book.namedRanges.clear();
    for (const r of raw.sheets) {
      const s = book.addSheet(r.name);
      s.values = r.values.map((row) => Array.from(row, (v) => (v === undefined || v === '' ? null : v)));
      for (const [row, col, f] of r.formats) s.formats.set(row, col, f);
      for (const [row, col, f] of r.formulas) s.formulas.set(row, col, f);
      for (const [row, col, v] of r.validations) s.validations.set(row, col, v);
      s.frozenRows = r.frozenRows;
      for (const [col, w] of r.columnWidths) s.columnWidths.set(col, w);
      s.maxRows = Math.max(r.maxRows, s.values.length, 1);
      s.maxCols = s.values.reduce((m, row) => Math.max(m, row.length), Math.max(r.maxCols, 1));
      s.hidden = r.hidden;
      for (const [row, col, st] of r.styles ?? []) s.styles.set(row, col, st);
      s.developerMetadata = (r.developerMetadata ?? []).map((m) => ({ ...m }));
      s.filter = r.filter ? { ...r.filter } : null;
      if (this.rt) s.conditionalRules = (r.conditionalFormats ?? []).map((c) => ruleOf(this.rt!, s, c));
    }
    if (book.sheets.length === 0) book.addSheet('Sheet1');
    book.activeSheet = 0;
  }
}

function rawRule(rule: unknown): RawConditionalFormat {
  const { ranges, ...spec } = (rule as FakeConditionalFormatRule).spec;
  const areas = ranges.map((range) => {
    const { row, col, numRows, numCols } = range as unknown as FilterArea;
    return { row, col, numRows, numCols };
  });
  return { ...spec, ranges: areas };
}

function ruleOf(rt: Runtime, sheet: SheetModel, raw: RawConditionalFormat): FakeConditionalFormatRule {
  const ranges = raw.ranges.map((a) => makeRange(rt, sheet, a.row, a.col, a.numRows, a.numCols));
  const { background, fontColor } = raw;
  const rule = new FakeConditionalFormatRule({
    condition: raw.condition,
    args: raw.args,
    ranges,
    ...(background ? { background } : {}),
    ...(fontColor ? { fontColor } : {}),
  });
  return loud(rule, 'ConditionalFormatRule');
}
