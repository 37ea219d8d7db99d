// End to end on the emulator: the installable edit and change triggers recalculate only the students they touch.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from '../../scripts/build';
import { createEmulatorSync, type Emulator, type RunResult } from '../../emulator/host/emulator';

const CODE = path.join(__dirname, '..', '..', 'build', 'Code.js');

beforeAll(() => {
  if (!fs.existsSync(CODE)) build();
});

/** The cells `fn`'s executions read with getValues (what a whole-tab read costs per cell). */
function cellsRead(emu: Emulator, fn: () => void): number {
  const rt = emu.control.rt;
  const call = rt.call.bind(rt);
  let cells = 0;
  rt.call = (method: string, units = 0) => {
    if (method === 'Range.getValues') cells += units;
    call(method, units);
  };
  try {
    fn();
  } finally {
    rt.call = call;
  }
  return cells;
}

/** The cells a full recalculation of the campus reads (it reads every tab whole). */
function fullRunCells(emu: Emulator): number {
  return cellsRead(emu, () => expect(emu.run('recalculateNow', undefined, 'menu').error).toBeUndefined());
}

const ROSTER = [
  [
    'S001',
    'Avila',
    'Ana',
    5,
    '2015-03-01',
    '2026-08-12',
    '',
    'Rosa Avila',
    'rosa@example.com',
    '555-0101',
    '1 Elm St',
    'Spanish',
  ],
  [
    'S002',
    'Brown',
    'Ben',
    6,
    '2014-05-02',
    '2026-08-12',
    '',
    'Tom Brown',
    'tom@example.com',
    '555-0102',
    '2 Oak St',
    'English',
  ],
  [
    'S003',
    'Chen',
    'Cai',
    7,
    '2013-07-03',
    '2026-08-12',
    '',
    'Li Chen',
    'li@example.com',
    '555-0103',
    '3 Pine St',
    'English',
  ],
];
/** S001 one day short of 3 after the first edit; S002 and S003 below it. Rows 2-5 of Absences. */
const ABSENCES = [
  ['S001', '2026-09-01', 'U', ''],
  ['S002', '2026-09-02', 'U', ''],
  ['S002', '2026-09-03', 'U', ''],
  ['S003', '2026-09-04', 'U', ''],
];

/** A tab's rows as objects keyed by header text. */
function table(emu: Emulator, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = emu.values(sheet);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}
const statusOf = (emu: Emulator, id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id);
const stepsReached = (emu: Emulator) =>
  table(emu, 'Documentation').filter((r) => r['Type'] === 'Step reached');

function expectClean(results: RunResult[], trigger: string): void {
  for (const r of results)
    expect({ name: r.name, error: r.error }).toEqual({ name: r.name, error: undefined });
  expect(results.map((r) => r.name)).toContain(trigger);
}

function campus(): Emulator {
  const emu = createEmulatorSync({ codePath: CODE, asOf: '2026-10-15' });
  emu.ui.queueAlertResponse('YES');
  expect(emu.run('setUpWorkbook', undefined, 'menu').error).toBeUndefined();
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Absences', 'A2', ABSENCES);
  expect(emu.run('recalculateNow', undefined, 'menu').error).toBeUndefined();
  return emu;
}

