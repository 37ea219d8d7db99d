// Which students an edit affects, decided over a plain event (the edit trigger converts Apps Script's event), and
// the recalculation that follows it.
import { ABSENCES, CALENDAR, DOCUMENTATION, SETTINGS, STUDENTS } from '../ports/tabs';
import type { TabDef } from '../ports/schema';
import type { Workbook } from '../ports/workbook';
import { recalculateAll, recalculateStudents, type RecalcDeps } from './recalculate';

/** An edit as the trigger saw it: the tab, the edited block (1-based) and, for one cell, its value before. */
export interface EditEvent {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  oldValue?: string;
}

/**
 * The student ids of the edited rows, or 'all' when the edit changes the rules (Settings, Calendar), the header,
 * or several Student IDs at once (the ids it replaced are not in the event, so everyone is recalculated).
 */
export function affectedStudents(workbook: Workbook, e: EditEvent): string[] | 'all' {
  if (e.sheetName === SETTINGS.name || e.sheetName === CALENDAR.name) return 'all';
  const tab: TabDef | undefined = [STUDENTS, ABSENCES, DOCUMENTATION].find((t) => t.name === e.sheetName);
  if (!tab) return [];
  if (e.row === 1) return 'all';
  const single = e.numRows === 1 && e.numColumns === 1;
  const idColumn = workbook.columnOf(tab, 'studentId');
  const coversIds = idColumn >= e.column && idColumn < e.column + e.numColumns;
  // A paste over Student IDs replaced ids that the event does not name: everyone is recalculated.
  if (!single && coversIds) return 'all';
  const ids = workbook.rowsAt(tab, e.row, e.numRows).map((r) => String(r.values['studentId']));
  if (single && coversIds && e.oldValue !== undefined && e.oldValue !== null)
    ids.push(String(e.oldValue).trim());
  return ids;
}

/** The edit trigger's work: recalculates the students the edit affects (everyone when it changed the rules). */
export function recalculateAfterEdit(deps: RecalcDeps, e: EditEvent): void {
  const affected = affectedStudents(deps.workbook, e);
  if (affected === 'all') recalculateAll(deps);
  else if (affected.length > 0) recalculateStudents(deps, affected);
}
