// recalculateAll on the in-memory workbook: counts and steps on Status, step rows and letters written once, the kept
// step, a rebuilt Status tab, data issues, and a broken layout that changes nothing.
import { recalculateAll } from '../../../src/app/recalculate';
import { WorkbookError } from '../../../src/ports/workbook';
import { absences, campus, effort, schoolDays, student } from './campus-fixture';

/** S0–S5 at 2, 3, 5, 8, 11 and 11 unexcused days from 2026-09-01; S5 has every step-3 effort documented. */
function ladder() {
  const c = campus();
  const wb = c.workbook;
  wb.addRows(
    'Students',
    ['S0', 'S1', 'S2', 'S3', 'S4', 'S5'].map((id) => student(id)),
  );
  const counts: [string, number][] = [
    ['S0', 2],
    ['S1', 3],
    ['S2', 5],
    ['S3', 8],
    ['S4', 11],
    ['S5', 11],
  ];
  for (const [id, n] of counts) wb.addRows('Absences', absences(id, n));
  // Step 3 began on the 8th school day (2026-09-11); the efforts and their follow-up come after it.
  wb.addRows('Documentation', [
    effort('S5', '2026-09-14', 'AP meeting'),
    effort('S5', '2026-09-14', 'Barrier collaboration'),
    effort('S5', '2026-09-14', 'TPM plan'),
    effort('S5', '2026-09-15', 'District referral'),
    effort('S5', '2026-09-15', 'Follow-up'),
  ]);
  return { ...c, run: () => recalculateAll(c) };
}

type Campus = ReturnType<typeof ladder>;

function status(c: Campus, id: string) {
  const row = c.workbook.table('Status').find((r) => r['Student ID'] === id);
  if (!row) throw new Error(`no Status row for ${id}`);
  return row;
}

function stepRows(c: Campus) {
  return c.workbook.table('Documentation').filter((r) => r['Type'] === 'Step reached');
}

