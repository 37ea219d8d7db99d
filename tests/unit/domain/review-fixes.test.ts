// Regression tests for the reviewed engine defects: adjustments, school-year documentation, the climb after an
// adjustment, the follow-up due, withdrawn students, duplicate keys, invalid calendars and ids, summer due lists.

import { evaluateCampus } from '../../../src/domain/engine';
import { defaultCalendar } from '../../../src/domain/calendar';
import { policyFromSettings } from '../../../src/domain/policy-settings';
import type { SettingsInputRow } from '../../../src/domain/policy-settings';
import type { PriorStatus } from '../../../src/domain/types';
import { POLICY, doc, run, statusOf, unexcused } from './helpers';

const adjust = (date: string, targetStep: number, extra = {}) =>
  doc('S1', date, 'Step adjustment', { role: 'assistantPrincipal', note: 'x', targetStep, ...extra });
const decision = (date: string) => doc('S1', date, 'Court referral decision', { role: 'districtSpecialist' });
const gate = (ap: string, tpm: string, ref: string, fu: string) => [
  doc('S1', ap, 'AP meeting'),
  doc('S1', ap, 'Barrier collaboration'),
  doc('S1', tpm, 'TPM plan'),
  doc('S1', ref, 'District referral'),
  doc('S1', fu, 'Follow-up'),
];

describe('1. an adjustment may only lower the step', () => {
  it.each([4, 5])('ignores an adjustment to step %i above the step the student is at', (to) => {
    const s = statusOf(run({ absences: unexcused(3), docs: [adjust('2026-10-01', to)] }));
    expect(s.step).toBe(1);
    expect(s.adjustment).toBeUndefined();
    expect(s.flags).toContain('adjustmentIgnored');
    expect(s.flags).not.toContain('stepAdjusted');
    expect(s.flags).not.toContain('stepKept');
    expect(s.messages.join(' ')).toMatch(
      new RegExp(`Step adjustment of 2026-10-01 ignored: step ${to} is above step 1`),
    );
  });
  it('cannot reach court through an adjustment, even with a court decision after it', () => {
    const s = statusOf(
      run({ absences: unexcused(11), docs: [adjust('2026-10-01', 4), decision('2026-10-05')] }),
    );
    expect(s.step).toBe(3);
    expect(s.flags).toContain('escalationBlocked');
  });
  it('accepts an adjustment to the step the student is already at', () => {
    const s = statusOf(run({ absences: unexcused(5), docs: [adjust('2026-10-01', 2)] }));
    expect(s.step).toBe(2);
    expect(s.flags).toContain('stepAdjusted');
    expect(s.flags).not.toContain('adjustmentIgnored');
  });
});

describe('2. only documentation of this school year counts', () => {
  it('ignores an adjustment and a court decision of the previous school year', () => {
    const s = statusOf(run({ docs: [adjust('2026-05-15', 4), decision('2026-05-20')] }));
    expect(s.step).toBe(0);
    expect(s.flags).not.toContain('courtDecisionIgnored');
  });
  it('does not lower this year’s kept step by last year’s adjustment', () => {
    const prior = {
      S1: { step: 3 as const, stepSince: { 1: '2026-09-03', 2: '2026-09-08', 3: '2026-09-11' } },
    };
    const s = statusOf(run({ absences: unexcused(9), prior, docs: [adjust('2026-06-01', 0)] }));
    expect(s.step).toBe(3);
    expect(s.adjustment).toBeUndefined();
  });
  it('does not count last year’s follow-up toward this year’s due list', () => {
    const s = statusOf(
      run({ absences: unexcused(1), docs: [doc('S1', '2026-06-01', 'Positive engagement')] }),
    );
    expect(s.step).toBe(0);
    expect(s.due).toEqual([]);
  });
});

