// importAttendance on the in-memory workbook: an export pasted into the Import tab goes into Absences once.
import { importAttendance, importAttendanceFromCsv, RESULT_HEADER } from '../../../src/app/import-attendance';
import { CsvFileError, type CsvFiles } from '../../../src/ports/files';
import { LockBusyError } from '../../../src/ports/platform';
import { WorkbookError } from '../../../src/ports/workbook';
import type { Cell } from '../../fakes/memory-workbook';
import { MemoryCopies } from '../../fakes/platform';
import { campus, student } from './campus-fixture';

const EXPORT_HEADER = ['Student Number', 'Attendance Date', 'Att Code', 'Period'];

/** A set-up campus with two students whose SIS export names its columns differently (mapped in Settings). */
function school() {
  const c = campus();
  c.workbook.addRows('Students', [student('00123'), student('00456')]);
  const map = { 'Student ID': 'Student Number', Date: 'Attendance Date', Code: 'Att Code' };
  for (const [ours, theirs] of Object.entries(map))
    expect(c.workbook.edit('Settings', { Setting: `import.column.${ours}` }, { Value: theirs })).toBe(1);
  const deps = { ...c, copies: new MemoryCopies() };
  return { ...deps, run: () => importAttendance(deps) };
}

function paste(c: ReturnType<typeof school>, rows: Cell[][], header = EXPORT_HEADER) {
  c.workbook.setTab('Import', header, rows);
}

/** The Import tab after an import: the rows left on it (the rejected ones), with their result. */
function leftOnImport(c: ReturnType<typeof school>): Cell[][] {
  return c.workbook.snapshot()['Import'] ?? [];
}

const SOURCE = 'Import 2026-11-20 08:00';

