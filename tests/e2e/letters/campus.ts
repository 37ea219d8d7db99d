// A small campus whose letters exercise every path: siblings on one email, letters 1 and 2 together, Spanish, print,
// and bad inputs (an address that is not an email, no address, a name starting with '=', accents and apostrophes).
import { createEmulatorSync, type Emulator } from '../../../emulator/host/emulator';
import { menu } from '../harness';

const blank = (n: number) => new Array<string>(n).fill('');
/** Students A–O: id, last, first, grade, birth, enroll, withdraw, guardian, email, phone, address, language, AP… */
export const ROSTER = [
  [
    '1001',
    'García',
    'Sofía',
    '7',
    ...blank(3),
    'María García',
    'maria.garcia@example.org',
    '',
    '',
    'Spanish',
    ...blank(3),
  ],
  [
    '1002',
    'García',
    'Mateo',
    '6',
    ...blank(3),
    'María García',
    'Maria.Garcia@example.org',
    '',
    '',
    'Spanish',
    ...blank(3),
  ],
  [
    '1003',
    'Smith',
    'Liam',
    '8',
    ...blank(3),
    '=John Smith',
    '',
    '',
    '12 Oak St, Austin, TX 78701',
    'English',
    ...blank(3),
  ],
  [
    '1004',
    "O'Brien",
    'Zoë',
    '7',
    ...blank(3),
    '=HYPERLINK("http://x")',
    'not-an-email',
    '',
    '',
    'English',
    ...blank(3),
  ],
  ['1005', 'Nguyen', 'Mia', '6', ...blank(3), 'Lan Nguyen', '', '', '', 'Vietnamese', ...blank(3)],
  [
    '1006',
    'Brown',
    'Ava',
    '8',
    ...blank(3),
    "Jean-Luc D'Arcy",
    'jl.darcy@example.org',
    '',
    '',
    'French',
    ...blank(3),
  ],
];
export const DAYS = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08'];
/** 1001: five unexcused days (letters 1 and 2); the others three (letter 1). */
export const ABSENCES = [
  ...DAYS.map((d) => ['1001', d, 'U', '']),
  ...['1002', '1003', '1004', '1005', '1006'].flatMap((id) => DAYS.slice(0, 3).map((d) => [id, d, 'U', ''])),
];

/** Set up (you become the first administrator), the roster and absences, then Recalculate now. */
export function letterCampus(
  options: { asOf?: string; roster?: string[][]; absences?: string[][] } = {},
): Emulator {
  const emu = createEmulatorSync({ asOf: options.asOf ?? '2026-09-15', userEmail: 'principal@school.org' });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', options.roster ?? ROSTER);
  emu.setValues('Absences', 'A2', options.absences ?? ABSENCES);
  setSetting(emu, 'letter.principal', 'Dr. Ana Ruiz');
  setSetting(emu, 'letter.campus', 'Lakeside Middle School');
  setSetting(emu, 'letter.campusPhone', '(512) 555-0100');
  setSetting(emu, 'letter.replyTo', 'office@lakeside.example.org');
  menu(emu, 'recalculateNow');
  return emu;
}

/** Types a Settings value as a person would (the row of that key). */
export function setSetting(emu: Emulator, key: string, value: string): void {
  const rows = emu.values('Settings');
  const at = rows.findIndex((r) => r[0] === key);
  if (at < 0) throw new Error(`no setting ${key}`);
  emu.setValues('Settings', `B${at + 1}`, [[value]]);
}

export function settingValue(emu: Emulator, key: string): string {
  return String(emu.values('Settings').find((r) => r[0] === key)?.[1] ?? '');
}

/** Runs the dialog's Send until the server says it is done (or `max` chunks). */
export function sendAll(emu: Emulator, max = 10): { value: unknown; error?: string }[] {
  const out = [];
  for (let i = 0; i < max; i++) {
    const r = emu.run('sendLettersChunkCall');
    out.push(r);
    if (r.error || (r.value as { done?: boolean }).done) break;
  }
  return out;
}
