// Calendar tab rows → a SchoolCalendar, each bad date or yes/no listed as a problem and its row left out.

import { defaultCalendar, schoolYearLabel, schoolYearStartOf } from './calendar';
import type { RawCell, YesNoCell } from './cells';
import { cellText, cellYesNo } from './cells';
import { isWeekend, parseDateText } from './dates';
import type { DayKey, Problem, SchoolCalendar } from './types';

/** A Calendar row as the adapter hands it over (`instructional` is the text typed when not a yes or no). */
export interface RawCalendarRow {
  /** Sheet row number, for problems. */
  row: number;
  date: RawCell;
  instructional: YesNoCell | RawCell;
}

/** Headers of the Calendar tab's columns (src/ports/tabs.ts, CALENDAR), so that problems name what people see. */
export const CALENDAR_COLUMNS = { date: 'Date', instructional: 'Instructional' } as const;

/**
 * The school year from Calendar rows: the first to the last day marked Yes; listed weekdays marked No are
 * holidays and weekend days marked Yes are make-up days. A row whose date is not a real date, or whose
 * Instructional is blank or not a yes or no ("maybe", "TBD"), is a problem naming the row, the column and
 * what was typed, and is not used (never read as No: a weekday of the school year stays a school day, as if it
 * were not listed, and the problem says so). With no usable school day, the default calendar of
 * `today`'s school year is used, with a warning. No loop here steps through dates.
 */
export function calendarFromRows(
  rows: readonly RawCalendarRow[],
  today: DayKey,
): { calendar: SchoolCalendar; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (row: number, column: string, reason: string): void => {
    problems.push({ tab: 'Calendar', row, column, reason, severity: 'error' });
  };
  const marked = new Map<DayKey, { instructional: boolean; row: number }>();
  const unanswered: { date: DayKey; problem: Problem }[] = [];
  for (const r of rows) {
    const dateText = cellText(r.date);
    const answer = cellYesNo(r.instructional as RawCell);
    if (dateText === '' && answer === null) continue;
    if (dateText === '') {
      problem(r.row, CALENDAR_COLUMNS.date, 'Date is missing; the row is not used.');
      continue;
    }
    const date = parseDateText(dateText);
    if (date === null) {
      problem(
        r.row,
        CALENDAR_COLUMNS.date,
        `"${dateText}" is not a real date (yyyy-mm-dd); the row is not used.`,
      );
      continue;
    }
    if (typeof answer !== 'boolean') {
      const typed = answer === null ? 'Instructional is blank' : `Instructional "${answer}" is not Yes or No`;
      problem(
        r.row,
        CALENDAR_COLUMNS.instructional,
        `${typed}; the row is not used until it says Yes or No.`,
      );
      unanswered.push({ date, problem: problems[problems.length - 1]! });
      continue;
    }
    const earlier = marked.get(date);
    if (earlier) {
      if (earlier.instructional !== answer)
        problem(
          r.row,
          CALENDAR_COLUMNS.date,
          `${date} is also listed on row ${earlier.row} with the other answer; row ${earlier.row} is used.`,
        );
      continue;
    }
    marked.set(date, { instructional: answer, row: r.row });
  }
  const school = [...marked].filter(([, m]) => m.instructional).map(([d]) => d);
  if (school.length === 0) {
    const fallback = defaultCalendar(schoolYearStartOf(today));
    problems.push({
      tab: 'Calendar',
      reason: `The Calendar tab lists no instructional day; using the default ${fallback.schoolYear} calendar.`,
      severity: 'warning',
    });
    return { calendar: fallback, problems };
  }
  school.sort();
  const firstDay = school[0]!;
  const lastDay = school[school.length - 1]!;
  const holidays = [...marked]
    .filter(([d, m]) => !m.instructional && d > firstDay && d < lastDay && !isWeekend(d))
    .map(([d]) => d)
    .sort();
  // Say what the unused row means for its day: a weekday of the school year not marked No is a school day.
  for (const u of unanswered)
    if (u.date > firstDay && u.date < lastDay && !isWeekend(u.date) && !marked.has(u.date))
      u.problem.reason += ` Meanwhile ${u.date} counts as a school day, as every weekday of the school year not marked No.`;
  return {
    calendar: {
      schoolYear: schoolYearLabel(schoolYearStartOf(firstDay)),
      firstDay,
      lastDay,
      holidays,
      makeUpDays: school.filter(isWeekend),
    },
    problems,
  };
}
