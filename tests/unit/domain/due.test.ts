// Tests for due actions: cadences, overdue, lower steps continuing, letters and the next due action.

import { doc, run, statusOf, unexcused } from './helpers';
import type { StudentStatus } from '../../../src/domain/types';

const ids = (s: StudentStatus) => s.due.map((d) => d.actionId);
const find = (s: StudentStatus, id: string) => s.due.find((d) => d.actionId === id);
const step1 = unexcused(3); // step 1 since 2026-09-03 (Thu)

describe('due actions', () => {
  it('lists step-1 actions with owner, since and due-by', () => {
    const s = statusOf(run({ absences: step1, asOf: '2026-09-04' }));
    // No unexcused absence on 2026-09-04, so no automated call that day.
    expect(ids(s).sort()).toEqual(['s1-document', 's1-letter-1', 's1-positive']);
    expect(find(s, 's1-letter-1')).toMatchObject({
      owner: 'system',
      since: '2026-09-03',
      countsFrom: '2026-09-03',
      dueBy: '2026-09-09',
      overdue: false,
      daysLate: 0,
      inherited: false,
      step: 1,
      docType: 'Warning letter 1',
    });
    expect(find(s, 's1-positive')?.owner).toBe('teacher');
  });
  it('nothing is due at step 0', () => {
    const s = statusOf(run({ absences: unexcused(2) }));
    expect(s.due).toEqual([]);
    expect(s.nextDue).toBeNull();
    expect(s.lettersDue).toEqual([]);
  });
  it('marks overdue after the overdue-after school days (weekend and Labor Day skipped)', () => {
    expect(find(statusOf(run({ absences: step1, asOf: '2026-09-09' })), 's1-letter-1')?.overdue).toBe(false);
    expect(find(statusOf(run({ absences: step1, asOf: '2026-09-10' })), 's1-letter-1')?.overdue).toBe(true);
  });
  it('treats a once action as done by an entry on/after the step began, or by the issued letter', () => {
    const withDoc = statusOf(
      run({
        absences: step1,
        asOf: '2026-09-10',
        docs: [doc('S1', '2026-09-04', 'Warning letter 1', { role: 'system' })],
      }),
    );
    expect(ids(withDoc)).not.toContain('s1-letter-1');
    const before = statusOf(
      run({ absences: step1, asOf: '2026-09-10', docs: [doc('S1', '2026-09-02', 'Warning letter 1')] }),
    );
    expect(ids(before)).toContain('s1-letter-1');
    const issued = statusOf(
      run({ absences: step1, asOf: '2026-09-10', lettersIssued: ['S1|letter1|2026-2027'] }),
    );
    expect(ids(issued)).not.toContain('s1-letter-1');
    expect(issued.lettersDue).toEqual([]);
  });
  // Policy, step 1: "Automated phone calls generated daily" — a call goes to the family of a student absent that
  // day: due on the school days the student has an unexcused absence or part of a day, not on every school day.
  it('automated call: due on a school day with an unexcused absence or part of a day, not on other days', () => {
    expect(find(statusOf(run({ absences: step1, asOf: '2026-09-03' })), 's1-call-list')).toMatchObject({
      since: '2026-09-03',
      dueBy: '2026-09-03',
      overdue: false,
      owner: 'system',
    });
    const called = [doc('S1', '2026-09-03', 'Automated call', { role: 'system' })];
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-03', docs: called })))).not.toContain(
      's1-call-list',
    );
    // Present on 2026-09-04 and 2026-09-08: no call due those days.
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-04' })))).not.toContain('s1-call-list');
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-08' })))).not.toContain('s1-call-list');
    // Excused that day: no call.
    const excused: [string, string, string][] = [...step1, ['S1', '2026-09-04', 'E']];
    expect(ids(statusOf(run({ absences: excused, asOf: '2026-09-04' })))).not.toContain('s1-call-list');
  });
  it('automated call: a part of a day counts; on a weekend the Friday absence is checked', () => {
    const partDay: [string, string, string][] = [...step1, ['S1', '2026-09-04', 'UP']];
    expect(find(statusOf(run({ absences: partDay, asOf: '2026-09-06' })), 's1-call-list')).toMatchObject({
      since: '2026-09-04',
      dueBy: '2026-09-04',
      overdue: true,
      daysLate: 2,
    });
    // Not before step 1: the first two absences call for no call.
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-02' })))).not.toContain('s1-call-list');
  });
  it('weekly: done by an entry in the current Mon–Sun week only', () => {
    const absences = unexcused(5); // step 2 since 2026-09-08
    const thisWeek = [doc('S1', '2026-09-14', 'Absence Occurrence Report', { role: 'system' })];
    expect(ids(statusOf(run({ absences, asOf: '2026-09-16', docs: thisWeek })))).not.toContain(
      's2-absence-report',
    );
    const lastWeek = [doc('S1', '2026-09-11', 'Absence Occurrence Report', { role: 'system' })];
    const s = statusOf(run({ absences, asOf: '2026-09-16', docs: lastWeek }));
    expect(find(s, 's2-absence-report')).toMatchObject({
      since: '2026-09-14',
      dueBy: '2026-09-17',
      overdue: false,
    });
  });
  it('ongoing: due again when nothing within N school days', () => {
    const docs = [doc('S1', '2026-09-04', 'Positive engagement', { role: 'teacher' })];
    // 10 school days after Fri 2026-09-04 (Labor Day skipped) is 2026-09-21.
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-18', docs })))).not.toContain('s1-positive');
    expect(find(statusOf(run({ absences: step1, asOf: '2026-09-21', docs })), 's1-positive')).toMatchObject({
      since: '2026-09-21',
      overdue: false,
    });
  });
  it('"document all efforts" is satisfied by a person, not by automatic entries', () => {
    const auto = [doc('S1', '2026-09-04', 'Automated call', { role: 'system' })];
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-08', docs: auto })))).toContain('s1-document');
    const human = [doc('S1', '2026-09-04', 'Parent contact', { role: 'teacher', outcome: 'Completed' })];
    expect(ids(statusOf(run({ absences: step1, asOf: '2026-09-08', docs: human })))).not.toContain(
      's1-document',
    );
  });
  it('lower-step actions continue at higher steps, each once, owned by the step in force when due', () => {
    const s = statusOf(run({ absences: unexcused(9), asOf: '2026-09-14' }));
    expect(ids(s)).toEqual(
      expect.arrayContaining(['s1-positive', 's1-letter-1', 's2-letter-2', 's3-ap-meeting', 's3-tpm']),
    );
    // The referral follows the AP meeting and the TPM plan (see due-ladder.test.ts).
    expect(ids(s)).not.toContain('s3-referral');
    const documentAll = s.due.filter((d) => d.docType === '*');
    expect(documentAll).toHaveLength(1);
    // Open since step 1 began (nothing documented), so it is still the step-1 owner's action.
    expect(documentAll[0]).toMatchObject({
      actionId: 's1-document',
      owner: 'campusStaff',
      step: 1,
      since: '2026-09-03',
    });
  });
  it('never names a step-3 owner for an action due before step 3 began (review: Due By 2026-09-09)', () => {
    // 9 unexcused days from 2026-09-01: step 1 on 09-03, step 2 on 09-08, step 3 on 09-11.
    const s = statusOf(run({ absences: unexcused(9), asOf: '2026-09-14' }));
    expect(s.step).toBe(3);
    expect(s.stepSince[3]).toBe('2026-09-11');
    const documentAll = s.due.find((d) => d.label === 'Document all efforts');
    expect(documentAll).toMatchObject({ since: '2026-09-03', dueBy: '2026-09-09' });
    expect(documentAll?.owner).not.toBe('assistantPrincipal');
    // Every due action names a step that had begun by the day it became due.
    for (const d of s.due) expect((s.stepSince[d.step] as string) <= d.since).toBe(true);
  });
  it('a repeated action that falls due after the higher step began is owned by that step', () => {
    // Documented by a teacher on 09-14 (step 3 since 09-11): due again 10 school days later, 09-28.
    const docs = [doc('S1', '2026-09-14', 'Parent contact', { role: 'teacher' })];
    const s = statusOf(run({ absences: unexcused(9), docs, asOf: '2026-09-28' }));
    expect(s.due.filter((d) => d.docType === '*')).toEqual([
      expect.objectContaining({
        actionId: 's3-document',
        owner: 'assistantPrincipal',
        step: 3,
        since: '2026-09-28',
        dueBy: '2026-10-01',
      }),
    ]);
  });
  it('next due is the first of the due list: the current step first, then the most overdue', () => {
    const s = statusOf(run({ absences: unexcused(9), asOf: '2026-09-30' }));
    expect(s.nextDue).toEqual(s.due[0]);
    expect(s.nextDue).toMatchObject({ actionId: 's3-ap-meeting', overdue: true });
    const lower = s.due.filter((d) => d.step === 1);
    const byDueBy = [...lower].sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : 0));
    expect(lower[0]?.dueBy).toBe(byDueBy[0]?.dueBy);
  });
  it('letter keys include the school year; letter 2 is due only from step 2', () => {
    expect(statusOf(run({ absences: unexcused(4) })).lettersDue.map((l) => l.letterType)).toEqual([
      'letter1',
    ]);
    const s = statusOf(
      run({ absences: unexcused(5), lettersIssued: ['S1|letter1|2026-2027', 'S1|letter2-90|2025-2026'] }),
    );
    expect(s.lettersDue).toEqual([
      {
        key: 'S1|letter2-90|2026-2027',
        studentId: 'S1',
        letterType: 'letter2-90',
        schoolYear: '2026-2027',
        step: 2,
        since: '2026-09-08',
      },
    ]);
  });
});
