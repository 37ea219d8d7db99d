// One store for Drive files, folders and Google Docs (a Doc is a Drive file whose body lives in `documents`).
// Registered on the control as `ctl.drive` (and `ctl.documents`). Runs inside the vm context: no Node APIs.
import { gasError } from './core';
import { DocumentsState, paragraph, type Block } from './document-model';
import { utf8Encode } from './utilities-bytes';

export const GOOGLE_DOC = 'application/vnd.google-apps.document';
export const GOOGLE_FOLDER = 'application/vnd.google-apps.folder';

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
  readonly rootId = '0AEmuRootFolder';
  private seq = 0;

  constructor(
    private readonly owner: () => string,
    private readonly now: () => number,
  ) {
    this.folders.set(this.rootId, { id: this.rootId, name: 'My Drive', parents: [], trashed: false });
  }

  /** Deterministic ids in Drive's alphabet: the same run gives the same ids. */
  newId(kind: 'doc' | 'file' | 'folder'): string {
    this.seq += 1;
    const tag = kind === 'doc' ? 'Doc' : kind === 'file' ? 'File' : 'Fold';
    return `1Emu${tag}${String(this.seq).padStart(6, '0')}`;
  }

  addFileRecord(name: string, mimeType: string, bytes: number[], parentId?: string): FileRecord {
    const id = this.newId(mimeType === GOOGLE_DOC ? 'doc' : 'file');
    const rec: FileRecord = {
      id,
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
    this.files.set(id, rec);
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
    return rec.mimeType === GOOGLE_DOC
      ? `https://docs.google.com/document/d/${rec.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${rec.id}/view?usp=drivesdk`;
  }
}
