// Tests for the instructional calendar: weekends, holidays, make-up days, school-day arithmetic, defaults.

import {
  addSchoolDays,
  compileCalendar,
  defaultCalendar,
  instructionalDaysBetween,
  isInstructional,
  schoolDayOnOrBefore,
  schoolYearLabel,
  schoolYearStartOf,
} from '../../../src/domain/calendar';
import { weekday } from '../../../src/domain/dates';
import { CAL, IDX } from './helpers';

describe('default calendar 2026-2027', () => {
  it('runs mid-August to late May/early June with the Texas holidays', () => {
    expect(CAL.schoolYear).toBe('2026-2027');
    expect(CAL.firstDay).toBe('2026-08-12');
    expect(CAL.lastDay).toBe('2027-06-03');
    for (const d of [
      '2026-09-07',
      '2026-11-23',
      '2026-11-27',
      '2026-12-21',
      '2027-01-01',
      '2027-01-18',
      '2027-03-08',
      '2027-03-12',
      '2027-03-26',
      '2027-05-31',
    ]) {
      expect(CAL.holidays).toContain(d);
      expect(isInstructional(IDX, d)).toBe(false);
    }
    expect(CAL.holidays.every((d) => weekday(d) <= 5)).toBe(true);
    expect(IDX.days.length).toBeGreaterThan(170);
    expect(IDX.days.length).toBeLessThan(190);
  });
  it('works for other years', () => {
    const c = defaultCalendar(2027);
    expect(c.schoolYear).toBe('2027-2028');
    expect(c.holidays).toContain('2028-04-14'); // Good Friday 2028
    expect(weekday(c.firstDay)).toBe(3);
  });
});

describe('instructional days', () => {
  it('excludes weekends, holidays and days outside the year', () => {
    expect(isInstructional(IDX, '2026-08-12')).toBe(true);
    expect(isInstructional(IDX, '2026-08-11')).toBe(false);
    expect(isInstructional(IDX, '2026-08-15')).toBe(false); // Saturday
    expect(isInstructional(IDX, '2027-06-03')).toBe(true);
    expect(isInstructional(IDX, '2027-06-04')).toBe(false);
  });
  it('counts days between, inclusive', () => {
    expect(instructionalDaysBetween(IDX, '2026-08-12', '2026-08-14')).toBe(3);
    expect(instructionalDaysBetween(IDX, '2026-09-04', '2026-09-08')).toBe(2); // Fri, (weekend, Labor Day), Tue
    expect(instructionalDaysBetween(IDX, '2026-09-08', '2026-09-04')).toBe(0);
    expect(instructionalDaysBetween(IDX, '2026-01-01', '2026-08-12')).toBe(1);
    expect(instructionalDaysBetween(IDX, '2026-11-21', '2026-11-29')).toBe(0); // Thanksgiving week
  });
  it('adds school days over weekends and holidays, and past the year end', () => {
    expect(addSchoolDays(IDX, '2026-09-03', 3)).toBe('2026-09-09');
    expect(addSchoolDays(IDX, '2026-11-20', 1)).toBe('2026-11-30');
    expect(addSchoolDays(IDX, '2026-11-22', 1)).toBe('2026-11-30');
    expect(addSchoolDays(IDX, '2026-09-03', 0)).toBe('2026-09-03');
    expect(addSchoolDays(IDX, '2027-06-02', 3)).toBe('2027-06-07');
  });
  it('finds the school day on or before a date', () => {
    expect(schoolDayOnOrBefore(IDX, '2026-11-29')).toBe('2026-11-20');
    expect(schoolDayOnOrBefore(IDX, '2026-11-30')).toBe('2026-11-30');
    expect(schoolDayOnOrBefore(IDX, '2026-08-01')).toBeNull();
  });
  it('honours make-up days on a Saturday', () => {
    const idx = compileCalendar({ ...CAL, makeUpDays: ['2026-08-15'] });
    expect(isInstructional(idx, '2026-08-15')).toBe(true);
    expect(addSchoolDays(idx, '2026-08-14', 1)).toBe('2026-08-15');
  });
  it('labels school years', () => {
    expect(schoolYearLabel(2026)).toBe('2026-2027');
    expect(schoolYearStartOf('2027-03-01')).toBe(2026);
    expect(schoolYearStartOf('2026-08-01')).toBe(2026);
  });
});
