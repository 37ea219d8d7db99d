// The id snapshot's store: a hidden tab the add-on owns, one column per people tab (its name, then text chunks).
import type { SnapshotStore } from '../ports/id-snapshot';

/** The hidden tab's name (not one of the tabs staff use; the add-on recreates it when it is deleted). */
export const SNAPSHOT_TAB = 'Attendance Steps (ids)';

export function snapshotSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SnapshotStore {
  let columns: string[][] | null = null;
  const load = (): string[][] | null => {
    const sheet = ss.getSheetByName(SNAPSHOT_TAB);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues();
    const width = values[0]?.length ?? 0;
    columns = Array.from({ length: width }, (_, c) =>
      values.map((r) => String(r[c] ?? '')).filter((v) => v !== ''),
    );
    return columns;
  };
  return {
    read() {
      const all = load();
      if (!all) return null;
      return new Map(all.filter((c) => c.length > 0).map((c) => [c[0]!, c.slice(1)]));
    },
    write(tabName, chunks) {
      let sheet = ss.getSheetByName(SNAPSHOT_TAB);
      if (!sheet) {
        sheet = ss.insertSheet(SNAPSHOT_TAB);
        sheet.hideSheet();
        columns = [];
      }
      const all = columns ?? load() ?? [];
      let at = all.findIndex((c) => c[0] === tabName);
      if (at < 0) at = all.filter((c) => c.length > 0).length;
      const height = Math.max(1 + chunks.length, all[at]?.length ?? 0);
      if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
      const column = [tabName, ...chunks];
      while (column.length < height) column.push('');
      sheet.getRange(1, at + 1, height, 1).setValues(column.map((v) => [v]));
      all[at] = column.filter((v) => v !== '');
      columns = all;
    },
  };
}
