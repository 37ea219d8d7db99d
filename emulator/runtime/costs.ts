// Simulated cost (ms) of each service call at the low, mid or high end of its measured range (emulator/README.md).
import type { Cost } from './core';

/** Which end of each range the clock charges: `mid` by default; `low` and `high` bracket the measurements. */
export type CostProfile = 'low' | 'mid' | 'high';
export const COST_PROFILES: readonly CostProfile[] = ['low', 'mid', 'high'];

/** A figure over its range, or one number where only one value is published (or it is an estimate). */
export type Span = number | { low: number; mid: number; high: number };

/** A cost table entry before a profile is chosen (see `Cost` in core.ts for the flags). */
export interface CostSpec {
  base: Span;
  perUnit?: Span;
  freeUnits?: number;
  queues?: boolean;
  commits?: boolean;
}

// Measured (Tanaike's benchmarks 2018-2022, averages of 100+ runs; Mogsdad 2013; see README for each source).
/** One getValues/getDisplayValues call: 0.1-0.2 s whatever its size... */
const READ_CALL = { low: 100, mid: 150, high: 200 };
/** ...plus about 9 µs a cell on large ranges. */
const READ_CELL = 0.009;
/** setValues is nearly flat, 0.1-0.25 s, up to about 20,000 cells... */
const WRITE_CALL = { low: 100, mid: 175, high: 250 };
const WRITE_FLAT_CELLS = 20_000;
/** ...then 55-80 µs a cell past them. */
const WRITE_CELL = { low: 0.055, mid: 0.0675, high: 0.08 };
/** Committing pending writes: tens to hundreds of ms (≈30 ms a row flushed in a loop; 0.56 s for 4,000 cells). */
const FLUSH = { low: 30, mid: 100, high: 300 };
/** TextFinder.findAll/findNext: 0.3-0.6 s fixed plus 1.5-6 µs a cell searched. */
const FIND_CALL = { low: 300, mid: 450, high: 600 };
const FIND_CELL = { low: 0.0015, mid: 0.00375, high: 0.006 };

/** A read of the sheet's values: commits pending writes first. */
const read = (base: Span, perUnit?: Span): CostSpec => ({
  base,
  ...(perUnit ? { perUnit } : {}),
  commits: true,
});
/** A write Apps Script queues. */
const write = (base: Span, perUnit?: Span): CostSpec => ({
  base,
  ...(perUnit ? { perUnit } : {}),
  queues: true,
});

/**
 * Every figure marked "measured" comes from a published benchmark (README, "Simulated costs"); the others are
 * estimates of the same order, labelled so in the README. '*' is the default for any call not listed.
 */
