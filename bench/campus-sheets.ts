// Seeded campus workbooks for the workbook bench: roster, Absences and Documentation rows as typed into the tabs.
import { compileCalendar, defaultCalendar, schoolYearStartOf } from '../src/domain/calendar';
import { toDayKey } from '../src/domain/dates';
import { prng } from './generate';

export interface CampusSheets {
  /** The Students tab's rows (no header), in the tab's column order. */
  students: string[][];
  /** Absences rows (no header): Student ID, Date, Code, Source; in date order, as daily imports pile up. */
  absences: string[][];
  /** Staff entries of the Documentation tab (no header). */
  documentation: string[][];
  /** Each student's Absences rows, by student id (to pick a typical or the busiest student to edit). */
  rowsPerStudent: Map<string, number>;
}

const LAST = ['Garcia', 'Smith', 'Nguyen', 'Lopez', 'Johnson', 'Rivera', 'Brown', 'Torres'];
const FIRST = ['Sofia', 'Liam', 'Mateo', 'Emma', 'Noah', 'Camila', 'Ava', 'Diego'];
/** Codes of one absent day, by how often they appear: mostly unexcused, some excused, a few ignored. */
const DAY_CODES = ['U', 'U', 'U', 'U', 'UP', 'E', 'E', 'EP', 'M', 'T'];
/** A second code on the same day (another period): the day still counts once. */
const SECOND_CODE: Record<string, string> = { U: 'UP', UP: 'T', E: 'EP', EP: 'E', M: 'EP', T: 'UP' };

/**
 * `students` students and exactly `absenceRows` period-level absence rows up to `asOf`. Students are skewed (a
 * weight of 0.2 + 3r³: most have a few absences, a tail has three times the mean). Each absent day has one row,
 * or two with different codes (another period; the day counts once); Absences holds one row per student, date and
 * code, so there are no duplicate rows. About one staff entry for every two students.
 */
export function campusSheets(students: number, absenceRows: number, asOf: string, seed = 7): CampusSheets {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const days = compileCalendar(defaultCalendar(schoolYearStartOf(asOf)))
    .days.map(toDayKey)
    .filter((d) => d <= asOf);
  const ids = Array.from({ length: students }, (_, i) => String(2100000 + i * 7));
  const weights = ids.map(() => 0.2 + 3 * rnd() ** 3);
  const total = weights.reduce((a, b) => a + b, 0);
  const quota = weights.map((w) => Math.floor((w / total) * absenceRows));
  for (let left = absenceRows - quota.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++)
    quota[i % students]! += 1;

  const rows: string[][] = [];
  const documentation: string[][] = [];
  const rowsPerStudent = new Map<string, number>();
  ids.forEach((id, i) => {
    let left = quota[i]!;
    rowsPerStudent.set(id, left);
    const used = new Set<string>();
    while (left > 0) {
      let day = pick(days);
      while (used.has(day) && used.size < days.length) day = pick(days);
      used.add(day);
      const code = pick(DAY_CODES);
      rows.push([id, day, code, 'SIS']);
      left--;
      if (left > 0 && rnd() < 0.25) {
        rows.push([id, day, SECOND_CODE[code]!, 'SIS']);
        left--;
      }
    }
    if (rnd() < 0.6) {
      const day = [...used].sort()[2] ?? pick(days);
      documentation.push([
        `${day} 15:30`,
        id,
        day,
        pick(['Positive engagement', 'Parent contact']),
        pick(['Completed', 'Completed', 'Attempted / no answer']),
        pick(['Teacher', 'Attendance Clerk']),
        'staff@district.example.org',
        'Called the family.',
        '',
      ]);
    }
  });
  rows.sort((a, b) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));
  const roster = ids.map((id, i) => {
    const last = LAST[i % LAST.length]!;
    const first = FIRST[(i * 5) % FIRST.length]!;
    return [
      id,
      last,
      first,
      String(6 + (i % 3)),
      `${2013 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
      '',
      '',
      `Guardian ${last}`,
      `family${i}@example.com`,
      `(512) 555-${String(1000 + (i % 9000))}`,
      `${100 + i} Main St`,
      i % 3 === 0 ? 'Spanish' : 'English',
    ];
  });
  return { students: roster, absences: rows, documentation, rowsPerStudent };
}
