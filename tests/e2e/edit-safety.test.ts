// End to end on the emulator: an edit that finds the lock busy or fails is owed, caught up by the next run and told
// at the next open; a pasted block recalculates only the ids it held before and after.
import { createEmulatorSync, type Emulator, type RunResult } from '../../emulator/host/emulator';
import type { LocksState } from '../../emulator/runtime/lock-service';
import { table, useBuiltBundle } from './harness';

useBuiltBundle();

const student = (id: string) => [id, `Last${id}`, `First${id}`, '7', '', '', '', '', '', '', '', 'English'];
const DAYS = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08', '2026-09-09'];

function expectClean(results: RunResult[]): void {
  for (const r of results)
    expect({ name: r.name, error: r.error }).toEqual({ name: r.name, error: undefined });
}
const locks = (emu: Emulator) => (emu.control as unknown as { locks: LocksState }).locks;
const statusOf = (emu: Emulator, id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id)!;
const toasts = (emu: Emulator) => emu.ui.toasts.map((t) => JSON.stringify(t));

/** `n` students; student i has (i % 3) unexcused days, one row each, sorted by student. */
function campus(n: number): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-10-15' });
  emu.ui.queueAlertResponse('YES');
  expectClean([emu.run('setUpWorkbook', undefined, 'menu')]);
  const ids = Array.from({ length: n }, (_, i) => String(1001 + i));
  emu.setValues('Students', 'A2', ids.map(student));
  const rows = ids.flatMap((id, i) => DAYS.slice(0, i % 3).map((d) => [id, d, 'U', '']));
  emu.setValues('Absences', 'A2', rows);
  expectClean([emu.run('recalculateNow', undefined, 'menu')]);
  return emu;
}

/** The open's toasts after `fn`. */
function opened(emu: Emulator): string[] {
  const before = emu.ui.toasts.length;
  expectClean(emu.open());
  return toasts(emu).slice(before);
}

describe('nothing is dropped on the edit path', () => {
  it('an edit while another run holds the lock marks its student; the next run catches up; the next open tells', () => {
    const emu = campus(3);
    expect(statusOf(emu, '1001')['Unexcused Days']).toBe(0);
    expect(opened(emu)).toEqual([]);
    locks(emu).holdBy('document');
    const [edit] = emu.edit('Absences', 'A10', [['1001', '2026-09-30', 'U', '']]);
    expect(edit!.error).toMatch(/Another Attendance Steps task is running/);
    expect(statusOf(emu, '1001')['Unexcused Days']).toBe(0);
    const told = opened(emu);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/The edit trigger at 2026-10-15 \d\d:\d\d: Another Attendance Steps task/);
    locks(emu).release('document');
    // The next run is an edit of another student's row: the owed student comes with it.
    expectClean(emu.edit('Students', 'C3', [['Renamed']]));
    expect(statusOf(emu, '1001')['Unexcused Days']).toBe(1);
    expect(opened(emu)).toEqual([]);
  });

  it('the nightly run that finds the lock busy is told, and the next edit recalculates everyone', () => {
    const emu = campus(3);
    emu.setValues('Absences', 'A10', [['1001', '2026-09-30', 'U', '']]);
    locks(emu).holdBy('document');
    expect(emu.run('nightlyRecalculation', undefined, 'time-trigger').error).toMatch(/Another/);
    locks(emu).release('document');
    expect(opened(emu)[0]).toMatch(/The nightly recalculation at .*Every student will be recalculated/s);
    expectClean(emu.edit('Students', 'C3', [['Renamed']]));
    expect(statusOf(emu, '1001')['Unexcused Days']).toBe(1);
    expect(opened(emu)).toEqual([]);
  });

  it('after a broken header the edit trigger records its failure, shown at the next open', () => {
    const emu = campus(3);
    emu.setValues('Absences', 'B1', [['When']]);
    const [edit] = emu.edit('Absences', 'C2', [['U']]);
    expect(edit!.error).toMatch(/Date/);
    const told = opened(emu);
    expect(told[0]).toMatch(/The edit trigger at .*Date/s);
    emu.setValues('Absences', 'B1', [['Date']]);
    expectClean(emu.edit('Absences', 'A10', [['1001', '2026-09-30', 'U', '']]));
    expect(statusOf(emu, '1001')['Unexcused Days']).toBe(1);
    expect(opened(emu)).toEqual([]);
  });

  it('a run the time limit kills is told at the next open and caught up by the next run', () => {
    const emu = campus(3);
    emu.setValues('Absences', 'A10', [['1001', '2026-09-30', 'U', '']]);
    const rt = emu.control.rt as unknown as {
      call: (m: string, u?: number) => void;
      current: { killed: boolean };
    };
    const call = rt.call.bind(rt);
    rt.call = (method: string, units?: number) => {
      if (method === 'Range.setValues') {
        rt.current.killed = true;
        throw new Error('Exceeded maximum execution time');
      }
      call(method, units);
    };
    expect(emu.run('nightlyRecalculation', undefined, 'time-trigger').error).toMatch(/Exceeded/);
    rt.call = call;
    emu.advance(10 * 60_000);
    expect(opened(emu)[0]).toMatch(/The nightly recalculation started at .* did not finish/);
    expectClean(emu.edit('Students', 'C3', [['Renamed']]));
    expect(statusOf(emu, '1001')['Unexcused Days']).toBe(1);
    expect(opened(emu)).toEqual([]);
  });
});

describe('a pasted block', () => {
  it('recalculates only the students whose ids it held before and after (300 students)', () => {
    const emu = campus(300);
    const absences = emu.values('Absences');
    // Three consecutive rows of 1002 and 1003 (rows 2-4) become 1299's.
    const at = absences.findIndex((r) => String(r[0]) === '1002');
    const before = absences.slice(at, at + 3).map((r) => String(r[0]));
    expect(new Set(before)).toEqual(new Set(['1002', '1003']));
    const updated = new Map(table(emu, 'Status').map((r) => [r['Student ID'], String(r['Updated'])]));
    emu.advance(5 * 60_000);
    const pasted = absences.slice(at, at + 3).map((r) => ['1299', r[1], 'U', 'pasted']);
    expectClean(emu.edit('Absences', `A${at + 1}:D${at + 3}`, pasted));
    const touched = table(emu, 'Status')
      .filter((r) => String(r['Updated']) !== updated.get(r['Student ID']))
      .map((r) => r['Student ID']);
    expect(touched.sort()).toEqual(['1002', '1003', '1299']);
    expect(statusOf(emu, '1002')['Unexcused Days']).toBe(0);
    expect(statusOf(emu, '1003')['Unexcused Days']).toBe(0);
    // 1299 had Sep 1; the pasted rows add Sep 1 again and Sep 2.
    expect(statusOf(emu, '1299')['Unexcused Days']).toBe(2);
    // The snapshot now holds 1299 there: pasting the old ids back recalculates the same three.
    emu.advance(5 * 60_000);
    const now = new Map(table(emu, 'Status').map((r) => [r['Student ID'], String(r['Updated'])]));
    expectClean(
      emu.edit(
        'Absences',
        `A${at + 1}:A${at + 3}`,
        before.map((id) => [id]),
      ),
    );
    const again = table(emu, 'Status')
      .filter((r) => String(r['Updated']) !== now.get(r['Student ID']))
      .map((r) => r['Student ID']);
    expect(again.sort()).toEqual(['1002', '1003', '1299']);
    expect(statusOf(emu, '1299')['Unexcused Days']).toBe(1);
  });
});
