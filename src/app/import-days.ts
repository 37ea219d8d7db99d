// The export's rows of a student's day replace that day's rows in Absences: one row per export row, no stale code.
import { normaliseCode } from '../domain/policy';
import type { ABSENCES } from '../ports/tabs';
import type { RowOf, SheetRow } from '../ports/workbook';

type AbsenceRow = RowOf<typeof ABSENCES.columns>;
type AbsenceSheetRow = SheetRow<typeof ABSENCES.columns>;

/** The export's distinct rows for one student and day: each code with the index of its result. */
export interface IncomingDay {
  studentId: string;
  date: string;
  lines: { code: string; at: number }[];
}

export interface DayPlan {
  toUpdate: AbsenceSheetRow[];
  toAppend: AbsenceRow[];
  /** Sheet rows of Absences to delete: rows of a day the export lists with fewer rows. */
  toRemove: number[];
}

/**
 * Matches each day of the export against the rows already in Absences for that student and day (keyed the same
 * way, `id|date`). An export row whose code is already there is unchanged; the others re-code the day's remaining
 * rows in sheet order, and are added when none is left; rows of the day still left over are removed, so that a day
 * exported as U and UP and re-exported as E and E holds E twice, and one re-exported as a single E holds one E.
 * Writes each export row's result into `results`.
 */
export function planDays(
  incoming: Map<string, IncomingDay>,
  existingByDay: Map<string, AbsenceSheetRow[]>,
  source: string,
  results: string[],
): DayPlan {
  const plan: DayPlan = { toUpdate: [], toAppend: [], toRemove: [] };
  for (const [key, day] of incoming) {
    const left = [...(existingByDay.get(key) ?? [])];
    const open: { code: string; at: number }[] = [];
    for (const line of day.lines) {
      const same = left.findIndex((r) => normaliseCode(r.values.code) === line.code);
      if (same >= 0) {
        left.splice(same, 1);
        results[line.at] = 'unchanged: already in Absences';
      } else open.push(line);
    }
    for (const { code, at } of open) {
      const row = left.shift();
      if (row) {
        // The export re-coded this day (for example unexcused to excused): the row is updated, not duplicated.
        results[at] = `updated: row ${row.row} re-coded from ${row.values.code} to ${code}`;
        plan.toUpdate.push({ row: row.row, values: { ...row.values, code, source } });
      } else {
        results[at] = 'added';
        plan.toAppend.push({ studentId: day.studentId, date: day.date, code, source });
      }
    }
    if (left.length > 0) {
      const last = day.lines[day.lines.length - 1]!.at;
      const removed = left.map((r) => `row ${r.row} (${r.values.code})`).join(', ');
      results[last] +=
        `; ${removed} removed: the export lists ${day.lines.length} ` +
        `row${day.lines.length === 1 ? '' : 's'} for this day`;
      plan.toRemove.push(...left.map((r) => r.row));
    }
  }
  return plan;
}
