// The sidebar's server calls through the built bundle in the emulator: as each role and as an unknown user, with
// good payloads and at least 30 bad ones; a refused call writes nothing and says why.
import type { Emulator } from '../../emulator/host/emulator';
import { formulas } from '../e2e/bad-input/campus';
import { useBuiltBundle } from '../e2e/harness';
import {
  ADMIN,
  contact,
  documentation,
  STAFF,
  sidebarCampus,
  submissionId,
  XSS_NAME,
} from './sidebar-campus';

useBuiltBundle();

interface Answer {
  ok: boolean;
  message: string;
  entryId?: string;
  studentId?: string;
}

function call<T = Answer>(emu: Emulator, fn: string, arg?: unknown): T {
  const r = emu.run(fn, arg);
  expect(r.error).toBeUndefined();
  return r.value as T;
}

const header = (emu: Emulator) => emu.values('Documentation')[0]!.map(String);
const col = (emu: Emulator, name: string) => header(emu).indexOf(name);

describe('sidebar calls: good payloads', () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = sidebarCampus();
  });

  it('the first call gives the person, the roster, their work and the lists in one answer', () => {
    emu.setUser(STAFF.counselor);
    const start = call<{
      me: { email: string; role: string; verified: boolean };
      roster: { id: string; name: string }[];
      types: { type: string }[];
      outcomes: string[];
      today: string;
      yearStart: string;
      work: { studentId: string; action: string }[];
    }>(emu, 'sidebarStart');
    expect(start.me).toMatchObject({ email: STAFF.counselor, role: 'Counselor', verified: true });
    expect(start.roster.map((r) => r.id).sort()).toEqual(['1001', '1002', '1003', '1004']);
    expect(start.roster.find((r) => r.id === '1004')!.name).toContain(XSS_NAME);
    expect(start.today).toBe('2026-09-15');
    expect(start.types.map((t) => t.type)).toEqual(expect.arrayContaining(['Parent contact', 'Follow-up']));
    expect(start.types.map((t) => t.type)).not.toContain('District intervention');
    expect(start.types.map((t) => t.type)).not.toContain('Step adjustment');
    expect(start.outcomes).toContain('Completed');
    // Student 1001 is at step 2, whose family support is the counselor's.
    expect(start.work).toContainEqual(
      expect.objectContaining({ studentId: '1001', action: 'Continue to support the family' }),
    );
    expect(JSON.parse(JSON.stringify(start))).toEqual(start);
  });

  it('a counselor logs a contact: one sealed entry, by the signed-in person, stored as text; then the card shows it', () => {
    emu.setUser(STAFF.counselor);
    const before = documentation(emu).length;
    const r = call(emu, 'sidebarLogContact', contact({ notes: '=IMPORTRANGE("x","y")' }));
    expect(r).toMatchObject({ ok: true, studentId: '1001', entryId: expect.stringMatching(/^S\d+$/) });
    const rows = documentation(emu);
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((x) => x[col(emu, 'Entry ID')] === r.entryId)!;
    expect(row[col(emu, 'Notes')]).toBe('=IMPORTRANGE("x","y")');
    expect(row[col(emu, 'Staff')]).toBe(STAFF.counselor);
    expect(row[col(emu, 'Role')]).toBe('Counselor');
    expect(row[col(emu, 'Type')]).toBe('Parent contact');
    expect(String(row[col(emu, 'Seal')])).not.toBe('');
    expect(formulas(emu)).toEqual([]);
    const card = call<{
      ok: boolean;
      card: { pending: boolean; contacts: { entryId: string; notes: string }[] };
    }>(emu, 'sidebarRecalculate', { studentId: '1001' });
    expect(card.ok).toBe(true);
    expect(card.card.pending).toBe(false);
    expect(card.card.contacts[0]).toMatchObject({ entryId: r.entryId, notes: '=IMPORTRANGE("x","y")' });
    // Made from the run's own rows, it is the card the tabs give afterwards.
    expect(call(emu, 'sidebarStudent', { studentId: '1001' })).toEqual(card);
  });

  it('the same submission twice (a double click, a retried call) writes one entry', () => {
    emu.setUser(STAFF.counselor);
    const payload = contact({ notes: 'Left a message with the grandmother.' });
    const before = documentation(emu).length;
    const first = call(emu, 'sidebarLogContact', payload);
    const again = call(emu, 'sidebarLogContact', payload);
    expect(first.ok && again.ok).toBe(true);
    expect(again.entryId).toBe(first.entryId);
    expect(again.message).toMatch(/not written again/);
    expect(documentation(emu)).toHaveLength(before + 1);
  });

  it('a follow-up date goes into the notes; the student card lists the entries newest first', () => {
    emu.setUser(STAFF.teacher);
    const r = call(
      emu,
      'sidebarLogContact',
      contact({ type: 'Positive engagement', notes: 'Praised.', followUp: '2026-09-20' }),
    );
    expect(r.ok).toBe(true);
    const row = documentation(emu).find((x) => x[col(emu, 'Entry ID')] === r.entryId)!;
    expect(row[col(emu, 'Notes')]).toBe('Praised.\nFollow-up by 2026-09-20.');
  });

  it('a person Apps Script gives no email for is told so, offered only what anyone may log, and can log it', () => {
    emu.setUser('');
    const start = call<{
      me: { verified: boolean; notice: string };
      types: { type: string }[];
      work: unknown[];
    }>(emu, 'sidebarStart');
    expect(start.me.verified).toBe(false);
    expect(start.me.notice).toMatch(/did not give your email/);
    expect(start.types.map((t) => t.type)).toEqual([
      'Parent contact',
      'Home visit',
      'Positive engagement',
      'Family communication',
      'Note',
    ]);
    expect(start.work).toEqual([]);
    const r = call(emu, 'sidebarLogContact', contact({ type: 'Home visit' }));
    expect(r.ok).toBe(true);
    const row = documentation(emu).find((x) => x[col(emu, 'Entry ID')] === r.entryId)!;
    expect([row[col(emu, 'Staff')], row[col(emu, 'Role')]]).toEqual(['', '']);
  });

  it('an assistant principal adjusts a step down; a district specialist logs a district intervention', () => {
    emu.setUser(STAFF.ap);
    const adj = call(
      emu,
      'sidebarLogContact',
      contact({ type: 'Step adjustment', step: 1, notes: 'Medical documentation arrived.' }),
    );
    expect(adj.ok).toBe(true);
    const card = call<{ ok: boolean; card: { step: number } }>(emu, 'sidebarRecalculate', {
      studentId: '1001',
    });
    expect(card.card.step).toBe(1);
    expect(call(emu, 'sidebarStudent', { studentId: '1001' })).toEqual(card);
    emu.setUser(STAFF.district);
    const di = call(emu, 'sidebarLogContact', contact({ studentId: '1002', type: 'District intervention' }));
    expect(di.ok).toBe(true);
    // Two students owed at once (1002 and 1003): the card of the one asked for holds only their rows.
    const other = call(
      emu,
      'sidebarLogContact',
      contact({ studentId: '1003', type: 'District intervention' }),
    );
    expect(other.ok).toBe(true);
    const card2 = call(emu, 'sidebarRecalculate', { studentId: '1002' });
    expect(card2).toMatchObject({ ok: true, card: { id: '1002', pending: false } });
    expect(call(emu, 'sidebarStudent', { studentId: '1002' })).toEqual(card2);
    expect(call(emu, 'sidebarStudent', { studentId: '1003' })).toMatchObject({ card: { pending: false } });
  });

  it('a recalculation that brings a student new actions and a letter returns the card the tabs give after', () => {
    emu.setUser(STAFF.counselor);
    const before = call<{ ok: boolean; card: { due: unknown[]; letters: unknown[] } }>(
      emu,
      'sidebarStudent',
      {
        studentId: '1003',
      },
    );
    // Absences typed for 1003 (no trigger fires for a write from outside): the run finds them.
    const last = emu.values('Absences').length;
    emu.setValues(
      'Absences',
      `A${last + 1}`,
      ['2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11', '2026-09-14'].map((d) => ['1003', d, 'U']),
    );
    const card = call<{ ok: boolean; card: { step: number; due: unknown[]; letters: unknown[] } }>(
      emu,
      'sidebarRecalculate',
      { studentId: '1003' },
    );
    expect(card.card.step).toBeGreaterThan(0);
    expect(card.card.due.length).toBeGreaterThan(before.card.due.length);
    expect(card.card.letters.length).toBeGreaterThan(before.card.letters.length);
    expect(call(emu, 'sidebarStudent', { studentId: '1003' })).toEqual(card);
  });

  it("the card of the student named like HTML carries the name as text, and the administrator's start names them", () => {
    emu.setUser(ADMIN);
    const card = call<{ ok: boolean; card: { name: string; step: number } }>(emu, 'sidebarStudent', {
      studentId: '1004',
    });
    expect(card.ok).toBe(true);
    expect(card.card.name).toContain(XSS_NAME);
  });
});

