// Tests for the step rules: thresholds, the step-4 gate, kept steps, adjustments and court.

import { doc, run, statusOf, unexcused } from './helpers';

// Step 3's efforts (AP meeting, barrier collaboration, TPM plan, district referral) and their follow-up.
const gateDocs = (dates: { ap: string; bc?: string; tpm: string; ref: string; fu: string }, extra = {}) => [
  doc('S1', dates.ap, 'AP meeting', extra),
  doc('S1', dates.bc ?? dates.ap, 'Barrier collaboration', { role: 'counselor', ...extra }),
  doc('S1', dates.tpm, 'TPM plan', extra),
  doc('S1', dates.ref, 'District referral', extra),
  doc('S1', dates.fu, 'Follow-up', extra),
];
const GOOD = { ap: '2026-09-14', bc: '2026-09-14', tpm: '2026-09-15', ref: '2026-09-21', fu: '2026-09-28' };

describe('steps by count', () => {
  it('is step 0 below 3 and step 1 from the 3rd unexcused day', () => {
    expect(statusOf(run({ absences: unexcused(2) })).step).toBe(0);
    const s = statusOf(run({ absences: unexcused(3) }));
    expect(s.step).toBe(1);
    expect(s.since).toBe('2026-09-03');
  });
  it('jumps from 2 to 9 in one import straight to step 3 with sensible since-dates and both letters due', () => {
    const before = statusOf(run({ absences: unexcused(2), asOf: '2026-09-02' }));
    expect(before.step).toBe(0);
    const s = statusOf(
      run({
        absences: unexcused(9),
        asOf: '2026-09-14',
        prior: { S1: { step: before.step, stepSince: {} } },
      }),
    );
    expect(s.step).toBe(3);
    expect(s.stepSince).toEqual({ 1: '2026-09-03', 2: '2026-09-08', 3: '2026-09-11' });
    expect(s.since).toBe('2026-09-11');
    expect(s.lettersDue.map((l) => l.key)).toEqual(['S1|letter1|2026-2027', 'S1|letter2-90|2026-2027']);
    expect(s.blocked).toBeUndefined();
  });
  it('counts parts of days toward the thresholds', () => {
    expect(statusOf(run({ absences: unexcused(5, '2026-09-01', 'S1', 'UP') })).step).toBe(2);
  });
});

describe('step-4 gate', () => {
  it('blocks at step 3 with every missing item named', () => {
    const s = statusOf(run({ absences: unexcused(11) }));
    expect(s.step).toBe(3);
    expect(s.flags).toContain('escalationBlocked');
    expect(s.blocked?.targetStep).toBe(4);
    expect(s.blocked?.missing).toEqual([
      'AP meeting (on or after 2026-09-11)',
      'Barrier collaboration (on or after 2026-09-11)',
      'TPM plan (on or after 2026-09-11)',
      'District referral (on or after 2026-09-11)',
      'Follow-up (on or after the entries above)',
    ]);
  });
  it('reaches step 4 once all gate entries and the follow-up are documented after step 3 began', () => {
    const s = statusOf(run({ absences: unexcused(11), docs: gateDocs(GOOD) }));
    expect(s.step).toBe(4);
    expect(s.since).toBe('2026-09-28'); // later of the 11th day (09-16) and the follow-up
    expect(s.stepSince[3]).toBe('2026-09-11');
    expect(s.blocked).toBeUndefined();
  });
  it('uses the 11th day as since when the gate was complete before it', () => {
    const early = { ap: '2026-09-11', tpm: '2026-09-11', ref: '2026-09-14', fu: '2026-09-15' };
    expect(statusOf(run({ absences: unexcused(11), docs: gateDocs(early) })).since).toBe('2026-09-16');
  });
  // Policy, step 4: "Begins after 11 unexcused absences if all attempts at addressing attendance have been
  // exhausted, all efforts and interventions have been documented" — step 3's efforts include "Collaborate with
  // student, family, teachers, school staff (as well as outside school resources) to address barriers".
  it('needs the barrier collaboration that step 3 requires ("all efforts and interventions have been documented")', () => {
    const withoutBarriers = gateDocs(GOOD).filter((d) => d.type !== 'Barrier collaboration');
    const s = statusOf(run({ absences: unexcused(11), docs: withoutBarriers }));
    expect(s.step).toBe(3);
    expect(s.blocked?.missing).toEqual([
      'Barrier collaboration (on or after 2026-09-11)',
      'Follow-up (on or after the entries above)',
    ]);
    const late = statusOf(run({ absences: unexcused(11), docs: gateDocs({ ...GOOD, bc: '2026-09-29' }) }));
    expect(late.blocked?.missing).toEqual(['Follow-up (on or after 2026-09-29)']);
  });
  it('does not count gate entries made before step 3 began', () => {
    const s = statusOf(run({ absences: unexcused(11), docs: [...gateDocs({ ...GOOD, ap: '2026-09-10' })] }));
    expect(s.step).toBe(3);
    expect(s.blocked?.missing).toEqual([
      'AP meeting (on or after 2026-09-11)',
      'Follow-up (on or after the entries above)',
    ]);
  });
  it('does not count a follow-up dated before the other entries (wrong order)', () => {
    const s = statusOf(run({ absences: unexcused(11), docs: gateDocs({ ...GOOD, fu: '2026-09-18' }) }));
    expect(s.step).toBe(3);
    expect(s.blocked?.missing).toEqual(['Follow-up (on or after 2026-09-21)']);
  });
  it('does not count entries whose outcome is not done', () => {
    const s = statusOf(run({ absences: unexcused(11), docs: gateDocs(GOOD, { outcome: 'Scheduled' }) }));
    expect(s.step).toBe(3);
    const blank = statusOf(run({ absences: unexcused(11), docs: gateDocs(GOOD, { outcome: '' }) }));
    expect(blank.step).toBe(4);
  });
  it('does not count entries dated after asOf', () => {
    expect(statusOf(run({ absences: unexcused(11), docs: gateDocs(GOOD), asOf: '2026-09-25' })).step).toBe(3);
  });
  it('is not reached by the gate alone below the threshold', () => {
    expect(statusOf(run({ absences: unexcused(10), docs: gateDocs(GOOD) })).step).toBe(3);
  });
});

