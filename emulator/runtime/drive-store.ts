// One store for Drive files, folders and Google Docs (a Doc is a Drive file whose body lives in `documents`).
// Registered on the control as `ctl.drive` (and `ctl.documents`). Runs inside the vm context: no Node APIs.
import { gasError } from './core';
import { DocumentsState, paragraph, type Block } from './document-model';
import { utf8Encode } from './utilities-bytes';

export const GOOGLE_DOC = 'application/vnd.google-apps.document';
export const GOOGLE_SHEET = 'application/vnd.google-apps.spreadsheet';
export const GOOGLE_FOLDER = 'application/vnd.google-apps.folder';

/** Drive's id alphabet (`[-\w]`). */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/**
 * Id lengths as Drive gives them today: 44 characters for Google Docs and Sheets (the Sheets API reference's
 * example id `1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms`); 33 for uploaded files and folders (observed, not
 * documented). All start with `1`, so the usual `/[-\w]{25,}/` finds them in a URL.
 */
const ID_LENGTH = { google: 44, file: 33, folder: 33 } as const;
export type IdKind = keyof typeof ID_LENGTH;

/** Converts a file's content when Drive exports it (`getBlob`, `getAs`) and copies it (`makeCopy`), by MIME type. */
export interface GoogleTypeHandler {
  /** The file as PDF (what `getBlob()` and `getAs('application/pdf')` give for a Google file). */
  pdf(rec: FileRecord): { name: string; bytes: number[] };
  /** A copy with a new id, in the given folder. */
  copy(rec: FileRecord, name: string, parentId: string): FileRecord;
}

export interface FileRecord {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  /** `DriveApp.Access` name. */
  access: string;
  /** `DriveApp.Permission` name. */
  permission: string;
  owner: string;
  editors: string[];
  viewers: string[];
  /** Content of non-Google files, unsigned bytes. */
  bytes: number[];
  createdMs: number;
}

export interface FolderRecord {
  id: string;
  name: string;
  parents: string[];
  trashed: boolean;
}

/** Apps Script's message for a missing or inaccessible Drive item. */
export const NO_ITEM_MESSAGE =
  'No item with the given ID could be found, or you do not have permission to access it.';

export class DriveStore {
  readonly files = new Map<string, FileRecord>();
  readonly folders = new Map<string, FolderRecord>();
  readonly documents = new DocumentsState();
  /** A My Drive root id has the short `0A…` form (19 characters). */
  readonly rootId = '0AEmuMyDriveRootPVA';
  /** Export and copy of Google types other than Docs (spreadsheets register theirs). */
  readonly googleTypes = new Map<string, GoogleTypeHandler>();
  private seq = 0;

  constructor(
    private readonly owner: () => string,
    private readonly now: () => number,
    private readonly seed = 0,
  ) {
    this.folders.set(this.rootId, { id: this.rootId, name: 'My Drive', parents: [], trashed: false });
  }

  /** Deterministic ids of Drive's form: the same seed and the same calls give the same ids. */
  newId(kind: IdKind): string {
    for (;;) {
      this.seq += 1;
      let x = (Math.imul(this.seq, 0x9e3779b1) ^ Math.imul(this.seed + 1, 0x85ebca6b)) >>> 0 || 1;
      let id = '1';
      while (id.length < ID_LENGTH[kind]) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        id += ID_ALPHABET[(x >>> 7) & 63];
      }
      if (!this.files.has(id) && !this.folders.has(id)) return id;
    }
  }

  addFileRecord(name: string, mimeType: string, bytes: number[], parentId?: string, id?: string): FileRecord {
    const isGoogle = mimeType === GOOGLE_DOC || this.googleTypes.has(mimeType);
    const rec: FileRecord = {
      id: id ?? this.newId(isGoogle ? 'google' : 'file'),
      name,
      mimeType,
      parents: [parentId ?? this.rootId],
      trashed: false,
      access: 'PRIVATE',
      permission: 'NONE',
      owner: this.owner(),
      editors: [],
      viewers: [],
      bytes,
      createdMs: this.now(),
    };
    this.files.set(rec.id, rec);
    return rec;
  }

  /** Creates a Google Doc with the given saved body; returns its id (host seeding, `DocumentApp.create`, copies). */
  addDocument(name: string, body: Block[] | string[] = [paragraph('')], parentId?: string): string {
    const rec = this.addFileRecord(name, GOOGLE_DOC, [], parentId);
    const saved = body.map((b) => (typeof b === 'string' ? paragraph(b) : b));
    this.documents.docs.set(rec.id, {
      id: rec.id,
      saved: saved.length ? saved : [paragraph('')],
      working: null,
    });
    return rec.id;
  }

  /** Creates a plain file (host seeding). */
  addTextFile(name: string, content: string, mimeType = 'text/plain', parentId?: string): string {
    return this.addFileRecord(name, mimeType, utf8Encode(content), parentId).id;
  }

  addFolder(name: string, parentId?: string): string {
    const id = this.newId('folder');
    this.folders.set(id, { id, name, parents: [parentId ?? this.rootId], trashed: false });
    return id;
  }

  file(id: string): FileRecord {
    const rec = this.files.get(String(id));
    if (!rec) throw gasError(NO_ITEM_MESSAGE);
    return rec;
  }

  folder(id: string): FolderRecord {
    const rec = this.folders.get(String(id));
    if (!rec) throw gasError(NO_ITEM_MESSAGE);
    return rec;
  }

  fileUrl(rec: FileRecord): string {
    if (rec.mimeType === GOOGLE_DOC) return `https://docs.google.com/document/d/${rec.id}/edit?usp=drivesdk`;
    if (rec.mimeType === GOOGLE_SHEET)
      return `https://docs.google.com/spreadsheets/d/${rec.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${rec.id}/view?usp=drivesdk`;
  }
}
