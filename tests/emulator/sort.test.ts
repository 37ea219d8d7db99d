// Range.sort as Sheets sorts: by one or more columns, numbers and dates before text, empty cells last, stable.
import { basicEmulator, inScript, SHEET } from './helpers';

describe('Range.sort', () => {
  const emu = basicEmulator();
  const fill = () =>
    inScript(
      emu,
      `var s = ${SHEET}; s.clear();
       s.getRange('A1:C7').setValues([
         ['ID', 'Date', 'Code'],
         ['b2', '2026-09-03', 'U'],
         ['A1', '2026-09-02', 'E'],
         ['b2', '2026-09-01', 'UP'],
         ['', '2026-09-05', 'U'],
         [10, '2026-09-04', 'U'],
         ['a1', '2026-09-01', 'M'],
       ]);
       s.getRange('B2:B7').getNumberFormats()[0][0]`,
    );
  const column = (a1: string) =>
    inScript(emu, `${SHEET}.getRange('${a1}').getDisplayValues().map(function (r) { return r.join('|'); })`);

  it('sorts by several columns, keeps the header out, moves whole rows with their formats', () => {
    fill();
    inScript(
      emu,
      `${SHEET}.getRange('A2:C7').sort([{ column: 1, ascending: true }, { column: 2, ascending: true }])`,
    );
    expect(column('A2:C7')).toEqual([
      '10|2026-09-04|U',
      // Text compares without case, so A1 and a1 tie and the second column decides.
      'a1|2026-09-01|M',
      'A1|2026-09-02|E',
      'b2|2026-09-01|UP',
      'b2|2026-09-03|U',
      '|2026-09-05|U',
    ]);
    expect(inScript(emu, `${SHEET}.getRange('B2').getValue() instanceof Date`)).toBe(true);
    expect(column('A1:C1')).toEqual(['ID|Date|Code']);
  });

  it('sorts descending with empty cells still last, and charges one call', () => {
    fill();
    emu.control.rt.resetCounters();
    inScript(emu, `${SHEET}.getRange('A2:C7').sort({ column: 1, ascending: false })`);
    expect(column('A2:A7')).toEqual(['b2', 'b2', 'A1', 'a1', '10', '']);
    expect(emu.counts()['Range.sort']).toBe(1);
  });

  it('refuses a column outside the range', () => {
    fill();
    expect(() => inScript(emu, `${SHEET}.getRange('A2:C7').sort(5)`)).toThrow(/out of range/);
  });
});
