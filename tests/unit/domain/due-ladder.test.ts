// Tests for due actions that follow the ladder: the step's own work first, the referral after its efforts, first seen.

import { doc, run, statusOf, unexcused } from './helpers';
import type { StudentStatus } from '../../../src/domain/types';

const ids = (s: StudentStatus) => s.due.map((d) => d.actionId);
const find = (s: StudentStatus, id: string) => s.due.find((d) => d.actionId === id);
const nine = unexcused(9); // step 1 on 09-03, step 2 on 09-08, step 3 on 09-11
const gate = [
  doc('S1', '2026-09-14', 'AP meeting'),
  doc('S1', '2026-09-14', 'Barrier collaboration', { role: 'counselor' }),
  doc('S1', '2026-09-15', 'TPM plan'),
  doc('S1', '2026-09-21', 'District referral'),
  doc('S1', '2026-09-28', 'Follow-up'),
];

describe('the most urgent action follows the ladder', () => {
  it("at step 3: the AP meeting (the assistant principal's) comes before positive engagement", () => {
    const s = statusOf(run({ absences: nine, asOf: '2026-09-30' }));
    expect(s.step).toBe(3);
    expect(s.nextDue).toMatchObject({ actionId: 's3-ap-meeting', owner: 'assistantPrincipal', step: 3 });
    expect(ids(s).indexOf('s3-ap-meeting')).toBeLessThan(ids(s).indexOf('s1-positive'));
    // The step's own work in the policy's order, then lower steps' continuing actions, each with its owner.
    expect(s.due.filter((d) => d.step === 3).map((d) => [d.actionId, d.owner])).toEqual([
      ['s3-ap-meeting', 'assistantPrincipal'],
      ['s3-barriers', 'counselor'],
      ['s3-tpm', 'assistantPrincipal'],
    ]);
    const steps = s.due.map((d) => d.step);
    expect(steps).toEqual([...steps].sort((a, b) => b - a));
    expect(find(s, 's1-positive')?.owner).toBe('teacher');
    expect(find(s, 's2-specialist-contact')?.owner).toBe('attendanceClerk');
  });
  it("at step 4: the district intervention (the district specialist's) comes first", () => {
    const s = statusOf(run({ absences: unexcused(11), docs: gate, asOf: '2026-10-05' }));
    expect(s.step).toBe(4);
    expect(s.nextDue).toMatchObject({
      actionId: 's4-interventions',
      owner: 'districtSpecialist',
      step: 4,
      since: '2026-09-28',
      docType: 'District intervention',
    });
    expect(ids(s)).toContain('s4-root-causes');
  });
});

// Policy, step 3: "If all efforts have been exhausted and fail to meaningfully address attendance, a referral to
// district-level attendance specialist will be generated": it follows the AP meeting and the TPM plan.
describe('the referral to the district specialist', () => {
  it('is not due on the first days of step 3, nor weeks later while the AP meeting or TPM plan is missing', () => {
    expect(ids(statusOf(run({ absences: nine, asOf: '2026-09-16' })))).not.toContain('s3-referral');
    expect(ids(statusOf(run({ absences: nine, asOf: '2026-10-30' })))).not.toContain('s3-referral');
    const apOnly = [doc('S1', '2026-09-14', 'AP meeting')];
    expect(ids(statusOf(run({ absences: nine, docs: apOnly, asOf: '2026-10-30' })))).not.toContain(
      's3-referral',
    );
  });
  it('falls due once both are documented, counting from the later of them', () => {
    const docs = [doc('S1', '2026-09-21', 'AP meeting'), doc('S1', '2026-09-14', 'TPM plan')];
    const s = statusOf(run({ absences: nine, docs, asOf: '2026-09-23' }));
    expect(find(s, 's3-referral')).toMatchObject({
      owner: 'assistantPrincipal',
      step: 3,
      since: '2026-09-21',
      dueBy: '2026-09-24',
      overdue: false,
      docType: 'District referral',
    });
    expect(find(statusOf(run({ absences: nine, docs, asOf: '2026-09-25' })), 's3-referral')).toMatchObject({
      overdue: true,
      daysLate: 1,
    });
  });
  it('does not count an AP meeting or TPM plan documented before step 3 began', () => {
    const docs = [doc('S1', '2026-09-10', 'AP meeting'), doc('S1', '2026-09-14', 'TPM plan')];
    expect(ids(statusOf(run({ absences: nine, docs, asOf: '2026-09-30' })))).not.toContain('s3-referral');
  });
  it("is followed by the follow-up, due once step 3's efforts and the referral are documented", () => {
    const efforts = gate.slice(0, 3); // AP meeting, barriers, TPM plan: no referral yet
    const s = statusOf(run({ absences: nine, docs: efforts, asOf: '2026-09-30' }));
    expect(ids(s)).toContain('s3-referral');
    expect(ids(s)).not.toContain('s3-follow-up');
    const referred = statusOf(run({ absences: nine, docs: gate.slice(0, 4), asOf: '2026-09-30' }));
    expect(ids(referred)).not.toContain('s3-referral');
    expect(find(referred, 's3-follow-up')).toMatchObject({ since: '2026-09-21', dueBy: '2026-09-24' });
  });
});

