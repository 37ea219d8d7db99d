// The 50,000-character limit of a Sheets cell, for every way a script writes a value.
import { basicEmulator, inScript, SHEET } from './helpers';

// Sheets holds at most 50,000 characters in a cell (Google's published Sheets limits). A longer value fails with
// "Your input contains more than the maximum of 50000 characters in a single cell." (the wording public Apps
// Script projects and issue threads quote; the reference pages do not print it).
// Writers covered (developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object),
// #setValues(Object), #setFormula(String); .../sheet#appendRow(Object)).
const MESSAGE = 'Your input contains more than the maximum of 50000 characters in a single cell.';
const LONG = `'x'.repeat(50001)`;

describe('the 50,000-character cell limit', () => {
  it('accepts exactly 50,000 characters', () => {
    const emu = basicEmulator();
    expect(
      inScript(
        emu,
        `${SHEET}.getRange('A1').setValue('x'.repeat(50000)); ${SHEET}.getRange('A1').getValue().length`,
      ),
    ).toBe(50000);
  });

  it.each([
    ['setValue', `${SHEET}.getRange('A1').setValue(${LONG})`],
    ['setValues', `${SHEET}.getRange('A1:B2').setValues([['a', 'b'], ['c', ${LONG}]])`],
    ['appendRow', `${SHEET}.appendRow(['a', ${LONG}])`],
    ['setFormula', `${SHEET}.getRange('A1').setFormula('="' + ${LONG} + '"')`],
  ])('%s of a longer string throws and writes nothing', (_name, code) => {
    const emu = basicEmulator();
    const r = emu.run('probe', { code });
    expect(r.error).toBe(MESSAGE);
    expect(emu.values('Sheet1')).toEqual([]);
  });

  it('refuses a person typing a longer string, as the Sheets editor does', () => {
    const emu = basicEmulator();
    expect(() => emu.setValues('Sheet1', 'A1', [['x'.repeat(50001)]])).toThrow(MESSAGE);
    expect(emu.values('Sheet1')).toEqual([]);
  });
});
