// A deterministic demo campus: about 800 students across grades, a realistic spread of absence patterns (most with
// few absences, a tail reaching every step), Spanish-speaking families, guardians without email, and staff entries.
import { prng } from '../../bench/generate';
import { compileCalendar, defaultCalendar, isInstructional } from '../../src/domain/calendar';
import { addDays } from '../../src/domain/dates';
import type { SchoolCalendar } from '../../src/domain/types';

export interface DemoCampus {
  calendar: SchoolCalendar;
  /** The Students tab as the district keeps it (header + rows). */
  students: string[][];
  /** The student information system's absence export, as pasted into the Import tab (its own header names). */
  export: string[][];
  /** Settings rows mapping the export's headers to ours. */
  mapping: [key: string, value: string][];
  /** Documentation entries typed by staff (header + rows). */
  documentation: (string | number)[][];
}

const LAST = [
  'Garcia',
  'Martinez',
  'Johnson',
  'Smith',
  'Hernandez',
  'Lopez',
  'Williams',
  'Nguyen',
  'Brown',
  'Gonzalez',
  'Davis',
  'Rodriguez',
  'Perez',
  'Wilson',
  'Sanchez',
  'Ramirez',
  'Anderson',
  'Torres',
  'Thomas',
  'Flores',
  'Jackson',
  'Rivera',
  'White',
  'Gomez',
  'Harris',
  'Diaz',
  'Clark',
  'Reyes',
  'Lewis',
  'Cruz',
  'Walker',
  'Morales',
  'Young',
  'Ortiz',
];
const FIRST = [
  'Sofia',
  'Liam',
  'Mateo',
  'Emma',
  'Noah',
  'Valentina',
  'Olivia',
  'Santiago',
  'Ava',
  'Diego',
  'Mia',
  'Lucas',
  'Isabella',
  'Elijah',
  'Camila',
  'James',
  'Ximena',
  'Benjamin',
  'Aaliyah',
  'Jose',
  'Harper',
  'Daniel',
  'Evelyn',
  'Angel',
  'Abigail',
  'Adrian',
  'Emily',
  'Gael',
  'Zoe',
  'Ethan',
  'Luna',
  'Jayden',
  'Maria',
  'Carlos',
];
const GRADES = ['6', '7', '8'];

export const EXPORT_HEADER = ['Student Number', 'Absence Date', 'Attendance Code', 'Period Count'];
export const STUDENT_HEADER = [
  'Student ID',
  'Last Name',
  'First Name',
  'Grade',
  'Date of Birth',
  'Enroll Date',
  'Withdraw Date',
  'Guardian Name',
  'Guardian Email',
  'Guardian Phone',
  'Mailing Address',
  'Language',
];
export const DOC_HEADER = [
  'Logged At',
  'Student ID',
  'Date',
  'Type',
  'Outcome',
  'Role',
  'Staff',
  'Notes',
  'Step Set To',
];

/** The demo campus's school year (July 2026 to June 2027): `--as-of` moves "today" within it, never the campus. */
export const DEMO_SCHOOL_YEAR = 2026;

/** The first and last instructional days of the demo year: `asOf` must fall between them. */
export function demoYearBounds(): { first: string; last: string } {
  const calendar = defaultCalendar(DEMO_SCHOOL_YEAR);
  return { first: calendar.firstDay, last: calendar.lastDay };
}

/**
 * How many unexcused days a student gathers over the whole school year: most few, a tail past every threshold
 * by November.
 */
function unexcusedTarget(r: number): number {
  if (r < 0.55) return Math.floor(r * 4); // 0–2
  if (r < 0.75) return 3 + Math.floor((r - 0.55) * 15); // 3–5
  if (r < 0.86) return 6 + Math.floor((r - 0.75) * 36); // 6–9
  if (r < 0.93) return 10 + Math.floor((r - 0.86) * 85); // 10–15
  if (r < 0.97) return 16 + Math.floor((r - 0.93) * 150); // 16–21
  return 22 + Math.floor((r - 0.97) * 500); // 22–36
}

/**
 * The demo campus as it stands on `asOf`: the same students and the same school year (DEMO_SCHOOL_YEAR) whatever
 * the day; the absences and entries of the whole year are drawn first, then those after `asOf` are left out.
 */
