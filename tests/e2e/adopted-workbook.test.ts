// A workbook the add-on did not create, built cell by cell with Automatic formats: ids stay text and the kept step holds.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { DAYS, menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const STUDENT_HEADER = [
  'Student ID',
  'Last Name',
  'First Name',
  'Grade',
  'Date of Birth',
  'Enroll Date',
  'Withdraw Date',
  'Guardian Name',
  'Guardian Email',
  'Guardian Phone',
  'Mailing Address',
  'Language',
];
const student = (id: string, last: string) => [id, last, 'Ana', '7', '', '', '', '', '', '', '', 'English'];

const statusOf = (emu: Emulator, id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id);

/** A workbook made elsewhere: plain tabs, no formats, ids typed as text. Set up adopts it. */
function adopted(tabs: { name: string; values: unknown[][] }[]): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  const sheets = emu.control['sheets'] as { importBook(raw: unknown): void };
  sheets.importBook({
    name: 'District template',
    sheets: tabs.map((t) => ({
      name: t.name,
      values: t.values,
      formats: [],
      formulas: [],
      validations: [],
      frozenRows: 0,
      columnWidths: [],
      maxRows: 1000,
      maxCols: 26,
      hidden: false,
    })),
  });
  menu(emu, 'setUpWorkbook');
  return emu;
}

/** Every Student ID cell of a tab is text (a number would mean a lost leading zero). */
function expectIdsText(emu: Emulator, tab: string): void {
  const rows = table(emu, tab);
  for (const r of rows) {
    const id = r['Student ID'];
    if (id === '' || id === undefined) continue;
    expect({ tab, id, type: typeof id }).toEqual({ tab, id, type: 'string' });
  }
}

function stepRowsOnce(emu: Emulator): void {
  const steps = table(emu, 'Documentation').filter((r) => r['Type'] === 'Step reached');
  const keys = steps.map((r) => `${String(r['Student ID'])}:${String(r['Step Set To'])}`);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('a workbook the add-on did not create', () => {
  it('keeps every id as text and the kept step through import, re-coding, hand edits, sorting and the calendar', () => {
    const emu = adopted([
      {
        name: 'Students',
        values: [
          STUDENT_HEADER,
          student('0260012', 'Avila'),
          student('0260013', 'Brown'),
          student('0260014', 'Chen'),
        ],
      },
      { name: 'Absences', values: [['Student ID', 'Date', 'Code', 'Source']] },
    ]);
    emu.setValues('Import', 'A1', [
      ['Student ID', 'Date', 'Code'],
      ...DAYS.map((d) => ['0260012', d, 'U']),
      ['0260013', DAYS[0], 'U'],
      ['0260014', DAYS[1], 'U'],
    ]);
    menu(emu, 'importAttendance');
    expect(table(emu, 'Absences')).toHaveLength(9);
    menu(emu, 'recalculateNow');
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '0260012')).toMatchObject({ 'Unexcused Days': 7, Step: 2 });
    expect(statusOf(emu, '0260013')).toMatchObject({ 'Unexcused Days': 1 });
    for (const tab of ['Status', 'Absences', 'Documentation', 'Data Issues']) expectIdsText(emu, tab);
    expect(emu.values('Status').map((r) => r[0])).toContain('0260012');
    stepRowsOnce(emu);
    const stepRows = () => table(emu, 'Documentation').filter((r) => r['Type'] === 'Step reached').length;
    const kept = stepRows();

    // Re-code two days to excused: the count drops, the kept step holds.
    const absences = emu.values('Absences');
    const codeCol = absences[0]!.indexOf('Code');
    const rowsOf12 = absences.flatMap((r, i) => (r[0] === '0260012' ? [i + 1] : [])).slice(0, 2);
    for (const row of rowsOf12) emu.edit('Absences', `${String.fromCharCode(65 + codeCol)}${row}`, [['E']]);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '0260012')).toMatchObject({ 'Unexcused Days': 5, Step: 2 });

    // A row typed by hand (a parent call) through the edit trigger.
    const docCount = table(emu, 'Documentation').length;
    const results = emu.edit('Documentation', `A${docCount + 2}`, [
      [
        '',
        '0260013',
        '2026-09-14',
        'Parent contact',
        'Completed',
        'Teacher',
        'teacher@example.org',
        'Called home',
      ],
    ]);
    expect(results.map((r) => r.error)).toEqual(results.map(() => undefined));

    // Documentation sorted by hand: its rows reversed.
    const [header, ...docRows] = emu.values('Documentation').filter((r) => r.some((v) => v !== ''));
    emu.setValues('Documentation', 'A2', [...docRows].reverse());
    expect(emu.values('Documentation')[0]).toEqual(header);
    menu(emu, 'recalculateNow');
    menu(emu, 'recalculateNow');

    // Calendar rows deleted, then typed back.
    const calendar = emu.values('Calendar').filter((r) => r.some((v) => v !== ''));
    const deleted = calendar.slice(1, 4);
    emu.deleteRows('Calendar', 2, 3);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '0260012')?.['Step']).toBe(2);
    emu.setValues('Calendar', `A${calendar.length - 2}`, deleted);
    menu(emu, 'recalculateNow');

    expect(statusOf(emu, '0260012')).toMatchObject({ Step: 2, 'Highest Step': 2 });
    expect(stepRows()).toBe(kept);
    stepRowsOnce(emu);
    for (const tab of ['Status', 'Absences', 'Documentation', 'Data Issues', 'Letters'])
      expectIdsText(emu, tab);
    expect(table(emu, 'Status').filter((r) => r['Student ID'] === '0260013')).toHaveLength(1);
    const problems = table(emu, 'Data Issues').map((r) => String(r['Problem']));
    expect(problems.filter((p) => /Unknown student ID/.test(p))).toEqual([]);
    expect(problems.filter((p) => /changed after it was written|A copy of entry/.test(p))).toEqual([]);
  });

  it('matches ids to the roster exactly, tolerating lost zeros only when unambiguous', () => {
    const emu = adopted([
      {
        name: 'Students',
        values: [
          STUDENT_HEADER,
          student('0100017', 'Diaz'),
          student('100017', 'Evans'),
          student('0260012', 'Avila'),
        ],
      },
      {
        name: 'Absences',
        values: [
          ['Student ID', 'Date', 'Code', 'Source'],
          ['100017', DAYS[0], 'U', ''],
        ],
      },
    ]);
    const docRow = table(emu, 'Documentation').length + 2;
    emu.setValues('Documentation', `A${docRow}`, [
      [
        '',
        260012,
        '2026-09-14',
        'Parent contact',
        'Completed',
        'Teacher',
        'teacher@example.org',
        'Called home',
      ],
    ]);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '100017')?.['Unexcused Days']).toBe(1);
    expect(statusOf(emu, '0100017')?.['Unexcused Days']).toBe(0);
    const issues = table(emu, 'Data Issues');
    expect(issues.filter((i) => i['Tab'] === 'Documentation' && i['Row'] === docRow)).toEqual([]);
    expect(issues.filter((i) => /Unknown student ID/.test(String(i['Problem'])))).toEqual([]);
    expectIdsText(emu, 'Status');
    expect(
      table(emu, 'Status')
        .map((r) => r['Student ID'])
        .sort(),
    ).toEqual(['0100017', '0260012', '100017']);
  });
});
