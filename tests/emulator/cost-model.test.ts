// The calibrated cost model on the simulated clock: table figures, queued writes and the flush a read forces, profiles.
import { FLUSH_METHOD, Runtime } from '../../emulator/runtime/core';
import {
  COST_PROFILES,
  COST_TABLE,
  at,
  costOf,
  costsAt,
  type CostProfile,
} from '../../emulator/runtime/costs';
import { basicEmulator, SHEET } from './helpers';

const MID = costsAt('mid');

/** A bare runtime charging the table of `profile`, inside one execution (the clock starts at 0). */
function charged(profile: CostProfile, calls: [string, number?][]): { ms: number; rt: Runtime } {
  const rt = new Runtime(costsAt(profile), 0);
  rt.execute('direct', 'test', () => {
    for (const [method, units] of calls) rt.call(method, units);
  });
  return { ms: rt.totalMs, rt };
}

describe('the cost table (emulator/README.md, "Simulated costs")', () => {
  it('charges the measured figures at mid: getValues 0.15 s + 9 µs a cell, getValue 3 ms, setValue 1.3 ms', () => {
    expect(costOf(MID, 'Range.getValues', 240_000)).toBeCloseTo(150 + 0.009 * 240_000, 6);
    expect(costOf(MID, 'Range.getValue', 1)).toBe(3);
    expect(costOf(MID, 'Range.setValue', 1)).toBe(1.3);
    expect(costOf(MID, 'Sheet.appendRow', 4)).toBe(110);
    expect(costOf(MID, 'Sheet.getLastRow')).toBe(160);
    expect(costOf(MID, 'TextFinder.findAll', 100_000)).toBeCloseTo(450 + 0.00375 * 100_000, 6);
  });

  it('keeps setValues flat up to 20,000 cells, then charges 55–80 µs a cell past them', () => {
    expect(costOf(MID, 'Range.setValues', 1)).toBe(175);
    expect(costOf(MID, 'Range.setValues', 20_000)).toBe(175);
    expect(costOf(MID, 'Range.setValues', 120_000)).toBeCloseTo(175 + 0.0675 * 100_000, 6);
    expect(costOf(costsAt('low'), 'Range.setValues', 120_000)).toBeCloseTo(100 + 0.055 * 100_000, 6);
    expect(costOf(costsAt('high'), 'Range.setValues', 120_000)).toBeCloseTo(250 + 0.08 * 100_000, 6);
  });

  it('brackets every mid figure between its low and high ends', () => {
    for (const [method, spec] of Object.entries(COST_TABLE)) {
      for (const span of [spec.base, spec.perUnit ?? 0]) {
        const [low, mid, high] = COST_PROFILES.map((p) => at(span, p));
        expect({ method, ok: low! <= mid! && mid! <= high! }).toEqual({ method, ok: true });
      }
    }
    const ranged = Object.values(COST_TABLE).filter((s) => typeof s.base !== 'number');
    expect(ranged.length).toBeGreaterThanOrEqual(5); // getValues & co, setValues, TextFinder, the flush
    const flush = COST_PROFILES.map((p) => costOf(costsAt(p), FLUSH_METHOD));
    expect(flush).toEqual([30, 100, 300]);
  });
});

