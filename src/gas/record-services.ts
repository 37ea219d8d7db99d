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
export function gasUserSession(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): UserSession {
  return {
    email: () => Session.getActiveUser().getEmail().trim(),
    workbookOwner: () => ss.getOwner()?.getEmail().trim() ?? '',
  };
}

/**
 * HMAC-SHA256 keyed with a random secret made once (under the script lock, so two first runs cannot make two) and
 * kept in script properties, over the workbook's id and the row: a row sealed in another workbook does not verify
 * here. Shortened to 24 base64 characters (144 bits). In a bound script anyone who may edit the script can read its
 * properties; published as an add-on, the script and its properties are out of users' reach (README).
 */
export function gasSealer(workbookId: string): Sealer {
  let key: string | null = null;
  const secret = (): string => {
    if (key) return key;
    const props = PropertiesService.getScriptProperties();
    key = props.getProperty(SECRET_KEY);
    if (key) return key;
    const lock = LockService.getScriptLock();
    lock.waitLock(10_000);
    try {
      key = props.getProperty(SECRET_KEY);
      if (!key) {
        key = `${Utilities.getUuid()}${Utilities.getUuid()}`;
        props.setProperty(SECRET_KEY, key);
      }
    } finally {
      lock.releaseLock();
    }
    return key;
  };
  return {
    seal: (text) =>
      Utilities.base64EncodeWebSafe(
        Utilities.computeHmacSha256Signature(`${workbookId}\n${text}`, secret(), Utilities.Charset.UTF_8),
      ).slice(0, 24),
  };
}

/** Document property: who owns the folder of the copy (Drive keeps it private to them). */
const FOLDER_OWNER_KEY = 'record.archiveOwner';

/**
 * The add-on's Drive folder for this workbook: private to the person whose run made it. Null when it belongs to
 * someone else (Drive does not show it to this person) or, without `create`, when there is none; a folder that is
 * gone or in the trash is made anew (`restarted` is told, so the copy is filled again).
 */
export function addonFolder(
  store: DocumentStore,
  workbookName: () => string,
  me: () => string,
  create: boolean,
  restarted: () => void = () => undefined,
): GoogleAppsScript.Drive.Folder | null {
  const id = store.get(FOLDER_KEY);
  if (id) {
    try {
      const found = DriveApp.getFolderById(id);
      if (!found.isTrashed()) return found;
    } catch {
      // Not reachable by this person, or gone.
    }
    const owner = store.get(FOLDER_OWNER_KEY) ?? '';
    if (owner !== '' && owner.toLowerCase() !== me().toLowerCase()) return null;
  }
  if (!create) return null;
  const made = DriveApp.createFolder(`Attendance Steps record – ${workbookName()}`);
  store.set(FOLDER_KEY, made.getId());
  store.set(FOLDER_OWNER_KEY, me());
  if (id) restarted();
  return made;
}

/**
 * The copy of the sealed entries in a Drive folder the add-on creates, private to the person whose run created it
 * (usually the one who set the workbook up, whose triggers run the nightly recalculation). Each save is a new small
 * file named by the S-numbers it holds, so no write reads or rewrites the whole copy, and a read opens only the
 * files that hold what it looks for. Another person's run leaves the copy to the owner's next run rather than
 * starting a second folder; a folder that is gone or in the trash is made anew and filled by the next full run.
 */
export function driveRecordArchive(
  store: DocumentStore,
  workbookName: () => string,
  me: () => string,
  restarted: () => void,
): RecordArchive {
  const folder = (create: boolean) => addonFolder(store, workbookName, me, create, restarted);
  return {
    save(entries: ArchivedEntry[], day: string): void {
      if (entries.length === 0) return;
      const target = folder(true);
      if (!target)
        throw new Error(`the copy belongs to ${store.get(FOLDER_OWNER_KEY)}; their next run updates it`);
      const first = entries[0]!.entryId;
      const last = entries[entries.length - 1]!.entryId;
      target.createFile(`record ${day} ${first}-${last}.json`, JSON.stringify(entries), 'application/json');
    },
    read(seqs: readonly number[]): ArchivedEntry[] {
      const wanted = new Set(seqs);
      const source = folder(false);
      if (!source || wanted.size === 0) return [];
      const out: ArchivedEntry[] = [];
      const files = source.getFiles();
      while (files.hasNext()) {
        const file = files.next();
        const m = /^record \S+ S(\d+)-S(\d+)\.json$/.exec(file.getName());
        if (!m) continue;
        const [from, to] = [Number(m[1]), Number(m[2])];
        if (![...wanted].some((n) => n >= from && n <= to)) continue;
        const parsed: unknown = JSON.parse(file.getBlob().getDataAsString('UTF-8'));
        if (Array.isArray(parsed))
          out.push(...(parsed as ArchivedEntry[]).filter((e) => wanted.has(Number(e.entryId.slice(1)))));
      }
      return out;
    },
  };
}

/** Who owns the add-on's copy of the record ('' before it exists). */
export function archiveOwner(store: DocumentStore): string {
  return store.get(FOLDER_OWNER_KEY) ?? '';
}