describe('kept step and adjustments', () => {
  const prior3 = {
    S1: { step: 3 as const, stepSince: { 1: '2026-09-03', 2: '2026-09-08', 3: '2026-09-11' } },
  };
  it('keeps the step after a correction lowers the count', () => {
    const s = statusOf(run({ absences: unexcused(4), prior: prior3 }));
    expect(s.counts.unexcusedDays).toBe(4);
    expect(s.step).toBe(3);
    expect(s.since).toBe('2026-09-11');
    expect(s.flags).toContain('stepKept');
  });
  it('lowers the step by an administrator adjustment with a reason', () => {
    const adj = doc('S1', '2026-10-01', 'Step adjustment', {
      role: 'principal',
      note: 'Absences were a data-entry error',
      targetStep: 1,
    });
    const s = statusOf(run({ absences: unexcused(4), prior: prior3, docs: [adj] }));
    expect(s.step).toBe(1);
    expect(s.since).toBe('2026-09-03');
    expect(s.stepSince).toEqual({ 1: '2026-09-03' });
    expect(s.adjustment).toEqual({
      seq: adj.seq,
      date: '2026-10-01',
      toStep: 1,
      role: 'principal',
      reason: 'Absences were a data-entry error',
    });
    expect(s.highestStep).toBe(3);
    // The next run carries the adjustment in the prior status and stays at step 1.
    const again = statusOf(
      run({
        absences: unexcused(4),
        docs: [adj],
        prior: { S1: { step: 1, highestStep: 3, stepSince: s.stepSince, adjustmentSeq: adj.seq ?? null } },
      }),
    );
    expect(again.step).toBe(1);
  });
  it('raises again by the unexcused days after the adjustment (the gaps of the ladder apply again)', () => {
    const adj = doc('S1', '2026-10-01', 'Step adjustment', {
      role: 'assistantPrincipal',
      note: 'Recoded',
      targetStep: 0,
    });
    // After a lowering to 0 on 10-01, the 3 days 10-05..10-07 reach step 1 (not step 2 as the 5th day of the year).
    const absences = [...unexcused(2), ...unexcused(3, '2026-10-05')];
    const s = statusOf(run({ absences, prior: prior3, docs: [adj] }));
    expect(s.step).toBe(1);
    expect(s.since).toBe('2026-10-07');
    const more = statusOf(
      run({ absences: [...unexcused(2), ...unexcused(5, '2026-10-05')], prior: prior3, docs: [adj] }),
    );
    expect(more.step).toBe(2);
    expect(more.since).toBe('2026-10-09');
  });
  it('ignores an adjustment without a reason or by a non-administrator', () => {
    for (const extra of [
      { role: 'principal', note: '  ', targetStep: 1 },
      { role: 'teacher', note: 'I think so', targetStep: 1 },
      { role: 'districtSpecialist', note: 'reason', targetStep: 1 },
    ]) {
      const s = statusOf(
        run({
          absences: unexcused(4),
          prior: prior3,
          docs: [doc('S1', '2026-10-01', 'Step adjustment', extra)],
        }),
      );
      expect(s.step).toBe(3);
      expect(s.flags).toContain('adjustmentIgnored');
      expect(s.messages.join(' ')).toMatch(/Step adjustment of 2026-10-01 ignored/);
    }
  });
});

