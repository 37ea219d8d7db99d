// A campus workbook for the use-case tests: set up by setUpWorkbook on the fakes, with builders for roster,
// absences and documentation rows typed the way staff would type them.
import { grantRole, roleFromText } from '../../../src/app/actor';
import { setUpWorkbook } from '../../../src/app/set-up';
import { compileCalendar, defaultCalendar } from '../../../src/domain/calendar';
import { toDayKey } from '../../../src/domain/dates';
import type { DayKey } from '../../../src/domain/types';
import { type Cell, MemoryWorkbook } from '../../fakes/memory-workbook';
import {
  FakeSession,
  FixedClock,
  HmacSealer,
  MemoryArchive,
  MemoryLock,
  MemoryStore,
  MemoryTriggers,
} from '../../fakes/platform';

/** 2026-2027, the default calendar setUpWorkbook writes when today is in that school year. */
export const TODAY = '2026-11-20';
const DAYS = compileCalendar(defaultCalendar(2026)).days.map(toDayKey);

/** The first `n` instructional days on or after `from`. */
export function schoolDays(from: DayKey, n: number): DayKey[] {
  return DAYS.filter((d) => d >= from).slice(0, n);
}

export function campus(today: DayKey = TODAY) {
  const workbook = new MemoryWorkbook();
  const clock = new FixedClock(today);
  const lock = new MemoryLock();
  const triggers = new MemoryTriggers();
  const store = new MemoryStore();
  const sealer = new HmacSealer();
  const archive = new MemoryArchive();
  const session = new FakeSession();
  setUpWorkbook({ workbook, clock, lock, triggers, store, sealer });
  return { workbook, clock, lock, triggers, store, sealer, archive, session };
}

export function student(
  id: string,
  last = `Last${id}`,
  first = `First${id}`,
  grade = '9',
): Record<string, Cell> {
  return { 'Student ID': id, 'Last Name': last, 'First Name': first, Grade: grade };
}

/** Absences rows for `id` with `code` on the first `n` school days from `from`. */
export function absences(id: string, n: number, from = '2026-09-01', code = 'U'): Record<string, Cell>[] {
  return schoolDays(from, n).map((d) => ({ 'Student ID': id, Date: d, Code: code }));
}

export function effort(
  id: string,
  date: DayKey,
  type: string,
  role = 'Assistant Principal',
): Record<string, Cell> {
  return {
    'Logged At': `${date} 10:00`,
    'Student ID': id,
    Date: date,
    Type: type,
    Outcome: 'Completed',
    Role: role,
    Staff: 'ap@school.org',
    Notes: `${type} held`,
  };
}

/** Grants staff their roles as the add-on does (sealed rows): a role typed on the Staff tab grants nothing. */
export function grant(
  c: ReturnType<typeof campus>,
  people: { email: string; name: string; role: string }[],
): void {
  for (const p of people) grantRole(c.workbook, c.sealer, p.email, p.name, roleFromText(p.role)!);
}
