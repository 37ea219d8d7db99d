// The kept step is read back only from the add-on's sealed step rows, in the record's sequence, this school year.
import { firstSeenFromLog, priorFromLog, stepChanges, type StepRow } from '../../../src/app/step-history';
import type { StudentStatus } from '../../../src/domain/types';

const YEAR = { firstDay: '2026-08-12', lastDay: '2027-06-03' };

function stepRow(seq: number, date: string, step: number, extra: Partial<StepRow> = {}): StepRow {
  return { seq, loggedAt: `${date} 08:00`, studentId: 'S1', date, targetStep: step, refersTo: '', ...extra };
}

describe('priorFromLog', () => {
  const log = [stepRow(1, '2026-09-03', 1), stepRow(2, '2026-09-10', 2), stepRow(3, '2026-10-01', 3)];

  it('keeps the last step logged, with the day each step began', () => {
    expect(priorFromLog(log, YEAR)['S1']).toEqual({
      step: 3,
      highestStep: 3,
      stepSince: { 1: '2026-09-03', 2: '2026-09-10', 3: '2026-10-01' },
    });
  });

  it('follows the sequence the add-on gave, not the order of the rows after a sort by hand', () => {
    const adjusted = [...log, stepRow(4, '2026-10-20', 1, { refersTo: 'S000009' })];
    // Sorted by hand so that the adjustment's row comes first: read in sheet order, step 3 would win.
    const resorted = [adjusted[3]!, ...adjusted.slice(0, 3)];
    for (const rows of [adjusted, resorted]) {
      expect(priorFromLog(rows, YEAR)['S1']).toMatchObject({ step: 1, adjustmentSeq: 9 });
    }
  });

  it('starts each school year over', () => {
    const lastYear = log.map((r) => ({ ...r, date: r.date.replace('2026', '2025') }));
    expect(priorFromLog(lastYear, YEAR)['S1']).toBeUndefined();
  });
});

describe('firstSeenFromLog', () => {
  it('is the day the add-on logged its first step row for a student, whatever day the step began', () => {
    const rows = [
      stepRow(3, '2026-09-11', 3, { loggedAt: '2026-11-20 07:00' }),
      stepRow(2, '2026-09-03', 1, { loggedAt: '2026-11-19 07:00' }),
      stepRow(1, '2026-10-01', 1, { loggedAt: '2026-10-01 07:00', studentId: 'S2' }),
    ];
    expect(firstSeenFromLog(rows)).toEqual({ S1: '2026-11-19', S2: '2026-10-01' });
  });
});

describe('stepChanges', () => {
  const base: StudentStatus = {
    studentId: 'S1',
    counts: {
      unexcusedDays: 8,
      excusedDays: 0,
      unexcusedRecent: 0,
      unexcusedLong: 8,
      enrolledDays: 40,
      absenceWeight: 8,
      unexcusedDates: [
        '2026-09-01',
        '2026-09-02',
        '2026-09-03',
        '2026-09-08',
        '2026-09-09',
        '2026-09-10',
        '2026-09-11',
        '2026-09-14',
      ],
      recentThresholdMetOn: '2026-09-03',
      longThresholdMetOn: null,
    },
    attendanceRate: 0.8,
    step: 3,
    since: '2026-09-14',
    stepSince: { 1: '2026-09-03', 2: '2026-09-09', 3: '2026-09-14' },
    highestStep: 3,
    firstSeen: '2026-08-12',
    due: [],
    nextDue: null,
    lettersDue: [],
    flags: [],
    messages: [],
  };
  const name = (s: number) => `step ${s}`;

  it('writes one row per step newly reached, each on its own day', () => {
    expect(
      stepChanges(base, { step: 1, stepSince: { 1: '2026-09-03' } }, name).map((c) => [c.step, c.date]),
    ).toEqual([
      [2, '2026-09-09'],
      [3, '2026-09-14'],
    ]);
    expect(stepChanges(base, { step: 3, stepSince: base.stepSince }, name)).toEqual([]);
  });

  it('dates a step set by an adjustment on the day of the adjustment', () => {
    const adjusted: StudentStatus = {
      ...base,
      step: 1,
      since: '2026-09-03',
      adjustment: {
        seq: 7,
        date: '2026-10-20',
        toStep: 1,
        role: 'assistantPrincipal',
        reason: 'data corrected',
      },
    };
    const [change] = stepChanges(adjusted, { step: 3, stepSince: base.stepSince }, name);
    expect(change).toMatchObject({ step: 1, date: '2026-10-20', refersTo: 'S000007' });
    expect(change?.notes).toMatch(/after the step adjustment of 2026-10-20 to step 1: data corrected/);
    // Logged once: the same adjustment already applied writes nothing; a later one the same day does.
    const applied = { step: 1 as const, stepSince: { 1: '2026-09-03' }, adjustmentSeq: 7 };
    expect(stepChanges(adjusted, applied, name)).toEqual([]);
    const corrected: StudentStatus = {
      ...adjusted,
      step: 2,
      adjustment: { ...adjusted.adjustment!, seq: 8, toStep: 2 },
    };
    expect(stepChanges(corrected, applied, name)).toHaveLength(1);
  });
});
