// The trusted record's platform pieces over Apps Script: the signed-in user, the HMAC seal, the copy in Drive.
import type { DocumentStore } from '../ports/platform';
import type { ArchivedEntry, RecordArchive, Sealer, UserSession } from '../ports/record';

/** Script property holding the seal's secret: outside the workbook, out of reach of its editors. */
const SECRET_KEY = 'record.sealSecret';
/** Document property holding the id of the add-on's Drive folder for this workbook. */
const FOLDER_KEY = 'record.archiveFolder';

/**
 * Session.getActiveUser().getEmail() is '' for consumer accounts and for users outside the domain of the script's
 * owner (Apps Script reference: Session.getActiveUser), and in simple triggers.
 */
export function gasUserSession(): UserSession {
  return { email: () => Session.getActiveUser().getEmail().trim() };
}

/**
 * HMAC-SHA256 with a random secret made once and kept in script properties, shortened to 24 base64 characters
 * (144 bits). In a bound script anyone who may edit the script can read its properties; published as an add-on,
 * the script and its properties are out of users' reach (README, "What the seal does and does not stop").
 */
export function gasSealer(): Sealer {
  const props = PropertiesService.getScriptProperties();
  let secret = props.getProperty(SECRET_KEY);
  if (!secret) {
    secret = `${Utilities.getUuid()}${Utilities.getUuid()}`;
    props.setProperty(SECRET_KEY, secret);
  }
  const key = secret;
  return {
    seal: (text) =>
      Utilities.base64EncodeWebSafe(
        Utilities.computeHmacSha256Signature(text, key, Utilities.Charset.UTF_8),
      ).slice(0, 24),
  };
}

/** The add-on's own Drive folder for this workbook, made the first time it is needed (or again if deleted). */
export function addonFolder(store: DocumentStore, workbookName: () => string): GoogleAppsScript.Drive.Folder {
  const id = store.get(FOLDER_KEY);
  if (id) {
    try {
      return DriveApp.getFolderById(id);
    } catch {
      // Deleted or no longer reachable: a new folder is made below.
    }
  }
  const made = DriveApp.createFolder(`Attendance Steps record – ${workbookName()}`);
  store.set(FOLDER_KEY, made.getId());
  return made;
}

/**
 * The copy of the sealed entries in a Drive folder the add-on creates (private: drive.file lets the add-on see
 * only what it created). Each save is a new small file, so no write reads or rewrites the whole copy.
 */
export function driveRecordArchive(store: DocumentStore, workbookName: () => string): RecordArchive {
  const folder = (): GoogleAppsScript.Drive.Folder => addonFolder(store, workbookName);
  return {
    save(entries: ArchivedEntry[], day: string): void {
      if (entries.length === 0) return;
      const first = entries[0]!.entryId;
      const last = entries[entries.length - 1]!.entryId;
      folder().createFile(`record ${day} ${first}-${last}.json`, JSON.stringify(entries), 'application/json');
    },
    readAll(): ArchivedEntry[] {
      const out: ArchivedEntry[] = [];
      const files = folder().getFiles();
      while (files.hasNext()) {
        const file = files.next();
        if (!/^record .*\.json$/.test(file.getName())) continue;
        const parsed: unknown = JSON.parse(file.getBlob().getDataAsString('UTF-8'));
        if (Array.isArray(parsed)) out.push(...(parsed as ArchivedEntry[]));
      }
      return out;
    },
  };
}
