// The To Do tab and named owners on the in-memory workbook: one row per open action, people from Students and Staff.
import { recalculateAll, recalculateStudents } from '../../../src/app/recalculate';
import { ADDON_OWNER, sortWorklist, worklistChanges, type ToDoRow } from '../../../src/app/worklist-rows';
import { absences, campus, effort, student } from './campus-fixture';

const AP = { Email: 'ana.ruiz@school.org', Name: 'Ana Ruiz', Role: 'Assistant Principal' };

/** S3 reaches step 3 in September; the add-on first sees the campus on Sep 15 and runs again on Nov 20. */
function stepThree(studentRow = student('S3', 'Garcia', 'Sofia', '7')) {
  const c = campus('2026-09-15');
  c.workbook.addRows('Students', [studentRow, student('S1', 'Moore', 'Max', '8')]);
  c.workbook.addRows('Absences', [...absences('S3', 8), ...absences('S1', 3)]);
  recalculateAll(c);
  c.clock.set('2026-11-20');
  return c;
}

type Campus = ReturnType<typeof stepThree>;
const todo = (c: Campus, id?: string) =>
  c.workbook.table('To Do').filter((r) => id === undefined || r['Student ID'] === id);
const status = (c: Campus, id: string) => c.workbook.table('Status').find((r) => r['Student ID'] === id)!;

describe('the To Do tab', () => {
  it('has one row per open action of each student, none on a first run overdue', () => {
    const c = campus('2026-09-15');
    c.workbook.addRows('Students', [student('S3', 'Garcia', 'Sofia', '7')]);
    c.workbook.addRows('Absences', absences('S3', 8));
    recalculateAll(c);
    const rows = todo(c, 'S3');
    expect(rows.length).toBe(status(c, 'S3')['Actions Due']);
    expect(rows.map((r) => r['Action'])).toContain('Assistant principal meets student and family');
    // The first recalculation back-dates nothing: every action counts from today.
    expect(rows.every((r) => r['Days Late'] === 0)).toBe(true);
    expect(status(c, 'S3')['Overdue']).not.toBe('Yes');
  });

  it('names the assistant principal from the Students column, on Status and To Do', () => {
    const c = stepThree({ ...student('S3', 'Garcia', 'Sofia', '7'), 'Assistant Principal': AP.Email });
    c.workbook.addRows('Staff', [AP]);
    recalculateAll(c);
    const s3 = status(c, 'S3');
    expect(s3['Step']).toBe(3);
    expect(s3['Next Due']).toBe('Assistant principal meets student and family');
    expect(s3['Owner']).toBe('Assistant Principal (Ana Ruiz)');
    expect(s3['Overdue']).toBe('Yes');
    const meeting = todo(c, 'S3').find((r) => r['Closed By'] === 'AP meeting')!;
    expect(meeting).toMatchObject({
      Step: '3 Campus administrators',
      'Owner Role': 'Assistant Principal',
      'Assigned To': 'Ana Ruiz',
      'Late Before Add-on': 'Yes',
    });
    expect(meeting['Days Late']).toBeGreaterThan(50);
    // S1 has no AP named and no rule: its actions are the role's alone.
    expect(todo(c, 'S1').every((r) => r['Assigned To'] === '')).toBe(true);
  });

  it('names people by Staff caseload rules (grades and last names), the Students column first', () => {
    const c = stepThree();
    c.workbook.addRows('Students', [student('S4', 'Zamora', 'Zoe', '7')]);
    c.workbook.addRows('Absences', absences('S4', 8));
    c.workbook.addRows('Staff', [
      { ...AP, Grades: '6, 7', 'Last Names': 'A-L' },
      {
        Email: 'bo@school.org',
        Name: 'Bo Lee',
        Role: 'Assistant Principal',
        Grades: '6-8',
        'Last Names': 'M-Z',
      },
      { Email: 'cy@school.org', Name: '', Role: 'Campus Staff', 'Last Names': 'A-F, Ga-Gz' },
    ]);
    recalculateAll(c);
    expect(status(c, 'S3')['Owner']).toBe('Assistant Principal (Ana Ruiz)');
    expect(status(c, 'S4')['Owner']).toBe('Assistant Principal (Bo Lee)');
    const staffRows = todo(c, 'S3').filter((r) => r['Owner Role'] === 'Campus Staff');
    expect(staffRows.length).toBeGreaterThan(0);
    expect(staffRows.every((r) => r['Assigned To'] === 'cy@school.org')).toBe(true);
    expect(todo(c, 'S1').every((r) => r['Assigned To'] === '' || r['Owner Role'] !== 'Campus Staff')).toBe(
      true,
    );

    c.workbook.edit('Students', { 'Student ID': 'S4' }, { 'Assistant Principal': 'Dana Diaz' });
    recalculateStudents(c, ['S4']);
    expect(status(c, 'S4')['Owner']).toBe('Assistant Principal (Dana Diaz)');
    expect(todo(c, 'S4').filter((r) => r['Assigned To'] === 'Dana Diaz').length).toBeGreaterThan(0);
  });

  it('drops the row of an action once it is documented, on an edit of that student only', () => {
    const c = stepThree();
    recalculateAll(c);
    const s1Before = todo(c, 'S1');
    expect(todo(c, 'S3').map((r) => r['Closed By'])).toContain('AP meeting');
    c.workbook.addRows('Documentation', [effort('S3', '2026-11-20', 'AP meeting')]);
    recalculateStudents(c, ['S3']);
    const after = todo(c, 'S3');
    expect(after.map((r) => r['Closed By'])).not.toContain('AP meeting');
    expect(after.length).toBe(status(c, 'S3')['Actions Due']);
    expect(todo(c).length).toBe(s1Before.length + after.length);
    expect(todo(c, 'S1')).toEqual(s1Before);
    // The next full recalculation writes the same rows.
    const incremental = todo(c)
      .map((r) => JSON.stringify(r))
      .sort();
    recalculateAll(c);
    expect(
      todo(c)
        .map((r) => JSON.stringify(r))
        .sort(),
    ).toEqual(incremental);
  });

  it("lists staff actions by owner and lateness, the add-on's own after them", () => {
    const c = stepThree();
    recalculateAll(c);
    const owners = todo(c).map((r) => String(r['Owner Role']));
    const firstAddon = owners.indexOf(ADDON_OWNER);
    expect(firstAddon).toBeGreaterThan(0);
    expect(owners.slice(firstAddon).every((o) => o === ADDON_OWNER)).toBe(true);
    expect(owners.indexOf('Teacher')).toBeLessThan(owners.indexOf('Assistant Principal'));
  });

  it('lists a Last Names rule it cannot read on Data Issues and assigns nobody by it', () => {
    const c = stepThree();
    c.workbook.addRows('Staff', [{ ...AP, 'Last Names': 'A to L' }]);
    recalculateAll(c);
    const issue = c.workbook.table('Data Issues').find((r) => r['Tab'] === 'Staff' && r['Column'] !== 'Role');
    expect(issue?.['Problem']).toMatch(/"A to L" is not a list of letter ranges/);
    expect(status(c, 'S3')['Owner']).toBe('Assistant Principal');
  });
});

