// What the trusted record needs from the platform: who is signed in, a keyed seal, and the add-on's own copy.

/** The person running the add-on, as Apps Script reports them. */
export interface UserSession {
  /**
   * The signed-in user's email; '' when Apps Script gives none (consumer accounts, and users of another domain
   * than the script's owner; see getActiveUser of the Session service in the Apps Script reference).
   */
  email(): string;
  /** The email of the workbook's owner ('' when Apps Script gives none). */
  workbookOwner(): string;
}

/** A keyed, tamper-evident seal (an HMAC with a secret the add-on keeps out of the workbook). */
export interface Sealer {
  seal(text: string): string;
}

/** One sealed Documentation entry as the add-on keeps a copy of it, every cell as read back from the tab. */
export interface ArchivedEntry {
  entryId: string;
  loggedAt: string;
  studentId: string;
  date: string;
  type: string;
  outcome: string;
  role: string;
  staff: string;
  notes: string;
  targetStep: number | null;
  refersTo: string;
  seal: string;
}

/** The add-on's own copy of its sealed entries, in its Drive folder, private to the district. */
export interface RecordArchive {
  /** Adds entries to the copy (kept per day, so that each write is small). */
  save(entries: ArchivedEntry[], day: string): void;
  /** The entries of the copy with these sequence numbers (those it has). */
  read(seqs: readonly number[]): ArchivedEntry[];
}