export function demoCampus(asOf: string, seed = 2026, size = 800): DemoCampus {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const calendar = defaultCalendar(DEMO_SCHOOL_YEAR);
  const cal = compileCalendar(calendar);
  const schoolDays: string[] = [];
  for (let d = calendar.firstDay; d <= calendar.lastDay; d = addDays(d, 1)) {
    if (isInstructional(cal, d)) schoolDays.push(d);
  }
  const students: string[][] = [STUDENT_HEADER];
  const exportRows: string[][] = [EXPORT_HEADER];
  const docs: (string | number)[][] = [DOC_HEADER];
  const startYear = DEMO_SCHOOL_YEAR;
  for (let i = 0; i < size; i++) {
    const id = String(100000 + Math.floor(i * 7.3) + 17).padStart(7, '0');
    const last = pick(LAST);
    const first = pick(FIRST);
    const grade = GRADES[i % GRADES.length]!;
    const spanish = random() < 0.3;
    const noEmail = random() < 0.12;
    const birthYear = startYear - 11 - Number(grade) + 6;
    const midYear = random() < 0.05 ? (schoolDays[Math.floor(schoolDays.length / 3)] ?? '') : '';
    students.push([
      id,
      last,
      first,
      grade,
      `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      midYear,
      '',
      `${spanish ? pick(['Sra.', 'Sr.']) : pick(['Ms.', 'Mr.'])} ${last}`,
      noEmail ? '' : `${first.toLowerCase()}.${last.toLowerCase()}.family${i}@example.com`,
      `(512) 555-${String(1000 + i).slice(-4)}`,
      `${100 + i} Main St, Austin, TX 78701`,
      spanish ? 'Spanish' : 'English',
    ]);
    const days = midYear ? schoolDays.filter((d) => d >= midYear) : schoolDays;
    const unexcused = Math.min(unexcusedTarget(random()), days.length);
    const excused = Math.floor(random() * 4);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(unexcused + excused, days.length)) chosen.add(pick(days));
    const sorted = [...chosen].sort();
    const unexcusedDays = new Set<string>();
    for (const d of sorted) {
      const isUnexcused =
        unexcusedDays.size < unexcused && (random() < 0.8 || chosen.size - unexcusedDays.size <= unexcused);
      if (isUnexcused) unexcusedDays.add(d);
      const code = isUnexcused ? (random() < 0.8 ? 'U' : 'UP') : pick(['E', 'M', 'EP']);
      const periods = isUnexcused && random() < 0.1;
      if (d > asOf) continue;
      exportRows.push([id, d, code, code.endsWith('P') ? '2' : '7']);
      // Several periods coded on one day: the day still counts once.
      if (periods) exportRows.push([id, d, 'UP', '1']);
    }
    const known = [...unexcusedDays].filter((d) => d <= asOf).sort();
    documentation(docs, id, known, asOf, prng(seed * 7919 + i));
  }
  return {
    calendar,
    students,
    export: exportRows,
    mapping: [
      ['import.column.Student ID', 'Student Number'],
      ['import.column.Date', 'Absence Date'],
      ['import.column.Code', 'Attendance Code'],
    ],
    documentation: docs,
  };
}

/** Staff entries: positive engagement, parent contacts, and for step-3 students the AP meeting and TPM plan. */
function documentation(
  docs: (string | number)[][],
  id: string,
  unexcused: string[],
  asOf: string,
  random: () => number,
) {
  const entry = (date: string, type: string, role: string, notes: string, outcome = 'Completed') =>
    docs.push([
      `${date} 15:30`,
      id,
      date,
      type,
      outcome,
      role,
      `${role.toLowerCase().replace(/ /g, '.')}@district.example.org`,
      notes,
      '',
    ]);
  if (unexcused.length >= 3 && random() < 0.6)
    entry(unexcused[2]!, 'Positive engagement', 'Teacher', 'Praised a full week.');
  if (unexcused.length >= 5 && random() < 0.7) {
    entry(
      unexcused[4]!,
      'Parent contact',
      'Attendance Clerk',
      'Called the guardian about absences.',
      random() < 0.2 ? 'Attempted / no answer' : 'Completed',
    );
  }
  const step3 = unexcused[7];
  if (!step3 || random() < 0.25) return;
  // An entry is made a few days after the absence that called for it; one that would come after `asOf` is not yet.
  const after = (n: number) => (addDays(step3, n) <= asOf ? addDays(step3, n) : asOf);
  entry(after(2), 'AP meeting', 'Assistant Principal', 'Met student and guardian; transportation barrier.');
  entry(after(3), 'Barrier collaboration', 'Counselor', 'Bus pass arranged with the district.');
  if (random() < 0.7) entry(after(5), 'TPM plan', 'Assistant Principal', 'Truancy prevention plan signed.');
  if (unexcused.length >= 11 && random() < 0.6) {
    entry(
      after(8),
      'District referral',
      'Assistant Principal',
      'Referred to the district attendance specialist.',
    );
    entry(after(12), 'Follow-up', 'Counselor', 'Follow-up meeting held with the family.');
  }
}
