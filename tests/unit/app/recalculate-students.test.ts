// recalculateStudents on the in-memory workbook: only the named students' rows change.
import { POLICY_CHANGED } from '../../../src/app/campus';
import { recalculateAll, recalculateStudents } from '../../../src/app/recalculate';
import { WorkbookError } from '../../../src/ports/workbook';
import { absences, campus, student } from './campus-fixture';

/** Three students at steps 0, 1 and 2, recalculated in full at 08:00; the clock then moves to 09:30. */
function school() {
  const c = campus();
  c.workbook.addRows('Students', [student('S0'), student('S1'), student('S2')]);
  c.workbook.addRows('Absences', [...absences('S0', 2), ...absences('S1', 3), ...absences('S2', 5)]);
  recalculateAll(c);
  c.clock.set('2026-11-20', '2026-11-20 09:30');
  return { ...c, run: (ids: string[]) => recalculateStudents(c, ids) };
}

type School = ReturnType<typeof school>;

function statusBy(c: School) {
  return new Map(c.workbook.table('Status').map((r) => [r['Student ID'], r]));
}

describe('recalculateStudents', () => {
  it("changes only the given student's Status row", () => {
    const c = school();
    const before = statusBy(c);
    c.workbook.addRows('Absences', absences('S1', 2, '2026-10-01'));

    const summary = c.run(['S1']);

    expect(summary).toMatchObject({ students: 1, perStep: [0, 0, 1, 0, 0, 0], stepChanges: 1 });
    const after = statusBy(c);
    expect(after.get('S1')).toMatchObject({
      'Unexcused Days': 5,
      Step: 2,
      'Step Since': '2026-10-02',
      Updated: '2026-11-20 09:30',
    });
    expect(after.get('S0')).toEqual(before.get('S0'));
    expect(after.get('S2')).toEqual(before.get('S2'));
    expect(c.workbook.table('Status').map((r) => r['Student ID'])).toEqual(['S0', 'S1', 'S2']);
    const steps = c.workbook.table('Documentation').filter((r) => r['Student ID'] === 'S1');
    expect(steps.map((r) => [r['Step Set To'], r['Date']])).toEqual([
      [1, '2026-09-03'],
      [2, '2026-10-02'],
    ]);
    expect(c.workbook.table('Letters').map((l) => l['Letter Key'])).toEqual([
      'S1|letter1|2026-2027',
      'S2|letter1|2026-2027',
      'S2|letter2-90|2026-2027',
      'S1|letter2-90|2026-2027',
    ]);
  });

  it('appends a new student to Status', () => {
    const c = school();
    const before = c.workbook.table('Status');
    c.workbook.addRows('Students', [student('S9')]);
    c.workbook.addRows('Absences', absences('S9', 3, '2026-10-05'));

    c.run(['S9']);

    const after = c.workbook.table('Status');
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[3]).toMatchObject({
      'Student ID': 'S9',
      Name: 'LastS9, FirstS9',
      Step: 1,
      'Unexcused Days': 3,
    });
  });

  it('removes a student who left the Students tab from Status', () => {
    const c = school();
    const before = statusBy(c);
    expect(c.workbook.removeRows('Students', { 'Student ID': 'S1' })).toBe(1);

    c.run(['S1']);

    expect(c.workbook.table('Status')).toEqual([before.get('S0'), before.get('S2')]);
  });

  it("replaces the student's data issues and keeps the others' and the campus-wide ones once", () => {
    const c = school();
    c.workbook.addRows('Settings', [{ Setting: 'step9.threshold', Value: '40' }]);
    c.workbook.addRows('Absences', [
      { 'Student ID': 'S1', Date: '2026-10-01', Code: 'ZZ' },
      { 'Student ID': 'S2', Date: '2026-10-01', Code: 'QQ' },
    ]);
    recalculateAll(c);
    const problems = () =>
      c.workbook.table('Data Issues').map((r) => `${r['Tab']} ${r['Student ID']} ${r['Problem']}`);
    expect(problems()).toEqual([
      `Settings  ${POLICY_CHANGED}`,
      'Settings  Unknown setting "step9.threshold"; it is ignored.',
      'Absences S1 Unknown attendance code "ZZ" (see Settings).',
      'Absences S2 Unknown attendance code "QQ" (see Settings).',
    ]);
    c.workbook.edit('Absences', { 'Student ID': 'S1', Code: 'ZZ' }, { Code: 'E' });

    c.run(['S1']);
    c.run(['S1']);

    expect(problems()).toEqual([
      `Settings  ${POLICY_CHANGED}`,
      'Settings  Unknown setting "step9.threshold"; it is ignored.',
      'Absences S2 Unknown attendance code "QQ" (see Settings).',
    ]);
    expect(statusBy(c).get('S1')).toMatchObject({ 'Excused Days': 1, 'Data Problems': 0 });
  });

  it('writes only the Status row when nothing else of the student changed', () => {
    const c = school();
    c.workbook.addRows('Absences', [{ 'Student ID': 'S2', Date: '2026-10-01', Code: 'QQ' }]);
    c.run(['S2']);
    expect(c.workbook.table('To Do').filter((r) => r['Student ID'] === 'S2').length).toBeGreaterThan(1);
    expect(c.workbook.table('Data Issues').filter((r) => r['Student ID'] === 'S2')).toHaveLength(1);
    const toDo = c.workbook.table('To Do');
    const issues = c.workbook.table('Data Issues');
    const before = { ...c.workbook.writes };

    c.run(['S2']);

    // One update (the Status row's Updated time); the To Do rows and the issue hold what they held.
    expect(c.workbook.writes).toEqual({ ...before, update: before.update + 1 });
    expect(c.workbook.table('To Do')).toEqual(toDo);
    expect(c.workbook.table('Data Issues')).toEqual(issues);
    expect(statusBy(c).get('S2')).toMatchObject({ Updated: '2026-11-20 09:30', 'Data Problems': 1 });
  });

  it('rewrites a To Do row and the issues that changed', () => {
    const c = school();
    c.workbook.addRows('Absences', [{ 'Student ID': 'S2', Date: '2026-10-01', Code: 'QQ' }]);
    c.run(['S2']);
    c.workbook.edit('Absences', { 'Student ID': 'S2', Code: 'QQ' }, { Code: 'ZZ' });
    const before = { ...c.workbook.writes };

    c.run(['S2']);

    expect(c.workbook.writes.deleteRows).toBe(before.deleteRows + 1);
    expect(c.workbook.writes.append).toBe(before.append + 1);
    expect(
      c.workbook
        .table('Data Issues')
        .filter((r) => r['Student ID'] === 'S2')
        .map((r) => r['Problem']),
    ).toEqual(['Unknown attendance code "ZZ" (see Settings).']);
  });

  it('throws a WorkbookError for a missing Absences column and writes nothing', () => {
    const c = school();
    const rows = c.workbook.table('Absences').map((r) => [r['Student ID']!, r['Date']!]);
    c.workbook.setTab('Absences', ['Student ID', 'Date'], rows);
    const before = c.workbook.snapshot();
    const writes = { ...c.workbook.writes };

    expect(() => c.run(['S1'])).toThrow(WorkbookError);
    expect(c.workbook.writes).toEqual(writes);
    expect(c.workbook.snapshot()).toEqual(before);
  });
});
