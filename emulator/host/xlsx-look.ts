// How a sheet looks in .xlsx: bold and coloured cells, conditional formats, the basic filter and the page set-up.
import type ExcelJS from 'exceljs';
import type { RawConditionalFormat, RawSheet } from '../runtime/spreadsheet-control';
import type { CellStyle } from '../runtime/spreadsheet-model';

/**
 * Sheets has no print set-up in Apps Script; a tab that wants one says so in developer metadata, and the export
 * turns it into the .xlsx page set-up: `print.orientation` = `landscape`, `print.fitToWidth` = `1` (pages wide),
 * `print.repeatRows` = `1` (header rows printed on every page).
 */
export const PRINT_KEYS = {
  orientation: 'print.orientation',
  fitToWidth: 'print.fitToWidth',
  repeatRows: 'print.repeatRows',
} as const;

/** "Any number of pages tall" when fitting to width (Excel's limit is 32767). */
const PAGES_TALL = 10_000;

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const hexOf = (c: Partial<ExcelJS.Color> | undefined): string | undefined =>
  c?.argb ? `#${c.argb.slice(-6).toLowerCase()}` : undefined;

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

function decode(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref) ?? ['', 'A', '1'];
  const col = [...(m[1] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** `A2:X1000` → the 1-based area. */
function areaOf(ref: string): { row: number; col: number; numRows: number; numCols: number } {
  const [from = 'A1', to = from] = ref.split(':');
  const a = decode(from);
  const b = decode(to);
  return { row: a.row, col: a.col, numRows: b.row - a.row + 1, numCols: b.col - a.col + 1 };
}

function writeRule(ws: ExcelJS.Worksheet, rule: RawConditionalFormat, priority: number): void {
  const style: Partial<ExcelJS.Style> = {
    ...(rule.background
      ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } } }
      : {}),
    ...(rule.fontColor ? { font: { color: { argb: argb(rule.fontColor) } } } : {}),
  };
  const base =
    rule.condition === 'CUSTOM_FORMULA'
      ? { type: 'expression' as const, formulae: [String(rule.args[0]).replace(/^=/, '')] }
      : rule.condition === 'NUMBER_EQ'
        ? { type: 'cellIs' as const, operator: 'equal' as const, formulae: [String(rule.args[0])] }
        : null;
  if (!base) return; // other conditions are not written (none is used by the add-on)
  for (const r of rule.ranges)
    ws.addConditionalFormatting({
      ref: `${a1(r.row, r.col)}:${a1(r.row + r.numRows - 1, r.col + r.numCols - 1)}`,
      rules: [{ ...base, priority, style } as ExcelJS.ConditionalFormattingRule],
    });
}

/** Writes the sheet's look into `ws` (after its values). */
export function writeLook(ws: ExcelJS.Worksheet, s: RawSheet): void {
  for (const [r, c, st] of s.styles ?? []) {
    const cell = ws.getCell(r + 1, c + 1);
    if (st.fontWeight === 'bold' || st.fontColor)
      cell.font = {
        ...(st.fontWeight === 'bold' ? { bold: true } : {}),
        ...(st.fontColor ? { color: { argb: argb(st.fontColor) } } : {}),
      };
    if (st.background)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.background) } };
  }
  (s.conditionalFormats ?? []).forEach((rule, i) => writeRule(ws, rule, i + 1));
  if (s.filter) {
    const f = s.filter;
    ws.autoFilter = `${a1(f.row, f.col)}:${a1(f.row + f.numRows - 1, f.col + f.numCols - 1)}`;
  }
  const meta = new Map((s.developerMetadata ?? []).map((m) => [m.key, m.value ?? '']));
  const fitToWidth = Number(meta.get(PRINT_KEYS.fitToWidth) ?? 0);
  const orientation = meta.get(PRINT_KEYS.orientation);
  const repeatRows = Number(meta.get(PRINT_KEYS.repeatRows) ?? 0);
  if (orientation === 'landscape' || orientation === 'portrait') ws.pageSetup.orientation = orientation;
  // As many pages tall as needed. OOXML says so with fitToHeight 0, which LibreOffice 7.4 reads as one page (the
  // whole tab shrunk onto it); a height no tab reaches says the same to both.
  if (fitToWidth > 0) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth, fitToHeight: PAGES_TALL });
  if (repeatRows > 0) ws.pageSetup.printTitlesRow = `1:${repeatRows}`;
}

function readRules(ws: ExcelJS.Worksheet): RawConditionalFormat[] {
  const out: RawConditionalFormat[] = [];
  const formats = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of formats ?? []) {
    for (const rule of cf.rules) {
      const f = (rule as { formulae?: unknown[] }).formulae?.[0];
      const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
      const background = hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor);
      const fontColor = hexOf(rule.style?.font?.color);
      const spec =
        rule.type === 'expression'
          ? { condition: 'CUSTOM_FORMULA', args: [`=${String(f)}`] }
          : rule.type === 'cellIs' && (rule as { operator?: string }).operator === 'equal'
            ? { condition: 'NUMBER_EQ', args: [Number(f)] }
            : null;
      if (!spec) continue;
      out.push({
        ...spec,
        ...(background ? { background } : {}),
        ...(fontColor ? { fontColor } : {}),
        ranges: cf.ref.split(' ').map(areaOf),
      });
    }
  }
  return out;
}

/** Reads what `writeLook` writes (and what a spreadsheet program saved of the same kinds). */
export function readLook(ws: ExcelJS.Worksheet, s: RawSheet): void {
  const styles: [number, number, CellStyle][] = [];
  ws.eachRow((row, rowNumber) =>
    row.eachCell((cell, colNumber) => {
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const style: CellStyle = {
        ...(cell.font?.bold ? { fontWeight: 'bold' } : {}),
        ...(fill?.pattern === 'solid' && hexOf(fill.fgColor) ? { background: hexOf(fill.fgColor)! } : {}),
      };
      if (Object.keys(style).length > 0) styles.push([rowNumber - 1, colNumber - 1, style]);
    }),
  );
  s.styles = styles;
  s.conditionalFormats = readRules(ws);
  const filter = ws.autoFilter;
  if (typeof filter === 'string' && filter !== '') s.filter = areaOf(filter);
  const meta: { key: string; value: string }[] = [];
  const setup = ws.pageSetup;
  if (setup.orientation === 'landscape') meta.push({ key: PRINT_KEYS.orientation, value: 'landscape' });
  if (setup.fitToPage && setup.fitToWidth)
    meta.push({ key: PRINT_KEYS.fitToWidth, value: String(setup.fitToWidth) });
  const titles = /^\$?1:\$?(\d+)$/.exec(setup.printTitlesRow ?? '');
  if (titles) meta.push({ key: PRINT_KEYS.repeatRows, value: titles[1]! });
  s.developerMetadata = meta;
}
