// Seeded, deterministic generator of a synthetic district (students, absences, documentation) for benches.

import { compileCalendar, defaultCalendar } from '../src/domain/calendar';
import { toDayKey } from '../src/domain/dates';
import type { RawAbsenceRow, RawDocumentationRow, RawStudentRow } from '../src/domain/validation';
import type { SchoolCalendar } from '../src/domain/types';

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface District {
  calendar: SchoolCalendar;
  students: RawStudentRow[];
  absences: RawAbsenceRow[];
  documentation: RawDocumentationRow[];
  asOf: string;
}

const CODES = ['U', 'U', 'U', 'UP', 'E', 'EP', 'M', 'S'];
const DOC_TYPES = [
  'Positive engagement',
  'Parent contact',
  'AP meeting',
  'TPM plan',
  'District referral',
  'Follow-up',
  'Automated call',
];
const ROLES = ['teacher', 'attendanceClerk', 'assistantPrincipal', 'system'];

/** N students, M absence rows (skewed: a few students absent a lot) and about M/10 documentation rows. */
export function generateDistrict(students: number, absenceRows: number, seed = 42): District {
  const rnd = prng(seed);
  const calendar = defaultCalendar(2026);
  const days = compileCalendar(calendar).days.map(toDayKey);
  const asOf = '2027-03-05';
  const open = days.filter((d) => d <= asOf);
  const pickDay = (): string => open[Math.floor(rnd() * open.length)] as string;
  const pickStudent = (): string => `S${Math.floor(rnd() ** 2 * students)}`;
  const studentRows: RawStudentRow[] = [];
  for (let i = 0; i < students; i++) {
    const late = rnd() < 0.1;
    studentRows.push({
      row: i + 2,
      studentId: `S${i}`,
      name: `Student ${i}`,
      enrollDate: late ? pickDay() : calendar.firstDay,
    });
  }
  const absences: RawAbsenceRow[] = [];
  for (let i = 0; i < absenceRows; i++) {
    absences.push({
      row: i + 2,
      studentId: pickStudent(),
      date: pickDay(),
      code: CODES[Math.floor(rnd() * CODES.length)] as string,
    });
  }
  const documentation: RawDocumentationRow[] = [];
  for (let i = 0; i < Math.floor(absenceRows / 10); i++) {
    documentation.push({
      row: i + 2,
      studentId: pickStudent(),
      date: pickDay(),
      type: DOC_TYPES[Math.floor(rnd() * DOC_TYPES.length)] as string,
      outcome: rnd() < 0.8 ? 'Completed' : 'Attempted / no answer',
      role: ROLES[Math.floor(rnd() * ROLES.length)] as string,
      staff: 'staff@district.org',
      note: '',
    });
  }
  return { calendar, students: studentRows, absences, documentation, asOf };
}