describe('importAttendance', () => {
  it('adds the rows of an export through the column mapping, keeps a copy and clears the Import tab', () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '9/2/2026', 'up', '3'],
      ['00456', '2026-09-01', 'E', 'all'],
    ]);

    const summary = c.run();

    expect(summary).toMatchObject({ rows: 3, added: 3, updated: 0, removed: 0, unchanged: 0, rejected: 0 });
    expect(summary.copy).toBe(
      '"Import 2026-11-20 08.00.csv" in the Drive folder "Attendance Steps record – test"',
    );
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'U', Source: SOURCE },
      { 'Student ID': '00123', Date: '2026-09-02', Code: 'UP', Source: SOURCE },
      { 'Student ID': '00456', Date: '2026-09-01', Code: 'E', Source: SOURCE },
    ]);
    expect(c.copies.kept).toEqual([
      {
        name: 'Import 2026-11-20 08.00.csv',
        rows: [
          EXPORT_HEADER,
          ['00123', '2026-09-01', 'U', '1'],
          ['00123', '9/2/2026', 'up', '3'],
          ['00456', '2026-09-01', 'E', 'all'],
        ],
      },
    ]);
    expect(leftOnImport(c)).toEqual([]);
    expect(c.workbook.table('Students')).toHaveLength(2);
    expect(c.lock.timesHeld).toBe(2);
  });

  it('adds nothing when the same export is imported twice; a code listed for several periods of a day counts once', () => {
    const c = school();
    const rows = [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '2026-09-01', 'U', '2'],
      ['00456', '2026-09-03', 'U', '1'],
    ];
    paste(c, rows);
    expect(c.run()).toMatchObject({ added: 2, unchanged: 2 });
    const absences = c.workbook.table('Absences');

    c.clock.set('2026-11-21');
    paste(c, rows);
    const again = c.run();

    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 4, rejected: 0 });
    expect(c.workbook.table('Absences')).toEqual(absences);
  });

  it('updates a re-coded day instead of adding a second row', () => {
    const c = school();
    paste(c, [['00123', '2026-09-01', 'U', '1']]);
    c.run();
    c.clock.set('2026-11-23', '2026-11-23 07:30');
    paste(c, [['00123', '2026-09-01', 'E', '1']]);

    const summary = c.run();

    expect(summary).toMatchObject({ added: 0, updated: 1 });
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'E', Source: 'Import 2026-11-23 07:30' },
    ]);
  });

  it('re-codes a day exported as U and UP and re-exported as E for both periods: one E row, nothing unexcused left', () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '2026-09-01', 'UP', '2'],
    ]);
    c.run();
    c.clock.set('2026-11-23', '2026-11-23 07:30');
    paste(c, [
      ['00123', '2026-09-01', 'E', '1'],
      ['00123', '2026-09-01', 'E', '2'],
    ]);

    expect(c.run()).toMatchObject({ added: 0, updated: 1, removed: 1, rejected: 0 });
    const source = 'Import 2026-11-23 07:30';
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'E', Source: source },
    ]);
  });

  it('removes the rows of a day beyond what the export lists, so no stale unexcused code stays', () => {
    const c = school();
    c.workbook.addRows('Absences', [
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'U', Source: 'typed' },
      { 'Student ID': '00456', Date: '2026-09-01', Code: 'U', Source: 'typed' },
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'UP', Source: 'typed' },
    ]);
    paste(c, [['00123', '2026-09-01', 'E', 'all']]);

    expect(c.run()).toMatchObject({ added: 0, updated: 1, removed: 1, rejected: 0 });
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'E', Source: SOURCE },
      { 'Student ID': '00456', Date: '2026-09-01', Code: 'U', Source: 'typed' },
    ]);
  });

  it("matches a day already typed without the id's leading zeros instead of adding it again", () => {
    const c = school();
    c.workbook.addRows('Absences', [{ 'Student ID': '123', Date: '2026-09-01', Code: 'U' }]);
    paste(c, [['00123', '2026-09-01', 'U', '1']]);

    expect(c.run()).toMatchObject({ added: 0, unchanged: 1 });
    expect(c.workbook.table('Absences')).toHaveLength(1);
  });

  it("keeps the district's own column on a re-coded row", () => {
    const c = school();
    c.workbook.setTab(
      'Absences',
      ['Student ID', 'Period note', 'Date', 'Code', 'Source'],
      [['00123', 'left at 10:15', '2026-09-01', 'U', 'typed']],
    );
    paste(c, [['00123', '2026-09-01', 'E', '1']]);

    expect(c.run()).toMatchObject({ added: 0, updated: 1 });
    expect(c.workbook.table('Absences')).toEqual([
      {
        'Student ID': '00123',
        'Period note': 'left at 10:15',
        Date: '2026-09-01',
        Code: 'E',
        Source: expect.stringMatching(/^Import /),
      },
    ]);
  });

  it('rejects bad rows with their reason, leaving only them on the Import tab', () => {
    const c = school();
    paste(c, [
      ['99999', '2026-09-01', 'U', '1'],
      ['00123', '2026-02-30', 'U', '1'],
      ['00123', '2027-07-15', 'U', '1'],
      ['00123', '2026-09-01', 'ZZ', '1'],
      ['', '2026-09-01', 'U', '1'],
      ['00456', '2026-09-04', 'U', '1'],
      ['00456', '2026-11-23', 'U', '1'],
      ['1.2345678901234568E+19', '2026-09-01', 'U', '1'],
    ]);

    const summary = c.run();

    expect(summary).toMatchObject({ rows: 8, added: 1, rejected: 7, studentsAdded: 0 });
    expect(leftOnImport(c)).toEqual([
      [...EXPORT_HEADER, RESULT_HEADER],
      [
        '99999',
        '2026-09-01',
        'U',
        '1',
        "rejected: student 99999 is not on the Students tab (add the export's name columns to import new students)",
      ],
      ['00123', '2026-02-30', 'U', '1', 'rejected: "2026-02-30" is not a real date'],
      ['00123', '2027-07-15', 'U', '1', 'rejected: 2027-07-15 is outside the 2026-2027 school year'],
      ['00123', '2026-09-01', 'ZZ', '1', 'rejected: code "ZZ" is not in the code mapping (Settings, code.…)'],
      ['', '2026-09-01', 'U', '1', 'rejected: no Student ID'],
      [
        '00456',
        '2026-11-23',
        'U',
        '1',
        'rejected: 2026-11-23 is after today (2026-11-20): an absence is imported once the day has passed',
      ],
      [
        '1.2345678901234568E+19',
        '2026-09-01',
        'U',
        '1',
        expect.stringMatching(
          /^rejected: Student ID 1\.2345678901234568E\+19 was read as a number and lost .*Import the CSV from Drive.*plain text/,
        ),
      ],
    ]);
    expect(summary.rejections[0]).toMatch(/^row 2: student 99999/);
    expect(summary.rejections[5]).toMatch(/^row 7: 2026-11-23 is after today/);
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00456', Date: '2026-09-04', Code: 'U', Source: SOURCE },
    ]);
    expect(c.workbook.table('Students').map((s) => s['Student ID'])).toEqual(['00123', '00456']);
  });

  it('rejects an id that could be either of two roster ids and never re-codes either day', () => {
    const c = school();
    c.workbook.addRows('Students', [student('0100017'), student('100017')]);
    c.workbook.addRows('Absences', [
      { 'Student ID': '0100017', Date: '2026-09-01', Code: 'U', Source: 'typed' },
    ]);
    paste(c, [
      ['100017', '2026-09-01', 'E', '1'],
      ['00100017', '2026-09-01', 'E', '1'],
    ]);

    const summary = c.run();

    expect(summary).toMatchObject({ added: 1, updated: 0, rejected: 1 });
    expect(summary.rejections).toEqual([
      expect.stringMatching(/^row 2: Student ID 00100017 could be 0100017 or 100017/),
    ]);
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '0100017', Date: '2026-09-01', Code: 'U', Source: 'typed' },
      { 'Student ID': '100017', Date: '2026-09-01', Code: 'E', Source: SOURCE },
    ]);
  });

  it('keeps the rejected rows beside their results when the export has a blank row and an old result column', () => {
    const c = school();
    paste(
      c,
      [
        ['00123', '2026-09-01', 'U', '1', 'added'],
        ['', '', '', '', ''],
        ['00123', '2026-02-30', 'U', '1', 'added'],
        ['', '', '', '', 'rejected: old'],
      ],
      [...EXPORT_HEADER, RESULT_HEADER],
    );

    expect(c.run()).toMatchObject({ rows: 2, added: 1, rejected: 1 });
    expect(leftOnImport(c)).toEqual([
      [...EXPORT_HEADER, RESULT_HEADER],
      ['00123', '2026-02-30', 'U', '1', 'rejected: "2026-02-30" is not a real date'],
    ]);
  });

  it('cannot bring back a stale row: a shorter export after a hand correction leaves the correction', () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '2026-09-02', 'U', '1'],
    ]);
    c.run();
    expect(c.workbook.edit('Absences', { Date: '2026-09-02' }, { Code: 'E' })).toBe(1);
    // A one-row export pasted over the top of the tab: nothing of the first export is left to paste over.
    c.workbook.setTab('Import', EXPORT_HEADER, [['00456', '2026-09-03', 'U', '1']]);

    expect(c.run()).toMatchObject({ rows: 1, added: 1, updated: 0 });
    expect(c.workbook.table('Absences').map((r) => [r['Student ID'], r['Date'], r['Code']])).toEqual([
      ['00123', '2026-09-01', 'U'],
      ['00123', '2026-09-02', 'E'],
      ['00456', '2026-09-03', 'U'],
    ]);
  });

  it('throws a WorkbookError naming a missing required column and writes nothing', () => {
    const c = school();
    paste(c, [['00123', '2026-09-01', 'U']], ['Student Number', 'Attendance Date', 'Attendance Code']);
    const before = c.workbook.snapshot();
    const writes = c.workbook.totalWrites();

    let error: unknown;
    try {
      c.run();
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).tab).toBe('Import');
    expect((error as WorkbookError).message).toContain('"Att Code" (for Code)');
    expect(c.workbook.snapshot()).toEqual(before);
    expect(c.workbook.totalWrites()).toBe(writes);
    expect(c.copies.kept).toEqual([]);
  });

  it('adds new students from an export with name columns, their text kept as text', () => {
    const c = school();
    const formula = '=HYPERLINK("http://evil.example","x")';
    paste(
      c,
      [
        ['00789', '2026-09-01', 'U', 'Nguyen', 'An', '10', '+1 512 555 0100'],
        ['00789', '2026-09-02', 'U', 'Nguyen', 'An', '10', '+1 512 555 0100'],
        ['00790', '2026-09-02', 'U', formula, 'Bo', '11', ''],
        ['-0791', '2026-09-02', 'U', 'Minus', 'Mo', '11', '-512'],
        ['00791', '2026-02-30', 'U', 'Late', 'Never', '9', ''],
      ],
      ['Student Number', 'Attendance Date', 'Att Code', 'Last Name', 'First Name', 'Grade', 'Guardian Phone'],
    );

    const summary = c.run();

    expect(summary).toMatchObject({ added: 4, rejected: 1, studentsAdded: 3 });
    const added = c.workbook.table('Students').slice(2);
    expect(added.map((s) => [s['Student ID'], s['Last Name'], s['Guardian Phone']])).toEqual([
      ['00789', 'Nguyen', '+1 512 555 0100'],
      ['00790', formula, ''],
      ['-0791', 'Minus', '-512'],
    ]);
    expect(c.workbook.formulas).toEqual([]);
    expect(c.workbook.table('Absences').map((a) => a['Student ID'])).toEqual([
      '00789',
      '00789',
      '00790',
      '-0791',
    ]);
  });

  it('throws when the Import tab is empty', () => {
    const c = school();
    paste(c, []);
    expect(() => c.run()).toThrow(WorkbookError);
    expect(c.workbook.table('Absences')).toEqual([]);
  });
});

