// The built bundle in the emulator: named owners on Status, the To Do tab, and an action's row leaving once logged.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const DAY_MS = 86_400_000;
const blank = (n: number) => new Array<string>(n).fill('');
// Students: A–L as the layout-2 roster, then Assistant Principal (M), Counselor (N), Attendance Clerk (O).
const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', ...blank(8), 'ana.ruiz@school.org', '', ''],
  ['1002', 'Smith', 'Liam', '8', ...blank(8), '', '', ''],
  ['1003', 'Nguyen', 'Mia', '6', ...blank(8), '', '', ''],
];
const STAFF = [
  ['ana.ruiz@school.org', 'Ana Ruiz', 'Assistant Principal', '', ''],
  ['bo.lee@school.org', 'Bo Lee', 'Assistant Principal', '7, 8', 'M-Z'],
];
/** Eight unexcused days each for 1001 and 1002 (step 3), three for 1003 (step 1). */
const SEPTEMBER = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08', '2026-09-09'];
const MORE = ['2026-09-10', '2026-09-11'];
const ABSENCES = [
  ...['1001', '1002'].flatMap((id) => [...SEPTEMBER, ...MORE].map((d) => [id, d, 'U', ''])),
  ...SEPTEMBER.slice(0, 3).map((d) => ['1003', d, 'U', '']),
];

function campus(): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Staff', `A${emu.values('Staff').length + 1}`, STAFF);
  emu.setValues('Absences', 'A2', ABSENCES);
  menu(emu, 'recalculateNow');
  return emu;
}

const statusOf = (emu: Emulator, id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id)!;
const todoOf = (emu: Emulator, id: string) => table(emu, 'To Do').filter((r) => r['Student ID'] === id);

describe('who must do what: named owners and the To Do tab', () => {
  it("a new campus's first recalculation back-dates no overdue action", () => {
    const emu = campus();
    expect(statusOf(emu, '1001')['Step']).toBe(3);
    const rows = table(emu, 'To Do');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r['Days Late'] !== 0)).toEqual([]);
    expect(table(emu, 'Status').filter((r) => r['Overdue'] === 'Yes')).toEqual([]);
  });

  it('shows the overdue AP meeting as Next Due for the named assistant principal; one To Do row per open action', () => {
    const emu = campus();
    emu.advance(60 * DAY_MS);
    menu(emu, 'recalculateNow');
    const byColumn = statusOf(emu, '1001');
    expect(byColumn).toMatchObject({
      Step: 3,
      'Next Due': 'Assistant principal meets student and family',
      Owner: 'Assistant Principal (Ana Ruiz)',
      Overdue: 'Yes',
    });
    // 1002 has no name on Students: Bo Lee's rule (grades 7–8, last names M–Z) assigns him.
    expect(statusOf(emu, '1002')['Owner']).toBe('Assistant Principal (Bo Lee)');
    expect(statusOf(emu, '1003')['Owner']).not.toMatch(/\(/);
    for (const id of ['1001', '1002', '1003'])
      expect(todoOf(emu, id)).toHaveLength(Number(statusOf(emu, id)['Actions Due']));
    const meeting = todoOf(emu, '1001').find((r) => r['Closed By'] === 'AP meeting')!;
    expect(meeting).toMatchObject({
      Name: 'Garcia, Sofia',
      Step: '3 Campus administrators',
      'Owner Role': 'Assistant Principal',
      'Assigned To': 'Ana Ruiz',
      'Late Before Add-on': 'Yes',
    });
    expect(Number(meeting['Days Late'])).toBeGreaterThan(30);
    // The add-on's own actions come last.
    const owners = table(emu, 'To Do').map((r) => r['Owner Role']);
    expect(owners.at(-1)).toBe('Attendance Steps');
    expect(owners.indexOf('Attendance Steps')).toBeGreaterThan(owners.lastIndexOf('Assistant Principal'));
  });

  it('logging the AP meeting removes its row after the edit trigger, and only that student changes', () => {
    const emu = campus();
    emu.advance(60 * DAY_MS);
    menu(emu, 'recalculateNow');
    const others = todoOf(emu, '1002');
    const open = todoOf(emu, '1001').length;
    const row = emu.values('Documentation').length + 1;
    const results = emu.edit('Documentation', `A${row}`, [
      [
        '2026-11-14 10:00',
        '1001',
        '2026-11-14',
        'AP meeting',
        'Completed',
        'Assistant Principal',
        'ana.ruiz@school.org',
        'Met',
      ],
    ]);
    for (const r of results) expect(r.error).toBeUndefined();
    const after = todoOf(emu, '1001');
    expect(after.map((r) => r['Closed By'])).not.toContain('AP meeting');
    expect(after).toHaveLength(Number(statusOf(emu, '1001')['Actions Due']));
    expect(after.length).toBeLessThan(open);
    expect(statusOf(emu, '1001')['Next Due']).not.toBe('Assistant principal meets student and family');
    expect(todoOf(emu, '1002')).toEqual(others);
  });
});
