// Range.setValues given a one-dimensional array: Apps Script's parameter-signature error, naming the element type.
import { basicEmulator, inScript, SHEET } from './helpers';

// Reference: developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) takes Object[][]
// ("a two-dimensional array of values"); a one-dimensional array does not match that signature, and Apps Script
// says so naming the argument's type (`rg.setValues([1,2,3])` → "The parameters (number[]) don't match the method
// signature for SpreadsheetApp.Range.setValues.", as reported on Stack Overflow question 63720612).
describe('Range.setValues with a one-dimensional array', () => {
  const emu = basicEmulator();
  const message = (type: string): string =>
    `The parameters (${type}) don't match the method signature for SpreadsheetApp.Range.setValues.`;

  test('numbers: number[], even when the row count differs from the range', () => {
    expect(() => inScript(emu, `${SHEET}.getRange('A1:C1').setValues([1, 2, 3])`)).toThrow(
      message('number[]'),
    );
    expect(() => inScript(emu, `${SHEET}.getRange('A1:A3').setValues([1, 2, 3])`)).toThrow(
      message('number[]'),
    );
  });

  test('strings: String[]; booleans: boolean[]; mixed values: Object[]', () => {
    expect(() => inScript(emu, `${SHEET}.getRange('A1:B1').setValues(['a', 'b'])`)).toThrow(
      message('String[]'),
    );
    expect(() => inScript(emu, `${SHEET}.getRange('A1').setValues(['a'])`)).toThrow(message('String[]'));
    expect(() => inScript(emu, `${SHEET}.getRange('A1:B1').setValues([true, false])`)).toThrow(
      message('boolean[]'),
    );
    expect(() => inScript(emu, `${SHEET}.getRange('A1:B1').setValues(['a', 1])`)).toThrow(
      message('Object[]'),
    );
  });

  test('nothing is written', () => {
    expect(() => inScript(emu, `${SHEET}.getRange('A5:B5').setValues(['x', 'y'])`)).toThrow();
    expect(inScript(emu, `${SHEET}.getRange('A5:B5').getValues()`)).toEqual([['', '']]);
  });
});
