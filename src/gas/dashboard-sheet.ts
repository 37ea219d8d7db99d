// The Dashboard tab over SpreadsheetApp: its data block in one write, and one embedded chart per table, created
// once and then updated in place (found again by its title), never duplicated.
import {
  DASHBOARD_TAB,
  type DashboardData,
  type DashboardTable,
  type DashboardView,
} from '../ports/report-tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Columns of the data block (the widest table: a label and five steps). */
const BLOCK_WIDTH = 6;
/** Charts sit to the right of the block, two a row, each about 6 columns by 18 rows. */
const CHART_COLUMN = BLOCK_WIDTH + 2;
const CHART_WIDTH_PX = 560;
const CHART_HEIGHT_PX = 340;
const CHART_ROWS = 18;
const CHART_COLUMNS = 6;

/** Where each table starts in the block (1-based rows): a title line, the header, the rows, a blank line. */
export function blockLayout(data: DashboardData): { grid: (string | number)[][]; starts: number[] } {
  const grid: (string | number)[][] = [];
  const pad = (cells: (string | number)[]) => [
    ...cells,
    ...new Array<string>(BLOCK_WIDTH - cells.length).fill(''),
  ];
  grid.push(pad([`Dashboard as of ${data.asOf}`]));
  grid.push(pad(['Refreshed by the weekly report, the nightly run and Attendance → Refresh the dashboard.']));
  const starts: number[] = [];
  for (const t of data.tables) {
    grid.push(pad([t.title]));
    starts.push(grid.length + 1);
    grid.push(pad(t.header));
    for (const r of t.rows) grid.push(pad(r));
    grid.push(pad([]));
  }
  return { grid, starts };
}

function chartType(kind: DashboardTable['kind']): GoogleAppsScript.Charts.ChartType {
  if (kind === 'bar') return Charts.ChartType.BAR;
  if (kind === 'line') return Charts.ChartType.LINE;
  return Charts.ChartType.COLUMN;
}

function placeChart(
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  table: DashboardTable,
  range: GoogleAppsScript.Spreadsheet.Range,
  index: number,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  return (
    builder
      .clearRanges()
      .addRange(range)
      .setChartType(chartType(table.kind))
      .setNumHeaders(1)
      .setOption('title', table.title)
      // Sheets' option names: the value axis is horizontal on a bar chart, vertical otherwise.
      .setOption(table.kind === 'bar' ? 'hAxis.title' : 'vAxis.title', table.valueTitle)
      .setOption('isStacked', table.kind === 'stacked')
      .setOption('legend', { position: table.header.length > 2 ? 'right' : 'none' })
      .setOption('width', CHART_WIDTH_PX)
      .setOption('height', CHART_HEIGHT_PX)
      .setPosition(1 + Math.floor(index / 2) * CHART_ROWS, CHART_COLUMN + (index % 2) * CHART_COLUMNS, 0, 0)
      .build()
  );
}

function sameArea(
  ranges: GoogleAppsScript.Spreadsheet.Range[],
  range: GoogleAppsScript.Spreadsheet.Range,
): boolean {
  const r = ranges.length === 1 ? ranges[0]! : null;
  return (
    r !== null &&
    r.getRow() === range.getRow() &&
    r.getColumn() === range.getColumn() &&
    r.getNumRows() === range.getNumRows() &&
    r.getNumColumns() === range.getNumColumns()
  );
}

/** The tab, made once: its title row bold and frozen, its block's columns wide enough for their labels. */
function newDashboardSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const sheet = ss.insertSheet(DASHBOARD_TAB);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, BLOCK_WIDTH).setFontWeight('bold');
  sheet.setColumnWidth(1, 240);
  sheet.setColumnWidths(2, BLOCK_WIDTH - 1, 80);
  return sheet;
}

export function sheetDashboard(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DashboardView {
  return {
    show(data: DashboardData): void {
      const sheet: Sheet = ss.getSheetByName(DASHBOARD_TAB) ?? newDashboardSheet(ss);
      const { grid, starts } = blockLayout(data);
      // Rows a longer earlier block left are blanked in the same write.
      const before = sheet.getLastRow();
      while (grid.length < before) grid.push(new Array<string>(BLOCK_WIDTH).fill(''));
      // Labels (grades, owners, step names: text people typed) as plain text, so one that starts with = + - @
      // never becomes a formula here; counts as numbers and the trend's weeks as dates, for the charts.
      const formats = grid.map((row) =>
        row.map((v) => (typeof v === 'number' ? '0' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'yyyy-mm-dd' : '@')),
      );
      sheet.getRange(1, 1, grid.length, BLOCK_WIDTH).setNumberFormats(formats).setValues(grid);
      const existing = new Map<string, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
      for (const chart of sheet.getCharts()) {
        const title = String(chart.getOptions().get('title') ?? '');
        // A second chart of the same title (made by hand, or left by a failed run) is removed: one chart a table.
        if (existing.has(title)) sheet.removeChart(chart);
        else existing.set(title, chart);
      }
      data.tables.forEach((table, i) => {
        const range = sheet.getRange(starts[i]!, 1, table.rows.length + 1, table.header.length);
        const found = existing.get(table.title);
        // The chart reads its cells, just rewritten: it changes only when its table grew or shrank.
        if (found && sameArea(found.getRanges(), range)) return;
        if (found) sheet.updateChart(placeChart(found.modify(), table, range, i));
        else sheet.insertChart(placeChart(sheet.newChart(), table, range, i));
      });
    },
  };
}
