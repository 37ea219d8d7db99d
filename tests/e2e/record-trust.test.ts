// Forged and unverified entries change no step and are listed with their reason; a verified administrator's adjustment works.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { DAYS, menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const PRINCIPAL = 'clerk@district.example.org'; // the emulator's default user, added by Set up as Principal
const TEACHER = 'teacher@district.example.org';
const SPECIALIST = 'specialist@district.example.org';
const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', '', '', '', '', '', '', '', 'Spanish'],
  ['1002', 'Smith', 'Liam', '8', '', '', '', '', '', '', '', 'English'],
  ['1003', 'Nguyen', 'Mia', '6', '', '', '', '', '', '', '', 'English'],
];

const statusOf = (emu: Emulator, id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id);
const docs = (emu: Emulator) => table(emu, 'Documentation');
const issues = (emu: Emulator) => table(emu, 'Data Issues');

/** Appends one typed Documentation row (Logged At, Student ID, Date, Type, Outcome, Role, Staff, Notes, Step Set To, …). */
function typeDoc(emu: Emulator, row: unknown[]): number {
  const at = emu.values('Documentation').filter((r) => r.some((v) => v !== '')).length + 1;
  emu.setValues('Documentation', `A${at}`, [row]);
  return at;
}

/** 1001 has one unexcused day, 1003 seven (step 2, two sealed step rows). */
function campus(): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  // The Principal Set up made gives the others their roles, the only way a role counts.
  for (const [email, name, role] of [
    [TEACHER, 'Tess Teacher', 'Teacher'],
    [SPECIALIST, 'Dana District', 'District Specialist'],
  ])
    expect(emu.run('submitStaffMember', { email, name, role }).value).toMatchObject({ ok: true });
  emu.setValues('Absences', 'A2', [['1001', DAYS[0], 'U', ''], ...DAYS.map((d) => ['1003', d, 'U', ''])]);
  menu(emu, 'recalculateNow');
  expect(statusOf(emu, '1001')?.['Step']).toBe(0);
  expect(statusOf(emu, '1003')?.['Step']).toBe(2);
  return emu;
}

