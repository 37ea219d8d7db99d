// google.script.run bridged to the emulator: plain JSON across, a missing function fails as in Apps Script, and
// what the emulator does not know (a Date returned, several arguments) throws.
import * as vm from 'node:vm';
import { createEmulatorSync } from '../../emulator/host/emulator';
import { illegalValue, scriptRun, scriptRunShim } from '../../emulator/host/script-run';
import { useBuiltBundle } from '../e2e/harness';

useBuiltBundle();

describe('google.script.run bridge', () => {
  it('accepts primitives, null, arrays and plain objects; refuses Dates, functions, class instances and cycles', () => {
    expect(illegalValue({ a: [1, 'x', null, true, { b: undefined }] })).toBeNull();
    expect(illegalValue({ when: new Date() })).toBe('value.when (Date)');
    expect(illegalValue([() => 1])).toBe('value.0 (function)');
    expect(illegalValue({ m: new Map() })).toBe('value.m (Map)');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(illegalValue(cycle)).toBe('value.self (circular)');
  });

  it("runs a top-level function with the argument parsed in the script's realm, and fails for a missing one", () => {
    const emu = createEmulatorSync({ asOf: '2026-09-15' });
    vm.runInContext(
      'function echoKind(x) { return { isArray: Array.isArray(x.list), proto: Object.getPrototypeOf(x) === Object.prototype, x: x }; }',
      emu.context,
    );
    const answer = scriptRun(emu, 'echoKind', JSON.stringify([{ list: [1, 2] }]));
    expect(answer).toMatchObject({ ok: true, value: { isArray: true, proto: true, x: { list: [1, 2] } } });
    expect(scriptRun(emu, 'noSuchFunction', '[]')).toMatchObject({
      ok: false,
      error: 'Script function not found: noSuchFunction',
    });
  });

  it('a failure in the function reaches the page as its message; a Date returned throws (not known)', () => {
    const emu = createEmulatorSync({ asOf: '2026-09-15' });
    vm.runInContext(
      'function boom() { throw new Error("no"); } function when() { return { at: new Date() }; }',
      emu.context,
    );
    expect(scriptRun(emu, 'boom', '[]')).toMatchObject({ ok: false, error: expect.stringContaining('no') });
    expect(() => scriptRun(emu, 'when', '[]')).toThrow(/not implemented: when returned value.at \(Date\)/);
    expect(() => scriptRun(emu, 'boom', '[1,2]')).toThrow(/more than one argument/);
  });

  it("the page's shim offers one method per server function and the three chainable settings", () => {
    const shim = scriptRunShim(['sidebarStart', 'sidebarStudent']);
    expect(shim).toContain('["sidebarStart","sidebarStudent"]');
    expect(shim).toMatch(/withSuccessHandler[\s\S]*withFailureHandler[\s\S]*withUserObject/);
  });
});
