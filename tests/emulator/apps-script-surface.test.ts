// Enums with their real members, unknown members that fail loudly, and every global service of Apps Script present.
import { enumTables, readSurface } from '../../emulator/host/gas-surface';
import { CLASS_ENUMS, ENUMS, GLOBALS } from '../../emulator/runtime/gas-enums';
import { MIME_TYPES } from '../../emulator/runtime/mime-type';
import { basicEmulator, inScript, SHEET } from './helpers';

describe('enums (reference: developers.google.com/apps-script/reference/spreadsheet/dimension, …/document/attribute)', () => {
  const emu = basicEmulator();

  test('SpreadsheetApp.Dimension and DocumentApp.Attribute have their members; a value is its name', () => {
    expect(inScript(emu, 'SpreadsheetApp.Dimension.ROWS')).toBe('ROWS');
    expect(inScript(emu, 'SpreadsheetApp.Dimension.COLUMNS')).toBe('COLUMNS');
    expect(inScript(emu, 'SpreadsheetApp.BorderStyle.SOLID_THICK')).toBe('SOLID_THICK');
    expect(
      inScript(emu, 'var s = {}; s[DocumentApp.Attribute.FOREGROUND_COLOR] = "#2e7d32"; JSON.stringify(s)'),
    ).toBe('{"FOREGROUND_COLOR":"#2e7d32"}');
    expect(inScript(emu, 'Object.keys(DriveApp.Access).length')).toBe(
      ENUMS['Drive.Access']!.split(' ').length,
    );
  });

  test('a member the reference does not list throws when read, with the enum and member named', () => {
    expect(() => inScript(emu, 'SpreadsheetApp.Dimension.ROW')).toThrow('not implemented: Dimension.ROW');
  });

  test('a member the emulator lacks throws `not implemented: Class.member` when it is read, not only when called', () => {
    expect(() => inScript(emu, `var f = ${SHEET}.getImages; typeof f`)).toThrow(
      'not implemented: Sheet.getImages',
    );
    expect(() => inScript(emu, 'SpreadsheetApp.getActiveRange')).toThrow(
      'not implemented: SpreadsheetApp.getActiveRange',
    );
    expect(() => inScript(emu, 'DocumentApp.getActiveDocument()')).toThrow(
      'not implemented: DocumentApp.getActiveDocument',
    );
  });

  test('the runtime enum table is the one @types/google-apps-script declares (regenerate: scripts/gas-enums.ts)', () => {
    const fresh = enumTables();
    expect(ENUMS).toEqual(fresh.enums);
    expect(CLASS_ENUMS).toEqual(fresh.classEnums);
    expect(GLOBALS).toEqual(fresh.globals);
  });
});

describe('global services (reference: developers.google.com/apps-script/reference, "Script services" and base/mime-type)', () => {
  const emu = basicEmulator();

  test('every global service the reference declares exists in the script realm', () => {
    const missing = inScript(
      emu,
      `${JSON.stringify(Object.keys(GLOBALS))}.filter(function (n) { return typeof globalThis[n] === 'undefined'; })`,
    );
    expect(missing).toEqual([]);
    expect(Object.keys(GLOBALS)).toEqual(
      expect.arrayContaining([
        'MimeType',
        'Browser',
        'UrlFetchApp',
        'ContentService',
        'Charts',
        'XmlService',
      ]),
    );
  });

  test('MimeType members are the MIME strings and are exactly the ones the reference lists', () => {
    expect(inScript(emu, 'MimeType.PDF')).toBe('application/pdf');
    expect(inScript(emu, 'MimeType.CSV')).toBe('text/csv');
    expect(inScript(emu, 'MimeType.GOOGLE_DOCS')).toBe('application/vnd.google-apps.document');
    expect(inScript(emu, 'MimeType.GOOGLE_SHEETS')).toBe('application/vnd.google-apps.spreadsheet');
    const declared = Object.keys(readSurface().classes['Base.MimeType']!);
    expect(Object.keys(MIME_TYPES).sort()).toEqual(declared.sort());
    expect(inScript(emu, 'Object.keys(MimeType).length')).toBe(declared.length);
  });

  test('a service the emulator does not implement: enums real, every other member throws `not implemented: X.y`', () => {
    expect(() => inScript(emu, 'UrlFetchApp.fetch("https://example.org")')).toThrow(
      'not implemented: UrlFetchApp.fetch',
    );
    expect(() => inScript(emu, 'Browser.msgBox("hi")')).toThrow('not implemented: Browser.msgBox');
    expect(() => inScript(emu, 'XmlService.parse("<a/>")')).toThrow('not implemented: XmlService.parse');
    expect(() => inScript(emu, 'Charts.newBarChart()')).toThrow('not implemented: Charts.newBarChart');
    expect(inScript(emu, 'ContentService.MimeType.JSON')).toBe('JSON');
    expect(inScript(emu, 'Charts.ChartType.BAR')).toBe('BAR');
    expect(inScript(emu, 'Utilities.Charset.UTF_8')).toBe('UTF_8');
    expect(inScript(emu, 'DigestAlgorithm.SHA_256')).toBe('SHA_256');
  });
});