describe('recalculateAll', () => {
  it('writes counts and steps on Status, with the blocked escalation and its missing efforts', () => {
    const c = ladder();
    const summary = c.run();

    expect(summary).toMatchObject({ students: 6, perStep: [1, 1, 1, 2, 1, 0], blocked: 1 });
    expect(c.workbook.table('Status').map((r) => [r['Student ID'], r['Unexcused Days'], r['Step']])).toEqual([
      ['S0', 2, 0],
      ['S1', 3, 1],
      ['S2', 5, 2],
      ['S3', 8, 3],
      ['S4', 11, 3],
      ['S5', 11, 4],
    ]);
    expect(status(c, 'S1')).toMatchObject({ Name: 'LastS1, FirstS1', 'Step Since': '2026-09-03' });
    expect(status(c, 'S4')).toMatchObject({
      Step: 3,
      'Escalation Blocked': 'Yes',
      'Step Since': '2026-09-11',
    });
    expect(String(status(c, 'S4')['Missing Efforts']).split('; ')).toEqual([
      'AP meeting (on or after 2026-09-11)',
      'Barrier collaboration (on or after 2026-09-11)',
      'TPM plan (on or after 2026-09-11)',
      'District referral (on or after 2026-09-11)',
      'Follow-up (on or after the entries above)',
    ]);
    expect(status(c, 'S5')).toMatchObject({
      Step: 4,
      'Step Since': '2026-09-16',
      'Highest Step': 4,
      'Escalation Blocked': 'No',
      'Missing Efforts': '',
    });
    expect(status(c, 'S3')['Escalation Blocked']).toBe('No');
    expect(c.workbook.table('Status').every((r) => r['Updated'] === '2026-11-20 08:00')).toBe(true);
  });

  it("appends each 'Step reached' row and each due letter once", () => {
    const c = ladder();
    c.run();

    expect(stepRows(c).map((r) => [r['Student ID'], r['Step Set To'], r['Date'], r['Role']])).toEqual([
      ['S1', 1, '2026-09-03', 'System'],
      ['S2', 1, '2026-09-03', 'System'],
      ['S2', 2, '2026-09-08', 'System'],
      ['S3', 1, '2026-09-03', 'System'],
      ['S3', 2, '2026-09-08', 'System'],
      ['S3', 3, '2026-09-11', 'System'],
      ['S4', 1, '2026-09-03', 'System'],
      ['S4', 2, '2026-09-08', 'System'],
      ['S4', 3, '2026-09-11', 'System'],
      ['S5', 1, '2026-09-03', 'System'],
      ['S5', 2, '2026-09-08', 'System'],
      ['S5', 3, '2026-09-11', 'System'],
      ['S5', 4, '2026-09-16', 'System'],
    ]);
    const letters = c.workbook.table('Letters');
    expect(letters).toHaveLength(9);
    expect(new Set(letters.map((l) => l['Letter Key'])).size).toBe(9);
    expect(letters.every((l) => l['State'] === 'DUE' && l['School Year'] === '2026-2027')).toBe(true);
    expect(letters.filter((l) => l['Student ID'] === 'S2').map((l) => l['Letter Key'])).toEqual([
      'S2|letter1|2026-2027',
      'S2|letter2-90|2026-2027',
    ]);
    const documentation = c.workbook.table('Documentation');

    c.clock.set('2026-11-23');
    const again = c.run();

    expect(again.stepChanges).toBe(0);
    expect(c.workbook.table('Documentation')).toEqual(documentation);
    expect(c.workbook.table('Letters')).toEqual(letters);
    expect(c.workbook.table('Data Issues')).toEqual([]);
  });

  it('keeps the step reached when a correction lowers the count', () => {
    const c = ladder();
    c.run();
    const recoded = schoolDays('2026-09-01', 3);
    for (const date of recoded)
      expect(c.workbook.edit('Absences', { 'Student ID': 'S3', Date: date }, { Code: 'E' })).toBe(1);
    const steps = stepRows(c).length;

    c.run();

    expect(status(c, 'S3')).toMatchObject({
      'Unexcused Days': 5,
      'Excused Days': 3,
      Step: 3,
      'Highest Step': 3,
      'Step Since': '2026-09-11',
    });
    expect(String(status(c, 'S3')['Flags'])).toContain('step kept for the year');
    expect(stepRows(c)).toHaveLength(steps);
  });

  it('rebuilds a deleted Status tab with the same steps', () => {
    const c = ladder();
    c.run();
    const before = c.workbook.table('Status');
    const documentation = c.workbook.table('Documentation');
    c.workbook.deleteTab('Status');

    c.run();

    expect(c.workbook.table('Status')).toEqual(before);
    expect(c.workbook.table('Documentation')).toEqual(documentation);
    expect(c.workbook.protectedTabs.has('Status')).toBe(true);
  });

  it('lists bad rows on Data Issues with their tab and row, and counts them on Status', () => {
    const c = ladder();
    c.workbook.addRows('Absences', [
      { 'Student ID': 'S9', Date: '2026-10-01', Code: 'U' },
      { 'Student ID': 'S1', Date: '2026-02-30', Code: 'U' },
      { 'Student ID': 'S1', Date: '2026-10-02', Code: 'ZZ' },
    ]);
    c.workbook.addRows('Documentation', [effort('S9', '2026-10-01', 'AP meeting')]);

    const summary = c.run();

    // Recalculation keeps Absences sorted by student and date: each issue names the row where the row is now.
    const rowOf = (id: string, date: string, code: string) =>
      c.workbook
        .table('Absences')
        .findIndex((r) => r['Student ID'] === id && r['Date'] === date && r['Code'] === code) + 2;
    const byRow = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      `${String(a['Tab'])}${String(a['Row']).padStart(5, '0')}`.localeCompare(
        `${String(b['Tab'])}${String(b['Row']).padStart(5, '0')}`,
      );
    expect([...c.workbook.table('Data Issues')].sort(byRow)).toEqual(
      [
        {
          Tab: 'Absences',
          Row: rowOf('S9', '2026-10-01', 'U'),
          Column: 'Student ID',
          'Student ID': 'S9',
          Severity: 'error',
          Problem: 'Unknown student ID S9 (not on the Students tab).',
        },
        {
          Tab: 'Absences',
          Row: rowOf('S1', '2026-02-30', 'U'),
          Column: 'Date',
          'Student ID': 'S1',
          Severity: 'error',
          Problem: '"2026-02-30" is not a real date.',
        },
        {
          Tab: 'Absences',
          Row: rowOf('S1', '2026-10-02', 'ZZ'),
          Column: 'Code',
          'Student ID': 'S1',
          Severity: 'error',
          Problem: 'Unknown attendance code "ZZ" (see Settings).',
        },
        {
          Tab: 'Documentation',
          Row: 7, // after the header and S5's five step-3 entries
          Column: 'Student ID',
          'Student ID': 'S9',
          Severity: 'error',
          Problem: 'Unknown student ID S9.',
        },
      ].sort(byRow),
    );
    expect(summary.problems).toBe(4);
    expect(status(c, 'S1')).toMatchObject({ 'Data Problems': 2, 'Unexcused Days': 3 });
    expect(status(c, 'S2')['Data Problems']).toBe(0);
  });

  it('treats formula-like text as data: a data issue, written back as text', () => {
    const c = ladder();
    const formula = '=HYPERLINK("http://evil.example","U")';
    c.workbook.addRows('Absences', [{ 'Student ID': 'S0', Date: '2026-10-01', Code: formula }]);
    c.workbook.edit('Students', { 'Student ID': 'S0' }, { 'Last Name': '=1+2' });

    c.run();

    expect(c.workbook.table('Data Issues')).toEqual([
      expect.objectContaining({
        'Student ID': 'S0',
        Column: 'Code',
        Problem: `Unknown attendance code "${formula}" (see Settings).`,
      }),
    ]);
    expect(status(c, 'S0')).toMatchObject({ Name: '=1+2, FirstS0', 'Unexcused Days': 2, Step: 0 });
    expect(c.workbook.formulas).toEqual([]);
  });

  it('throws a WorkbookError for a missing Absences column and writes nothing anywhere', () => {
    const c = ladder();
    const rows = c.workbook.table('Absences').map((r) => [r['Student ID']!, r['Date']!, r['Source']!]);
    c.workbook.setTab('Absences', ['Student ID', 'Date', 'Source'], rows);
    const before = c.workbook.snapshot();
    const writes = { ...c.workbook.writes };

    expect(() => c.run()).toThrow(
      expect.objectContaining({ name: 'WorkbookError', tab: 'Absences', column: 'Code' }),
    );
    expect(() => c.run()).toThrow(/The Absences tab has no "Code" column/);
    expect(c.workbook.writes).toEqual(writes);
    expect(c.workbook.snapshot()).toEqual(before);
  });

  it('rewrites a tab it owns whole: a renamed column there comes back', () => {
    const c = ladder();
    c.run();
    c.workbook.addRows('Absences', [{ 'Student ID': 'S9', Date: '2026-10-01', Code: 'U' }]);
    const issues = c.workbook.snapshot()['Data Issues']!;
    c.workbook.setTab(
      'Data Issues',
      issues[0]!.map((h) => (h === 'Problem' ? 'Issue' : String(h))),
      issues.slice(1),
    );

    c.run();

    expect(c.workbook.header('Data Issues')).toContain('Problem');
    expect(c.workbook.header('Data Issues')).not.toContain('Issue');
    expect(c.workbook.table('Data Issues').map((r) => r['Problem'])).toEqual([
      'Unknown student ID S9 (not on the Students tab).',
    ]);
  });

  it('writes and moves nothing when a tab it reads or appends to has lost a column', () => {
    for (const [tab, column] of [
      ['Letters', 'State'],
      ['Students', 'Grade'],
      ['Documentation', 'Outcome'],
    ] as const) {
      const c = ladder();
      c.run();
      // Out of order, so that a sort would show.
      c.workbook.addRows('Absences', absences('S0', 4, '2026-10-01').reverse());
      const snap = c.workbook.snapshot()[tab]!;
      c.workbook.setTab(
        tab,
        snap[0]!.map((h) => (h === column ? `${column} (old)` : String(h))),
        snap.slice(1),
      );
      const before = c.workbook.snapshot();

      expect(() => c.run()).toThrow(WorkbookError);
      expect(() => c.run()).toThrow(
        new RegExp(`${tab} tab has no "${column.replace(/[()]/g, '\\$&')}" column`),
      );
      expect(c.workbook.snapshot()).toEqual(before);
    }
  });

  it('changes nothing while another task holds the lock', () => {
    const c = ladder();
    c.lock.busy = true;
    const before = c.workbook.snapshot();
    expect(() => c.run()).toThrow(/Another Attendance Steps task/);
    expect(c.workbook.snapshot()).toEqual(before);
  });
});
