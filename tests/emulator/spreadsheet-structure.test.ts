// Sheets and their structure: insert/delete, rows, appendRow, validation, protections, layout.
import { basicEmulator, inScript } from './helpers';

const SS = 'SpreadsheetApp.getActiveSpreadsheet()';

describe('Spreadsheet and Sheet', () => {
  it('inserts sheets, refuses a duplicate name with Apps Script’s message, deletes but never the last one', () => {
    const emu = basicEmulator();
    expect(inScript(emu, `${SS}.insertSheet('Students').getName()`)).toBe('Students');
    expect(inScript(emu, `${SS}.insertSheet('Settings', 0).getIndex()`)).toBe(1);
    expect(emu.sheetNames()).toEqual(['Settings', 'Sheet1', 'Students']);
    expect(() => inScript(emu, `${SS}.insertSheet('Students')`)).toThrow(
      'A sheet with the name "Students" already exists. Please enter another name.',
    );
    inScript(
      emu,
      `var ss = ${SS}; ss.deleteSheet(ss.getSheetByName('Sheet1')); ss.deleteSheet(ss.getSheetByName('Settings'))`,
    );
    expect(() => inScript(emu, `var ss = ${SS}; ss.deleteSheet(ss.getSheetByName('Students'))`)).toThrow(
      "You can't remove all the sheets in a document.",
    );
    expect(inScript(emu, `${SS}.getSheetByName('Nope')`)).toBeNull();
    expect(inScript(emu, `${SS}.getUrl()`)).toMatch(
      /^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+\/edit$/,
    );
    expect(inScript(emu, `${SS}.getSpreadsheetTimeZone()`)).toBe('America/Chicago');
  });

  it('appends, inserts and deletes rows, and tracks the last row and column', () => {
    const emu = basicEmulator();
    const out = inScript(
      emu,
      `var s = ${SS}.getSheets()[0];
       s.appendRow(['id', 'name']); s.appendRow(['00123', 'Ana']); s.appendRow([7, 'Ben', 'x']);
       s.insertRowsBefore(2, 1); s.deleteRow(4);
       [s.getLastRow(), s.getLastColumn(), s.getMaxRows(), s.getDataRange().getA1Notation(), s.getDataRange().getValues()]`,
    );
    expect(out).toEqual([
      3,
      2,
      1000,
      'A1:B3',
      [
        ['id', 'name'],
        ['', ''],
        [123, 'Ana'],
      ],
    ]);
    expect(() => inScript(emu, `${SS}.getSheets()[0].deleteRows(1, 1000)`)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => inScript(emu, `${SS}.getSheets()[0].deleteRows(999, 5)`)).toThrow(
      'Those rows are out of bounds.',
    );
  });

  it('keeps layout: frozen rows, column widths, tab colour, hidden sheets, conditional rules', () => {
    const emu = basicEmulator();
    const out = inScript(
      emu,
      `var ss = ${SS}; var s = ss.getSheets()[0]; s.setFrozenRows(1); s.setColumnWidth(2, 240); s.setTabColor('#ff0000');
       s.getRange('A1').setValue('A fairly long header');
       s.autoResizeColumns(1, 1);
       var rule = SpreadsheetApp.newConditionalFormatRule().whenNumberBetween(3, 4).setBackground('#fff2cc').setRanges([s.getRange('C2:C')]).build();
       s.setConditionalFormatRules([rule]);
       var t = ss.insertSheet('Hidden'); t.hideSheet();
       [s.getFrozenRows(), s.getColumnWidth(2), s.getColumnWidth(1) > 100, s.getTabColor(), s.getConditionalFormatRules().length,
        s.getConditionalFormatRules()[0].getRanges()[0].getA1Notation(), t.isSheetHidden()]`,
    );
    expect(out).toEqual([1, 240, true, '#ff0000', 1, 'C2:C1000', true]);
  });

  it('validates: a list rule that rejects refuses a script write with Apps Script’s message', () => {
    const emu = basicEmulator();
    const out = inScript(
      emu,
      `var s = ${SS}.getSheets()[0]; var r = s.getRange('C2:C5');
       var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Call', 'Letter'], true).setAllowInvalid(false).setHelpText('Pick one').build();
       r.setDataValidation(rule);
       r.setValues([['Call'], ['Letter'], [''], ['Call']]);
       var v = s.getRange('C3').getDataValidation();
       [v.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, v.getCriteriaValues()[0], v.getAllowInvalid(), v.getHelpText()]`,
    );
    expect(out).toEqual([true, ['Call', 'Letter'], false, 'Pick one']);
    expect(() =>
      inScript(emu, `${SS}.getSheets()[0].getRange('C2:C3').setValues([['Call'], ['Visit']])`),
    ).toThrow('The data you entered in cell C3 violates the data validation rules set on this cell.');
    expect(emu.values('Sheet1').map((r) => r[2])).toEqual(['', 'Call', 'Letter', '', 'Call']);
    expect(() => emu.edit('Sheet1', 'C2', [['Visit']])).toThrow(/violates the data validation rules/);
    const date = inScript(
      emu,
      `var r = ${SS}.getSheets()[0].getRange('D2');
       r.setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build());
       r.setValue('2026-09-01'); try { r.setValue('soon'); 'accepted' } catch (e) { e.message }`,
    );
    expect(date).toBe('The data you entered in cell D2 violates the data validation rules set on this cell.');
  });

  it('protects sheets and ranges; only editors may edit a protected range', () => {
    const emu = basicEmulator({ userEmail: 'owner@district.example.org' });
    const out = inScript(
      emu,
      `var ss = ${SS}; var s = ss.getSheets()[0];
       var p = s.getRange('A1:B1').protect().setDescription('Headers');
       p.removeEditors(p.getEditors()); p.addEditor('ap@district.example.org');
       var q = s.protect().setWarningOnly(true);
       [p.getEditors().map(function (u) { return u.getEmail(); }), p.getDescription(),
        s.getProtections(SpreadsheetApp.ProtectionType.RANGE).length, ss.getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
        q.isWarningOnly(), p.canEdit(), String(p.getProtectionType()), p.getRange().getA1Notation()]`,
    );
    expect(out).toEqual([
      ['owner@district.example.org', 'ap@district.example.org'],
      'Headers',
      1,
      1,
      true,
      true,
      'RANGE',
      'A1:B1',
    ]);
    emu.setUser('teacher@district.example.org');
    expect(() => emu.edit('Sheet1', 'B1', [['x']])).toThrow(
      /You are trying to edit a protected cell or object/,
    );
    emu.edit('Sheet1', 'B2', [['fine']]);
    emu.setUser('ap@district.example.org');
    emu.edit('Sheet1', 'B1', [['ok']]);
    expect(emu.values('Sheet1')).toEqual([
      ['', 'ok'],
      ['', 'fine'],
    ]);
  });

  it('supports named ranges, offset, backgrounds and clearing', () => {
    const emu = basicEmulator();
    const out = inScript(
      emu,
      `var ss = ${SS}; var s = ss.getSheets()[0]; var r = s.getRange('B2:C3');
       ss.setNamedRange('Policy', r); r.setValues([[1, 2], [3, 4]]); r.setBackground('#eeeeee').setFontWeight('bold').setWrap(true);
       var o = r.offset(1, 1, 1, 1);
       var before = ss.getRangeByName('Policy').getValues();
       r.clearContent();
       [before, o.getA1Notation(), r.getBackgrounds()[0], ss.getRangeByName('Policy').isBlank(), ss.getRangeByName('Missing')]`,
    );
    expect(out).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      'C3',
      ['#eeeeee', '#eeeeee'],
      true,
      null,
    ]);
  });
});
