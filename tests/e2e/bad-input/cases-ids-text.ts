// Ids that lost zeros, could be two students, carry spaces or a leading sign, or lost digits; unknown codes and
// duplicates; names in any script; notes that look like formulas; text longer than a cell holds.
import type { Emulator } from '../../../emulator/host/emulator';
import { table } from '../harness';
import { addCsv, DAYS, student } from './campus';
import {
  absence,
  all,
  effort,
  exported,
  importTab,
  issues,
  recalc,
  run,
  statusOf1003,
  type,
  type Case,
} from './case';

const HUGE = 'x'.repeat(60_000);

/** A typed absence whose id is not on the roster as typed: listed quoting the id, nobody's count moves. */
const unknownId = (id: unknown, shown: string): Case => ({
  name: `Absences Student ID ${JSON.stringify(id)}`,
  kind: 'id',
  setup: absence(DAYS[3], 'U', id),
  act: recalc,
  message: new RegExp(`issue: Absences row 12 .*${shown}`),
  changes: ['Data Issues'],
  then: (emu) => {
    issues(1)(emu);
    expect(emu.values('Absences')[11]![0]).toBe(id);
  },
});

/** A note typed in Documentation that looks like a formula stays the text typed. */
const formulaNote = (notes: string): Case => ({
  name: `Documentation note ${JSON.stringify(notes)}`,
  kind: 'text that looks like a formula',
  setup: effort({ notes }),
  act: recalc,
  message: /toast: .*Recalculated/,
  changes: ['Documentation', 'Status', 'To Do'],
  then: (emu, before, after) => {
    issues(0)(emu);
    expect(after['Documentation']!.slice(0, -1)).toEqual(before['Documentation']!.slice(0, -1));
    expect(after['Documentation']!.at(-1)![7]).toBe(notes);
    expect(emu.displayValues('Documentation').at(-1)![7]).toBe(notes);
  },
});

/** A name in another script or with emoji: Status shows it as typed. */
const name = (last: string, first: string): Case => ({
  name: `student named ${first} ${last}`,
  kind: 'accents, emoji, RTL',
  setup: type('Students', 'B4', [[last, first]]),
  act: recalc,
  message: /toast: .*Recalculated/,
  changes: ['Status'],
  then: (emu, before, after) => {
    const at = before['Status']!.findIndex((r) => r[0] === '1003');
    expect(after['Status']![at]![1]).toBe(`${last}, ${first}`);
    expect(after['Status']!.filter((_, i) => i !== at)).toEqual(before['Status']!.filter((_, i) => i !== at));
  },
});

const csv = (rows: string[][]) => (emu: Emulator) => {
  emu.ui.queuePromptResponse(addCsv(emu, 'export.csv', rows));
  return run('importAttendanceFromDrive')(emu);
};

