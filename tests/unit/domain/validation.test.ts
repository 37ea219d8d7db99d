// Tests for row validation: problems listed with tab, row and column; never exceptions.

import { STUDENTS } from '../../../src/ports/tabs';
import {
  STUDENT_DATE_COLUMNS,
  validateAbsences,
  validateDocumentation,
  validateStudents,
} from '../../../src/domain/validation';
import { IDX, POLICY } from './helpers';

const ids = new Set(['S1', 'S2']);

describe('validateStudents', () => {
  it('reports missing and duplicate ids and bad dates', () => {
    const r = validateStudents([
      { row: 2, studentId: 'S1', name: 'Ana', enrollDate: '2026-08-12' },
      { row: 3, studentId: '', name: 'No Id' },
      { row: 4, studentId: 'S1', name: 'Ana again' },
      { row: 5, studentId: 'S2', enrollDate: '2026-02-30', birthDate: '5/14/2014' },
      { row: 6, studentId: 'S3', enrollDate: '2026-10-01', withdrawDate: '2026-09-01' },
      { row: 7, studentId: '', name: '' },
    ]);
    expect(r.students.map((s) => s.studentId)).toEqual(['S1', 'S2', 'S3']);
    expect(r.students[1]).toMatchObject({ enrollDate: null, birthDate: '2014-05-14' });
    expect(r.students[2]?.withdrawDate).toBeNull();
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Student ID'],
      [4, 'Student ID'],
      [5, 'Enroll Date'],
      [6, 'Withdraw Date'],
    ]);
  });
  it("names the Students tab's real headers for bad dates (Date of Birth, not Birth Date)", () => {
    const r = validateStudents([
      { row: 2, studentId: 'S1', birthDate: '2014-02-30', enrollDate: 'soon', withdrawDate: '13/1/2027' },
    ]);
    expect(r.problems.map((p) => p.column)).toEqual(['Enroll Date', 'Withdraw Date', 'Date of Birth']);
    const headers = Object.values(STUDENTS.columns).map((c) => c.header);
    for (const column of Object.values(STUDENT_DATE_COLUMNS)) expect(headers).toContain(column);
    expect(STUDENT_DATE_COLUMNS).toEqual({
      enrollDate: STUDENTS.columns.enrollDate.header,
      withdrawDate: STUDENTS.columns.withdrawDate.header,
      birthDate: STUDENTS.columns.birthDate.header,
    });
  });
});

describe('validateAbsences', () => {
  it('lists every kind of bad row and keeps the good ones', () => {
    const r = validateAbsences(
      [
        { row: 2, studentId: 'S1', date: '2026-09-01', code: 'U' },
        { row: 3, studentId: 'S9', date: '2026-09-01', code: 'U' },
        { row: 4, studentId: 'S1', date: '2026-02-30', code: 'U' },
        { row: 5, studentId: 'S1', date: 'yesterday', code: 'U' },
        { row: 6, studentId: 'S1', date: '2026-07-01', code: 'U' },
        { row: 7, studentId: 'S1', date: '2026-09-02', code: 'Q' },
        { row: 8, studentId: 'S1', date: '2026-09-01', code: ' u ' },
        { row: 9, studentId: 'S1', date: '2026-09-07', code: 'U' },
        { row: 10, studentId: 'S1', date: '2026-09-01', code: 'E' },
        { row: 11, studentId: '', date: '', code: '' },
        { row: 12, studentId: 'S2', date: 20260901, code: 'U' },
      ],
      { policy: POLICY, cal: IDX, studentIds: ids },
    );
    expect(r.absences.map((a) => a.row)).toEqual([2, 9, 10]);
    const byRow = Object.fromEntries(r.problems.map((p) => [p.row, p]));
    expect(byRow[3]?.reason).toMatch(/Unknown student ID S9/);
    expect(byRow[4]?.reason).toMatch(/not a real date/);
    expect(byRow[5]?.column).toBe('Date');
    expect(byRow[6]?.reason).toMatch(/outside the school year 2026-2027/);
    expect(byRow[7]?.reason).toMatch(/Unknown attendance code "Q"/);
    expect(byRow[8]).toMatchObject({ severity: 'warning' });
    expect(byRow[8]?.reason).toMatch(/Duplicate/);
    expect(byRow[9]).toMatchObject({ severity: 'warning', column: 'Date' });
    expect(byRow[11]).toBeUndefined();
    expect(byRow[12]?.reason).toMatch(/not a real date/);
  });
});

describe('validateDocumentation', () => {
  it('keeps entries with warnings and drops unusable ones', () => {
    const r = validateDocumentation(
      [
        {
          row: 2,
          studentId: 'S1',
          date: '2026-09-01',
          type: 'AP meeting',
          outcome: 'Completed',
          role: 'Assistant Principal',
        },
        { row: 3, studentId: 'S1', date: '2026-09-01', type: 'Coffee', outcome: 'Maybe', role: 'janitor' },
        { row: 4, studentId: 'S7', date: '2026-09-01', type: 'AP meeting' },
        { row: 5, studentId: 'S1', date: '2026-31-01', type: 'AP meeting' },
        {
          row: 6,
          studentId: 'S1',
          date: '2026-09-01',
          type: 'Step adjustment',
          role: 'principal',
          note: 'x',
          targetStep: 'Step 2',
        },
        {
          row: 7,
          studentId: 'S1',
          date: '2026-09-01',
          type: 'Step adjustment',
          role: 'principal',
          note: 'x',
          targetStep: 'seven',
        },
        { row: 8, studentId: 'S1', date: '2026-12-01', type: 'Note' },
      ],
      { policy: POLICY, studentIds: ids, asOf: '2026-11-20' },
    );
    expect(r.entries.map((e) => e.row)).toEqual([2, 3, 6, 7, 8]);
    expect(r.entries[0]?.role).toBe('assistantPrincipal');
    expect(r.entries[1]?.role).toBe('');
    expect(r.entries[2]?.targetStep).toBe(2);
    expect(r.entries[3]?.targetStep).toBeNull();
    expect(r.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [3, 'Type', 'warning'],
      [3, 'Outcome', 'warning'],
      [3, 'Role', 'warning'],
      [4, 'Student ID', 'error'],
      [5, 'Date', 'error'],
      [7, 'Step', 'error'],
      [8, 'Date', 'warning'],
    ]);
  });
});
