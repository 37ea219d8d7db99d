// The campus the call-list and schedule tests share: four students, absences up to 2026-09-15, and reading Drive.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import type { DriveStore } from '../../emulator/runtime/drive-store';
import { menu, table } from './harness';

const blank = (n: number) => new Array<string>(n).fill('');
/** Students A–O: id, last, first, grade, 3 dates, guardian name, email, phone, address, language, 3 assignees. */
const student = (id: string, last: string, first: string, phone: string, language: string) => [
  id,
  last,
  first,
  '7',
  ...blank(3),
  `${first}'s guardian`,
  `${id}@home.example`,
  phone,
  '',
  language,
  ...blank(3),
];
const ROSTER = [
  student('0101', 'Garcia', 'Sofia', '5125550101', 'Spanish'),
  student('0102', 'Smith', 'Liam', '', 'English'),
  student('0103', 'Nguyen', 'Mia', '5125550103', 'English'),
  student('0104', 'Adams', 'Zoe', '5125550104', ''),
];
const BEFORE = ['2026-09-08', '2026-09-09', '2026-09-10'];
export const TODAY = '2026-09-15';
export const ABSENCES = [
  // 0101 and 0102: three unexcused days before (step 1), and today; 0102 only part of today.
  ...['0101', '0102'].flatMap((id) => BEFORE.map((d) => [id, d, 'U', ''])),
  ['0101', TODAY, 'U', ''],
  ['0102', TODAY, 'UP', ''],
  // 0103: absent today only, not on the ladder. 0104: on the ladder, present today.
  ['0103', TODAY, 'U', ''],
  ...BEFORE.map((d) => ['0104', d, 'U', '']),
];

export function campus(asOf = TODAY, absences = ABSENCES): Emulator {
  const emu = createEmulatorSync({ asOf });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Absences', 'A2', absences);
  menu(emu, 'recalculateNow');
  return emu;
}

export const drive = (emu: Emulator) => (emu.control as unknown as { drive: DriveStore }).drive;

/** The call list files of the day, trashed ones included, as text. */
export function callFiles(emu: Emulator, day: string): { trashed: boolean; text: string }[] {
  return [...drive(emu).files.values()]
    .filter((f) => f.name === `Call list ${day}.csv`)
    .map((f) => ({ trashed: f.trashed, text: Buffer.from(f.bytes).toString('utf8') }));
}

export const automatedCalls = (emu: Emulator) =>
  table(emu, 'Documentation').filter((r) => r['Type'] === 'Automated call');

/** Sets a Settings line's value as a person would type it: the line already there, or a new one below. */
export function setSetting(emu: Emulator, key: string, value: string): void {
  const rows = emu.values('Settings');
  const at = rows.findIndex((r) => r[0] === key);
  if (at >= 0) emu.setValues('Settings', `B${at + 1}`, [[value]]);
  else emu.setValues('Settings', `A${rows.length + 1}`, [[key, value]]);
}