describe('court consideration', () => {
  // Step 4: "If all efforts have failed to meaningfully address attendance, a court case will be considered."
  it('falls due after the district intervention and the root-cause review', () => {
    const s = statusOf(run({ absences: unexcused(11), docs: gate, asOf: '2026-10-30' }));
    expect(ids(s)).not.toContain('s4-court-consideration');
    const district = [
      doc('S1', '2026-09-29', 'District intervention', { role: 'districtSpecialist' }),
      doc('S1', '2026-10-02', 'Root cause review', { role: 'districtSpecialist' }),
    ];
    const t = statusOf(run({ absences: unexcused(11), docs: [...gate, ...district], asOf: '2026-10-05' }));
    expect(find(t, 's4-court-consideration')).toMatchObject({
      since: '2026-10-02',
      owner: 'districtSpecialist',
    });
  });
});

describe('due dates count from when the add-on first saw the student', () => {
  it('on a new campus nothing starts out overdue; the inherited lateness is shown as such', () => {
    const s = statusOf(run({ absences: nine, asOf: '2026-11-20', firstSeen: {} }));
    expect(s.firstSeen).toBe('2026-11-20');
    expect(s.due.length).toBeGreaterThan(0);
    expect(s.due.filter((d) => d.overdue)).toEqual([]);
    expect(find(s, 's3-ap-meeting')).toMatchObject({
      since: '2026-09-11',
      countsFrom: '2026-11-20',
      dueBy: '2026-12-02', // 3 school days after 11-20, Thanksgiving week skipped
      overdue: false,
      daysLate: 0,
      inherited: true,
    });
  });
  it('counts lateness from the first-seen day when the action became due before it', () => {
    const s = statusOf(run({ absences: nine, asOf: '2026-11-20', firstSeen: { S1: '2026-10-01' } }));
    expect(find(s, 's3-ap-meeting')).toMatchObject({
      since: '2026-09-11',
      countsFrom: '2026-10-01',
      dueBy: '2026-10-06',
      overdue: true,
      daysLate: 45,
      inherited: true,
    });
  });
  it('is not inherited when the action became due after the add-on first saw the student', () => {
    const s = statusOf(run({ absences: nine, asOf: '2026-09-30', firstSeen: { S1: '2026-09-01' } }));
    expect(find(s, 's3-ap-meeting')).toMatchObject({
      since: '2026-09-11',
      countsFrom: '2026-09-11',
      dueBy: '2026-09-16',
      overdue: true,
      daysLate: 14,
      inherited: false,
    });
  });
  it('treats a student missing from firstSeen, or with a day that is not a date, as first seen now', () => {
    const fresh = statusOf(run({ absences: nine, asOf: '2026-11-20', firstSeen: {} }));
    const bad = statusOf(run({ absences: nine, asOf: '2026-11-20', firstSeen: { S1: 'someday' } }));
    expect(bad).toEqual(fresh);
  });
});
