// importAttendance on the in-memory workbook: an export pasted into the Import tab goes into Absences once.
import { importAttendance, RESULT_HEADER } from '../../../src/app/import-attendance';
import { WorkbookError } from '../../../src/ports/workbook';
import type { Cell } from '../../fakes/memory-workbook';
import { campus, student } from './campus-fixture';

const EXPORT_HEADER = ['Student Number', 'Attendance Date', 'Att Code', 'Period'];

/** A set-up campus with two students whose SIS export names its columns differently (mapped in Settings). */
function school() {
  const c = campus();
  c.workbook.addRows('Students', [student('00123'), student('00456')]);
  const map = { 'Student ID': 'Student Number', Date: 'Attendance Date', Code: 'Att Code' };
  for (const [ours, theirs] of Object.entries(map))
    expect(c.workbook.edit('Settings', { Setting: `import.column.${ours}` }, { Value: theirs })).toBe(1);
  return { ...c, run: () => importAttendance(c) };
}

function paste(c: ReturnType<typeof school>, rows: Cell[][], header = EXPORT_HEADER) {
  c.workbook.setTab('Import', header, rows);
}

function results(c: ReturnType<typeof school>): Cell[] {
  return c.workbook.table('Import').map((r) => r[RESULT_HEADER] ?? '');
}

describe('importAttendance', () => {
  it('adds the rows of an export through the column mapping in Settings', () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '9/2/2026', 'up', '3'],
      ['00456', '2026-09-01', 'E', 'all'],
    ]);

    const summary = c.run();

    expect(summary).toMatchObject({
      rows: 3,
      added: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      studentsAdded: 0,
    });
    const source = 'Import 2026-11-20 08:00';
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00123', Date: '2026-09-01', Code: 'U', Source: source },
      { 'Student ID': '00123', Date: '2026-09-02', Code: 'UP', Source: source },
      { 'Student ID': '00456', Date: '2026-09-01', Code: 'E', Source: source },
    ]);
    expect(c.workbook.header('Import')).toEqual([...EXPORT_HEADER, RESULT_HEADER]);
    expect(results(c)).toEqual(['added', 'added', 'added']);
    expect(c.workbook.table('Students')).toHaveLength(2);
    expect(c.lock.timesHeld).toBe(2);
  });

  it('adds nothing when the same export is imported twice', () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '2026-09-01', 'U', '2'],
      ['00456', '2026-09-03', 'U', '1'],
    ]);
    c.run();
    expect(results(c)).toEqual(['added', 'unchanged: repeated in this export', 'added']);
    const absences = c.workbook.table('Absences');

    c.clock.set('2026-11-21');
    const again = c.run();

    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(c.workbook.table('Absences')).toEqual(absences);
    expect(results(c)).toEqual([
      'unchanged: already in Absences',
      'unchanged: repeated in this export',
      'unchanged: already in Absences',
    ]);
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
    expect(results(c)).toEqual(['updated: row 2 re-coded from U to E']);
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

  it('rejects bad rows with their reason and writes nothing for them', () => {
    const c = school();
    paste(c, [
      ['99999', '2026-09-01', 'U', '1'],
      ['00123', '2026-02-30', 'U', '1'],
      ['00123', '2027-07-15', 'U', '1'],
      ['00123', '2026-09-01', 'ZZ', '1'],
      ['', '2026-09-01', 'U', '1'],
      ['00456', '2026-09-04', 'U', '1'],
    ]);

    const summary = c.run();

    expect(summary).toMatchObject({ rows: 6, added: 1, rejected: 5, studentsAdded: 0 });
    expect(results(c)).toEqual([
      "rejected: student 99999 is not on the Students tab (add the export's name columns to import new students)",
      'rejected: "2026-02-30" is not a real date',
      'rejected: 2027-07-15 is outside the 2026-2027 school year',
      'rejected: code "ZZ" is not in the code mapping (Settings, code.…)',
      'rejected: no Student ID',
      'added',
    ]);
    expect(summary.rejections[0]).toMatch(/^row 2: student 99999/);
    expect(c.workbook.table('Absences')).toEqual([
      { 'Student ID': '00456', Date: '2026-09-04', Code: 'U', Source: 'Import 2026-11-20 08:00' },
    ]);
    expect(c.workbook.table('Students').map((s) => s['Student ID'])).toEqual(['00123', '00456']);
  });

  it('writes each result beside its own row when the export has a blank row', () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['', '', '', ''],
      ['00123', '2026-02-30', 'U', '1'],
    ]);

    c.run();

    const grid = c.workbook.snapshot()['Import']!;
    expect(grid.map((r) => r[4] ?? '')).toEqual([
      RESULT_HEADER,
      'added',
      '',
      'rejected: "2026-02-30" is not a real date',
    ]);
  });

  it("ignores and clears an earlier import's results left below a shorter export", () => {
    const c = school();
    paste(c, [
      ['00123', '2026-09-01', 'U', '1'],
      ['00123', '2026-09-02', 'U', '1'],
      ['00123', '2026-09-03', 'U', '1'],
    ]);
    c.run();
    // Staff clear the export's columns (not the add-on's result column) and paste a one-row export.
    const grid = c.workbook.snapshot()['Import']!;
    paste(
      c,
      grid
        .slice(1)
        .map((r, i) => (i === 0 ? ['00456', '2026-09-01', 'E', '1', r[4]!] : ['', '', '', '', r[4]!])),
      [...EXPORT_HEADER, RESULT_HEADER],
    );

    const summary = c.run();

    expect(summary).toMatchObject({ rows: 1, added: 1, rejected: 0 });
    expect(c.workbook.snapshot()['Import']!.map((r) => r[4])).toEqual([RESULT_HEADER, 'added', '', '']);
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
  });

  it('adds new students from an export with name columns, their text kept as text', () => {
    const c = school();
    const formula = '=HYPERLINK("http://evil.example","x")';
    paste(
      c,
      [
        ['00789', '2026-09-01', 'U', 'Nguyen', 'An', '10'],
        ['00789', '2026-09-02', 'U', 'Nguyen', 'An', '10'],
        ['00790', '2026-09-02', 'U', formula, 'Bo', '11'],
        ['00791', '2026-02-30', 'U', 'Late', 'Never', '9'],
      ],
      ['Student Number', 'Attendance Date', 'Att Code', 'Last Name', 'First Name', 'Grade'],
    );

    const summary = c.run();

    expect(summary).toMatchObject({ added: 3, rejected: 1, studentsAdded: 2 });
    const added = c.workbook.table('Students').slice(2);
    expect(added.map((s) => [s['Student ID'], s['Last Name'], s['First Name'], s['Grade']])).toEqual([
      ['00789', 'Nguyen', 'An', '10'],
      ['00790', formula, 'Bo', '11'],
    ]);
    expect(c.workbook.formulas).toEqual([]);
    expect(c.workbook.table('Absences').map((a) => a['Student ID'])).toEqual(['00789', '00789', '00790']);
  });

  it('throws when the Import tab is empty', () => {
    const c = school();
    paste(c, []);
    expect(() => c.run()).toThrow(WorkbookError);
    expect(c.workbook.table('Absences')).toEqual([]);
  });
});
