// Drive ids of the real form, spreadsheets as Drive files, and the size given to SpreadsheetApp.create.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulator } from '../../emulator/host/emulator';
import { basicEmulator, FIXTURES, inScript } from './helpers';

const GOOGLE_SHEETS = 'application/vnd.google-apps.spreadsheet';

/** Every kind of Drive item a script makes, with its id and the URL Apps Script gives for it. */
const MAKE_ITEMS = `
  var doc = DocumentApp.create('Letter');
  var text = DriveApp.createFile('calls.csv', 'a,b', 'text/csv');
  var folder = DriveApp.createFolder('Letters');
  var ss = SpreadsheetApp.create('District');
  var copy = DriveApp.getFileById(doc.getId()).makeCopy('Letter copy');
  [[doc.getId(), doc.getUrl()], [text.getId(), text.getUrl()], [folder.getId(), folder.getUrl()],
   [ss.getId(), ss.getUrl()], [copy.getId(), copy.getUrl()],
   [SpreadsheetApp.getActiveSpreadsheet().getId(), SpreadsheetApp.getActiveSpreadsheet().getUrl()]]`;

describe('Drive ids', () => {
  // developers.google.com/apps-script/reference/drive/file#getId() and
  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getId(): the id is the one in the
  // file's URL (docs.google.com/.../d/<id>/edit); real ids are long strings of [-\w] (44 characters for
  // Docs and Sheets), so the usual `/[-\w]{25,}/` finds them in a URL.
  it('have the form of real ids, so an id taken out of a URL with the usual pattern is the file id', () => {
    const items = inScript(basicEmulator({ scopes: null }), MAKE_ITEMS) as [string, string][];
    for (const [id, url] of items) {
      expect(id).toMatch(/^[-\w]{25,}$/);
      expect(/[-\w]{25,}/.exec(url)?.[0]).toBe(id);
    }
    const [doc, , , ss, copy, bound] = items.map(([id]) => id);
    for (const id of [doc, ss, copy, bound]) expect(id).toHaveLength(44);
    expect(new Set(items.map(([id]) => id)).size).toBe(items.length);
  });

  it('are deterministic: the same calls give the same ids', () => {
    const once = inScript(basicEmulator({ scopes: null }), MAKE_ITEMS);
    const again = inScript(basicEmulator({ scopes: null }), MAKE_ITEMS);
    expect(again).toEqual(once);
  });
});

describe('spreadsheets are Drive files', () => {
  // developers.google.com/apps-script/reference/drive/drive-app#getFileById(String): "Gets the file with the
  // given ID" — a spreadsheet is a file in Drive, with MIME type application/vnd.google-apps.spreadsheet
  // (developers.google.com/apps-script/reference/base/mime-type, GOOGLE_SHEETS).
  it('the bound spreadsheet is a file: name, MIME type, URL, parent, PDF export', () => {
    const emu = basicEmulator({ scopes: null });
    const seen = inScript(
      emu,
      `var ss = SpreadsheetApp.getActiveSpreadsheet();
       ss.getSheets()[0].getRange('A1:B2').setValues([['Student', 'Days'], ['Ana', 3]]);
       var f = DriveApp.getFileById(ss.getId());
       var pdf = f.getAs('application/pdf');
       [f.getName() === ss.getName(), f.getMimeType(), f.getUrl(), f.getParents().next().getId() === DriveApp.getRootFolder().getId(),
        pdf.getContentType(), pdf.getName(), Utilities.newBlob(pdf.getBytes()).getDataAsString().slice(0, 5)]`,
    ) as unknown[];
    const id = emu.activeSpreadsheetId;
    expect(seen).toEqual([
      true,
      GOOGLE_SHEETS,
      `https://docs.google.com/spreadsheets/d/${id}/edit?usp=drivesdk`,
      true,
      'application/pdf',
      'Attendance Steps.pdf',
      '%PDF-',
    ]);
  });

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String) and
  // #openById(String); developers.google.com/apps-script/reference/drive/file#setName(String), #moveTo(Folder),
  // #makeCopy(String).
  it('a created spreadsheet is a file that Drive renames, moves and copies, and openById opens', () => {
    const seen = inScript(
      basicEmulator({ scopes: null }),
      `var ss = SpreadsheetApp.create('Campus A');
       ss.getSheets()[0].getRange('A1').setValue('kept');
       var f = DriveApp.getFileById(ss.getId());
       var folder = DriveApp.createFolder('Campuses');
       f.setName('Campus A 2026').moveTo(folder);
       var copy = f.makeCopy('Campus A copy');
       var opened = SpreadsheetApp.openById(copy.getId());
       [ss.getName(), SpreadsheetApp.openById(ss.getId()).getName(), folder.getFilesByName('Campus A 2026').hasNext(),
        copy.getMimeType(), opened.getName(), opened.getSheets()[0].getRange('A1').getValue(),
        SpreadsheetApp.openByUrl(ss.getUrl()).getId() === ss.getId()]`,
    );
    expect(seen).toEqual([
      'Campus A 2026',
      'Campus A 2026',
      true,
      GOOGLE_SHEETS,
      'Campus A copy',
      'kept',
      true,
    ]);
  });

  it('a spreadsheet loaded from .xlsx is a file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'emu-')), 'campus.xlsx');
    await basicEmulator().saveXlsx(file);
    const emu = await createEmulator({
      codePath: path.join(FIXTURES, 'basic.js'),
      xlsxPath: file,
      scopes: null,
    });
    const seen = inScript(
      emu,
      `var id = SpreadsheetApp.getActiveSpreadsheet().getId(); [DriveApp.getFileById(id).getMimeType(), SpreadsheetApp.openById(id).getId() === id]`,
    );
    expect(seen).toEqual([GOOGLE_SHEETS, true]);
  });
});

describe('SpreadsheetApp.create(name, rows, columns)', () => {
  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String,Integer,Integer):
  // "Creates a new spreadsheet with the given name and the specified number of rows and columns."
  it('makes the first sheet of the given size; without a size it is 1000 by 26', () => {
    const seen = inScript(
      basicEmulator({ scopes: null }),
      `var small = SpreadsheetApp.create('Small', 50, 5).getSheets()[0];
       var plain = SpreadsheetApp.create('Plain').getSheets()[0];
       [small.getMaxRows(), small.getMaxColumns(), plain.getMaxRows(), plain.getMaxColumns()]`,
    );
    expect(seen).toEqual([50, 5, 1000, 26]);
  });
});
