// Deleted sealed rows and a deleted Documentation tab: the loss is reported, the kept step holds, Restore puts them back once.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { DAYS, menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', '', '', '', '', '', '', '', 'Spanish'],
  ['1003', 'Nguyen', 'Mia', '6', '', '', '', '', '', '', '', 'English'],
];

const statusOf = (emu: Emulator, id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id);
const sealedRows = (emu: Emulator) =>
  table(emu, 'Documentation').filter((r) => String(r['Entry ID']).startsWith('S'));
const stepRowsOf1003 = (emu: Emulator) =>
  sealedRows(emu).filter((r) => r['Type'] === 'Step reached' && r['Student ID'] === '1003');
const problems = (emu: Emulator) => table(emu, 'Data Issues').map((r) => String(r['Problem']));

/** 1003 reaches step 2 (two sealed step rows); 1001 gets an administrator's adjustment (two more sealed rows). */
function campus(): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues(
    'Absences',
    'A2',
    DAYS.map((d) => ['1003', d, 'U', '']),
  );
  menu(emu, 'recalculateNow');
  const r = emu.run('submitStepAdjustment', {
    studentId: '1001',
    step: 0,
    date: '2026-09-14',
    reason: 'Checked',
  });
  expect(r.value).toMatchObject({ ok: true });
  menu(emu, 'recalculateNow');
  expect(statusOf(emu, '1003')?.['Step']).toBe(2);
  expect(stepRowsOf1003(emu)).toHaveLength(2);
  return emu;
}

/** After a restore: every sealed row present once, none "changed", the same set as before. */
function expectRestored(emu: Emulator, before: Record<string, unknown>[]): void {
  const ids = sealedRows(emu).map((r) => String(r['Entry ID']));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(before.map((r) => String(r['Entry ID'])).sort());
  const byId = new Map(sealedRows(emu).map((r) => [r['Entry ID'], r]));
  for (const r of before) {
    const back = byId.get(r['Entry ID'])!;
    for (const col of ['Student ID', 'Date', 'Type', 'Role', 'Staff', 'Notes', 'Step Set To', 'Seal'])
      expect({ col, v: back[col] }).toEqual({ col, v: r[col] });
  }
  expect(
    problems(emu).filter((p) =>
      /changed after it was written|missing from the Documentation|A copy of/.test(p),
    ),
  ).toEqual([]);
}

describe('a record whose rows were deleted', () => {
  it('deleted step rows are reported, the step does not drop, and Restore brings them back sealed, once', () => {
    const emu = campus();
    const before = sealedRows(emu);
    const header = emu.values('Documentation')[0]!;
    const rowsOf1003 = emu
      .values('Documentation')
      .flatMap((r, i) => (r[header.indexOf('Type')] === 'Step reached' && r[1] === '1003' ? [i + 1] : []));
    expect(rowsOf1003).toHaveLength(2);
    emu.deleteRows('Documentation', rowsOf1003[0]!, 1);
    emu.deleteRows('Documentation', rowsOf1003[1]! - 1, 1);
    expect(sealedRows(emu)).toHaveLength(before.length - 2);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1003')).toMatchObject({ Step: 2, 'Highest Step': 2 });
    const missing = problems(emu).filter((p) => /missing from the Documentation tab/.test(p));
    expect(missing).toHaveLength(2);
    expect(missing.join('\n')).toMatch(/Step reached.*student 1003/);
    // No step is logged again to fill the gap.
    expect(stepRowsOf1003(emu)).toHaveLength(0);

    menu(emu, 'restoreTheRecord');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/2 sealed entries were put back/);
    menu(emu, 'recalculateNow');
    expectRestored(emu, before);
    expect(statusOf(emu, '1003')?.['Step']).toBe(2);

    const again = JSON.stringify(sealedRows(emu));
    menu(emu, 'restoreTheRecord');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/Nothing was missing/);
    expect(JSON.stringify(sealedRows(emu))).toBe(again);
  });

  it('a deleted Documentation tab: reported, steps kept, every sealed entry restored once', () => {
    const emu = campus();
    const before = sealedRows(emu);
    expect(before.length).toBeGreaterThanOrEqual(3);
    const results = emu.deleteSheet('Documentation');
    // The change trigger says how to get the tab back; Set up recreates it (empty).
    expect(results.map((r) => r.error ?? '').join('\n')).toMatch(/Documentation tab is missing.*Set up/);
    expect(emu.sheetNames()).not.toContain('Documentation');
    menu(emu, 'setUpWorkbook');
    expect(emu.sheetNames()).toContain('Documentation');
    expect(sealedRows(emu)).toHaveLength(0);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1003')).toMatchObject({ Step: 2, 'Highest Step': 2 });
    expect(statusOf(emu, '1001')?.['Step']).toBe(0);
    expect(problems(emu).filter((p) => /missing from the Documentation tab/.test(p))).toHaveLength(
      before.length,
    );

    menu(emu, 'restoreTheRecord');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(new RegExp(`${before.length} sealed entries were put back`));
    menu(emu, 'recalculateNow');
    expectRestored(emu, before);
    expect(statusOf(emu, '1003')?.['Step']).toBe(2);
    menu(emu, 'restoreTheRecord');
    expect(sealedRows(emu)).toHaveLength(before.length);
  });
});
