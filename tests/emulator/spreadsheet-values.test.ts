// Range values as Apps Script documents them: dimension errors, A1, types, dates in the spreadsheet's zone, formats.
import { basicEmulator, inScript, SHEET } from './helpers';

describe('Range.setValues and getValues', () => {
  const emu = basicEmulator();

  it('rejects data of the wrong height or width with Sheets’ own message', () => {
    expect(() => inScript(emu, `${SHEET}.getRange('A1:B2').setValues([[1, 2]])`)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => inScript(emu, `${SHEET}.getRange('A1:B2').setValues([[1, 2, 3], [4, 5, 6]])`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it('names errors like Apps Script services (name Exception)', () => {
    expect(
      inScript(emu, `try { ${SHEET}.getRange('A1:B2').setValues([[1]]) } catch (e) { String(e) }`),
    ).toMatch(/^Exception: The number of rows in the data/);
  });

  it('parses A1 notation in its forms', () => {
    const a1 = (ref: string) =>
      inScript(
        emu,
        `var r = ${SHEET}.getRange(${JSON.stringify(ref)}); [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()]`,
      );
    expect(a1('B3')).toEqual([3, 2, 1, 1, 'B3']);
    expect(a1('$B$3:$D$10')).toEqual([3, 2, 8, 3, 'B3:D10']);
    expect(a1('D10:B3')).toEqual([3, 2, 8, 3, 'B3:D10']);
    expect(a1('A:A')).toEqual([1, 1, 1000, 1, 'A1:A1000']);
    expect(a1('2:3')).toEqual([2, 1, 2, 26, 'A2:Z3']);
    expect(a1('A2:C')).toEqual([2, 1, 999, 3, 'A2:C1000']);
    expect(a1("'Sheet1'!Z1")).toEqual([1, 26, 1, 1, 'Z1']);
    expect(() => a1('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => a1('nonsense')).toThrow('Range not found');
    expect(
      inScript(emu, `SpreadsheetApp.getActiveSpreadsheet().getRange('Sheet1!C2:D3').getA1Notation()`),
    ).toBe('C2:D3');
  });

  it('checks coordinates like Apps Script', () => {
    expect(() => inScript(emu, `${SHEET}.getRange(0, 1)`)).toThrow(
      'The starting row of the range is too small.',
    );
    expect(() => inScript(emu, `${SHEET}.getRange(1, 0)`)).toThrow(
      'The starting column of the range is too small.',
    );
    expect(() => inScript(emu, `${SHEET}.getRange(1, 1, 0, 1)`)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => inScript(emu, `${SHEET}.getRange(1, 1, 1, 0)`)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => inScript(emu, `${SHEET}.getRange(1001, 1)`)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('returns numbers, booleans, strings, Dates and empty strings', () => {
    const types = inScript(
      emu,
      `var r = ${SHEET}.getRange('A1:E1');
       r.setValues([[42, true, 'text', new Date(2026, 8, 1), '']]);
       r.getValues()[0].map(function (v) { return v instanceof Date ? 'Date' : typeof v + ':' + v; })`,
    );
    expect(types).toEqual(['number:42', 'boolean:true', 'string:text', 'Date', 'string:']);
  });

  it('stores a date as a wall time in the spreadsheet zone and returns that instant', () => {
    // 2026-09-01 00:00 in Chicago is 05:00 UTC (CDT, UTC-5).
    const out = inScript(
      emu,
      `var r = ${SHEET}.getRange('A2');
       r.setValue('2026-09-01');
       var d = r.getValue();
       [d.toISOString(), r.getDisplayValue(), r.getNumberFormat(), d instanceof Date]`,
    );
    expect(out).toEqual(['2026-09-01T05:00:00.000Z', '2026-09-01', 'yyyy-mm-dd', true]);
    emu.setValues('Sheet1', 'A3', [[new Date('2026-12-01T06:00:00Z')]]); // midnight in Chicago (CST, UTC-6)
    expect(inScript(emu, `${SHEET}.getRange('A3').getDisplayValue()`)).toBe('12/1/2026');
    expect((emu.values('Sheet1')[2]?.[0] as Date).toISOString()).toBe('2026-12-01T06:00:00.000Z');
  });

  it('follows the spreadsheet zone when it changes', () => {
    const iso = inScript(
      emu,
      `var ss = SpreadsheetApp.getActiveSpreadsheet(); var r = ss.getSheets()[0].getRange('B2');
       r.setValue('2026-01-15'); ss.setSpreadsheetTimeZone('Asia/Tokyo');
       var d = r.getValue().toISOString(); ss.setSpreadsheetTimeZone('America/Chicago'); d`,
    );
    expect(iso).toBe('2026-01-14T15:00:00.000Z');
  });

  it('reads typed strings as Sheets does unless the cell is plain text', () => {
    const out = inScript(
      emu,
      `var s = ${SHEET}; var r = s.getRange('C9:H9');
       s.getRange('H9').setNumberFormat('@');
       r.setValues([['00123', '1,234.5', '12%', 'TRUE', "'00123", '00123']]);
       [r.getValues()[0], r.getDisplayValues()[0]]`,
    );
    expect(out).toEqual([
      [123, 1234.5, 0.12, true, '00123', '00123'],
      ['123', '1234.5', '12%', 'TRUE', '00123', '00123'],
    ]);
  });

  it('stores a leading = as a formula: getFormulas keeps it, getValues gives the simple value or ""', () => {
    const out = inScript(
      emu,
      `var r = ${SHEET}.getRange('A5:D5');
       r.setValues([['=1+1', '=HYPERLINK("http://evil.example","x")', '="a"&"b"', '+1']]);
       [r.getValues()[0], r.getFormulas()[0]]`,
    );
    expect(out).toEqual([
      [2, '', 'ab', 1],
      ['=1+1', '=HYPERLINK("http://evil.example","x")', '="a"&"b"', ''],
    ]);
    const safe = inScript(
      emu,
      `var r = ${SHEET}.getRange('A6:B6'); r.setNumberFormat('@');
       r.setValues([['=1+1', "'=2+2"]]); [r.getValues()[0], r.getFormulas()[0]]`,
    );
    expect(safe).toEqual([
      ['=1+1', "'=2+2"],
      ['', ''],
    ]);
  });

  it('displays values under number formats', () => {
    const out = inScript(
      emu,
      `var r = ${SHEET}.getRange('A7:F7');
       r.setValues([[0.256, 3.6, 1234567.891, 45000.75, 45000, 7]]);
       r.setNumberFormats([['0.0%', '0', '#,##0.00', 'M/d/yyyy H:mm', 'yyyy-mm-dd', '@']]);
       [r.getDisplayValues()[0], r.getNumberFormats()[0], ${SHEET}.getRange('A8').getNumberFormat()]`,
    );
    expect(out).toEqual([
      ['25.6%', '4', '1,234,567.89', '3/15/2023 18:00', '2023-03-15', '7'],
      ['0.0%', '0', '#,##0.00', 'M/d/yyyy H:mm', 'yyyy-mm-dd', '@'],
      '0.###############',
    ]);
  });
});
