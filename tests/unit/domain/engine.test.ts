// Tests for evaluateCampus: whole-campus evaluation, problems, flags, subsets and JSON-able output.

import { evaluateCampus } from '../../../src/domain/engine';
import { CAL, doc, POLICY, run, statusOf, unexcused } from './helpers';

describe('evaluateCampus', () => {
  const absences = [
    ...unexcused(4, '2026-09-01', 'S1'),
    ...unexcused(9, '2026-09-01', 'S2'),
    ['S9', '2026-09-01', 'U'] as [string, string, string],
  ];
  const students = [{ studentId: 'S1' }, { studentId: 'S2' }, { studentId: 'S3', enrollDate: '2026-12-01' }];

  it('evaluates every student in roster order and lists problems', () => {
    const r = run({ students, absences });
    expect(r.schoolYear).toBe('2026-2027');
    expect(r.statuses.map((s) => [s.studentId, s.step])).toEqual([
      ['S1', 1],
      ['S2', 3],
      ['S3', 0],
    ]);
    expect(r.problems).toEqual([
      expect.objectContaining({ tab: 'Absences', row: 15, column: 'Student ID', severity: 'error' }),
    ]);
    expect(statusOf(r, 'S3').flags).toContain('notEnrolled');
    expect(statusOf(r, 'S3').attendanceRate).toBeNull();
  });
  it('evaluates only a subset when asked, with the same results', () => {
    const full = run({ students, absences });
    const r = evaluateCampus({
      policy: POLICY,
      calendar: CAL,
      students: students.map((s, i) => ({ row: i + 2, ...s })),
      absences: absences.map(([studentId, date, code], i) => ({ row: i + 2, studentId, date, code })),
      documentation: [],
      priorStatuses: {},
      lettersIssued: [],
      firstSeen: { S1: CAL.firstDay, S2: CAL.firstDay, S3: CAL.firstDay }, // as run() does
      asOf: '2026-11-20',
      onlyStudentIds: ['S2'],
    });
    expect(r.statuses).toEqual([statusOf(full, 'S2')]);
    expect(r.problems).toEqual([]);
  });
  it('flags the 90% line, 3 in 4 weeks and 10 in 6 months', () => {
    const s = statusOf(run({ absences: unexcused(10, '2026-10-26'), asOf: '2026-11-20' }));
    expect(s.flags).toEqual(
      expect.arrayContaining(['belowAttendanceLine', 'recentWindowThreshold', 'longWindowThreshold']),
    );
    expect(s.attendanceRate).toBeLessThan(0.9);
    const fine = statusOf(run({ absences: unexcused(2, '2026-09-01'), asOf: '2026-11-20' }));
    expect(fine.flags).toEqual([]);
  });
  it('counts excused and unexcused days against the 90% line', () => {
    const excused = unexcused(8, '2026-09-01').map(([id, d]) => [id, d, 'E'] as [string, string, string]);
    const s = statusOf(run({ absences: excused, asOf: '2026-10-02' }));
    expect(s.step).toBe(0);
    expect(s.counts.excusedDays).toBe(8);
    expect(s.flags).toContain('belowAttendanceLine');
  });
  it('handles a student enrolled mid-year: earlier absences and days do not count', () => {
    const r = run({
      students: [{ studentId: 'S1', enrollDate: '2026-10-01' }],
      absences: [...unexcused(5, '2026-09-01'), ...unexcused(3, '2026-10-01')],
    });
    const s = statusOf(r);
    expect(s.counts.unexcusedDays).toBe(3);
    expect(s.step).toBe(1);
    expect(s.since).toBe('2026-10-05');
  });
  it('produces plain JSON (round-trips unchanged)', () => {
    const r = run({ absences: unexcused(11), docs: [doc('S1', '2026-09-14', 'AP meeting')] });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('warns when asOf is outside the school year', () => {
    expect(run({ asOf: '2027-07-01' }).problems).toEqual([
      expect.objectContaining({ tab: 'Calendar', severity: 'warning' }),
    ]);
  });
  it('is linear: a campus of 5,000 students and 100,000 rows evaluates quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ studentId: `S${i}` }));
    const rows: [string, string, string][] = [];
    const days = unexcused(20, '2026-08-12').map(([, d]) => d);
    for (let i = 0; i < 100000; i++) rows.push([`S${i % 5000}`, days[i % 20] as string, i % 3 ? 'U' : 'E']);
    const t = Date.now();
    const r = run({ students: many, absences: rows });
    expect(r.statuses).toHaveLength(5000);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});
