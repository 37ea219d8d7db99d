// The import never guesses, through the built bundle: ambiguous ids, ids that lost digits and future dates are
// rejected; a re-exported day replaces its rows; the Import tab keeps only rejected rows; nothing before the lock.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { DAYS, menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const TABS = [
  'Students',
  'Absences',
  'Documentation',
  'Status',
  'Letters',
  'Settings',
  'Calendar',
  'Staff',
  'Data Issues',
];

function student(id: string, last: string, phone = ''): string[] {
  return [id, last, 'Ana', '7', '', '', '', 'Guardian', '', phone, '', 'English'];
}

function campus(...roster: string[][]): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', roster.length ? roster : [student('1001', 'Garcia')]);
  return emu;
}

/** Every tab's values, to compare before and after. */
function tabs(emu: Emulator, names = [...TABS, 'Import']): Record<string, string> {
  return Object.fromEntries(names.map((t) => [t, JSON.stringify(emu.values(t))]));
}

function lastAlert(emu: Emulator): string {
  return String(emu.ui.alerts.at(-1)?.prompt);
}

function absences(emu: Emulator): string[][] {
  return table(emu, 'Absences').map((r) => [String(r['Student ID']), String(r['Code'])]);
}

function addCsv(emu: Emulator, name: string, lines: string[][]): string {
  const drive = emu.control['drive'] as { addTextFile(name: string, content: string, type: string): string };
  return drive.addTextFile(name, lines.map((l) => l.join(',')).join('\n'), 'text/csv');
}

/** The CSV files the add-on kept in Drive, by name. */
function keptCopies(emu: Emulator): string[] {
  const drive = emu.control['drive'] as { files: Map<string, { name: string; bytes: number[] }> };
  return [...drive.files.values()]
    .filter((f) => /^Import .*\.csv$/.test(f.name))
    .map((f) => Buffer.from(f.bytes).toString('utf8'));
}

