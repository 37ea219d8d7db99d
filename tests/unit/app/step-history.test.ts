// The kept step is read back only from the add-on's own step rows, in the order they were logged, this school year.
import {
  ADDON_STAFF,
  firstSeenFromLog,
  priorFromLog,
  stepChanges,
  type StepRow,
} from '../../../src/app/step-history';
import type { StudentStatus } from '../../../src/domain/types';

const YEAR = { firstDay: '2026-08-12', lastDay: '2027-06-03' };

function stepRow(loggedAt: string, date: string, step: number, extra: Partial<StepRow> = {}): StepRow {
  return {
    loggedAt,
    studentId: 'S1',
    date,
    type: 'Step reached',
    role: 'System',
    staff: ADDON_STAFF,
    targetStep: step,
    notes: `Step ${step} began.`,
    ...extra,
  };
}

describe('priorFromLog', () => {
  const log = [
    stepRow('2026-09-03 08:00', '2026-09-03', 1),
    stepRow('2026-09-10 08:00', '2026-09-10', 2),
    stepRow('2026-10-01 08:00', '2026-10-01', 3),
  ];

  it('keeps the last step logged, with the day each step began', () => {
    expect(priorFromLog(log, YEAR)['S1']).toEqual({
      step: 3,
      highestStep: 3,
      stepSince: { 1: '2026-09-03', 2: '2026-09-10', 3: '2026-10-01' },
    });
  });

  it("ignores a person's entry of the same type: only the add-on moves a kept step", () => {
    const forged = [
      ...log,
      stepRow('2026-10-02 09:00', '2026-10-02', 0, {
        role: 'Teacher',
        staff: 'teacher@district.example.org',
      }),
      stepRow('2026-10-02 09:05', '2026-10-02', 0, { role: 'System', staff: 'teacher@district.example.org' }),
    ];
    expect(priorFromLog(forged, YEAR)['S1']?.step).toBe(3);
  });

  it('follows the logged order, not the order of the rows after a sort by hand', () => {
    const adjusted = [
      ...log,
      stepRow('2026-10-20 10:00', '2026-10-20', 1, {
        notes: 'Step 1 after the step adjustment of 2026-10-20 to step 1: moved',
      }),
    ];
    // Sorted by hand so that the adjustment's row comes first: read in sheet order, step 3 would win.
    const resorted = [adjusted[3]!, ...adjusted.slice(0, 3)];
    for (const rows of [adjusted, resorted]) {
      expect(priorFromLog(rows, YEAR)['S1']).toMatchObject({
        step: 1,
        adjustmentDate: '2026-10-20',
        adjustmentStep: 1,
      });
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
      stepRow('2026-11-20 07:00', '2026-09-11', 3),
      stepRow('2026-11-19 07:00', '2026-09-03', 1),
      stepRow('2026-11-18 07:00', '2026-09-03', 1, { role: 'Teacher', staff: 'someone' }),
      stepRow('2026-10-01 07:00', '2026-10-01', 1, { studentId: 'S2' }),
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
      adjustment: { date: '2026-10-20', toStep: 1, role: 'assistantPrincipal', reason: 'data corrected' },
    };
    const [change] = stepChanges(adjusted, { step: 3, stepSince: base.stepSince }, name);
    expect(change).toMatchObject({ step: 1, date: '2026-10-20' });
    expect(change?.notes).toMatch(/after the step adjustment of 2026-10-20 to step 1: data corrected/);
    // Logged once: the same adjustment already applied writes nothing; another step set the same day does.
    const applied = {
      step: 1 as const,
      stepSince: { 1: '2026-09-03' },
      adjustmentDate: '2026-10-20',
      adjustmentStep: 1 as const,
    };
    expect(stepChanges(adjusted, applied, name)).toEqual([]);
    const corrected: StudentStatus = {
      ...adjusted,
      step: 2,
      adjustment: { ...adjusted.adjustment!, toStep: 2 },
    };
    expect(stepChanges(corrected, applied, name)).toHaveLength(1);
  });
});