describe('3. after an adjustment the student climbs again by the days after it', () => {
  // 9 unexcused days 2026-09-01..09-14: step 3.
  const nine = unexcused(9);
  it('re-enters step 3 with 3 more unexcused days after a lowering to 2 (example A)', () => {
    const absences = [...nine, ...unexcused(3, '2026-10-20')];
    const s = statusOf(run({ absences, docs: [adjust('2026-10-01', 2)] }));
    expect(s.counts.unexcusedDays).toBe(12);
    expect(s.step).toBe(3);
    expect(s.since).toBe('2026-10-22');
    expect(s.flags).not.toContain('escalationBlocked');
    expect(s.messages.join(' ')).not.toMatch(/Escalation to step 4/);
  });
  it('stays at 2 with only 2 more days after the adjustment', () => {
    const absences = [...nine, ...unexcused(2, '2026-10-20')];
    const s = statusOf(run({ absences, docs: [adjust('2026-10-01', 2)] }));
    expect(s.step).toBe(2);
    expect(s.stepSince[3]).toBeUndefined();
  });
  it('needs the step-4 gate on or after the new step-3 start, and 6 more days after the adjustment to 2', () => {
    const absences = [...nine, ...unexcused(6, '2026-10-20')]; // 10-20..10-27: step 3 on 10-22, 6th on 10-27
    const oldGate = gate('2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18');
    const blocked = statusOf(run({ absences, docs: [...oldGate, adjust('2026-10-01', 2)] }));
    expect(blocked.step).toBe(3);
    expect(blocked.blocked?.targetStep).toBe(4);
    expect(blocked.blocked?.missing.join(' ')).toMatch(/on or after 2026-10-22/);
    const newGate = gate('2026-10-22', '2026-10-23', '2026-10-26', '2026-10-27');
    const s = statusOf(run({ absences, docs: [adjust('2026-10-01', 2), ...newGate] }));
    expect(s.step).toBe(4);
    expect(s.since).toBe('2026-10-27');
  });
});

describe('4. an older adjustment is never re-applied', () => {
  it('keeps step 3 when the latest adjustment is cancelled', () => {
    const first = adjust('2026-10-01', 1);
    const cancelled = adjust('2026-10-10', 3, { outcome: 'Cancelled' });
    const prior: Record<string, PriorStatus> = {
      S1: {
        step: 3,
        stepSince: { 1: '2026-09-03', 2: '2026-09-08', 3: '2026-09-11' },
        adjustmentSeq: cancelled.seq ?? null,
      },
    };
    const s = statusOf(run({ absences: unexcused(9), prior, docs: [first, cancelled] }));
    expect(s.step).toBe(3);
    expect(s.flags).not.toContain('stepAdjusted');
  });
});

describe('5. adjustments are told apart by the record, never by their day', () => {
  const base = { step: 2 as const, stepSince: { 1: '2026-09-03', 2: '2026-09-08' } };
  it('counts a second adjustment of the same day made after the applied one', () => {
    const applied = adjust('2026-10-01', 2);
    const second = adjust('2026-10-01', 1);
    const prior = { S1: { ...base, adjustmentSeq: applied.seq ?? null } };
    const s = statusOf(run({ absences: unexcused(9), prior, docs: [applied, second] }));
    expect(s.step).toBe(1);
    expect(s.adjustment?.seq).toBe(second.seq);
  });
  it('applies same-day adjustments in the order they were sealed, whatever the order of the rows', () => {
    const earlier = adjust('2026-10-01', 2);
    const later = adjust('2026-10-01', 1);
    const s = statusOf(run({ absences: unexcused(9), docs: [later, earlier] }));
    expect(s.step).toBe(1);
    expect(s.adjustment?.seq).toBe(later.seq);
  });
  it('does not re-apply the applied adjustment once the student climbed after it', () => {
    const applied = adjust('2026-10-01', 2);
    const prior = {
      S1: {
        step: 3 as const,
        stepSince: { 1: '2026-09-03', 2: '2026-09-08', 3: '2026-10-22' },
        adjustmentSeq: applied.seq ?? null,
      },
    };
    const s = statusOf(run({ absences: unexcused(9), prior, docs: [applied] }));
    expect(s.step).toBe(3);
    expect(s.flags).not.toContain('stepAdjusted');
  });
  it('ignores a typed adjustment, with the reason: typed rows cannot set a step', () => {
    const s = statusOf(run({ absences: unexcused(9), docs: [adjust('2026-10-01', 0, { verified: false })] }));
    expect(s.step).toBe(3);
    expect(s.flags).toContain('adjustmentIgnored');
    expect(s.messages.join(' ')).toMatch(/typed rows cannot set a step/);
  });
  it('ignores a typed court decision, with the reason', () => {
    const decision = doc('S1', '2026-10-05', 'Court referral decision', {
      role: 'districtSpecialist' as never,
      verified: false,
    });
    const s = statusOf(run({ absences: unexcused(12), docs: [decision] }));
    expect(s.step).toBeLessThan(5);
    expect(s.messages.join(' ')).toMatch(/typed in the Documentation tab/);
  });
});