describe('queued writes and the flush a read forces (Google Apps Script blog, "Optimizing Spreadsheet Operations")', () => {
  it('charges a flush when a read follows a pending write', () => {
    const { ms, rt } = charged('mid', [
      ['Range.setValue', 1],
      ['Range.getValue', 1],
    ]);
    expect(ms).toBeCloseTo(1.3 + 100 + 3, 9);
    expect(rt.calls.get(FLUSH_METHOD)).toBe(1);
  });

  it('charges no flush for a read with no write pending, nor for writes that follow each other', () => {
    const reads = charged('mid', [['Range.getValue', 1], ['Range.getValues', 10], ['Sheet.getLastRow']]);
    expect(reads.ms).toBeCloseTo(3 + 150 + 0.09 + 160, 9);
    expect(reads.rt.calls.get(FLUSH_METHOD)).toBeUndefined();
    const writes = charged('mid', [
      ['Range.setValue', 1],
      ['Range.setValues', 10],
      ['Sheet.appendRow', 3],
    ]);
    expect(writes.ms).toBeCloseTo(1.3 + 175 + 110, 9);
    expect(writes.rt.calls.get(FLUSH_METHOD)).toBeUndefined();
  });

  it('commits once: a second read after the same writes charges nothing more', () => {
    const { ms, rt } = charged('mid', [
      ['Range.setValue', 1],
      ['Range.setValue', 1],
      ['Range.getValue', 1],
      ['Range.getValue', 1],
    ]);
    expect(ms).toBeCloseTo(2 * 1.3 + 100 + 2 * 3, 9);
    expect(rt.calls.get(FLUSH_METHOD)).toBe(1);
  });

  it('charges the flush on SpreadsheetApp.flush() when writes are pending, and only the call otherwise', () => {
    expect(charged('mid', [['SpreadsheetApp.flush']]).ms).toBe(10);
    expect(charged('mid', [['Range.setValues', 4], ['SpreadsheetApp.flush']]).ms).toBeCloseTo(
      175 + 100 + 10,
      9,
    );
  });

  it('charges the flush at the low and high ends of its measured range', () => {
    const pair: [string, number?][] = [
      ['Range.setValue', 1],
      ['Range.getValue', 1],
    ];
    expect(charged('low', pair).ms).toBeCloseTo(1.3 + 30 + 3, 9);
    expect(charged('high', pair).ms).toBeCloseTo(1.3 + 300 + 3, 9);
  });

  it('forgets pending writes when an execution ends (Apps Script commits them then)', () => {
    const rt = new Runtime(costsAt('mid'), 0);
    rt.execute('direct', 'write', () => rt.call('Range.setValue', 1));
    const { record } = rt.execute('direct', 'read', () => rt.call('Range.getValue', 1));
    expect(record.simulatedMs).toBe(3);
  });
});

describe('the model in the emulator (a script run on the basic fixture)', () => {
  it('charges alternating reads and writes a flush each, and batched ones none', () => {
    const emu = basicEmulator();
    const alternating = emu.run('probe', {
      code: `var s = ${SHEET}; for (var i = 1; i <= 10; i++) { s.getRange(i, 1).getValue(); s.getRange(i, 2).setValue(i); }`,
    });
    expect(emu.counts()[FLUSH_METHOD]).toBe(9); // every read but the first follows a write
    emu.control.rt.resetCounters();
    const batched = emu.run('probe', {
      code: `var s = ${SHEET}; var v = s.getRange(1, 1, 10, 1).getValues(); s.getRange(1, 2, 10, 1).setValues(v);`,
    });
    expect(emu.counts()[FLUSH_METHOD]).toBeUndefined();
    // getActiveSpreadsheet 5 + getSheets 15, then 10 × (getRange 1 + getValue 3 + getRange 1 + setValue 1.3) + 9 flushes.
    expect(alternating.simulatedMs).toBeCloseTo(20 + 10 * 6.3 + 9 * 100, 6);
    expect(batched.simulatedMs).toBeCloseTo(20 + 2 + 150 + 0.09 + 175, 6);
  });

  it('runs the same script at the three profiles, low ≤ mid ≤ high', () => {
    const code = `var s = ${SHEET}; s.getRange(1, 1, 100, 5).setValues(s.getRange(1, 1, 100, 5).getValues());
      s.getRange(1, 6).setValue(1); s.getLastRow(); s.createTextFinder('x').findAll().length`;
    const ms = COST_PROFILES.map(
      (costProfile) => basicEmulator({ costProfile }).run('probe', { code }).simulatedMs,
    );
    expect(ms[0]).toBeLessThan(ms[1]!);
    expect(ms[1]).toBeLessThan(ms[2]!);
  });
});
