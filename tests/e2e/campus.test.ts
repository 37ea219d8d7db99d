// The built bundle in the emulator: the menu, setting up a campus twice, importing twice with bad rows, and
// recalculating, as a campus would.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { DAYS, menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', '', '', '', 'Sra. Garcia', 'garcia@example.com', '', '', 'Spanish'],
  ['1002', 'Smith', 'Liam', '8', '', '', '', 'Mr. Smith', '', '', '', 'English'],
  ['1003', 'Nguyen', 'Mia', '6', '', '', '', 'Ms. Nguyen', 'nguyen@example.com', '', '', 'English'],
];

function setUpCampus(): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  return emu;
}

describe('the add-on in the emulator', () => {
  it('adds the Attendance menu on open, whose items are functions of the bundle', () => {
    const emu = createEmulatorSync({ asOf: '2026-09-15' });
    const [open] = emu.open();
    expect(open?.error).toBeUndefined();
    const menuState = emu.ui.menus as unknown as { title: string; items: { functionName?: string }[] }[];
    expect(JSON.stringify(menuState)).toContain('Attendance');
    for (const name of ['setUpWorkbook', 'recalculateNow', 'importAttendance', 'showAbout']) {
      expect(JSON.stringify(menuState)).toContain(name);
      expect(emu.hasFunction(name)).toBe(true);
    }
    menu(emu, 'showAbout');
    expect(emu.ui.alerts.at(-1)).toMatchObject({ title: 'Attendance Steps' });
  });

  it('sets up a workbook once: a second run changes nothing', () => {
    const emu = setUpCampus();
    const tabs = emu.sheetNames();
    for (const tab of [
      'Students',
      'Absences',
      'Documentation',
      'Status',
      'Letters',
      'Settings',
      'Calendar',
      'Staff',
    ]) {
      expect(tabs).toContain(tab);
    }
    const settings = table(emu, 'Settings');
    expect(settings.find((r) => r['Setting'] === 'step3.threshold')?.['Value']).toBe('8');
    // Set up also recalculates, which rewrites the Status tab's Updated column and the hidden id snapshot (the
    // add-on's bookkeeping); every other cell stays.
    const others = tabs.filter((t) => t !== 'Status' && t !== 'Attendance Steps (ids)');
    const before = others.map((t) => JSON.stringify(emu.values(t)));
    emu.advance(60_000);
    menu(emu, 'setUpWorkbook');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/nothing changed/);
    expect(emu.sheetNames()).toEqual(tabs);
    expect(others.map((t) => JSON.stringify(emu.values(t)))).toEqual(before);
    expect(emu.control.triggers.map((t) => t.handlerFunction).sort()).toEqual([
      'onChangeInstalled',
      'onEditInstalled',
      'runSchedule',
    ]);
  });

  it('imports an export twice with bad rows: added once, rejected with reasons, steps recalculated', () => {
    const emu = setUpCampus();
    const exportRows = [
      ['Student ID', 'Date', 'Code'],
      ...DAYS.slice(0, 5).map((d) => ['1001', d, 'U']),
      ['1002', '2026-09-02', 'U'],
      ['1002', '2026-09-02', 'UP'],
      ['9999', '2026-09-02', 'U'],
      ['1003', '2026-02-30', 'U'],
      ['1003', '2026-09-03', 'ZZ'],
    ];
    emu.setValues('Import', 'A1', exportRows);
    menu(emu, 'importAttendance');
    expect(table(emu, 'Absences')).toHaveLength(7);
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/10 rows read: 7 added/);
    // Only the rejected rows stay on the Import tab, each with its reason.
    const results = table(emu, 'Import').map((r) => String(r['Import Result']));
    expect(results.filter((r) => r.startsWith('rejected'))).toHaveLength(3);
    expect(results).toHaveLength(3);
    expect(results.join('\n')).toMatch(/student 9999 is not on the Students tab/);
    expect(results.join('\n')).toMatch(/not a real date/);
    expect(results.join('\n')).toMatch(/code "ZZ"/);

    menu(emu, 'importAttendance');
    expect(table(emu, 'Absences')).toHaveLength(7);
    const status = table(emu, 'Status');
    expect(status.find((r) => r['Student ID'] === '1001')).toMatchObject({ 'Unexcused Days': 5, Step: 2 });
    expect(status.find((r) => r['Student ID'] === '1002')).toMatchObject({ 'Unexcused Days': 1, Step: 0 });
    const steps = table(emu, 'Documentation').filter((r) => r['Type'] === 'Step reached');
    expect(steps.map((r) => r['Step Set To'])).toEqual([1, 2]);
  });

  it('a renamed column stops recalculation with one message and writes nothing', () => {
    const emu = setUpCampus();
    emu.setValues('Absences', 'A2', [['1001', '2026-09-01', 'U', '']]);
    menu(emu, 'recalculateNow');
    emu.setValues('Absences', 'B1', [['Day']]);
    const before = JSON.stringify(emu.values('Status'));
    menu(emu, 'recalculateNow');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/Absences tab has no "Date" column/);
    expect(JSON.stringify(emu.values('Status'))).toBe(before);
  });

  it('keeps the step reached when the absences are excused after the fact', () => {
    const emu = setUpCampus();
    emu.setValues(
      'Absences',
      'A2',
      DAYS.map((d) => ['1003', d, 'U', '']),
    );
    menu(emu, 'recalculateNow');
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '1003')?.['Step']).toBe(2);
    // Re-coded to excused after the fact: the step is kept for the year.
    emu.setValues(
      'Absences',
      'C2',
      DAYS.map(() => ['E']),
    );
    menu(emu, 'recalculateNow');
    const row = table(emu, 'Status').find((r) => r['Student ID'] === '1003');
    expect(row).toMatchObject({ 'Unexcused Days': 0, Step: 2 });
  });

  it('recreates a deleted Status tab with the kept steps (the change trigger recalculates)', () => {
    const emu = setUpCampus();
    emu.setValues(
      'Absences',
      'A2',
      DAYS.map((d) => ['1003', d, 'U', '']),
    );
    menu(emu, 'recalculateNow');
    emu.setValues(
      'Absences',
      'C2',
      DAYS.map(() => ['E']),
    );
    const results = emu.deleteSheet('Status');
    expect(results.map((r) => r.error)).toEqual([undefined]);
    expect(emu.sheetNames()).toContain('Status');
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '1003')).toMatchObject({
      'Unexcused Days': 0,
      Step: 2,
    });
  });

  it('treats a formula typed into Absences as data: listed, never copied as a formula', () => {
    const emu = setUpCampus();
    emu.setValues('Absences', 'A2', [['1001', '2026-09-01', '=IMPORTXML("http://example.com","//a")', '']]);
    menu(emu, 'recalculateNow');
    const issues = table(emu, 'Data Issues');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ Tab: 'Absences', Row: 2, 'Student ID': '1001' });
    expect(String(issues[0]?.['Problem'])).toMatch(/code/i);
    expect(JSON.stringify(emu.values('Status'))).not.toContain('IMPORTXML');
  });

  it('imports a CSV from Drive through the same checks, keeping leading zeros', () => {
    const emu = setUpCampus();
    emu.setValues('Students', 'A5', [['0042', 'Cruz', 'Ana', '6', '', '', '', '', '', '', '', 'Spanish']]);
    const drive = emu.control['drive'] as {
      addTextFile(name: string, content: string, type: string): string;
    };
    const csv = 'Student ID,Date,Code\n0042,9/1/2026,U\n0042,9/2/2026,U\n0042,9/3/2026,U\n0042,13/1/2026,U\n';
    const id = drive.addTextFile('absences.csv', csv, 'text/csv');
    emu.ui.queuePromptResponse(`https://drive.google.com/file/d/${id}/view`);
    menu(emu, 'importAttendanceFromDrive');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(
      /4 rows read: 3 added, 0 re-coded, 0 already there, 1 rejected/,
    );
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '0042')).toMatchObject({ Step: 1 });

    emu.ui.queuePromptResponse('not a link');
    menu(emu, 'importAttendanceFromDrive');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/Paste the link of the CSV file/);
    expect(table(emu, 'Absences')).toHaveLength(3);
  });

  it("re-codes a day in place, keeping a column the district added between the add-on's columns", () => {
    const emu = setUpCampus();
    emu.setValues('Absences', 'A1', [
      ['Student ID', 'Period note', 'Date', 'Code', 'Source'],
      ['1001', 'left at 10:15', '2026-09-01', 'U', 'typed'],
    ]);
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ['1001', '2026-09-01', 'E'],
    ]);
    menu(emu, 'importAttendance');
    expect(table(emu, 'Absences')).toEqual([
      expect.objectContaining({ 'Student ID': '1001', 'Period note': 'left at 10:15', Code: 'E' }),
    ]);
  });

  it('imports a CSV wider than the grid, with its results in a column added for them', () => {
    const emu = setUpCampus();
    const extra = Array.from({ length: 27 }, (_, i) => `Field ${i + 1}`);
    const lines = [
      ['Student ID', 'Date', 'Code', ...extra],
      ['1001', '9/1/2026', 'U', ...extra.map(() => 'x')],
    ];
    const drive = emu.control['drive'] as {
      addTextFile(name: string, content: string, type: string): string;
    };
    const id = drive.addTextFile('wide.csv', lines.map((l) => l.join(',')).join('\n'), 'text/csv');
    emu.ui.queuePromptResponse(id);
    menu(emu, 'importAttendanceFromDrive');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/1 rows read: 1 added/);
    expect(emu.values('Import')).toEqual([]);
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '1001')?.['Unexcused Days']).toBe(1);
  });

  it('finds a student whose id was pasted with a stray space when one of their rows is edited', () => {
    const emu = setUpCampus();
    emu.setValues('Students', 'A2', [['1001 ']]);
    emu.setValues('Absences', 'A2', [
      ['1001', '2026-09-01', 'U', ''],
      ['1001', '2026-09-02', 'U', ''],
    ]);
    menu(emu, 'recalculateNow');
    emu.setValues('Absences', 'A4', [['1001']]);
    const results = emu.edit('Absences', 'B4:C4', [['2026-09-03', 'U']]);
    expect(results.map((r) => r.error)).toEqual([undefined]);
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '1001')).toMatchObject({
      'Unexcused Days': 3,
      Step: 1,
    });
    expect(table(emu, 'Data Issues')).toEqual([]);
  });

  it('lets the dropdowns follow a code added in Settings when setup runs again', () => {
    const emu = setUpCampus();
    const settings = emu.values('Settings');
    emu.setValues('Settings', `A${settings.length + 1}`, [['code.UT', 'unexcused part-day', '']]);
    menu(emu, 'setUpWorkbook');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/updated the Code dropdown of Absences from Settings/);
    // The new code counts once an administrator applies it (Set up applied only the first policy).
    emu.ui.queueAlertResponse('YES');
    expect(emu.run('applySettingsChanges', undefined, 'menu').error).toBeUndefined();
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/changes are in force/);
    emu.setValues('Absences', 'A2', [['1001', '2026-09-01', 'UT', '']]);
    menu(emu, 'recalculateNow');
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '1001')?.['Unexcused Days']).toBe(1);
    menu(emu, 'setUpWorkbook');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/nothing changed/);
  });
});