describe('installable edit trigger', () => {
  it('recalculates the edited student only: the count crosses 3, Step 1 is reached and logged', () => {
    const emu = campus();
    expect(statusOf(emu, 'S001')!['Unexcused Days']).toBe(1);
    expect(statusOf(emu, 'S001')!['Step']).toBe(0);
    // Compared without Updated: the row pasted here covers Student ID, which today recalculates everyone.
    const others = () => ['S002', 'S003'].map((id) => ({ ...statusOf(emu, id), Updated: undefined }));
    const othersBefore = others();
    const logged = stepsReached(emu).length;

    expectClean(emu.edit('Absences', 'A6', [['S001', '2026-09-30', 'U', '']]), 'onEditInstalled');
    expect(statusOf(emu, 'S001')!['Unexcused Days']).toBe(2);
    expect(statusOf(emu, 'S001')!['Step']).toBe(0);

    expectClean(emu.edit('Absences', 'A7', [['S001', '2026-10-01', 'U', '']]), 'onEditInstalled');
    const s1 = statusOf(emu, 'S001')!;
    expect(s1['Unexcused Days']).toBe(3);
    expect(s1['Step']).toBe(1);
    expect(others()).toEqual(othersBefore);
    expect(table(emu, 'Status')).toHaveLength(3);

    const reached = stepsReached(emu);
    expect(reached).toHaveLength(logged + 1);
    expect(reached[reached.length - 1]!['Student ID']).toBe('S001');
    expect(reached[reached.length - 1]!['Step Set To']).toBe(1);
  });

  it('an edit beside the Student ID column goes through the incremental path', () => {
    const emu = campus();
    emu.setValues('Absences', 'A6', [['S001', '', '', '']]);
    emu.setValues('Absences', 'A7', [['S001', '', '', '']]);
    const othersBefore = ['S002', 'S003'].map((id) => statusOf(emu, id));
    emu.control.rt.resetCounters();
    const edits = cellsRead(emu, () => {
      expectClean(emu.edit('Absences', 'B6', [['2026-09-30', 'U', '']]), 'onEditInstalled');
      expectClean(emu.edit('Absences', 'B7', [['2026-10-01', 'U', '']]), 'onEditInstalled');
    });
    // The data tabs' rows are found by id (a read of the id column on tabs this small, one TextFinder search on
    // large ones), not read whole as a full run reads them.
    expect(emu.counts()['TextFinder.findAll'] ?? 0).toBe(0);
    expect(statusOf(emu, 'S001')!['Unexcused Days']).toBe(3);
    expect(statusOf(emu, 'S001')!['Step']).toBe(1);
    expect(['S002', 'S003'].map((id) => statusOf(emu, id))).toEqual(othersBefore);
    expect(stepsReached(emu).filter((r) => r['Student ID'] === 'S001')).toHaveLength(1);
    // Each edit reads under a quarter of the cells a full run reads.
    expect(edits / 2).toBeLessThan(fullRunCells(emu) / 4);
  });

  it('a single-cell Student ID change recalculates both the old and the new student', () => {
    const emu = campus();
    const s3Before = statusOf(emu, 'S003');
    expect(statusOf(emu, 'S002')!['Unexcused Days']).toBe(2);
    expect(statusOf(emu, 'S001')!['Unexcused Days']).toBe(1);
    // Row 3 (S002, Sep 2) becomes S001's absence.
    const edit = cellsRead(emu, () => expectClean(emu.edit('Absences', 'A3', [['S001']]), 'onEditInstalled'));
    expect(statusOf(emu, 'S002')!['Unexcused Days']).toBe(1);
    expect(statusOf(emu, 'S001')!['Unexcused Days']).toBe(2);
    expect(statusOf(emu, 'S003')).toEqual(s3Before);
    expect(edit).toBeLessThan(fullRunCells(emu) / 4);
  });
});

describe('installable change trigger', () => {
  it('deleting Absences rows recalculates: the count drops, the Step reached stays', () => {
    const emu = campus();
    expectClean(emu.edit('Absences', 'A6', [['S001', '2026-09-30', 'U', '']]), 'onEditInstalled');
    expectClean(emu.edit('Absences', 'A7', [['S001', '2026-10-01', 'U', '']]), 'onEditInstalled');
    expect(statusOf(emu, 'S001')!['Step']).toBe(1);
    const logged = stepsReached(emu).length;

    // Recalculation keeps Absences sorted by student and date: S001's two new days are now next to each other.
    const at = emu
      .values('Absences')
      .findIndex((r) => r[0] === 'S001' && new Date(r[1] as Date).toISOString().startsWith('2026-09-30'));
    expect(emu.values('Absences')[at + 1]?.[0]).toBe('S001');
    expectClean(emu.deleteRows('Absences', at + 1, 2), 'onChangeInstalled');
    const s1 = statusOf(emu, 'S001')!;
    expect(s1['Unexcused Days']).toBe(1);
    expect(s1['Step']).toBe(1);
    expect(stepsReached(emu)).toHaveLength(logged);
  });
});
