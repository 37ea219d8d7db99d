// Which students an edit affects, decided over a plain event (the edit trigger converts Apps Script's event), and
// the recalculation that follows it.
import { ABSENCES, CALENDAR, DOCUMENTATION, SETTINGS, STUDENTS } from '../ports/tabs';
import type { TabDef } from '../ports/schema';
import type { Workbook } from '../ports/workbook';
import { runGuarded, type GuardedDeps, type Plan } from './guarded-run';
import type { IdSnapshot } from './id-snapshot';

/** An edit as the trigger saw it: the tab, the edited block (1-based) and, for one cell, its value before. */
export interface EditEvent {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  oldValue?: string;
}

/** Which ids a tab's rows held before the edit: null when nobody knows (then everyone is recalculated). */
export type IdsBefore = (tabName: string, start: number, count: number) => string[] | null;

/**
 * What the edit changes: the student ids of the edited rows, or 'all' when it changes the rules (Settings,
 * Calendar) or the header. A block pasted over Student IDs also names the ids it replaced, from the snapshot
 * (everyone when there is none). `wroteIds` are the rows' ids now, for the snapshot.
 */
export function editPlan(workbook: Workbook, e: EditEvent, before: IdsBefore): Plan {
  const everyone: Plan = { scope: 'all', fallback: 'all' };
  if (e.sheetName === SETTINGS.name || e.sheetName === CALENDAR.name) return everyone;
  const tab: TabDef | undefined = [STUDENTS, ABSENCES, DOCUMENTATION].find((t) => t.name === e.sheetName);
  if (!tab) return { scope: [], fallback: [] };
  if (e.row === 1) return everyone;
  const single = e.numRows === 1 && e.numColumns === 1;
  const idColumn = workbook.columnOf(tab, 'studentId');
  const coversIds = idColumn >= e.column && idColumn < e.column + e.numColumns;
  const first = Math.max(e.row, 2);
  const rows = workbook.rowsAt(tab, first, e.row + e.numRows - first);
  const now: string[] = [];
  for (const r of rows) now[r.row - first] = String(r.values['studentId']);
  const after = Array.from({ length: e.row + e.numRows - first }, (_, i) => now[i] ?? '');
  if (!coversIds) return { scope: after, fallback: after };
  let replaced: string[] | null;
  if (single && e.oldValue !== undefined && e.oldValue !== null) replaced = [String(e.oldValue).trim()];
  else replaced = before(tab.name, first, after.length);
  // The snapshot is patched only when this run finishes: a run that does not leaves everyone owed, so the next
  // run is a full one and rewrites the snapshot.
  if (replaced === null) return everyone;
  return {
    scope: [...after, ...replaced],
    fallback: 'all',
    wroteIds: { tab: tab.name, start: first, ids: after },
  };
}

/** The edit trigger's work: recalculates the students the edit affects, with any the earlier runs owe. */
export function recalculateAfterEdit(deps: GuardedDeps, e: EditEvent): void {
  runGuarded(deps, 'The edit trigger', (snapshot: IdSnapshot) =>
    editPlan(deps.workbook, e, (tab, start, count) => snapshot.idsAt(tab, start, count)),
  );
}
