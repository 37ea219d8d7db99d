// End to end on the emulator: a typo in Calendar or Settings is listed on Data Issues as typed, and every run still finishes.
import { createEmulatorSync, type Emulator, type RunResult } from '../../emulator/host/emulator';
import { table, useBuiltBundle } from './harness';

useBuiltBundle();

const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', '', '', '', 'Sra. Garcia', 'garcia@example.com', '', '', 'Spanish'],
  ['1002', 'Smith', 'Liam', '8', '', '', '', 'Mr. Smith', '', '', '', 'English'],
  ['1003', 'Nguyen', 'Mia', '6', '', '', '', 'Ms. Nguyen', 'nguyen@example.com', '', '', 'English'],
];
/** 1001 reaches step 2 (5 days), 1002 step 1 (3 days), 1003 none. */
const ABSENCES = [
  ...['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08'].map((d) => ['1001', d, 'U']),
  ...['2026-09-01', '2026-09-02', '2026-09-03'].map((d) => ['1002', d, 'U']),
  ['1003', '2026-09-02', 'E'],
];

function expectClean(results: RunResult[]): void {
  for (const r of results)
    expect({ name: r.name, error: r.error }).toEqual({ name: r.name, error: undefined });
}

const steps = (emu: Emulator) => table(emu, 'Status').map((r) => [r['Student ID'], r['Step']]);
const issues = (emu: Emulator, tab: string) => table(emu, 'Data Issues').filter((r) => r['Tab'] === tab);
/** The line Data Issues shows while Settings or Calendar differ from the policy in force. */
const PENDING = expect.objectContaining({ Problem: expect.stringMatching(/^Settings or Calendar changed/) });

/** A set-up campus with absences, recalculated once. */
function campus(): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  emu.ui.queueAlertResponse('YES');
  expectClean([emu.run('setUpWorkbook', undefined, 'menu')]);
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Absences', 'A2', ABSENCES);
  expectClean([emu.run('recalculateNow', undefined, 'menu')]);
  return emu;
}

describe('bad input in the emulator', () => {
  it('a Calendar row dated 2026-02-30 with Instructional Yes is listed, and Recalculate now finishes with every step unchanged', () => {
    const emu = campus();
    const before = steps(emu);
    expect(before).toEqual([
      ['1001', 2],
      ['1002', 1],
      ['1003', 0],
    ]);
    const row = emu.values('Calendar').length + 1;
    expectClean(emu.edit('Calendar', `A${row}`, [['2026-02-30', 'Yes', 'typo']]));
    expectClean([emu.run('recalculateNow', undefined, 'menu')]);
    expect(issues(emu, 'Calendar')).toEqual([
      expect.objectContaining({
        Row: row,
        Column: 'Date',
        Severity: 'error',
        Problem: expect.stringContaining('"2026-02-30" is not a real date'),
      }),
    ]);
    expect(steps(emu)).toEqual(before);
  });

  it('an Instructional "maybe" on a day of absences is listed as typed, and the absences still count', () => {
    const emu = campus();
    const before = table(emu, 'Status');
    const at = emu.displayValues('Calendar').findIndex((r) => r[0] === '2026-09-02');
    expect(at).toBeGreaterThan(0);
    expectClean(emu.edit('Calendar', `B${at + 1}`, [['maybe']]));
    expectClean([emu.run('recalculateNow', undefined, 'menu')]);
    expect(issues(emu, 'Calendar')).toEqual([
      expect.objectContaining({
        Row: at + 1,
        Column: 'Instructional',
        Problem: expect.stringMatching(
          /Instructional "maybe" is not Yes or No.*2026-09-02 counts as a school day/,
        ),
      }),
    ]);
    const counts = (rows: Record<string, unknown>[]) => rows.map((r) => [r['Unexcused Days'], r['Step']]);
    expect(counts(table(emu, 'Status'))).toEqual(counts(before));
    expect(counts(before)).toEqual([
      [5, 2],
      [3, 1],
      [0, 0],
    ]);
  });

  it('a Settings number typed as "three" is quoted as typed', () => {
    const emu = campus();
    const at = emu.values('Settings').findIndex((r) => r[0] === 'step1.threshold');
    expectClean(emu.edit('Settings', `B${at + 1}`, [['three']]));
    expectClean([emu.run('recalculateNow', undefined, 'menu')]);
    expect(issues(emu, 'Settings')).toEqual([
      PENDING,
      expect.objectContaining({
        Row: at + 1,
        Column: 'Value',
        Problem: expect.stringContaining('got "three"'),
      }),
    ]);
  });

  it('cleared Settings are listed, and the policy in force is still used', () => {
    const emu = campus();
    const before = steps(emu);
    const rows = emu.values('Settings').length;
    expectClean(emu.deleteRows('Settings', 2, rows - 1));
    expectClean([emu.run('recalculateNow', undefined, 'menu')]);
    expect(issues(emu, 'Settings')).toEqual([
      PENDING,
      expect.objectContaining({ Problem: expect.stringContaining('no policy settings') }),
    ]);
    expect(steps(emu)).toEqual(before);
  });
});