/** A bad payload: who sends it, what, and what the answer must say. */
type Bad = [name: string, user: string, fn: string, payload: unknown, message: RegExp];

const C = STAFF.counselor;
const long = 'x'.repeat(5001);
const without = (key: string) => {
  const c = contact();
  delete c[key];
  return c;
};

const BAD: Bad[] = [
  ['no payload at all', C, 'sidebarLogContact', null, /must be a form/],
  ['a string instead of a form', C, 'sidebarLogContact', 'Parent contact', /must be a form/],
  ['a number instead of a form', C, 'sidebarLogContact', 42, /must be a form/],
  ['an array instead of a form', C, 'sidebarLogContact', [], /must be a form/],
  ['an empty form', C, 'sidebarLogContact', {}, /not complete: fill in the submission id/],
  ['no student', C, 'sidebarLogContact', without('studentId'), /fill in the student/],
  ['no type', C, 'sidebarLogContact', without('type'), /fill in the type/],
  ['no date', C, 'sidebarLogContact', without('date'), /fill in the date/],
  ['no outcome', C, 'sidebarLogContact', without('outcome'), /fill in the outcome/],
  ['no notes field', C, 'sidebarLogContact', without('notes'), /fill in the notes/],
  ['no submission id', C, 'sidebarLogContact', without('submissionId'), /fill in the submission id/],
  [
    'a submission id that is a number',
    C,
    'sidebarLogContact',
    contact({ submissionId: 12345678 }),
    /submission id must be text/,
  ],
  ['a submission id too short', C, 'sidebarLogContact', contact({ submissionId: 'abc' }), /8 to 64/],
  [
    'a submission id with markup',
    C,
    'sidebarLogContact',
    contact({ submissionId: '<script>alert(1)</script>' }),
    /8 to 64/,
  ],
  [
    'a student id that is a number',
    C,
    'sidebarLogContact',
    contact({ studentId: 1001 }),
    /Student ID must be text/,
  ],
  ['an empty student id', C, 'sidebarLogContact', contact({ studentId: '  ' }), /Choose a student/],
  ['an unknown student', C, 'sidebarLogContact', contact({ studentId: '9999' }), /9999/],
  [
    'a student id of 41 characters',
    C,
    'sidebarLogContact',
    contact({ studentId: '1'.repeat(41) }),
    /at most 40/,
  ],
  ['an unknown type', C, 'sidebarLogContact', contact({ type: 'Bribe' }), /not a type the sidebar logs/],
  ['a type that is a number', C, 'sidebarLogContact', contact({ type: 3 }), /type must be text/],
  [
    "the add-on's own Step reached",
    C,
    'sidebarLogContact',
    contact({ type: 'Step reached' }),
    /not a type the sidebar logs/,
  ],
  [
    "the add-on's own Automated call",
    C,
    'sidebarLogContact',
    contact({ type: 'Automated call' }),
    /not a type the sidebar logs/,
  ],
  ['a month 13', C, 'sidebarLogContact', contact({ date: '2026-13-01' }), /real date/],
  ['February 30', C, 'sidebarLogContact', contact({ date: '2026-02-30' }), /real date/],
  ['a date in the future', C, 'sidebarLogContact', contact({ date: '2026-09-16' }), /in the future/],
  [
    'a date before the school year',
    C,
    'sidebarLogContact',
    contact({ date: '2025-08-01' }),
    /before this school year/,
  ],
  ['a date as a serial number', C, 'sidebarLogContact', contact({ date: 46280 }), /date must be text/],
  ['a date as 09/14/2026', C, 'sidebarLogContact', contact({ date: '09/14/2026' }), /real date like/],
  [
    'an outcome not in Settings',
    C,
    'sidebarLogContact',
    contact({ outcome: 'Great' }),
    /not an outcome in Settings/,
  ],
  ['an empty outcome', C, 'sidebarLogContact', contact({ outcome: '' }), /Choose an outcome/],
  [
    'notes of 5,001 characters',
    C,
    'sidebarLogContact',
    contact({ notes: long }),
    /longer than 5000 characters/,
  ],
  ['notes that are a number', C, 'sidebarLogContact', contact({ notes: 7 }), /notes must be text/],
  [
    'a follow-up before the entry',
    C,
    'sidebarLogContact',
    contact({ followUp: '2026-09-01' }),
    /before the entry's date/,
  ],
  [
    'a follow-up that is not a date',
    C,
    'sidebarLogContact',
    contact({ followUp: '2026-99-99' }),
    /follow-up date must be a real date/,
  ],
  [
    'notes that the follow-up line pushes past 5,000',
    C,
    'sidebarLogContact',
    contact({ notes: 'y'.repeat(4990), followUp: '2026-09-20' }),
    /longer than 5000/,
  ],
  [
    'a counselor logs a district intervention',
    C,
    'sidebarLogContact',
    contact({ type: 'District intervention' }),
    /Only a District Specialist may/,
  ],
  [
    'a counselor records a court decision',
    C,
    'sidebarLogContact',
    contact({ type: 'Court referral decision' }),
    /Only a District Specialist may/,
  ],
  [
    'a counselor adjusts a step',
    C,
    'sidebarLogContact',
    contact({ type: 'Step adjustment', step: 0 }),
    /Only a (Assistant Principal or Principal|Principal or Assistant Principal)|Only an? .*Principal/,
  ],
  [
    'a teacher logs a TPM plan',
    STAFF.teacher,
    'sidebarLogContact',
    contact({ type: 'TPM plan' }),
    /may log a TPM plan|Only/,
  ],
  [
    'no email logs a follow-up',
    '',
    'sidebarLogContact',
    contact({ type: 'Follow-up' }),
    /did not give your email/,
  ],
  [
    'no email logs an AP meeting',
    '',
    'sidebarLogContact',
    contact({ type: 'AP meeting' }),
    /did not give your email/,
  ],
  [
    'someone not on Staff logs a court decision',
    'stranger@example.com',
    'sidebarLogContact',
    contact({ type: 'Court referral decision' }),
    /not on the Staff tab/,
  ],
  [
    'a step adjustment without the step',
    STAFF.ap,
    'sidebarLogContact',
    contact({ type: 'Step adjustment' }),
    /needs the step/,
  ],
  [
    'a step adjustment to step 7',
    STAFF.ap,
    'sidebarLogContact',
    contact({ type: 'Step adjustment', step: 7 }),
    /from 0 to 5/,
  ],
  [
    'a step adjustment to step "two"',
    STAFF.ap,
    'sidebarLogContact',
    contact({ type: 'Step adjustment', step: 'two' }),
    /step must be a number/,
  ],
  [
    'a step adjustment without a reason',
    STAFF.ap,
    'sidebarLogContact',
    contact({ type: 'Step adjustment', step: 0, notes: '' }),
    /reason/,
  ],
  [
    'an adjustment above the current step',
    STAFF.ap,
    'sidebarLogContact',
    contact({ studentId: '1003', type: 'Step adjustment', step: 3 }),
    /at step 0: an adjustment may only lower/,
  ],
  [
    'a court decision below step 4',
    STAFF.district,
    'sidebarLogContact',
    contact({ studentId: '1002', type: 'Court referral decision' }),
    /counts only at step 4/,
  ],
  ['a card without a payload', C, 'sidebarStudent', null, /must name a student/],
  ['a card for a numeric id', C, 'sidebarStudent', { studentId: 1001 }, /must be text/],
  ['a card for an empty id', C, 'sidebarStudent', { studentId: '' }, /Enter the Student ID/],
  ['a card for an unknown student', C, 'sidebarStudent', { studentId: 'nobody' }, /No student nobody/],
  [
    'a recalculation for no student',
    C,
    'sidebarRecalculate',
    { id: '1001' },
    /must name a student|fill in|Student ID/,
  ],
];

describe('sidebar calls: bad payloads write nothing and say why', () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = sidebarCampus();
  });

  it('has at least 30 bad payloads, each named once', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD.map((b) => b[0])).size).toBe(BAD.length);
  });

  it.each(BAD)('%s', (_, user, fn, payload, message) => {
    emu.setUser(user);
    const before = emu.values('Documentation');
    const status = emu.values('Status');
    const r = call<{ ok: boolean; message: string }>(emu, fn, payload);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(message);
    expect(emu.values('Documentation')).toEqual(before);
    expect(emu.values('Status')).toEqual(status);
  });

  it('a fresh submission after the refusals is written (a refused submission id reserves nothing)', () => {
    emu.setUser(STAFF.counselor);
    const id = submissionId();
    expect(call(emu, 'sidebarLogContact', contact({ submissionId: id, date: '2026-09-16' })).ok).toBe(false);
    expect(call(emu, 'sidebarLogContact', contact({ submissionId: id })).ok).toBe(true);
  });
});
