// Which students an edit touches: the rows of the edited range in Students, Absences or Documentation.
import { ABSENCES, CALENDAR, DOCUMENTATION, SETTINGS, STUDENTS } from '../ports/tabs';
import type { TabDef } from '../ports/schema';
import type { Workbook } from '../ports/workbook';

/**
 * The student ids of the edited rows, or 'all' when the edit changes the rules (Settings, Calendar) or overwrote
 * several Student IDs at once (the ids it replaced are not in the event, so everyone is recalculated).
 */
export function affectedStudents(
  workbook: Workbook,
  e: GoogleAppsScript.Events.SheetsOnEdit,
): string[] | 'all' {
  const range = e.range;
  const name = range.getSheet().getName();
  if (name === SETTINGS.name || name === CALENDAR.name) return 'all';
  const tab: TabDef | undefined = [STUDENTS, ABSENCES, DOCUMENTATION].find((t) => t.name === name);
  if (!tab) return [];
  const start = range.getRow();
  const count = range.getNumRows();
  if (start === 1) return 'all';
  const single = count === 1 && range.getNumColumns() === 1;
  const idColumn = workbook.columnOf(tab, 'studentId');
  const first = range.getColumn();
  const coversIds = idColumn >= first && idColumn < first + range.getNumColumns();
  // A paste over Student IDs replaced ids that the event does not name: everyone is recalculated.
  if (!single && coversIds) return 'all';
  const ids = workbook.rowsAt(tab, start, count).map((r) => String(r.values['studentId']));
  if (single && coversIds && e.oldValue !== undefined && e.oldValue !== null)
    ids.push(String(e.oldValue).trim());
  return ids;
}
