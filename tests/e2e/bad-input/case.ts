// What one bad-input case is, and the small verbs the case tables are written with.
import type { Emulator, RunResult } from '../../../emulator/host/emulator';
import { table } from '../harness';
import { DAYS } from './campus';

export type Snapshot = Record<string, unknown[][]>;

export interface Case {
  name: string;
  kind: string;
  /** Typed before the snapshot: the bad input when a run reads it later. */
  setup?: (emu: Emulator) => void;
  /** The menu item, trigger or dialog call (and any typing that fires a trigger). */
  act: (emu: Emulator) => RunResult[];
  /** What the person is told: alerts, toasts, the dialog's answer, Data Issues. */
  message: RegExp;
  /** The tabs that may change; every other tab must hold exactly what it held before. */
  changes?: string[];
  /** The exact intended change of the tabs in `changes`. */
  then?: (emu: Emulator, before: Snapshot, after: Snapshot) => void;
  /** The run may end in an error (a trigger that rethrows what it told). */
  fails?: boolean;
}

export const run =
  (fn: string, event?: unknown) =>
  (emu: Emulator): RunResult[] => [emu.run(fn, event, event === undefined ? 'menu' : 'direct')];
export const recalc = run('recalculateNow');
export const importTab = run('importAttendance');

export const type = (tab: string, a1: string, rows: unknown[][]) => (emu: Emulator) =>
  emu.setValues(tab, a1, rows);

/** A typed Absences row for 1003 (row 12, below the campus's ten). */
export const absence = (date: unknown, code = 'U', id: unknown = '1003') =>
  type('Absences', 'A12', [[id, date, code, '']]);
/** A typed Documentation row for 1003. */
export const effort =
  (cells: Partial<Record<'date' | 'type' | 'outcome' | 'notes' | 'id', unknown>>) => (emu: Emulator) => {
    const at = emu.values('Documentation').filter((r) => r.some((v) => v !== '')).length + 1;
    const c = {
      id: '1003',
      date: DAYS[3],
      type: 'Parent contact',
      outcome: 'Completed',
      notes: 'Called home',
      ...cells,
    };
    emu.setValues('Documentation', `A${at}`, [
      ['', c.id, c.date, c.type, c.outcome, 'Teacher', 'Tess', c.notes],
    ]);
  };

/** An Import tab holding an export. */
export const exported = (...rows: unknown[][]) =>
  type('Import', 'A1', [['Student ID', 'Date', 'Code'], ...rows]);

/** Data Issues holds exactly `n` rows, each matching `re` when given. */
export function issues(n: number, re?: RegExp) {
  return (emu: Emulator): void => {
    const rows = table(emu, 'Data Issues');
    expect(rows).toHaveLength(n);
    if (re) for (const r of rows) expect(`${r['Tab']} row ${r['Row']}: ${r['Problem']}`).toMatch(re);
  };
}

/** `tab` differs from before only in the cell at (row, col), 1-based, which holds `value`. */
export function onlyCell(tab: string, row: number, col: number, value: unknown) {
  return (_: Emulator, before: Snapshot, after: Snapshot): void => {
    const want = before[tab]!.map((r) => [...r]);
    while (want.length < row) want.push(new Array(want[0]!.length).fill(''));
    want[row - 1]![col - 1] = value;
    expect(after[tab]).toEqual(want);
  };
}

/** Status differs from before only in 1003's row, whose Unexcused Days is `days`. */
export function statusOf1003(days: number) {
  return (emu: Emulator, before: Snapshot, after: Snapshot): void => {
    const at = before['Status']!.findIndex((r) => r[0] === '1003');
    expect(after['Status']!.filter((_, i) => i !== at)).toEqual(before['Status']!.filter((_, i) => i !== at));
    expect(table(emu, 'Status').find((r) => r['Student ID'] === '1003')?.['Unexcused Days']).toBe(days);
  };
}

export const all =
  (...checks: ((emu: Emulator, before: Snapshot, after: Snapshot) => void)[]) =>
  (emu: Emulator, before: Snapshot, after: Snapshot): void => {
    for (const c of checks) c(emu, before, after);
  };
