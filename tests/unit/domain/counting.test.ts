// Tests for counting unexcused/excused days, windows and the attendance rate.

import { attendanceRate, countingContext, countStudent } from '../../../src/domain/counting';
import type { AbsenceRecord, StudentRecord } from '../../../src/domain/types';
import { IDX, POLICY, schoolDays } from './helpers';

const student = (over: Partial<StudentRecord> = {}): StudentRecord => ({
  studentId: 'S1',
  name: '',
  enrollDate: null,
  withdrawDate: null,
  birthDate: null,
  ...over,
});
const rows = (list: [string, string][]): AbsenceRecord[] =>
  list.map(([date, code]) => ({ studentId: 'S1', date, code }));
const count = (list: [string, string][], asOf = '2026-11-20', s = student()) =>
  countStudent(countingContext(POLICY, IDX, asOf), s, rows(list));

describe('countStudent', () => {
  it('counts a day once however many periods or codes it has', () => {
    const c = count([
      ['2026-09-01', 'U'],
      ['2026-09-01', 'U'],
      ['2026-09-01', 'UP'],
      ['2026-09-01', 'E'],
      ['2026-09-02', 'UP'],
      ['2026-09-02', 'UP'],
    ]);
    expect(c.unexcusedDays).toBe(2);
    expect(c.excusedDays).toBe(0);
    expect(c.unexcusedDates).toEqual(['2026-09-01', '2026-09-02']);
  });
  it('counts an excused-only day as excused; any unexcused code makes it unexcused', () => {
    const c = count([
      ['2026-09-01', 'E'],
      ['2026-09-01', 'M'],
      ['2026-09-02', 'E'],
      ['2026-09-02', 'UP'],
    ]);
    expect(c.excusedDays).toBe(1);
    expect(c.unexcusedDays).toBe(1);
  });
  it('drops an absence re-coded as excused after the fact', () => {
    expect(count([['2026-09-01', 'U']]).unexcusedDays).toBe(1);
    const c = count([['2026-09-01', 'E']]);
    expect(c.unexcusedDays).toBe(0);
    expect(c.excusedDays).toBe(1);
  });
  it('ignores present/school-related and unknown codes, weekends, holidays, outside the year and after asOf', () => {
    const c = count([
      ['2026-09-01', 'S'],
      ['2026-09-01', 'p'],
      ['2026-09-02', 'ZZ'],
      ['2026-09-05', 'U'], // Saturday
      ['2026-09-07', 'U'], // Labor Day
      ['2026-08-11', 'U'], // before the first day
      ['2027-06-04', 'U'], // after the last day
      ['2026-11-30', 'U'], // after asOf
      ['2026-08-12', 'u'], // first day, lower-case code
    ]);
    expect(c.unexcusedDays).toBe(1);
    expect(c.unexcusedDates).toEqual(['2026-08-12']);
  });
  it('counts the last day of the school year', () => {
    expect(count([['2027-06-03', 'U']], '2027-06-30').unexcusedDays).toBe(1);
  });
  it('counts windows: last 28 days and last 6 months, asOf included', () => {
    const c = count(
      [
        ['2026-10-22', 'U'], // 29 days before asOf: outside 4 weeks
        ['2026-10-23', 'U'], // 28 days before: outside
        ['2026-10-26', 'U'],
        ['2026-11-20', 'U'],
      ],
      '2026-11-20',
    );
    expect(c.unexcusedRecent).toBe(2);
    expect(c.unexcusedLong).toBe(4);
    const late = count(
      [
        ['2026-09-01', 'U'],
        ['2027-03-02', 'U'],
      ],
      '2027-03-02',
    );
    expect(late.unexcusedLong).toBe(1); // 2026-09-01 is more than 6 months before 2027-03-02
    expect(count([['2026-09-02', 'U']], '2027-03-02').unexcusedLong).toBe(0);
    expect(count([['2026-09-03', 'U']], '2027-03-02').unexcusedLong).toBe(1);
  });
  // The state-law deadlines (TEC 25.095, 25.0951) count from the day a window's threshold was first met.
  it('keeps the first day 3 unexcused days fell within 4 weeks, after the window has moved on', () => {
    const list: [string, string][] = [
      ['2026-09-01', 'U'],
      ['2026-09-15', 'U'],
      ['2026-09-29', 'U'], // 09-01 is 29 days before: outside the 28-day window ending 09-29
      ['2026-09-30', 'UP'], // 09-15, 09-29, 09-30 within the window ending 09-30
    ];
    const c = count(list, '2026-11-20');
    expect(c.unexcusedRecent).toBe(0);
    expect(c.recentThresholdMetOn).toBe('2026-09-30');
    expect(count(list.slice(0, 3), '2026-11-20').recentThresholdMetOn).toBeNull();
    // The window includes its first day: 09-02 is 27 days before 09-29.
    const edge = count(
      [
        ['2026-09-02', 'U'],
        ['2026-09-15', 'U'],
        ['2026-09-29', 'U'],
      ],
      '2026-11-20',
    );
    expect(edge.recentThresholdMetOn).toBe('2026-09-29');
  });
  it('keeps the first day 10 unexcused days fell within 6 months', () => {
    const days = schoolDays('2026-09-01', 10); // 09-01 … 09-15
    const list = days.map((d) => [d, 'U'] as [string, string]);
    const c = count(list, '2027-05-20');
    expect(c.unexcusedLong).toBe(0);
    expect(c.longThresholdMetOn).toBe('2026-09-15');
    expect(c.recentThresholdMetOn).toBe('2026-09-03');
    expect(count(list.slice(0, 9), '2027-05-20').longThresholdMetOn).toBeNull();
    // Up to asOf only: as of 09-14 the 10th day has not happened yet.
    expect(count(list, '2026-09-14').longThresholdMetOn).toBeNull();
  });
  it('computes the attendance rate over enrolled instructional days, weighting part days', () => {
    const days = schoolDays('2026-08-12', 20);
    const asOf = days[19] as string;
    const c = count(
      [
        [days[0] as string, 'U'],
        [days[1] as string, 'E'],
        [days[2] as string, 'UP'],
        [days[3] as string, 'EP'],
        [days[3] as string, 'EP'],
      ],
      asOf,
    );
    expect(c.enrolledDays).toBe(20);
    expect(c.absenceWeight).toBe(3);
    expect(attendanceRate(c)).toBeCloseTo(17 / 20);
  });
  it('counts a full-day code over a part-day code on the same day as a full day', () => {
    const c = count([
      ['2026-09-01', 'UP'],
      ['2026-09-01', 'E'],
    ]);
    expect(c.absenceWeight).toBe(1);
    expect(c.unexcusedDays).toBe(1);
  });
  it('only counts days while enrolled (mid-year enrolment and withdrawal)', () => {
    const s = student({ enrollDate: '2026-10-01', withdrawDate: '2026-11-02' });
    const c = count(
      [
        ['2026-09-15', 'U'],
        ['2026-10-01', 'U'],
        ['2026-10-30', 'U'],
        ['2026-11-02', 'U'],
      ],
      '2026-11-20',
      s,
    );
    expect(c.unexcusedDays).toBe(2);
    expect(c.enrolledDays).toBe(21); // Oct 1–30 weekdays (22) minus Columbus Day
  });
  it('has no rate before enrolment', () => {
    const c = count([], '2026-09-01', student({ enrollDate: '2026-10-01' }));
    expect(c.enrolledDays).toBe(0);
    expect(attendanceRate(c)).toBeNull();
  });
});
