// TextFinder as Apps Script documents it: display text, case and entire-cell options, row-major results, costs.
import { basicEmulator, inScript, SHEET } from './helpers';

describe('Range.createTextFinder and Sheet.createTextFinder', () => {
  const emu = basicEmulator();
  inScript(
    emu,
    `var s = ${SHEET}; s.clear();
     s.getRange('A1:C5').setValues([
       ['ID', 'Name', 'Note'],
       ['S1', 'Ann', 's1 late'],
       ['s1', 'Bob', ''],
       ['S10', 'S1', 'Ann'],
       [1234.5, 'x', '2026-09-01'],
     ]);
     s.getRange('A5').setNumberFormat('#,##0.00');`,
  );
  const cells = (expr: string) =>
    inScript(emu, `(${expr}).map(function (r) { return r.getA1Notation(); })`) as string[];

  it('defaults to case-insensitive substring matches, single cells in row-major order', () => {
    expect(cells(`${SHEET}.getRange('A2:C5').createTextFinder('s1').findAll()`)).toEqual([
      'A2',
      'C2',
      'A3',
      'A4',
      'B4',
    ]);
  });

  it('narrows with matchEntireCell and matchCase', () => {
    expect(
      cells(
        `${SHEET}.getRange('A2:A5').createTextFinder('S1').matchEntireCell(true).matchCase(true).findAll()`,
      ),
    ).toEqual(['A2']);
    expect(
      cells(`${SHEET}.getRange('A2:A5').createTextFinder('S1').matchEntireCell(true).findAll()`),
    ).toEqual(['A2', 'A3']);
    expect(cells(`${SHEET}.getRange('A2:C5').createTextFinder('S1').matchCase(true).findAll()`)).toEqual([
      'A2',
      'A4',
      'B4',
    ]);
  });

  it('searches only its range; a sheet finder searches the whole sheet', () => {
    expect(cells(`${SHEET}.getRange('B2:B4').createTextFinder('ann').findAll()`)).toEqual(['B2']);
    expect(cells(`${SHEET}.createTextFinder('ann').findAll()`)).toEqual(['B2', 'C4']);
    expect(cells(`${SHEET}.getRange('A2:C5').createTextFinder('nobody').findAll()`)).toEqual([]);
  });

  it('matches the display text, not the stored value', () => {
    expect(cells(`${SHEET}.createTextFinder('1,234.50').matchEntireCell(true).findAll()`)).toEqual(['A5']);
    expect(cells(`${SHEET}.createTextFinder('1234.5').findAll()`)).toEqual([]);
    // A typed ISO date is stored as a date serial with format yyyy-mm-dd: found by its shown text.
    expect(cells(`${SHEET}.createTextFinder('2026-09-01').matchEntireCell(true).findAll()`)).toEqual(['C5']);
    expect(cells(`${SHEET}.createTextFinder('46266').findAll()`)).toEqual([]);
  });

  it('returns ranges that work like any other (getRow, getValue)', () => {
    expect(
      inScript(
        emu,
        `var r = ${SHEET}.getRange('A2:A5').createTextFinder('S10').matchEntireCell(true).findAll()[0];
         [r.getRow(), r.getColumn(), r.getNumRows(), r.getValue()]`,
      ),
    ).toEqual([4, 1, 1, 'S10']);
  });

  it('walks matches with findNext and getCurrentMatch, then returns null', () => {
    expect(
      inScript(
        emu,
        `var f = ${SHEET}.createTextFinder('ann'); var out = [String(f.getCurrentMatch())];
         for (var i = 0; i < 3; i++) { var r = f.findNext(); out.push(r ? r.getA1Notation() : null); }
         out.push(f.getCurrentMatch().getA1Notation()); out`,
      ),
    ).toEqual(['null', 'B2', 'C4', null, 'C4']);
  });

  // Apps Script reference, "Class TextFinder" (developers.google.com/apps-script/reference/spreadsheet/text-finder):
  // useRegularExpression(useRegEx) "If true, configures the search to interpret the search string as a regular
  // expression; otherwise the search interprets the search string as normal text."
  it('reads the text as a regular expression with useRegularExpression(true), anywhere in the cell', () => {
    const regex = (range: string, pattern: string, then = '') =>
      cells(
        `${SHEET}.getRange('${range}').createTextFinder(${JSON.stringify(pattern)}).useRegularExpression(true)${then}.findAll()`,
      );
    expect(regex('A2:C5', 'S1$')).toEqual(['A2', 'A3', 'B4']);
    expect(regex('A2:C5', 'S1$', '.matchCase(true)')).toEqual(['A2', 'B4']);
    expect(regex('A2:C5', 'Ann|Bob')).toEqual(['B2', 'B3', 'C4']);
    expect(regex('A2:C5', 's1|s10', '.matchEntireCell(true)')).toEqual(['A2', 'A3', 'A4', 'B4']);
    expect(regex('A2:C5', '^\\d{1,3},\\d+\\.\\d\\d$')).toEqual(['A5']);
    expect(regex('A2:C5', '\\d\\s+late')).toEqual(['C2']);
    // Off again: the text is plain, so a dot is a dot.
    expect(regex('A2:C5', 'S.', '.useRegularExpression(false)')).toEqual([]);
  });

  it('escaped punctuation is literal; constructs JavaScript reads differently from Java throw', () => {
    emu.setValues('Sheet1', 'E1:E3', [['a.b (1)'], ['axb (1)'], ['x+y']]);
    expect(
      cells(
        `${SHEET}.getRange('E1:E3').createTextFinder(${JSON.stringify('a\\.b \\(1\\)')}).useRegularExpression(true).findAll()`,
      ),
    ).toEqual(['E1']);
    expect(
      cells(
        `${SHEET}.getRange('E1:E3').createTextFinder(${JSON.stringify('x\\+y|zzz')}).useRegularExpression(true).findAll()`,
      ),
    ).toEqual(['E3']);
    for (const pattern of [
      'a++',
      '(?i)a',
      '(?>a)',
      '(?=a)',
      '\\Qa\\E',
      '\\p{Alpha}',
      '\\bS',
      '[a[b]]',
      '[a&&b]',
      '(a',
      'a{x}',
    ])
      expect(() =>
        inScript(
          emu,
          `${SHEET}.createTextFinder(${JSON.stringify(pattern)}).useRegularExpression(true).findAll()`,
        ),
      ).toThrow('not implemented: TextFinder regular expression');
    emu.setValues('Sheet1', 'E1:E3', [[''], [''], ['']]);
  });

  it('charges a regular-expression search as any findAll', () => {
    emu.control.rt.resetCounters();
    const before = emu.simulatedSeconds();
    inScript(
      emu,
      `${SHEET}.getRange('A1:C1000').createTextFinder('S1|Ann').useRegularExpression(true).findAll()`,
    );
    expect(emu.counts()['TextFinder.findAll']).toBe(1);
    const ms = (emu.simulatedSeconds() - before) * 1000;
    // As the plain search below (15 cells can hold content), plus 1 ms for useRegularExpression.
    expect(ms).toBeCloseTo(450 + 15 * 0.00375 + 22 + 1, 6);
  });

  it('throws not implemented for options it does not emulate', () => {
    expect(() => inScript(emu, `${SHEET}.createTextFinder('a').replaceAllWith('b')`)).toThrow(
      'not implemented: TextFinder.replaceAllWith',
    );
  });

  it('charges one server-side search per findAll/findNext on the virtual clock', () => {
    emu.control.rt.resetCounters();
    const before = emu.simulatedSeconds();
    inScript(emu, `${SHEET}.getRange('A1:C1000').createTextFinder('S1').findAll()`);
    expect(emu.counts()['TextFinder.findAll']).toBe(1);
    expect(emu.counts()['Range.createTextFinder']).toBe(1);
    // Measured 0.3–0.6 s fixed (0.45 s at mid) plus 3.75 µs for each of the 15 cells that can hold content (rows
    // past the last one are empty); getActiveSpreadsheet, getSheets, getRange and createTextFinder add 22 ms.
    const ms = (emu.simulatedSeconds() - before) * 1000;
    expect(ms).toBeCloseTo(450 + 15 * 0.00375 + 22, 6);
    inScript(emu, `${SHEET}.createTextFinder('S1').findNext()`);
    expect(emu.counts()['TextFinder.findNext']).toBe(1);
  });
});
