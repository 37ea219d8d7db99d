// Reads and writes workbooks as .xlsx with exceljs: values, dates, number formats, formulas, frozen rows, widths, lists
// (and, through xlsx-look.ts, bold, colours, conditional formats, the filter and the page set-up).
import ExcelJS from 'exceljs';
import type { RawBook, RawSheet } from '../runtime/spreadsheet-control';
import type { Cell } from '../runtime/spreadsheet-format';
import { readLook, writeLook } from './xlsx-look';

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25569;
const PX_PER_CHAR = 7;
const EXCELJS_DEFAULT_WIDTH = 9;
const SHEETS_DEFAULT_WIDTH_PX = 100;

const serialToUtcDate = (serial: number): Date => new Date(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY));
const utcDateToSerial = (d: Date): number => d.getTime() / MS_PER_DAY + EPOCH_SERIAL;

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  return bare !== '@' && (/[dyhs]/.test(bare) || (/m/.test(bare) && !/[0#]/.test(bare)));
}

export async function saveXlsx(raw: RawBook, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of raw.sheets) {
    const ws = wb.addWorksheet(s.name, {
      state: s.hidden ? 'hidden' : 'visible',
      views: s.frozenRows > 0 ? [{ state: 'frozen', ySplit: s.frozenRows }] : [],
    });
    const formats = new Map(s.formats.map(([r, c, f]) => [`${r},${c}`, f]));
    const formulas = new Map(s.formulas.map(([r, c, f]) => [`${r},${c}`, f]));
    s.values.forEach((line, r) => {
      const row = ws.getRow(r + 1);
      line.forEach((v, c) => {
        const key = `${r},${c}`;
        const fmt = formats.get(key);
        const formula = formulas.get(key);
        const cell = row.getCell(c + 1);
        const value = typeof v === 'number' && isDateFmt(fmt) ? serialToUtcDate(v) : v;
        if (formula)
          cell.value = {
            formula: formula.slice(1),
            result: (value ?? '') as string,
          } as ExcelJS.CellFormulaValue;
        else if (value !== null) cell.value = value;
      });
    });
    for (const [r, c, f] of s.formats) ws.getCell(r + 1, c + 1).numFmt = f;
    for (const [r, c, v] of s.validations) {
      if (v.criteria !== 'VALUE_IN_LIST') continue;
      const list = (v.args[0] as string[]).join(',');
      ws.getCell(r + 1, c + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: !v.allowInvalid,
        ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
      };
    }
    // A column never resized is Sheets' default 100 px wide (an .xlsx without it would be 8.43 characters).
    ws.properties.defaultColWidth = SHEETS_DEFAULT_WIDTH_PX / PX_PER_CHAR;
    for (const [c, px] of s.columnWidths) ws.getColumn(c).width = px / PX_PER_CHAR;
    writeLook(ws, s);
  }
  await wb.xlsx.writeFile(file);
}

function cellValue(v: ExcelJS.CellValue): { value: Cell; formula?: string; date?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: utcDateToSerial(v), date: true };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as ExcelJS.CellFormulaValue;
    const inner = cellValue((f.result ?? null) as ExcelJS.CellValue);
    return { ...inner, formula: `=${f.formula ?? ''}` };
  }
  if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
  if ('text' in v) return { value: String(v.text) };
  if ('error' in v) return { value: String(v.error) };
  return { value: String(v) };
}

/** `C12` → [11, 2] (0-based row and column). */
function decodeAddress(address: string): [number, number] | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) return null;
  const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]) - 1, col - 1];
}

/** The number format a cell or column style holds, if any ('General' is none). */
const ownFormat = (fmt: string | undefined): string | undefined =>
  fmt && fmt !== 'General' ? fmt : undefined;

/** List validations of the sheet, empty cells included (exceljs gives them by cell address). */
function readValidations(ws: ExcelJS.Worksheet, s: RawSheet): void {
  // exceljs reads `<dataValidation sqref="C2:C50">` into one entry per cell address (not in its typings).
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations.model;
  for (const [address, dv] of Object.entries(model)) {
    const at = decodeAddress(address);
    const formula = dv.formulae?.[0];
    if (!at || dv.type !== 'list' || typeof formula !== 'string' || !formula.startsWith('"')) continue;
    s.validations.push([
      at[0],
      at[1],
      {
        criteria: 'VALUE_IN_LIST',
        args: [formula.slice(1, -1).split(','), true],
        allowInvalid: !dv.showErrorMessage,
        helpText: dv.prompt ?? '',
      },
    ]);
  }
}

/**
 * Reads a workbook. Cells that hold nothing keep the number format and the list validation the file gives them,
 * and a column style's number format applies to every row of the grid (Sheets holds formats per cell), so a
 * column made plain text before any data was typed stays plain text.
 */
export async function loadXlsx(file: string): Promise<RawBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    const s: RawSheet = {
      name: ws.name,
      values: [],
      formats: [],
      formulas: [],
      validations: [],
      frozenRows: 0,
      columnWidths: [],
      maxRows: Math.max(1000, ws.rowCount),
      maxCols: Math.max(26, ws.columnCount),
      hidden: ws.state !== 'visible',
    };
    const view = ws.views?.[0];
    if (view && view.state === 'frozen') s.frozenRows = view.ySplit ?? 0;
    const formats = new Map<string, [number, number, string]>();
    (ws.columns ?? []).forEach((col, i) => {
      // 9 characters is exceljs' default width: it writes it for a styled column and never writes it back.
      if (col.width && col.width !== EXCELJS_DEFAULT_WIDTH)
        s.columnWidths.push([i + 1, Math.round(col.width * PX_PER_CHAR)]);
      const fmt = ownFormat(col.numFmt);
      if (fmt) for (let r = 0; r < s.maxRows; r++) formats.set(`${r},${i}`, [r, i, fmt]);
    });
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const r = rowNumber - 1;
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = colNumber - 1;
        const { value, formula, date } = cellValue(cell.value);
        if (value !== null) {
          while (s.values.length <= r) s.values.push([]);
          (s.values[r] as Cell[])[c] = value;
        }
        let fmt = ownFormat(cell.numFmt);
        if (date && !isDateFmt(fmt)) fmt = Number(value) % 1 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd H:mm:ss';
        if (fmt) formats.set(`${r},${c}`, [r, c, fmt]);
        if (formula) s.formulas.push([r, c, formula]);
      });
    });
    s.formats = [...formats.values()];
    readValidations(ws, s);
    readLook(ws, s);
    sheets.push(s);
  });
  return { name: '', timeZone: '', sheets };
}
