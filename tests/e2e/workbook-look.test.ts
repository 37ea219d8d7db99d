// The workbook people read: the demo campus written to .xlsx and read back with exceljs (not the emulator's reader).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runStart } from '../../scripts/start';
import { demoCampus } from '../../emulator/demo/demo-campus';
import { loadXlsx } from '../../emulator/host/xlsx';
import { useBuiltBundle } from './harness';

useBuiltBundle();

/** Characters a `yyyy-mm-dd` date needs in an .xlsx column (10 digits and dashes, plus the cell's padding). */
const DATE_CHARS = 11;

const headerOf = (ws: ExcelJS.Worksheet): string[] =>
  (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));

describe('the workbook people read', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-look-'));
  const file = path.join(out, 'workbook.xlsx');
  const wb = new ExcelJS.Workbook();

  beforeAll(async () => {
    await runStart({ asOf: '2026-11-20', out, seed: 7, students: 150 });
    await wb.xlsx.readFile(file);
  });

  it('opens on Status, then To Do (when there is one) and Letters; no empty Sheet1', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Status');
    expect(names.filter((n) => n !== 'To Do').slice(0, 2)).toEqual(['Status', 'Letters']);
    if (names.includes('To Do')) expect(names[1]).toBe('To Do');
    expect(names).not.toContain('Sheet1');
  });

  it('has bold, frozen header rows and a width set for every column of every tab', () => {
    for (const ws of wb.worksheets) {
      const header = headerOf(ws);
      // The Import tab holds the export as pasted; the hidden id snapshot is for the add-on alone.
      if (header.length === 0 || ws.name === 'Import' || ws.state !== 'visible') continue;
      header.forEach((h, i) => {
        const cell = ws.getRow(1).getCell(i + 1);
        expect([ws.name, h, cell.font?.bold]).toEqual([ws.name, h, true]);
        expect([ws.name, h, ws.getColumn(i + 1).width ?? 0]).toEqual([ws.name, h, expect.any(Number)]);
        expect(ws.getColumn(i + 1).width).toBeGreaterThan(h.length * 0.9);
      });
      expect([
        ws.name,
        ws.views[0]?.state,
        (ws.views[0] as ExcelJS.WorksheetViewFrozen | undefined)?.ySplit,
      ]).toEqual([ws.name, 'frozen', 1]);
    }
  });

  it('gives every date column the width a date needs (no ###)', () => {
    let dateColumns = 0;
    for (const ws of wb.worksheets) {
      const header = headerOf(ws);
      header.forEach((h, i) => {
        const fmt = ws.getRow(2).getCell(i + 1).numFmt ?? '';
        if (!/yy/.test(fmt)) return;
        dateColumns++;
        const chars = /h/i.test(fmt) ? DATE_CHARS + 6 : DATE_CHARS;
        const width = ws.getColumn(i + 1).width ?? ws.properties.defaultColWidth ?? 8.43;
        expect([ws.name, h, width >= chars]).toEqual([ws.name, h, true]);
      });
    }
    expect(dateColumns).toBeGreaterThan(5);
  });

  it('colours Status rows by step with conditional formats that a reader finds again', async () => {
    const status = wb.getWorksheet('Status')!;
    const stepLetter = String.fromCharCode(64 + headerOf(status).indexOf('Step') + 1);
    const cfs = (status as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const rules = cfs.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, rule: r })));
    expect(rules.map((r) => (r.rule as { formulae: string[] }).formulae[0])).toEqual(
      [1, 2, 3, 4, 5].map((n) => `$${stepLetter}2=${n}`),
    );
    for (const { ref, rule } of rules) {
      expect(ref).toMatch(/^A2:[A-Z]+\d+$/);
      expect((rule.style?.fill as ExcelJS.FillPattern).bgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
    }
    // The emulator reads them back too: a workbook loaded from the file keeps its step colours.
    const raw = await loadXlsx(file);
    expect(raw.sheets.find((s) => s.name === 'Status')!.conditionalFormats).toHaveLength(5);
  });

  it('shows the step with its name beside the number', () => {
    const status = wb.getWorksheet('Status')!;
    const header = headerOf(status);
    const step = header.indexOf('Step') + 1;
    const name = header.indexOf('Step Name') + 1;
    const pairs = new Set<string>();
    status.eachRow((row, n) => {
      if (n > 1) pairs.add(`${String(row.getCell(step).value)}|${String(row.getCell(name).value)}`);
    });
    expect(pairs).toContain('0|0 Not on the ladder');
    expect(pairs).toContain('1|1 Campus');
    expect(pairs).toContain('3|3 Campus administrators');
    expect(new Set(header).size).toBe(header.length);
    expect(header.filter((h) => h.startsWith('Unexcused'))).toHaveLength(1);
  });

  it('prints Status landscape, one page wide, with the header row on every page', () => {
    const setup = wb.getWorksheet('Status')!.pageSetup;
    expect(setup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(setup.fitToHeight).toBeGreaterThan(1000);
    expect(setup.printTitlesRow).toBe('1:1');
  });

  it('lets staff hide the add-on’s own Documentation rows with a header filter', () => {
    const doc = wb.getWorksheet('Documentation')!;
    expect(String(doc.autoFilter)).toMatch(/^A1:[A-Z]+\d+$/);
  });

  it('lists letters by student name and title, with the language and how they go out', () => {
    const letters = wb.getWorksheet('Letters')!;
    const header = headerOf(letters);
    const rows: Record<string, unknown>[] = [];
    letters.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r['Letter']))).toEqual(
      new Set(['Warning letter 1', '90% warning letter (letter 2)']),
    );
    for (const r of rows) {
      expect(String(r['Student'])).toMatch(/^\S.*, \S/);
      expect(['English', 'Spanish']).toContain(r['Language']);
      expect(['Email', 'Print']).toContain(r['Delivery']);
    }
    expect(new Set(rows.map((r) => r['Delivery']))).toEqual(new Set(['Email', 'Print']));
  });

  it('says what each setting is in words and offers the lists as dropdowns', () => {
    const settings = wb.getWorksheet('Settings')!;
    expect(headerOf(settings)).toEqual(['Setting', 'Value', 'Help']);
    const rowOf = (key: string) => {
      let found = 0;
      settings.eachRow((row, n) => {
        if (row.getCell(1).value === key) found = n;
      });
      return settings.getRow(found);
    };
    expect(String(rowOf('step3.threshold').getCell(3).value)).toMatch(
      /^Step 3 begins at \(unexcused days\)\. /,
    );
    expect(String(rowOf('code.U').getCell(3).value)).toMatch(/^What attendance code U means\. /);
    expect(rowOf('code.U').getCell(2).dataValidation?.formulae?.[0]).toMatch(
      /unexcused,unexcused part-day,excused/,
    );
    expect(rowOf('outcome.Sent').getCell(2).dataValidation?.formulae?.[0]).toBe('"done,not done"');
    expect(settings.getColumn(1).width! * 7).toBeGreaterThanOrEqual(250);
  });
});

describe('npm start’s demo campus and files', () => {
  it('is the same campus and school year whatever the day; the day only cuts it', () => {
    const early = demoCampus('2026-09-15', 3, 60);
    const late = demoCampus('2027-03-01', 3, 60);
    expect(early.students).toEqual(late.students);
    expect(early.calendar).toEqual(late.calendar);
    expect(late.export.filter((r, i) => i === 0 || r[1]! <= '2026-09-15')).toEqual(early.export);
  });

  it('refuses a day outside the demo year and never writes over its input workbook', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-refuse-'));
    await expect(runStart({ asOf: '2025-11-20', out, seed: 1, students: 10 })).rejects.toThrow(/school year/);
    const input = path.join(out, 'workbook.xlsx');
    fs.writeFileSync(input, 'not touched');
    await expect(
      runStart({ asOf: '2026-11-20', workbook: input, out, seed: 1, students: 10 }),
    ).rejects.toThrow(/never overwritten/);
    expect(fs.readFileSync(input, 'utf8')).toBe('not touched');
  });
});
