// The daily call lists as CSV files in a "Call lists" folder inside the add-on's Drive folder.
import type { CallListFiles } from '../ports/files';
import type { DocumentStore } from '../ports/platform';
import { toCsv } from './drive-csv-files';
import { addonFolder } from './record-services';

/** Document property: the id of the call lists' folder. */
export const CALL_FOLDER_KEY = 'calls.folder';
const FOLDER_NAME = 'Call lists';

export function driveCallLists(
  store: DocumentStore,
  workbookName: () => string,
  me: () => string,
): CallListFiles {
  const folder = (): GoogleAppsScript.Drive.Folder => {
    const id = store.get(CALL_FOLDER_KEY);
    if (id) {
      try {
        const found = DriveApp.getFolderById(id);
        if (!found.isTrashed()) return found;
      } catch {
        // Gone, or another person's: a folder of this person's own is made below.
      }
    }
    // Inside the add-on's folder, or a folder of this person's own when that one belongs to someone else.
    const parent = addonFolder(store, workbookName, me, true);
    const made = parent
      ? parent.createFolder(FOLDER_NAME)
      : DriveApp.createFolder(`Attendance Steps call lists – ${workbookName()} (${me()})`);
    store.set(CALL_FOLDER_KEY, made.getId());
    return made;
  };
  return {
    replace(name: string, rows: string[][]): string {
      const target = folder();
      // The new file first, then the day's earlier ones to the trash: a failure never leaves the day without one.
      const made = target.createFile(name, toCsv(rows), 'text/csv');
      const same = target.getFilesByName(name);
      while (same.hasNext()) {
        const f = same.next();
        // Drive's name search includes trashed files.
        if (f.getId() !== made.getId() && !f.isTrashed()) f.setTrashed(true);
      }
      return `"${name}" in the Drive folder "${target.getName()}"`;
    },
  };
}
