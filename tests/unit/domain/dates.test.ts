// Tests for DayKey arithmetic: validity, weekdays, month arithmetic, no drift across DST changes.

import fc from 'fast-check';
import {
  addDays,
  addMonths,
  daysBetween,
  easterSunday,
  isDayKey,
  parseDateText,
  parseDayKey,
  startOfWeek,
  toDayKey,
  toDayNumber,
  weekday,
} from '../../../src/domain/dates';

describe('DayKey validity', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-05', '2025-02-29', 'soon', '', '2026-04-31'])(
    'rejects %s',
    (s) => {
      expect(isDayKey(s)).toBe(false);
      expect(parseDayKey(s)).toBeNull();
    },
  );
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (s) => {
    expect(isDayKey(s)).toBe(true);
  });
  it('rejects 1900-02-29 and 2100-02-29 (century rule)', () => {
    expect(isDayKey('2100-02-29')).toBe(false);
    expect(isDayKey('2400-02-29')).toBe(true);
  });
  it('reads US text dates and rejects impossible ones', () => {
    expect(parseDateText(' 9/8/2026 ')).toBe('2026-09-08');
    expect(parseDateText('2/30/2026')).toBeNull();
    expect(parseDateText('2026-09-08')).toBe('2026-09-08');
    expect(parseDateText('Sept 8')).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('day 0 is 1970-01-01, a Thursday', () => {
    expect(toDayKey(0)).toBe('1970-01-01');
    expect(weekday('1970-01-01')).toBe(4);
  });
  it('knows weekdays of school dates', () => {
    expect(weekday('2026-11-29')).toBe(7); // Sunday
    expect(weekday('2026-08-12')).toBe(3); // Wednesday
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
  });
  it('crosses DST changes without drift (US: 2026-03-08 and 2026-11-01)', () => {
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-25', '2026-11-08')).toBe(14);
  });
  it('crosses year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
  it('subtracts months with clamping', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2028-08-31', -6)).toBe('2028-02-29');
    expect(addMonths('2027-01-15', -6)).toBe('2026-07-15');
    expect(addMonths('2026-11-29', 2)).toBe('2027-01-29');
  });
  it('finds Easter', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });
  it('round-trips every day number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 100000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const key = toDayKey(n);
        expect(isDayKey(key)).toBe(true);
        expect(toDayNumber(key)).toBe(n);
        expect(daysBetween(key, addDays(key, k))).toBe(k);
      }),
    );
  });
});
