// The Status row of a student: what staff must do next comes before the add-on's own actions.
import { statusRow } from '../../../src/app/status-rows';
import { defaultPolicy } from '../../../src/domain/policy';
import type { DueAction, StudentStatus } from '../../../src/domain/types';

function due(actionId: string, owner: DueAction['owner'], dueBy: string, overdue: boolean): DueAction {
  return {
    actionId,
    step: 1,
    label: actionId,
    owner,
    cadence: 'once',
    docType: 'Note',
    since: dueBy,
    countsFrom: dueBy,
    dueBy,
    overdue,
    daysLate: overdue ? 1 : 0,
    inherited: false,
  };
}

function status(actions: DueAction[]): StudentStatus {
  return {
    studentId: 'S1',
    counts: {
      unexcusedDays: 3,
      excusedDays: 0,
      unexcusedRecent: 3,
      unexcusedLong: 3,
      enrolledDays: 20,
      absenceWeight: 3,
      unexcusedDates: ['2026-09-01', '2026-09-02', '2026-09-03'],
      recentThresholdMetOn: '2026-09-03',
      longThresholdMetOn: null,
    },
    attendanceRate: 0.85,
    step: 1,
    since: '2026-09-03',
    stepSince: { 1: '2026-09-03' },
    highestStep: 1,
    firstSeen: '2026-08-12',
    due: actions,
    nextDue: actions[0] ?? null,
    lettersDue: [],
    flags: [],
    messages: [],
  };
}

const row = (s: StudentStatus) =>
  statusRow(
    s,
    { name: 'Garcia, Sofia', grade: '7', language: 'English', guardianEmail: '' },
    new Map(),
    [],
    defaultPolicy(),
    0,
    '',
  );

describe('statusRow', () => {
  it("shows a person's action as next due even when an action of the add-on is more urgent", () => {
    const r = row(
      status([due('call-list', 'system', '2026-09-04', true), due('engage', 'teacher', '2026-09-08', false)]),
    );
    expect(r).toMatchObject({
      nextDue: 'engage',
      owner: 'Teacher',
      dueBy: '2026-09-08',
      overdue: false,
      dueCount: 2,
    });
  });

  it("shows the add-on's action when nothing is due from staff", () => {
    const r = row(status([due('call-list', 'system', '2026-09-04', true)]));
    expect(r).toMatchObject({ nextDue: 'call-list', owner: 'Attendance Steps', overdue: true });
  });
});