describe('court (step 5)', () => {
  // Policy, step 5: "Court intervention occurs after all campus- and district-based interventions have been
  // implemented and failed"; step 4: district interventions, root causes, then "a court case will be considered".
  const decision = (date: string, role = 'districtSpecialist') =>
    doc('S1', date, 'Court referral decision', { role });
  const district = (di: string, rc: string, cc: string) => [
    doc('S1', di, 'District intervention', { role: 'districtSpecialist' }),
    doc('S1', rc, 'Root cause review', { role: 'districtSpecialist' }),
    doc('S1', cc, 'Court consideration', { role: 'districtSpecialist' }),
  ];
  const EFFORTS = district('2026-09-29', '2026-09-30', '2026-10-01'); // step 4 since 2026-09-28
  it('is never automatic, whatever the count', () => {
    const s = statusOf(
      run({ absences: unexcused(40), docs: [...gateDocs(GOOD), ...EFFORTS], asOf: '2026-12-18' }),
    );
    expect(s.step).toBe(4);
  });
  it('follows a documented decision by the district specialist after the step-4 efforts', () => {
    const s = statusOf(
      run({ absences: unexcused(11), docs: [...gateDocs(GOOD), ...EFFORTS, decision('2026-10-05')] }),
    );
    expect(s.step).toBe(5);
    expect(s.since).toBe('2026-10-05');
    expect(s.stepSince[4]).toBe('2026-09-28');
    expect(s.flags).not.toContain('courtDecisionIgnored');
  });
  it('ignores a decision on the first day of step 4, naming the district efforts that are missing', () => {
    const s = statusOf(run({ absences: unexcused(11), docs: [...gateDocs(GOOD), decision('2026-09-28')] }));
    expect(s.step).toBe(4);
    expect(s.flags).toContain('courtDecisionIgnored');
    expect(s.messages).toContain(
      'Court decision of 2026-09-28 ignored: the step-4 efforts are not documented; missing: ' +
        'District intervention (on or after 2026-09-28); Root cause review (on or after 2026-09-28); ' +
        'Court consideration (on or after the entries above).',
    );
  });
  it('ignores a decision while a district effort is missing or was documented before step 4 began', () => {
    const noRootCauses = EFFORTS.filter((d) => d.type !== 'Root cause review');
    const s = statusOf(
      run({ absences: unexcused(11), docs: [...gateDocs(GOOD), ...noRootCauses, decision('2026-10-05')] }),
    );
    expect(s.step).toBe(4);
    expect(s.messages.join(' ')).toMatch(
      /Court decision of 2026-10-05 ignored: .*missing: Root cause review \(on or after 2026-09-28\); Court consideration/,
    );
    const early = district('2026-09-22', '2026-09-23', '2026-09-24'); // at step 3
    const before = statusOf(
      run({ absences: unexcused(11), docs: [...gateDocs(GOOD), ...early, decision('2026-10-05')] }),
    );
    expect(before.step).toBe(4);
    expect(before.flags).toContain('courtDecisionIgnored');
  });
  it('ignores a decision dated before the step-4 efforts were documented, and says so', () => {
    const s = statusOf(
      run({ absences: unexcused(11), docs: [...gateDocs(GOOD), ...EFFORTS, decision('2026-09-30')] }),
    );
    expect(s.step).toBe(4);
    expect(s.messages.join(' ')).toMatch(
      /Court decision of 2026-09-30 ignored: it was made before the step-4 efforts were documented \(complete on 2026-10-01\)/,
    );
  });
  it('ignores a decision made before step 4 or by someone else', () => {
    const early = statusOf(
      run({ absences: unexcused(11), docs: [...gateDocs(GOOD), ...EFFORTS, decision('2026-09-25')] }),
    );
    expect(early.step).toBe(4);
    expect(early.flags).toContain('courtDecisionIgnored');
    const byAp = statusOf(
      run({
        absences: unexcused(11),
        docs: [...gateDocs(GOOD), ...EFFORTS, decision('2026-10-05', 'assistantPrincipal')],
      }),
    );
    expect(byAp.step).toBe(4);
    expect(byAp.messages.join(' ')).toMatch(/not made by a district specialist/);
    const atStep3 = statusOf(run({ absences: unexcused(9), docs: [decision('2026-10-05')] }));
    expect(atStep3.step).toBe(3);
    expect(atStep3.flags).toContain('courtDecisionIgnored');
  });
});
