// Reads and writes workbooks as .xlsx with exceljs: values, dates, number formats, formulas, frozen rows, widths, lists.
import ExcelJS from 'exceljs';
import type { RawBook, RawSheet } from '../runtime/spreadsheet-control';
import type { Cell } from '../runtime/spreadsheet-format';

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25569;
const PX_PER_CHAR = 7;

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
    for (const [c, px] of s.columnWidths) ws.getColumn(c).width = px / PX_PER_CHAR;
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
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      while (s.values.length <= r) s.values.push([]);
      const line = s.values[r] as Cell[];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = colNumber - 1;
        const { value, formula, date } = cellValue(cell.value);
        line[c] = value;
        let fmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
        if (date && !isDateFmt(fmt)) fmt = Number(value) % 1 === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd H:mm:ss';
        if (fmt) s.formats.push([r, c, fmt]);
        if (formula) s.formulas.push([r, c, formula]);
        const dv = cell.dataValidation;
        if (
          dv &&
          dv.type === 'list' &&
          typeof dv.formulae?.[0] === 'string' &&
          dv.formulae[0].startsWith('"')
        ) {
          const list = dv.formulae[0].slice(1, -1).split(',');
          s.validations.push([
            r,
            c,
            {
              criteria: 'VALUE_IN_LIST',
              args: [list, true],
              allowInvalid: !dv.showErrorMessage,
              helpText: dv.prompt ?? '',
            },
          ]);
        }
      });
    });
    (ws.columns ?? []).forEach((col, i) => {
      if (col.width) s.columnWidths.push([i + 1, Math.round(col.width * PX_PER_CHAR)]);
    });
    sheets.push(s);
  });
  return { name: '', timeZone: '', sheets };
}
