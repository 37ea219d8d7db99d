// The weekly report's and the dashboard's pure parts: rows by owner, last contacts, addresses, the weekly trend.
import { dashboardTables, weeklyTrend } from '../../../src/app/dashboard';
import type { ClassifiedRow, DocRow } from '../../../src/app/record';
import {
  lastContacts,
  NO_OPEN_ACTION,
  ownerLabel,
  reportAddresses,
  reportDocument,
  reportRows,
} from '../../../src/app/weekly-report';

const doc = (over: Partial<DocRow>, trust: ClassifiedRow['trust'] = 'typed'): ClassifiedRow => ({
  row: 2,
  trust,
  seq: 0,
  values: {
    loggedAt: '',
    studentId: '1',
    date: '2026-09-10',
    type: 'Parent contact',
    outcome: 'Completed',
    role: 'Attendance Clerk',
    staff: 'eva@s.org',
    notes: '',
    targetStep: null,
    entryId: 'T000001',
    refersTo: '',
    seal: '',
    ...over,
  },
});

const todo = (
  studentId: string,
  ownerRole: string,
  assignedTo: string,
  action: string,
  daysLate: number,
) => ({
  studentId,
  name: '',
  grade: '',
  step: '',
  action,
  ownerRole,
  assignedTo,
  dueBy: '2026-09-20',
  daysLate,
  inherited: false,
  closedBy: '',
});

describe('weekly report rows', () => {
  it('names the owner with the person when one is assigned', () => {
    expect(ownerLabel('Assistant Principal', 'Ana Ruiz')).toBe('Assistant Principal (Ana Ruiz)');
    expect(ownerLabel('Counselor', '')).toBe('Counselor');
    expect(ownerLabel('', '')).toBe(NO_OPEN_ACTION);
  });

  it("takes the latest staff entry as the last contact, never the add-on's rows, changed rows or future days", () => {
    const last = lastContacts(
      [
        doc({ date: '2026-09-10' }),
        doc({ date: '2026-09-12', type: 'Home visit' }),
        doc(
          { date: '2026-09-14', role: 'System', staff: 'Attendance Steps (automatic)', type: 'Step reached' },
          'sealed',
        ),
        doc({ date: '2026-09-13', type: 'Edited' }, 'changed'),
        doc({ date: '2026-09-30', type: 'Future' }),
      ],
      '2026-09-15',
    );
    expect(last.get('1')).toEqual({ date: '2026-09-12', type: 'Home visit', staff: 'eva@s.org' });
  });

  it('lists each owner of a student on its own row, overdue apart from due, the add-on’s own actions left out', () => {
    const listed = [
      {
        studentId: '1',
        name: 'B, Ann',
        grade: '7',
        unexcused: 8,
        step: 3,
        stepName: '3 Campus administrators',
      },
      { studentId: '2', name: 'A, Bo', grade: '6', unexcused: 5, step: 2, stepName: '2 Campus' },
    ];
    const rows = reportRows(
      listed,
      [
        todo('1', 'Assistant Principal', 'Ana Ruiz', 'AP meeting', 4),
        todo('1', 'Assistant Principal', 'Ana Ruiz', 'TPM plan', 0),
        todo('1', 'Counselor', '', 'Family support', 0),
        todo('1', 'Attendance Steps', '', 'Warning letter 1', 9),
      ],
      new Map([['1', { date: '2026-09-12', type: 'Home visit', staff: 'eva@s.org' }]]),
      new Map([['eva@s.org', 'Eva Silva']]),
      (id) => id === '2',
      '2026-09-14',
    );
    expect(rows.map((r) => [r.owner, r.studentId, r.due, r.overdue, r.isNew])).toEqual([
      ['Assistant Principal (Ana Ruiz)', '1', 'TPM plan (by 2026-09-20)', 'AP meeting (4 days late)', false],
      ['Counselor', '1', 'Family support (by 2026-09-20)', '', false],
      [NO_OPEN_ACTION, '2', '', '', true],
    ]);
    expect(rows[0]).toMatchObject({ contactBy: 'Eva Silva', lastContact: '2026-09-12' });
    const document = reportDocument(rows, '2026-09-14', '2026-09-15', 5);
    expect(document.sections.map((s) => [s.owner, s.rows.length])).toEqual([
      ['Assistant Principal (Ana Ruiz)', 1],
      ['Counselor', 1],
      [NO_OPEN_ACTION, 1],
    ]);
    expect(document.intro).toMatch(/2 students at 5 or more unexcused days.*1 new/);
  });

  it('reads the team’s addresses and names what is not one', () => {
    expect(reportAddresses(' a@s.org; b@s.org,nope ')).toEqual({ to: ['a@s.org', 'b@s.org'], bad: ['nope'] });
    expect(reportAddresses('')).toEqual({ to: [], bad: [] });
  });
});

describe('dashboard tables', () => {
  const step = (seq: number, studentId: string, date: string, targetStep: number) => ({
    seq,
    loggedAt: `${date} 02:00`,
    studentId,
    date,
    targetStep,
    refersTo: '',
  });

  it('replays the sealed step rows week by week, in the record’s order, from the first week a step was reached', () => {
    const rows = [
      step(1, 'a', '2026-09-02', 1),
      step(2, 'a', '2026-09-09', 2),
      step(3, 'b', '2026-09-10', 1),
      // An adjustment back to step 1, dated later, logged later.
      step(4, 'a', '2026-09-16', 1),
    ];
    expect(weeklyTrend(rows, '2026-07-01', '2026-09-17')).toEqual([
      ['2026-08-31', 1, 0, 0, 0, 0],
      ['2026-09-07', 1, 1, 0, 0, 0],
      ['2026-09-14', 2, 0, 0, 0, 0],
    ]);
    expect(weeklyTrend([], '2026-07-01', '2026-09-17')).toEqual([['2026-09-14', 0, 0, 0, 0, 0]]);
  });

  it('counts blocked escalations by the effort missing, without each student’s own day', () => {
    const status = (id: string, missing: string) =>
      ({ studentId: id, step: 3, grade: '7', blocked: true, missing }) as never;
    const tables = dashboardTables(
      [
        status('1', 'TPM plan (on or after 2026-10-02); Follow-up (on or after 2026-10-09)'),
        status('2', 'TPM plan (on or after 2026-10-05)'),
      ],
      [],
      [],
      [],
      '2026-07-01',
      '2026-10-20',
      (n) => `Name ${n}`,
    );
    expect(tables.find((t) => t.title.startsWith('Escalations'))!.rows).toEqual([
      ['TPM plan', 2],
      ['Follow-up', 1],
    ]);
    expect(tables[0]!.rows[3]).toEqual(['3 Name 3', 2]);
  });
});