const row = (over: Partial<ToDoRow>): ToDoRow => ({
  studentId: 'S1',
  name: '',
  grade: '',
  step: '1 Campus',
  action: 'Call',
  ownerRole: 'Teacher',
  assignedTo: '',
  dueBy: '2026-10-01',
  daysLate: 0,
  inherited: false,
  closedBy: 'Automated call',
  ...over,
});

describe('sortWorklist and worklistChanges', () => {
  it('sorts by owner role, then person, then the most days late', () => {
    const rows = [
      row({ studentId: 'a', ownerRole: ADDON_OWNER, daysLate: 90 }),
      row({ studentId: 'b', ownerRole: 'Counselor', daysLate: 1 }),
      row({ studentId: 'c', ownerRole: 'Counselor', daysLate: 9, assignedTo: 'Zed' }),
      row({ studentId: 'd', ownerRole: 'Counselor', daysLate: 4, assignedTo: 'Amy' }),
      row({ studentId: 'e', ownerRole: 'Teacher', daysLate: 2 }),
      row({ studentId: 'f', ownerRole: 'Counselor', daysLate: 7 }),
    ];
    expect(sortWorklist(rows).map((r) => r.studentId)).toEqual(['e', 'd', 'c', 'f', 'b', 'a']);
  });

  it('rewrites open rows in place, appends new ones and deletes closed ones', () => {
    const existing = [
      { row: 4, values: row({ action: 'Call', daysLate: 1 }) },
      { row: 9, values: row({ action: 'Meet' }) },
    ];
    const fresh = [row({ action: 'Call', daysLate: 2 }), row({ action: 'Plan' })];
    const changes = worklistChanges(existing, fresh);
    expect(changes.update).toEqual([{ row: 4, values: fresh[0] }]);
    expect(changes.append).toEqual([fresh[1]]);
    expect(changes.remove).toEqual([9]);
  });
});