describe('importAttendanceFromCsv', () => {
  const LINK = 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view';
  const files = (rows: string[][]): CsvFiles => ({ read: () => rows });

  it('imports the file without writing it to the Import tab first', () => {
    const c = school();
    const deps = {
      ...c,
      files: files([EXPORT_HEADER, ['00123', '9/1/2026', 'U', '1'], ['00123', '9/2/2026', 'ZZ', '1']]),
    };

    expect(importAttendanceFromCsv(deps, LINK)).toMatchObject({ added: 1, rejected: 1 });
    expect(leftOnImport(c)).toEqual([
      [...EXPORT_HEADER, RESULT_HEADER],
      ['00123', '9/2/2026', 'ZZ', '1', 'rejected: code "ZZ" is not in the code mapping (Settings, code.…)'],
    ]);
  });

  it('changes nothing, the Import tab included, when the lock is busy', () => {
    const c = school();
    paste(c, [['00456', '2026-09-01', 'U', '1']]);
    const before = c.workbook.snapshot();
    const writes = c.workbook.totalWrites();
    c.lock.busy = true;
    const deps = { ...c, files: files([EXPORT_HEADER, ['00123', '9/1/2026', 'U', '1']]) };

    expect(() => importAttendanceFromCsv(deps, LINK)).toThrow(LockBusyError);
    expect(c.workbook.snapshot()).toEqual(before);
    expect(c.workbook.totalWrites()).toBe(writes);
    expect(() => importAttendanceFromCsv(deps, 'not a link')).toThrow(CsvFileError);
  });
});
