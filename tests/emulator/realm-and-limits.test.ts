// One realm with the script, the emulated clock, execution time limits, fault injection and call counts.
import { basicEmulator, inScript, SHEET } from './helpers';

describe('one realm', () => {
  it('shares Date with the services and hides Node globals', () => {
    const emu = basicEmulator();
    inScript(emu, `${SHEET}.getRange('A1').setValue(new Date())`);
    const facts = emu.run('realmFacts').value as Record<string, unknown>;
    expect(facts).toMatchObject({
      dateIsDate: true,
      valueDateIsDate: true,
      requireType: 'undefined',
      processType: 'undefined',
      setTimeoutType: 'undefined',
      fetchType: 'undefined',
      bufferType: 'undefined',
      intl: 'function',
    });
    expect(inScript(emu, 'typeof __emulatorRuntime')).toBe('undefined');
  });

  it('reads the emulated wall clock from asOf (08:00 in the zone) and advances it with simulated time', () => {
    const emu = basicEmulator();
    const t0 = inScript(emu, 'Date.now()') as number;
    expect(new Date(t0).toISOString()).toBe('2026-09-01T13:00:00.000Z');
    const t1 = emu.run('sleepy', 60_000).value as number;
    expect(t1 - t0).toBeGreaterThanOrEqual(60_000);
    expect(inScript(emu, 'new Date(2026, 0, 1) instanceof Date && typeof Date() === "string"')).toBe(true);
  });

  it('captures Logger and console', () => {
    const emu = basicEmulator();
    expect(emu.run('logSomething').value).toBe('count 3.0 of 10.0\n');
    expect(emu.logs()).toEqual(['count 3.0 of 10.0', 'hello { a: 1 }']);
  });
});

describe('execution limits', () => {
  it('stops an execution after 6 simulated minutes with Apps Script’s message', () => {
    const emu = basicEmulator();
    // 4 ms an iteration (getRange 1 + getValue 3, emulator/runtime/costs.ts): 90,000 of them fill 6 minutes.
    const r = emu.run('slowLoop', 100_000);
    expect(r.error).toBe('Exceeded maximum execution time');
    expect(r.simulatedMs).toBeGreaterThan(360_000);
    expect(r.simulatedMs).toBeLessThan(361_000);
  });

  it('gives a simple trigger 30 seconds', () => {
    const emu = basicEmulator();
    const r = emu.run('slowLoop', 10_000, 'simple-trigger');
    expect(r.error).toBe('Exceeded maximum execution time');
    expect(r.simulatedMs).toBeLessThan(31_000);
    expect(emu.run('slowLoop', 100, 'simple-trigger').error).toBeUndefined();
  });

  it('fires an injected fault at the Nth call only', () => {
    const emu = basicEmulator();
    emu.injectFault('Range.getValue', 3, 'Service Spreadsheets failed while accessing document');
    const r = emu.run('slowLoop', 5);
    expect(r.error).toBe('Service Spreadsheets failed while accessing document');
    expect(emu.counts()['Range.getValue']).toBe(3);
    expect(emu.run('slowLoop', 5).value).toBe(5);
    expect(emu.counts()['Range.getValue']).toBe(8);
  });

  it('charges getValue about 3 ms a call and one 240k-cell getValues 0.15 s + 9 µs a cell (measured, README)', () => {
    const emu = basicEmulator();
    // getActiveSpreadsheet 5 + getSheets 15, then 100 × (getRange 1 + getValue 3).
    expect(emu.run('slowLoop', 100).simulatedMs).toBeCloseTo(420, 6);
    emu.setValues(
      'Sheet1',
      'A1',
      Array.from({ length: 24_000 }, () => Array(10).fill(1)),
    );
    const r = emu.run('probe', { code: `${SHEET}.getDataRange().getValues().length` });
    expect(r.value).toBe(24_000);
    // getActiveSpreadsheet 5 + getSheets 15 + getDataRange 160, then getValues 150 + 240,000 × 0.009.
    expect(r.simulatedMs).toBeCloseTo(20 + 160 + 150 + 2160, 6);
  });

  it('reports functions that do not exist as Apps Script does', () => {
    const emu = basicEmulator();
    expect(emu.hasFunction('onOpen')).toBe(true);
    expect(emu.hasFunction('nope')).toBe(false);
    expect(emu.run('nope').error).toBe('Script function not found: nope');
  });

  it('is loud about methods it does not emulate', () => {
    const emu = basicEmulator();
    expect(() => inScript(emu, `${SHEET}.getRange('A1').mergeAcross()`)).toThrow(
      'not implemented: Range.mergeAcross',
    );
  });
});