export const COST_TABLE: Record<string, CostSpec> = {
  '*': { base: 10 },
  // Reads (measured: getValues, getValue in a loop; the display, formula and format reads are estimates like them).
  'Range.getValues': read(READ_CALL, READ_CELL),
  'Range.getDisplayValues': read(READ_CALL, READ_CELL),
  'Range.getFormulas': read(READ_CALL, READ_CELL),
  'Range.getNumberFormats': read(READ_CALL, READ_CELL),
  'Range.getValue': read(3),
  'Range.getDisplayValue': read(3),
  'Range.getFormula': read(3),
  'Range.getNumberFormat': read(3),
  'Range.getDataValidation': read(3),
  'Range.isBlank': read(3),
  'Sheet.getLastRow': read(160),
  'Sheet.getLastColumn': read(160),
  'Sheet.getDataRange': read(160),
  'TextFinder.findAll': read(FIND_CALL, FIND_CELL),
  'TextFinder.findNext': read(FIND_CALL, FIND_CELL),
  // Writes, queued (measured: setValues, setValue in a loop, appendRow in a loop).
  'Range.setValues': { ...write(WRITE_CALL, WRITE_CELL), freeUnits: WRITE_FLAT_CELLS },
  'Range.setValue': write(1.3),
  'Sheet.appendRow': write({ low: 110, mid: 110, high: 275 }),
  // The commit of pending writes, forced by a read or by SpreadsheetApp.flush (measured range, see FLUSH).
  'Sheets.flush': { base: FLUSH },
  'SpreadsheetApp.flush': read(10),
  // Estimates: formats, validations, clearing and styles are queued writes; sort reads the data and writes it back.
  'Range.getDataValidations': read(READ_CALL, READ_CELL),
  'Range.setNumberFormat': write(60, 0.005),
  'Range.setNumberFormats': write(60, 0.02),
  'Range.setDataValidation': write(80, 0.005),
  'Range.setDataValidations': write(80, 0.02),
  'Range.clearDataValidations': write(60, 0.005),
  'Range.clearContent': write(60, 0.005),
  'Range.clear': write(60, 0.005),
  'Range.setBackground': write(50, 0.005),
  'Range.setFontWeight': write(50, 0.005),
  'Range.sort': { base: 200, perUnit: 0.005, commits: true, queues: true },
  'Sheet.insertRows': write(150, 0.05),
  'Sheet.deleteRows': write(150, 0.05),
  // Estimates: opening, structure and lookups.
  'SpreadsheetApp.getActiveSpreadsheet': { base: 5 },
  'SpreadsheetApp.openById': { base: 800 },
  'SpreadsheetApp.create': { base: 1500 },
  'SpreadsheetApp.getUi': { base: 5 },
  'Spreadsheet.getSheetByName': { base: 15 },
  'Spreadsheet.getSheets': { base: 15 },
  'Spreadsheet.insertSheet': { base: 300 },
  'Spreadsheet.deleteSheet': { base: 300 },
  'Spreadsheet.toast': { base: 50 },
  'Spreadsheet.getRange': { base: 2 },
  'Sheet.getRange': { base: 1 },
  'Sheet.getName': { base: 1 },
  'Sheet.setFrozenRows': { base: 60 },
  'Sheet.setColumnWidth': { base: 40 },
  'Sheet.autoResizeColumns': { base: 200, perUnit: 20 },
  'Sheet.protect': { base: 250 },
  'Range.protect': { base: 250 },
  'Range.createTextFinder': { base: 1 },
  'Sheet.createTextFinder': { base: 1 },
  'TextFinder.matchCase': { base: 1 },
  'TextFinder.matchEntireCell': { base: 1 },
  'TextFinder.useRegularExpression': { base: 1 },
  'TextFinder.getCurrentMatch': { base: 1 },
  // Embedded charts (estimates: no measurement exists): inserting, updating or removing a chart is a round trip
  // like a protection; reading the charts is a metadata query like getLastRow; the builder is local.
  'Sheet.newChart': { base: 1 },
  'EmbeddedChartBuilder.build': { base: 1 },
  'Sheet.insertChart': { base: 250 },
  'Sheet.updateChart': { base: 250 },
  'Sheet.removeChart': { base: 250 },
  'Sheet.getCharts': { base: 160 },
  // Ui (estimates): showing HTML renders a page; a person reads and answers a dialog (it counts toward the limit).
  'Ui.show': { base: 300 },
  'Ui.alert': { base: 50 },
  'Ui.prompt': { base: 50 },
  'Ui.answer': { base: 4000 },
  // Script-local services (estimates; Utilities.sleep blocks for what it is asked, as documented).
  'Utilities.sleep': { base: 0, perUnit: 1 },
  'Utilities.formatDate': { base: 0.05 },
  'Utilities.newBlob': { base: 0.1 },
  'Utilities.computeDigest': { base: 0.2 },
  'Utilities.computeHmacSha256Signature': { base: 0.2 },
  'Session.getActiveUser': { base: 5 },
  'Session.getEffectiveUser': { base: 5 },
  'HtmlService.createHtmlOutput': { base: 2 },
  'HtmlService.createHtmlOutputFromFile': { base: 10 },
  'HtmlService.createTemplate': { base: 2 },
  'HtmlService.createTemplateFromFile': { base: 10 },
  'Logger.log': { base: 0.5 },
  'console.log': { base: 0.5 },
  // Docs, Drive, mail, locks, properties, cache and triggers: costs-other.ts (merged by installOtherServices).
};

/** The figure of a span at one end of its range. */
export function at(span: Span, profile: CostProfile): number {
  return typeof span === 'number' ? span : span[profile];
}

/** The cost table the clock charges under `profile`. */
export function costsAt(profile: CostProfile = 'mid'): Record<string, Cost> {
  const out: Record<string, Cost> = {};
  for (const [method, spec] of Object.entries(COST_TABLE)) {
    const { base, perUnit, ...flags } = spec;
    out[method] = {
      base: at(base, profile),
      ...(perUnit === undefined ? {} : { perUnit: at(perUnit, profile) }),
      ...flags,
    };
  }
  return out;
}

/** The default table (`mid`). */
export const COSTS: Record<string, Cost> = costsAt('mid');

/** Simulated ms of one call of `method` on `units` units under a table (as the clock charges it, flush aside). */
export function costOf(table: Record<string, Cost>, method: string, units = 0): number {
  const c = table[method] ?? table['*'] ?? { base: 0 };
  return c.base + (c.perUnit ?? 0) * Math.max(0, units - (c.freeUnits ?? 0));
}
