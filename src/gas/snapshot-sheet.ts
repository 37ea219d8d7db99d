// The id snapshot's store: a hidden tab the add-on owns, one row per people tab (its name, then text chunks).
import type { SnapshotStore } from '../ports/id-snapshot';

/** The hidden tab's name (not one of the tabs staff use; the add-on recreates it when it is deleted). */
export const SNAPSHOT_TAB = 'Attendance Steps (ids)';

export function snapshotSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SnapshotStore {
  let rows: string[][] | null = null;
  const load = (): string[][] | null => {
    const sheet = ss.getSheetByName(SNAPSHOT_TAB);
    if (!sheet) return null;
    rows = sheet
      .getDataRange()
      .getValues()
      .map((r) => r.map((v) => String(v)));
    return rows;
  };
  return {
    read() {
      const all = load();
      if (!all) return null;
      return new Map(all.filter((r) => r[0] !== '').map((r) => [r[0]!, r.slice(1).filter((c) => c !== '')]));
    },
    write(tabName, chunks) {
      let sheet = ss.getSheetByName(SNAPSHOT_TAB);
      if (!sheet) {
        sheet = ss.insertSheet(SNAPSHOT_TAB);
        sheet.hideSheet();
        rows = [];
      }
      const all = rows ?? load() ?? [];
      let at = all.findIndex((r) => r[0] === tabName);
      if (at < 0) at = all.filter((r) => r.some((c) => c !== '')).length;
      const width = Math.max(1 + chunks.length, all[at]?.length ?? 0);
      const row = [tabName, ...chunks];
      while (row.length < width) row.push('');
      sheet.getRange(at + 1, 1, 1, width).setValues([row]);
      all[at] = row;
      rows = all;
    },
  };
}
