// Embedded charts: Sheet.newChart's EmbeddedChartBuilder, insertChart / getCharts / updateChart / removeChart and
// EmbeddedChart.modify. Sheets draws nothing here: each chart's definition (type, ranges, options, position) is
// kept so that a test, or `npm start`, can read it (`chartDefinitions`).
import { gasError, loud, type ApiShape, type Runtime } from './core';
import type { BookModel, SheetModel } from './spreadsheet-model';
import { makeRange, type FakeRange } from './spreadsheet-range';

/** A range a chart reads, by position (1-based), so that it reads the cells as they are when drawn. */
interface ChartRange {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

interface ChartDef {
  type: string | null;
  ranges: ChartRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

/** A chart as the host reads it: plain data, with the cells of its ranges as they are now. */
export interface ChartDefinition {
  id: number;
  type: string;
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  ranges: {
    sheet: string;
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
    values: unknown[][];
  }[];
}

const CHARTS = new WeakMap<SheetModel, { id: number; def: ChartDef }[]>();
const NEXT_ID = new WeakMap<BookModel, number>();

function chartsOf(sheet: SheetModel): { id: number; def: ChartDef }[] {
  let list = CHARTS.get(sheet);
  if (!list) CHARTS.set(sheet, (list = []));
  return list;
}

function copyDef(d: ChartDef): ChartDef {
  return {
    ...d,
    ranges: d.ranges.map((r) => ({ ...r })),
    options: JSON.parse(JSON.stringify(d.options)) as Record<string, unknown>,
    position: { ...d.position },
  };
}

function rangeOf(range: GoogleAppsScript.Spreadsheet.Range): ChartRange {
  const r = range as unknown as FakeRange;
  if (!r || !r.model) throw gasError('not emulated: a chart range that is not a range of this spreadsheet');
  return { sheet: r.model, row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols };
}

type BuilderMethods =
  | 'addRange'
  | 'removeRange'
  | 'clearRanges'
  | 'getRanges'
  | 'setChartType'
  | 'getChartType'
  | 'setOption'
  | 'setPosition'
  | 'setNumHeaders'
  | 'setTransposeRowsAndColumns'
  | 'setMergeStrategy'
  | 'setHiddenDimensionStrategy'
  | 'getContainer'
  | 'build';

export class FakeEmbeddedChartBuilder implements ApiShape<
  GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  BuilderMethods
> {
  private readonly def: ChartDef;
  constructor(
    private readonly rt: Runtime,
    private readonly sheet: SheetModel,
    private readonly id: number | null,
    def?: ChartDef,
  ) {
    this.def = def
      ? copyDef(def)
      : {
          type: null,
          ranges: [],
          options: {},
          position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
          numHeaders: -1,
          transpose: false,
          mergeStrategy: 'MERGE_COLUMNS',
          hiddenDimensionStrategy: 'IGNORE_BOTH',
        };
  }
  private self(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return loud(this, 'EmbeddedChartBuilder') as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range) {
    this.def.ranges.push(rangeOf(range));
    return this.self();
  }
  removeRange(range: GoogleAppsScript.Spreadsheet.Range) {
    const r = rangeOf(range);
    this.def.ranges = this.def.ranges.filter(
      (x) =>
        !(
          x.sheet === r.sheet &&
          x.row === r.row &&
          x.col === r.col &&
          x.numRows === r.numRows &&
          x.numCols === r.numCols
        ),
    );
    return this.self();
  }
  clearRanges() {
    this.def.ranges = [];
    return this.self();
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.def.ranges.map((r) => makeRange(this.rt, r.sheet, r.row, r.col, r.numRows, r.numCols));
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType) {
    this.def.type = String(type);
    return this.self();
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.def.type as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setOption(option: string, value: unknown) {
    this.def.options[option] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.def.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setNumHeaders(headers: number) {
    this.def.numHeaders = headers;
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this.def.transpose = transpose;
    return this.self();
  }
  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy) {
    this.def.mergeStrategy = String(mergeStrategy);
    return this.self();
  }
  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy) {
    this.def.hiddenDimensionStrategy = String(strategy);
    return this.self();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.def);
  }
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    this.rt.call('EmbeddedChartBuilder.build');
    if (this.def.type === null) throw gasError('not emulated: building a chart without a chart type');
    return chartFake(this.rt, this.sheet, this.id, this.def);
  }
}

