// Formats and validations of empty cells survive loading an .xlsx, and save → load → save is stable.
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulator, type Emulator } from '../../emulator/host/emulator';
import { FIXTURES, inScript } from './helpers';

const tmp = (name: string): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-')), name);
const load = (file: string): Promise<Emulator> =>
  createEmulator({ codePath: path.join(FIXTURES, 'basic.js'), asOf: '2026-09-01', xlsxPath: file });

/** A workbook as a person leaves it before any data is typed: formats and a dropdown on empty cells. */
async function preparedWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Students');
  ws.getRow(1).values = ['Student ID', 'Rate', 'Code'];
  for (let r = 2; r <= 200; r++) ws.getCell(r, 1).numFmt = '@'; // the id column made plain text, cell by cell
  ws.getColumn(2).numFmt = '0.00'; // a whole column formatted (a column style in the file)
  // One rule over a range (`sqref="C2:C50"`), as Sheets writes it; `dataValidations` is not in exceljs' typings.
  const rules = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  rules.add('C2:C50', {
    type: 'list',
    allowBlank: true,
    formulae: ['"U,E,P"'],
    showErrorMessage: true,
  });
  const file = tmp('prepared.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('xlsx: formats and validations of empty cells', () => {
  // developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormat() and
  // #getDataValidation(): a cell keeps the number format and the validation rule set on it whether or not it
  // holds a value; a cell formatted as plain text (`@`, range#setNumberFormat(String)) keeps `00123` as typed.
  it('keeps the plain-text format, the column format and the dropdown of cells that hold nothing yet', async () => {
    const emu = await load(await preparedWorkbook());
    const seen = inScript(
      emu,
      `var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Students');
       [s.getRange('A5').getNumberFormat(), s.getRange('A200').getNumberFormat(), s.getRange('B7').getNumberFormat(),
        s.getRange('B900').getNumberFormat(), s.getRange('C3').getDataValidation().getCriteriaValues()[0],
        s.getRange('C51').getDataValidation(), s.getRange('D2').getNumberFormat()]`,
    );
    expect(seen).toEqual(['@', '@', '0.00', '0.00', ['U', 'E', 'P'], null, '0.###############']);
    emu.setValues('Students', 'A5', [['00123']]);
    expect(emu.values('Students')[4]?.[0]).toBe('00123');
    const refused = emu.run('probe', {
      code: `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Students').getRange('C4').setValue('X')`,
    });
    expect(refused.error).toBe(
      'The data you entered in cell C4 violates the data validation rules set on this cell.',
    );
  });

  it('save → load → save is stable: the same formats, validations and values each time', async () => {
    const first = await load(await preparedWorkbook());
    const once = tmp('once.xlsx');
    await first.saveXlsx(once);
    const second = await load(once);
    const twice = tmp('twice.xlsx');
    await second.saveXlsx(twice);
    const third = await load(twice);
    const raw = (emu: Emulator): unknown => emu.control.sheets.exportBook();
    expect(raw(second)).toEqual(raw(first));
    expect(raw(third)).toEqual(raw(second));
  });
});