describe('the import never guesses (built bundle)', () => {
  it("with 0100017 and 100017 on the roster, 100017's row is 100017's day and 00100017 is rejected", () => {
    const emu = campus(student('0100017', 'Avila'), student('100017', 'Brown'));
    emu.setValues('Absences', 'A2', [['0100017', '2026-09-01', 'U', 'typed']]);
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ['100017', '2026-09-01', 'E'],
      ["'00100017", '2026-09-02', 'E'],
    ]);
    const others = TABS.filter((t) => !['Status', 'Absences', 'Documentation'].includes(t));
    const before = tabs(emu, others);

    menu(emu, 'importAttendance');

    expect(lastAlert(emu)).toMatch(/2 rows read: 1 added, 0 re-coded, 0 already there, 1 rejected/);
    expect(lastAlert(emu)).toMatch(/row 2: Student ID 00100017 could be 0100017 or 100017/);
    expect(absences(emu)).toEqual([
      ['0100017', 'U'],
      ['100017', 'E'],
    ]);
    expect(tabs(emu, others)).toEqual(before);
    expect(table(emu, 'Import')).toEqual([
      {
        'Student ID': '00100017',
        Date: '2026-09-02',
        Code: 'E',
        'Import Result': expect.stringMatching(/^rejected: Student ID 00100017 could be 0100017 or 100017/),
      },
    ]);
    expect(keptCopies(emu)).toHaveLength(1);
  });

  it('re-codes a day exported as U and UP and re-exported as E and E: no unexcused code stays, the day stops counting', () => {
    const emu = campus();
    const day = (codes: string[]) => [
      ['Student ID', 'Date', 'Code', 'Period'],
      ...codes.map((c, i) => ['1001', DAYS[0]!, c, String(i + 1)]),
    ];
    emu.setValues('Import', 'A1', [
      ...day(['U', 'UP']),
      ...DAYS.slice(1, 3).map((d) => ['1001', d, 'U', '1']),
    ]);
    menu(emu, 'importAttendance');
    expect(table(emu, 'Status')[0]).toMatchObject({ 'Unexcused Days': 3, Step: 1 });

    emu.setValues('Import', 'A1', day(['E', 'E']));
    menu(emu, 'importAttendance');

    expect(lastAlert(emu)).toMatch(/2 rows read: 0 added, 1 re-coded, 1 already there, 0 rejected/);
    expect(absences(emu)).toEqual([
      ['1001', 'E'],
      ['1001', 'U'],
      ['1001', 'U'],
    ]);
    expect(table(emu, 'Status')[0]).toMatchObject({ 'Unexcused Days': 2, Step: 1 });
    expect(emu.values('Import')).toEqual([]);
  });

  it('clears the Import tab and keeps the export in Drive: a shorter export pasted later cannot revert a correction', () => {
    const emu = campus(student('1001', 'Garcia'), student('1002', 'Smith'));
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ...DAYS.slice(0, 4).map((d) => ['1001', d, 'U']),
    ]);
    menu(emu, 'importAttendance');
    expect(lastAlert(emu)).toMatch(/4 rows read: 4 added/);
    expect(lastAlert(emu)).toMatch(
      /kept as "Import 2026-09-15 \d\d\.\d\d\.csv" in the Drive folder "Attendance Steps record/,
    );
    expect(keptCopies(emu)).toEqual([
      ['Student ID,Date,Code', ...DAYS.slice(0, 4).map((d) => `1001,${d},U`), ''].join('\r\n'),
    ]);
    expect(emu.values('Import')).toEqual([]);
    // A hand correction: the fourth day was excused.
    emu.setValues('Absences', 'C5', [['E']]);
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ['1002', DAYS[0], 'U'],
    ]);
    const before = tabs(emu, ['Students', 'Documentation', 'Settings', 'Calendar', 'Staff']);

    menu(emu, 'importAttendance');

    expect(lastAlert(emu)).toMatch(/1 rows read: 1 added, 0 re-coded, 0 already there, 0 rejected/);
    expect(absences(emu)).toEqual([
      ['1001', 'U'],
      ['1001', 'U'],
      ['1001', 'U'],
      ['1001', 'E'],
      ['1002', 'U'],
    ]);
    expect(tabs(emu, ['Students', 'Documentation', 'Settings', 'Calendar', 'Staff'])).toEqual(before);
    expect(keptCopies(emu).length).toBe(2);
  });

  it('rejects an absence dated after today, with the reason', () => {
    const emu = campus();
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ['1001', '2026-09-16', 'U'],
    ]);
    const before = tabs(
      emu,
      TABS.filter((t) => t !== 'Status'),
    );

    menu(emu, 'importAttendance');

    expect(lastAlert(emu)).toMatch(/row 2: 2026-09-16 is after today \(2026-09-15\)/);
    expect(
      tabs(
        emu,
        TABS.filter((t) => t !== 'Status'),
      ),
    ).toEqual(before);
    expect(table(emu, 'Import')[0]?.['Import Result']).toMatch(/^rejected: 2026-09-16 is after today/);
  });

  it('rejects twenty-digit ids read as numbers: two students never merge into one', () => {
    const emu = campus(student('12345678901234567890', 'Avila'), student('12345678901234567891', 'Brown'));
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code', 'Last Name', 'First Name'],
      [Number('12345678901234567890'), DAYS[0], 'U', 'Avila', 'Ana'],
      [Number('12345678901234567891'), DAYS[1], 'U', 'Brown', 'Bo'],
    ]);
    const before = tabs(
      emu,
      TABS.filter((t) => t !== 'Status'),
    );

    menu(emu, 'importAttendance');

    expect(lastAlert(emu)).toMatch(/2 rows read: 0 added, 0 re-coded, 0 already there, 2 rejected/);
    expect(lastAlert(emu)).toMatch(
      /row 2: Student ID 1\.2345678901234567E\+19 was read as a number and lost its last digits/,
    );
    expect(lastAlert(emu)).toMatch(/Import the CSV from Drive .* plain text/);
    expect(
      tabs(
        emu,
        TABS.filter((t) => t !== 'Status'),
      ),
    ).toEqual(before);
    expect(table(emu, 'Import').map((r) => r['Student ID'])).toEqual([
      '1.2345678901234567E+19',
      '1.2345678901234567E+19',
    ]);
  });

  it('stores ids and phone numbers starting with + or - as typed, without a quote, and finds them again', () => {
    const emu = campus();
    const header = ['Student ID', 'Date', 'Code', 'Last Name', 'First Name', 'Guardian Phone'];
    const lines = [
      header,
      ['+0042', DAYS[0]!, 'U', 'Cruz', 'Ana', '+1 512 555 0100'],
      ['-0043', DAYS[0]!, 'U', 'Diaz', 'Bo', '-5125550101'],
      ['-0043', DAYS[1]!, 'ZZ', 'Diaz', 'Bo', '-5125550101'],
    ];
    emu.ui.queuePromptResponse(addCsv(emu, 'signs.csv', lines));
    menu(emu, 'importAttendanceFromDrive');
    expect(lastAlert(emu)).toMatch(/3 rows read: 2 added, 0 re-coded, 0 already there, 1 rejected/);
    expect(lastAlert(emu)).toMatch(/2 new students added/);

    const students = table(emu, 'Students').slice(1);
    expect(students.map((s) => [s['Student ID'], s['Guardian Phone']])).toEqual([
      ['+0042', '+1 512 555 0100'],
      ['-0043', '-5125550101'],
    ]);
    const shown = emu
      .displayValues('Students')
      .slice(2)
      .map((r) => r.join('|'));
    expect(shown.join('\n')).not.toContain("'");
    expect(absences(emu)).toEqual([
      ['+0042', 'U'],
      ['-0043', 'U'],
    ]);
    // The Import tab's own write: the rejected row, as typed.
    expect(emu.displayValues('Import')[1]!.slice(0, 6)).toEqual([
      '-0043',
      DAYS[1],
      'ZZ',
      'Diaz',
      'Bo',
      '-5125550101',
    ]);

    // Imported again from the file: found again, nothing duplicated.
    emu.ui.queuePromptResponse(addCsv(emu, 'signs-again.csv', lines.slice(0, 3)));
    menu(emu, 'importAttendanceFromDrive');
    expect(lastAlert(emu)).toMatch(/2 rows read: 0 added, 0 re-coded, 2 already there, 0 rejected/);
    expect(table(emu, 'Students')).toHaveLength(3);
    expect(absences(emu)).toHaveLength(2);
  });

  it('says nothing was changed when the lock is held, and the Import tab is unchanged', () => {
    const emu = campus();
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ['1001', DAYS[0], 'U'],
    ]);
    const id = addCsv(emu, 'absences.csv', [
      ['Student ID', 'Date', 'Code'],
      ['1001', DAYS[1]!, 'U'],
      ['1001', DAYS[2]!, 'U'],
    ]);
    const before = tabs(emu);
    const locks = emu.control['locks'] as { holdBy(kind: string): void; release(kind: string): void };
    locks.holdBy('document');

    emu.ui.queuePromptResponse(id);
    menu(emu, 'importAttendanceFromDrive');

    expect(lastAlert(emu)).toMatch(/Another Attendance Steps task is running.*nothing was changed/);
    expect(tabs(emu)).toEqual(before);
    expect(keptCopies(emu).length).toBe(0);

    locks.release('document');
    emu.ui.queuePromptResponse(id);
    menu(emu, 'importAttendanceFromDrive');
    expect(lastAlert(emu)).toMatch(/2 rows read: 2 added/);
    expect(table(emu, 'Absences')).toHaveLength(2);
  });
});
