// Property tests: date arithmetic on any text gives a real date or throws a RangeError, so a day loop always ends.

import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  isDayKey,
  parseDateText,
  startOfWeek,
  toDayKey,
} from '../../../src/domain/dates';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** yyyy-MM-dd shaped text with any digits: real dates, 2026-02-30, 2026-13-01, 2027-02-29, 0000-00-00… */
const shaped = fc
  .tuple(
    fc.integer({ min: 2020, max: 2032 }),
    fc.integer({ min: 0, max: 14 }),
    fc.integer({ min: 0, max: 33 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
/** Any text a person might type into a date cell, shaped or not. */
const typed = fc.oneof(
  shaped,
  fc.string({ maxLength: 12 }),
  fc.constantFrom('0NaN-NaN-NaN', 'NaN', '', ' 2026-09-01', '2026-09-01 ', '31/04/2026', '9999-12-31'),
);

/** Calls `f`; a RangeError counts as a clean refusal (returns undefined), any other error fails the test. */
function orRefused<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(RangeError);
    return undefined;
  }
}

describe('date arithmetic is total', () => {
  it('addDays gives a real date the right distance away, or refuses', () => {
    fc.assert(
      fc.property(typed, fc.integer({ min: -400_000, max: 400_000 }), (key, days) => {
        const out = orRefused(() => addDays(key, days));
        if (out === undefined) return;
        expect(isDayKey(key)).toBe(true);
        expect(isDayKey(out)).toBe(true);
        expect(daysBetween(key, out)).toBe(days);
      }),
      { numRuns: 2000 },
    );
  });

  it('addDays(d, 1) is later than d or refuses, so `for (d = a; d <= b; d = addDays(d, 1))` always ends', () => {
    fc.assert(
      fc.property(typed, shaped, (first, last) => {
        let steps = 0;
        const walked = orRefused(() => {
          for (let d = first; d <= last; d = addDays(d, 1)) {
            steps++;
            if (steps > 20_000) throw new Error(`the loop from "${first}" to "${last}" does not end`);
          }
          return steps;
        });
        if (walked !== undefined && walked > 0) expect(isDayKey(first)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('startOfWeek, addMonths and toDayKey give a real date or refuse; parsing never throws', () => {
    fc.assert(
      fc.property(typed, fc.integer({ min: -30, max: 30 }), fc.double(), (key, months, n) => {
        for (const out of [
          orRefused(() => startOfWeek(key)),
          orRefused(() => addMonths(key, months)),
          orRefused(() => toDayKey(n)),
        ])
          if (out !== undefined) expect(isDayKey(out)).toBe(true);
        const parsed = parseDateText(key);
        expect(parsed === null || isDayKey(parsed)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['2026-02-30', '2026-13-01', '2027-02-29', '0NaN-NaN-NaN', ''])('addDays(%p, 1) refuses', (key) => {
    expect(() => addDays(key, 1)).toThrow(RangeError);
  });

  it('refuses a fractional or infinite step', () => {
    expect(() => addDays('2026-09-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-09-01', Infinity)).toThrow(RangeError);
    expect(() => toDayKey(Number.NaN)).toThrow(RangeError);
  });
});