describe('a record nobody can forge', () => {
  it('Set up made the person running it the Principal on the Staff tab', () => {
    const emu = campus();
    expect(table(emu, 'Staff').find((r) => r['Email'] === PRINCIPAL)?.['Role']).toBe('Principal');
  });

  it('a "Step reached" row typed by hand to look like the add-on sets no step and is listed', () => {
    const emu = campus();
    const row = typeDoc(emu, [
      '',
      '1001',
      '2026-09-14',
      'Step reached',
      'Completed',
      'System',
      'Attendance Steps (automatic)',
      'Step 5 reached',
      5,
    ]);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1001')).toMatchObject({ Step: 0, 'Highest Step': 0 });
    const issue = issues(emu).find((i) => i['Tab'] === 'Documentation' && i['Row'] === row);
    expect(String(issue?.['Problem'])).toMatch(/Typed rows cannot set a step/);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1001')?.['Step']).toBe(0);
  });

  it('a copy of a sealed row with Step Set To changed is "changed after it was written"; an exact copy is a copy', () => {
    const emu = campus();
    const [header, ...rows] = emu.values('Documentation');
    const col = (name: string) => header!.indexOf(name);
    const sealed = rows.find((r) => r[col('Type')] === 'Step reached' && r[col('Student ID')] === '1003')!;
    expect(String(sealed[col('Entry ID')])).toMatch(/^S/);
    const forged = [...sealed];
    forged[col('Step Set To')] = 5;
    const changedRow = typeDoc(emu, forged);
    const copyRow = typeDoc(emu, [...sealed]);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1003')).toMatchObject({ Step: 2, 'Highest Step': 2 });
    const byRow = (r: number) => String(issues(emu).find((i) => i['Row'] === r)?.['Problem']);
    expect(byRow(changedRow)).toMatch(/changed after it was written/);
    expect(byRow(copyRow)).toMatch(/A copy of entry S/);
  });

  it('a Teacher cannot adjust a step: refused with a message and nothing written', () => {
    const emu = campus();
    emu.setUser(TEACHER);
    const before = JSON.stringify(emu.values('Documentation'));
    const r = emu.run('submitStepAdjustment', {
      studentId: '1003',
      step: 0,
      date: '2026-09-14',
      reason: 'Doctor notes',
    });
    expect(r.error).toBeUndefined();
    expect(r.value).toMatchObject({ ok: false });
    expect(String((r.value as { message: string }).message)).toMatch(/Nothing was written/);
    expect(JSON.stringify(emu.values('Documentation'))).toBe(before);
    expect(statusOf(emu, '1003')?.['Step']).toBe(2);
  });

  it('a court decision typed by a clerk who wrote Role "District Specialist" changes nothing and is listed', () => {
    const emu = campus();
    const row = typeDoc(emu, [
      '',
      '1003',
      '2026-09-14',
      'Court referral decision',
      'Completed',
      'District Specialist',
      SPECIALIST,
      'Refer to court',
      '',
    ]);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1003')?.['Step']).toBe(2);
    const issue = issues(emu).find((i) => i['Row'] === row);
    expect(String(issue?.['Problem'])).toMatch(
      /Typed rows cannot set a step: this "Court referral decision"/,
    );
  });

  it("a typed step adjustment is ignored, listed, and its reason shown in Status's Why column", () => {
    const emu = campus();
    const row = typeDoc(emu, [
      '',
      '1003',
      '2026-09-14',
      'Step adjustment',
      'Completed',
      'Principal',
      PRINCIPAL,
      'Lower to 0',
      0,
    ]);
    menu(emu, 'recalculateNow');
    const status = statusOf(emu, '1003');
    expect(status?.['Step']).toBe(2);
    expect(String(issues(emu).find((i) => i['Row'] === row)?.['Problem'])).toMatch(
      /Typed rows cannot set a step/,
    );
    expect(String(status?.['Why'])).toMatch(/adjustment/i);
    expect(String(status?.['Why'])).toMatch(/typed|not made through the add-on|ignored/i);
  });

  it('a Principal adjusts a step through the add-on: the step lowers and one step row refers to the entry', () => {
    const emu = campus();
    const r = emu.run('submitStepAdjustment', {
      studentId: '1003',
      step: 1,
      date: '2026-09-14',
      reason: 'Medical notes',
    });
    expect(r.error).toBeUndefined();
    const value = r.value as { ok: boolean; entryId: string; step: number };
    expect(value).toMatchObject({ ok: true, step: 1 });
    expect(value.entryId).toMatch(/^S/);
    const adjustment = docs(emu).find((d) => d['Entry ID'] === value.entryId);
    expect(adjustment).toMatchObject({
      Type: 'Step adjustment',
      Role: 'Principal',
      Staff: PRINCIPAL,
      'Step Set To': 1,
    });
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1003')?.['Step']).toBe(1);
    const referring = docs(emu).filter(
      (d) => d['Type'] === 'Step reached' && d['Refers To'] === value.entryId,
    );
    expect(referring).toHaveLength(1);
    expect(referring[0]?.['Step Set To']).toBe(1);
    expect(issues(emu).filter((i) => i['Tab'] === 'Documentation')).toEqual([]);
  });

  it('a court decision: the Teacher is refused for the role, the specialist for a student below step 4', () => {
    const emu = campus();
    const before = docs(emu).length;
    emu.setUser(TEACHER);
    const no = emu.run('submitCourtDecision', { studentId: '1003', date: '2026-09-14', reason: 'Refer' });
    expect(no.value).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Only a District Specialist/),
    });
    emu.setUser(SPECIALIST);
    const early = emu.run('submitCourtDecision', { studentId: '1003', date: '2026-09-14', reason: 'Refer' });
    // A decision the ladder would ignore is not written into the record at all.
    expect(early.value).toMatchObject({ ok: false, message: expect.stringMatching(/counts only at step 4/) });
    expect(docs(emu)).toHaveLength(before);
  });

  it('a role typed on the Staff tab grants nothing, and is listed', () => {
    const emu = campus();
    const rows = emu.values('Staff').filter((r) => r.some((v) => v !== '')).length;
    emu.setValues('Staff', `A${rows + 1}`, [
      ['clerk2@district.example.org', 'Clerk Two', 'District Specialist'],
    ]);
    emu.setUser('clerk2@district.example.org');
    const r = emu.run('submitCourtDecision', { studentId: '1003', date: '2026-09-14', reason: 'Refer' });
    expect(r.value).toMatchObject({ ok: false, message: expect.stringMatching(/typed or changed by hand/) });
    menu(emu, 'recalculateNow');
    expect(
      issues(emu).some((i) =>
        /clerk2@district.example.org was typed or changed by hand/.test(String(i['Problem'])),
      ),
    ).toBe(true);
  });

  it("deleting the administrators' rows hands the first administrator's place to the workbook's owner only", () => {
    const emu = campus();
    const staff = emu.values('Staff').filter((r) => r.some((v) => v !== '')).length;
    emu.deleteRows('Staff', 2, staff - 1);
    emu.setUser(TEACHER);
    menu(emu, 'setUpWorkbook');
    expect(emu.ui.alerts.some((a) => /Only the owner of this workbook/.test(String(a.prompt)))).toBe(true);
    expect(table(emu, 'Staff')).toEqual([]);
    emu.setUser(PRINCIPAL);
    menu(emu, 'setUpWorkbook');
    expect(table(emu, 'Staff').map((r) => [r['Email'], r['Role']])).toEqual([[PRINCIPAL, 'Principal']]);
  });

  it('an unknown user and a user with no email get no privileged action, with a message saying why', () => {
    const emu = campus();
    const before = JSON.stringify(emu.values('Documentation'));
    emu.setUser('stranger@elsewhere.example.com');
    const unknown = emu.run('submitStepAdjustment', {
      studentId: '1003',
      step: 0,
      date: '2026-09-14',
      reason: 'Because',
    });
    expect(unknown.value).toMatchObject({ ok: false });
    expect(String((unknown.value as { message: string }).message)).toMatch(/is not on the Staff tab/);
    emu.setUser('');
    const none = emu.run('submitCourtDecision', { studentId: '1003', date: '2026-09-14', reason: 'Because' });
    expect(none.value).toMatchObject({ ok: false });
    expect(String((none.value as { message: string }).message)).toMatch(/did not give your email/);
    expect(JSON.stringify(emu.values('Documentation'))).toBe(before);
    menu(emu, 'recalculateNow');
    expect(statusOf(emu, '1003')?.['Step']).toBe(2);
  });
});