describe('6. the gate follow-up stays due until the gate holds', () => {
  it('lists s3-follow-up while the gate waits for a later follow-up', () => {
    const docs = gate('2026-09-20', '2026-09-21', '2026-09-22', '2026-09-21');
    const s = statusOf(run({ absences: unexcused(11), docs }));
    expect(s.step).toBe(3);
    expect(s.blocked?.missing).toEqual(['Follow-up (on or after 2026-09-22)']);
    expect(s.due.map((d) => d.actionId)).toContain('s3-follow-up');
  });
  it('does not list it once the follow-up is after every required entry', () => {
    const docs = gate('2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23');
    const s = statusOf(run({ absences: unexcused(9), docs }));
    expect(s.due.map((d) => d.actionId)).not.toContain('s3-follow-up');
  });
});

describe('7. withdrawn students', () => {
  it('get no letters and no daily or weekly actions', () => {
    const s = statusOf(
      run({ absences: unexcused(5), students: [{ studentId: 'S1', withdrawDate: '2026-10-01' }] }),
    );
    expect(s.flags).toContain('notEnrolled');
    expect(s.lettersDue).toEqual([]);
    expect(s.due.filter((d) => d.cadence === 'eachUnexcusedDay' || d.cadence === 'weekly')).toEqual([]);
    expect(s.due.map((d) => d.actionId)).not.toContain('s1-call-list');
  });
});

describe('8. a code listed twice in the policy', () => {
  it('gives no false duplicates', () => {
    const codes = [...POLICY.codes];
    codes.splice(1, 0, codes[1]!); // U, UP, UP, E, …, P
    const policy = { ...POLICY, codes };
    const r = run({
      policy,
      absences: [
        ['S1', '2026-09-01', 'P'],
        ['S1', '2026-09-02', 'U'],
      ],
    });
    expect(r.problems.filter((p) => /Duplicate/.test(p.reason))).toEqual([]);
    expect(statusOf(r).counts.unexcusedDays).toBe(1);
  });
  it('is listed as a problem by policyFromSettings and used once', () => {
    const rows: SettingsInputRow[] = [
      { key: 'code.U', value: 'unexcused', row: 2 },
      { key: 'code.u', value: 'excused', row: 3 },
    ];
    const { policy, problems } = policyFromSettings(rows);
    expect(policy.codes.filter((c) => c.code.toUpperCase() === 'U').length).toBeLessThanOrEqual(1);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('9. an invalid calendar', () => {
  it('fails safe with a Calendar problem and never throws', () => {
    const calendar = { ...defaultCalendar(2026), firstDay: 'not a date' };
    const r = evaluateCampus({
      policy: POLICY,
      calendar,
      students: [{ row: 2, studentId: 'S1' }],
      absences: unexcused(5).map(([studentId, date, code], i) => ({ row: i + 2, studentId, date, code })),
      documentation: [],
      priorStatuses: {},
      lettersIssued: [],
      firstSeen: {},
      asOf: '2026-11-20',
    });
    expect(statusOf(r).step).toBe(0);
    expect(statusOf(r).counts.unexcusedDays).toBe(0);
    expect(r.problems.some((p) => p.tab === 'Calendar' && /first day/i.test(p.reason))).toBe(true);
  });
});

describe('10. policyFromSettings with odd keys', () => {
  it('does not throw on a null or number key', () => {
    const rows = [
      { key: null, value: 1, row: 2 },
      { key: 5, value: 1, row: 3 },
    ] as unknown as SettingsInputRow[];
    expect(() => policyFromSettings(rows)).not.toThrow();
  });
});

describe('11. student ids that name built-in properties', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('%s is an ordinary id', (id) => {
    const s = statusOf(run({ students: [{ studentId: id }], absences: unexcused(3, '2026-09-01', id) }), id);
    expect(s.step).toBe(1);
    expect(s.highestStep).toBe(1);
    expect(s.flags).not.toContain('stepKept');
  });
});

describe('12. adjustment messages', () => {
  it('states the step shown after a climb following the adjustment', () => {
    const absences = [...unexcused(9), ...unexcused(3, '2026-10-20')];
    const s = statusOf(run({ absences, docs: [adjust('2026-10-01', 2)] }));
    expect(s.step).toBe(3);
    const msg = s.messages.find((m) => m.startsWith('Step set to'));
    expect(msg).toMatch(/Step set to 2 on 2026-10-01/);
    expect(msg).toMatch(/now step 3/);
  });
});

describe('summer: asOf outside the school year', () => {
  it('lists no due actions', () => {
    const r = run({ absences: unexcused(5), asOf: '2027-07-15' });
    expect(statusOf(r).due).toEqual([]);
    expect(statusOf(r).nextDue).toBeNull();
    expect(r.problems.some((p) => p.tab === 'Calendar')).toBe(true);
  });
});
