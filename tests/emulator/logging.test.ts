// Logger and console render what they log as Apps Script does.
import { basicEmulator, inScript } from './helpers';

function logsOf(code: string): string[] {
  const emu = basicEmulator();
  inScript(emu, code);
  return emu.logs();
}

// Reference: developers.google.com/apps-script/reference/base/logger — log(data): `Logger.log({ key: "value" })`
// logs `{key=value}`; an object with a `message` property logs that message; log(format, values): `%s` placeholders
// replaced by the values converted to strings. Numbers are Java doubles on the platform (`Logger.log(100)` → `100.0`).
describe('Logger.log', () => {
  test('objects in the {key=value} form, numbers as Java doubles, arrays as [a, b]', () => {
    expect(
      logsOf('Logger.log({ key: "value" }); Logger.log(100); Logger.log(0.5); Logger.log([1, "a"])'),
    ).toEqual(['{key=value}', '100.0', '0.5', '[1.0, a]']);
    expect(logsOf('Logger.log({ name: "Ted", age: 4 })')).toEqual(['{age=4.0, name=Ted}']);
  });

  test('an object with a message property logs the message; %s placeholders take the values', () => {
    expect(logsOf('Logger.log({ message: "my log message", data: { key: "value" } })')).toEqual([
      'my log message',
    ]);
    expect(logsOf('Logger.log("You are a member of %s Google Groups.", "three")')).toEqual([
      'You are a member of three Google Groups.',
    ]);
  });
});

// Reference: developers.google.com/apps-script/reference/base/console — log(formatOrObject, values): "a string
// containing zero or more substitution strings, or a JavaScript object to be logged as a JavaScript object";
// time(label) starts a timer and timeEnd(label) "stops a timer" and logs the time it measured.
describe('console', () => {
  test('substitution strings %s %d %i %f %o %%', () => {
    expect(logsOf('console.log("%s has %d points (%i%%), %f avg", "Ana", 42.7, 9.9, 1.5)')).toEqual([
      'Ana has 42 points (9%), 1.5 avg',
    ]);
    expect(logsOf('console.log("row %o", { id: 7, tags: ["a"] })')).toEqual(["row { id: 7, tags: [ 'a' ] }"]);
    expect(logsOf('console.log("left over:", 1, "x")')).toEqual(['left over: 1 x']);
  });

  test('objects as the console shows them, not JSON', () => {
    expect(logsOf('console.log({ name: "Ted", age: 4 })')).toEqual(["{ name: 'Ted', age: 4 }"]);
    expect(logsOf('console.info([1, 2, 3])')).toEqual(['[ 1, 2, 3 ]']);
  });

  test('time and timeEnd log the label and the emulated time between them', () => {
    expect(logsOf('console.time("load"); Utilities.sleep(1500); console.timeEnd("load")')).toEqual([
      'load: 1500ms',
    ]);
  });

  test('a logged error shows the script file and its own frames, never the host paths', () => {
    const emu = basicEmulator();
    emu.run('logError');
    const [consoleLine, loggerLine] = emu.logs();
    expect(consoleLine).toMatch(
      /^Error: boom\n\s+at failDeep \(basic:\d+:\d+\)\n\s+at logError \(basic:\d+:\d+\)$/,
    );
    expect(loggerLine).toBe('boom'); // Logger.log: an object with a message property logs its message
    expect(emu.logs().join('\n')).not.toMatch(/\/|node:|emulator-runtime/);
  });

  test('a console method Apps Script lacks is not silently ignored', () => {
    expect(() => logsOf('console.table([1])')).toThrow('not implemented: console.table');
  });
});