export const ID_AND_TEXT_CASES: Case[] = [
  {
    name: 'Absences Student ID 42 for roster 0042 (leading zeros lost)',
    kind: 'id',
    setup: absence(DAYS[4], 'U', '42'),
    act: recalc,
    message: /toast: .*Recalculated/,
    changes: ['Status', 'To Do', 'Data Issues'],
    then: (emu) =>
      expect(table(emu, 'Status').find((r) => r['Student ID'] === '0042')?.['Unexcused Days']).toBe(2),
  },
  {
    name: 'Absences Student ID 42 with 042 and 0042 on the roster (ambiguous)',
    kind: 'id',
    setup: (emu) => {
      emu.setValues('Students', 'A6', [student('042')]);
      absence(DAYS[4], 'U', '42')(emu);
    },
    act: recalc,
    message: /issue: Absences row 12 .*42.*(042|0042).*(0042|042)/,
    changes: ['Data Issues', 'Status', 'To Do'],
    then: (emu) => {
      const s = table(emu, 'Status');
      expect(s.find((r) => r['Student ID'] === '0042')?.['Unexcused Days']).toBe(1);
      expect(s.find((r) => r['Student ID'] === '042')?.['Unexcused Days']).toBe(0);
    },
  },
  {
    name: 'Absences Student ID " 1003 " with spaces',
    kind: 'id',
    setup: absence(DAYS[4], 'U', ' 1003 '),
    act: recalc,
    message: /toast: .*Recalculated/,
    changes: ['Status', 'To Do', 'Data Issues'],
    then: statusOf1003(1),
  },
  unknownId('+1003', '\\+1003'),
  unknownId('-1003', '-1003'),
  unknownId('=1003', '=1003'),
  unknownId('@1003', '@1003'),
  unknownId('9999', 'Unknown student ID 9999'),
  {
    name: 'twenty-digit ids read as numbers in an export',
    kind: 'id',
    setup: (emu) => {
      emu.setValues('Students', 'A6', [student('12345678901234567890'), student('12345678901234567891')]);
      exported(
        [Number('12345678901234567890'), DAYS[0], 'U'],
        [Number('12345678901234567891'), DAYS[1], 'U'],
      )(emu);
    },
    act: importTab,
    message: /2 rejected.*was read as a number and lost its last digits/s,
    changes: ['Import', 'Status', 'To Do'],
    then: (emu) =>
      expect(table(emu, 'Import').map((r) => String(r['Import Result']).slice(0, 9))).toEqual([
        'rejected:',
        'rejected:',
      ]),
  },
  {
    name: 'export id +0042 from Drive is a new student stored as typed',
    kind: 'id',
    act: csv([
      ['Student ID', 'Date', 'Code', 'Last Name', 'First Name'],
      ['+0042', DAYS[0]!, 'U', 'Cruz', 'Ana'],
    ]),
    message: /1 rows read: 1 added.*1 new students? added/s,
    changes: ['Students', 'Absences', 'Status', 'To Do'],
    then: (emu) => {
      expect(table(emu, 'Students').at(-1)).toMatchObject({ 'Student ID': '+0042', 'Last Name': 'Cruz' });
      expect(emu.displayValues('Students').at(-1)![0]).toBe('+0042');
    },
  },
  {
    name: 'Absences code "ZZ"',
    kind: 'unknown code',
    setup: absence(DAYS[4], 'ZZ'),
    act: recalc,
    message: /issue: Absences row 12 Code: Unknown attendance code "ZZ"/,
    changes: ['Data Issues', 'Status'],
    then: issues(1),
  },
  {
    name: 'imported code "XX"',
    kind: 'unknown code',
    setup: exported(['1003', DAYS[4], 'XX']),
    act: importTab,
    message: /row 2: .*"?XX"?/,
    changes: ['Import'],
    then: (emu) => expect(table(emu, 'Import')[0]?.['Import Result']).toMatch(/^rejected: .*XX/),
  },
  {
    name: 'Documentation Type "Phone chat"',
    kind: 'unknown code',
    setup: effort({ type: 'Phone chat' }),
    act: recalc,
    message: /issue: Documentation row \d+ Type: .*"Phone chat"/,
    changes: ['Documentation', 'Data Issues', 'Status'],
    then: issues(1),
  },
  {
    name: 'Documentation Outcome "maybe"',
    kind: 'yes/no or list oddity',
    setup: effort({ outcome: 'maybe' }),
    act: recalc,
    message: /issue: Documentation row \d+ Outcome: Unknown outcome "maybe"/,
    changes: ['Documentation', 'Data Issues', 'Status', 'To Do'],
    then: issues(1),
  },
  {
    name: 'Absences row typed twice',
    kind: 'duplicate',
    setup: absence(DAYS[1], 'E'),
    act: recalc,
    message: /issue: Absences row 12 .*Duplicate row: 1003, 2026-09-02, E already listed; counted once/,
    changes: ['Data Issues', 'Status'],
    then: issues(1),
  },
  {
    name: 'Student ID 1003 on two roster rows',
    kind: 'duplicate',
    setup: type('Students', 'A6', [student('1003', 'Twin')]),
    act: recalc,
    message: /issue: Students row 6 .*1003/,
    changes: ['Data Issues', 'Status'],
    then: issues(1),
  },
  {
    name: 'an export listing the same row twice',
    kind: 'duplicate',
    setup: exported(['1003', DAYS[4], 'U'], ['1003', DAYS[4], 'U']),
    act: importTab,
    message: /2 rows read: 1 added/,
    changes: ['Import', 'Absences', 'Status', 'To Do'],
    then: all(statusOf1003(1), (emu) => expect(emu.values('Import')).toEqual([])),
  },
  name('Ñúñez', 'José'),
  name('😀 Smile', 'Zoë'),
  name('محمد', 'فاطمة'),
  formulaNote('=HYPERLINK("http://example.com","click")'),
  formulaNote('+1 called, no answer'),
  formulaNote('-nobody home'),
  formulaNote('@counselor please follow up'),
  {
    name: 'a step adjustment whose reason starts with =',
    kind: 'text that looks like a formula',
    act: run('submitStepAdjustment', {
      studentId: '1001',
      step: 1,
      date: '2026-09-14',
      reason: '=IMPORTXML("http://x","//a")',
    }),
    message: /"ok":true/,
    changes: ['Documentation', 'Status', 'To Do', 'Letters'],
    then: (emu) =>
      expect(table(emu, 'Documentation').at(-1)?.['Notes']).toMatch(/: =IMPORTXML\("http:\/\/x","\/\/a"\)$/),
  },
  {
    name: 'a step adjustment reason of 60,000 characters',
    kind: 'text over 50,000 characters',
    act: run('submitStepAdjustment', { studentId: '1001', step: 1, date: '2026-09-14', reason: HUGE }),
    message: /"ok":false.*longer than 5000 characters/,
  },
  {
    name: 'a staff member name of 60,000 characters',
    kind: 'text over 50,000 characters',
    act: run('submitStaffMember', { email: 'new@district.example.org', name: HUGE, role: 'Teacher' }),
    message: /"ok":false.*too long/,
  },
  {
    name: 'an Absences code of 49,990 characters',
    kind: 'text over 50,000 characters',
    setup: absence(DAYS[4], 'Q'.repeat(49_990)),
    act: recalc,
    message:
      /issue: Absences row 12 Code: Unknown attendance code "Q+… \(\d{2},\d{3} characters in all; the cell itself is unchanged\)/,
    changes: ['Data Issues', 'Status'],
    then: issues(1),
  },
  {
    name: 'a CSV row of 60,000 characters with an unknown code',
    kind: 'text over 50,000 characters',
    act: csv([
      ['Student ID', 'Date', 'Code', 'Notes'],
      ['1003', DAYS[4]!, 'XX', HUGE],
    ]),
    message:
      /alert: Import: nothing was changed: Row 2 of the file holds a value of 60,000 characters; a Sheets cell holds at most 50,000 characters\..*Nothing was imported/s,
  },
];