function containerInfo(def: ChartDef): GoogleAppsScript.Spreadsheet.ContainerInfo {
  const p = def.position;
  return loud(
    {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    },
    'ContainerInfo',
  ) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
}

type ChartMethods =
  | 'getChartId'
  | 'getOptions'
  | 'getRanges'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getTransposeRowsAndColumns'
  | 'modify';

export class FakeEmbeddedChart implements ApiShape<GoogleAppsScript.Spreadsheet.EmbeddedChart, ChartMethods> {
  constructor(
    private readonly rt: Runtime,
    readonly sheet: SheetModel,
    readonly id: number | null,
    readonly def: ChartDef,
  ) {}
  getChartId(): number | null {
    return this.id;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.rt.call('EmbeddedChart.getOptions');
    const options = this.def.options;
    // ChartOptions.get: the option's value, null when it was never set.
    return loud({ get: (option: string) => (option in options ? options[option] : null) }, 'ChartOptions');
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.rt.call('EmbeddedChart.getRanges');
    return this.def.ranges.map((r) => makeRange(this.rt, r.sheet, r.row, r.col, r.numRows, r.numCols));
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.def);
  }
  getNumHeaders(): number {
    return this.def.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.def.transpose;
  }
  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return loud(
      new FakeEmbeddedChartBuilder(this.rt, this.sheet, this.id, this.def),
      'EmbeddedChartBuilder',
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
}

function chartFake(rt: Runtime, sheet: SheetModel, id: number | null, def: ChartDef) {
  return loud(
    new FakeEmbeddedChart(rt, sheet, id, copyDef(def)),
    'EmbeddedChart',
  ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
}

function fakeOf(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): FakeEmbeddedChart {
  const c = chart as unknown as FakeEmbeddedChart;
  if (!c || !c.def) throw gasError('not emulated: a chart that is not an embedded chart of this spreadsheet');
  return c;
}

/** The sheet members that charts need (FakeSheet delegates to these). */
export const sheetCharts = {
  newChart(rt: Runtime, sheet: SheetModel): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    rt.call('Sheet.newChart');
    return loud(
      new FakeEmbeddedChartBuilder(rt, sheet, null),
      'EmbeddedChartBuilder',
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  },
  insertChart(rt: Runtime, sheet: SheetModel, chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    rt.call('Sheet.insertChart');
    const c = fakeOf(chart);
    const list = chartsOf(sheet);
    if (c.id !== null && list.some((x) => x.id === c.id))
      throw gasError('not emulated: inserting a chart that is already on the sheet (use updateChart)');
    const id = NEXT_ID.get(sheet.book) ?? 1;
    NEXT_ID.set(sheet.book, id + 1);
    list.push({ id, def: copyDef(c.def) });
  },
  getCharts(rt: Runtime, sheet: SheetModel): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    rt.call('Sheet.getCharts');
    return chartsOf(sheet).map((x) => chartFake(rt, sheet, x.id, x.def));
  },
  updateChart(rt: Runtime, sheet: SheetModel, chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    rt.call('Sheet.updateChart');
    const c = fakeOf(chart);
    const found = chartsOf(sheet).find((x) => x.id === c.id);
    if (c.id === null || !found) throw gasError('not emulated: updating a chart that is not on this sheet');
    found.def = copyDef(c.def);
  },
  removeChart(rt: Runtime, sheet: SheetModel, chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    rt.call('Sheet.removeChart');
    const c = fakeOf(chart);
    const list = chartsOf(sheet);
    const at = list.findIndex((x) => x.id === c.id);
    if (at >= 0) list.splice(at, 1);
  },
};

/** The host's view: every chart of a sheet, with the values of its ranges as they are now (no cost). */
export function chartDefinitions(sheet: SheetModel): ChartDefinition[] {
  return chartsOf(sheet).map(({ id, def }) => ({
    id,
    type: def.type ?? '',
    options: copyDef(def).options,
    position: { ...def.position },
    numHeaders: def.numHeaders,
    transpose: def.transpose,
    ranges: def.ranges.map((r) => ({
      sheet: r.sheet.name,
      row: r.row,
      column: r.col,
      numRows: r.numRows,
      numColumns: r.numCols,
      values: Array.from({ length: r.numRows }, (_, i) =>
        Array.from({ length: r.numCols }, (_, j) => r.sheet.read(r.row - 1 + i, r.col - 1 + j)),
      ),
    })),
  }));
}
