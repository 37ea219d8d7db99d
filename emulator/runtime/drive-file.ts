// Emulated Drive File and the file/folder iterators. Runs inside the vm context: no Node APIs.
import { gasError, loud, notImplemented, type Runtime } from './core';
import { makeBlob } from './drive-blob';
import { pdfBlob } from './document-app';
import { cloneBlocks } from './document-model';
import { DriveStore, GOOGLE_DOC, type FileRecord } from './drive-store';
import { checkAddress } from './mail-address';

type FileMethods =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getMimeType'
  | 'getSize'
  | 'makeCopy'
  | 'getBlob'
  | 'getAs'
  | 'setSharing'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'addEditor'
  | 'addViewer'
  | 'getEditors'
  | 'getViewers'
  | 'setTrashed'
  | 'isTrashed'
  | 'moveTo'
  | 'getParents'
  | 'getDateCreated';

/** A Drive user as `getEditors()` returns it. */
export function driveUser(email: string): GoogleAppsScript.Drive.User {
  const user = {
    getEmail: () => email,
    getName: () => email.split('@')[0] ?? email,
    getDomain: () => email.split('@')[1] ?? '',
  };
  return loud(user, 'User') as unknown as GoogleAppsScript.Drive.User;
}

/** Iterator over a snapshot of items, as DriveApp's iterators behave for a small folder. */
export class EmuIterator<T> {
  private i = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly cls: string,
    private readonly items: T[],
  ) {}
  hasNext(): boolean {
    this.rt.call(`${this.cls}.hasNext`);
    return this.i < this.items.length;
  }
  next(): T {
    this.rt.call(`${this.cls}.next`);
    const item = this.items[this.i];
    if (item === undefined) throw gasError('Cannot retrieve the next object: iterator has reached the end.');
    this.i += 1;
    return item;
  }
}

export interface DriveContext {
  rt: Runtime;
  store: DriveStore;
  wrapFile(rec: FileRecord): GoogleAppsScript.Drive.File;
  wrapFolder(id: string): GoogleAppsScript.Drive.Folder;
}

export class EmuFile implements Pick<GoogleAppsScript.Drive.File, FileMethods> {
  constructor(
    private readonly ctx: DriveContext,
    private readonly rec: FileRecord,
  ) {}
  private use(method: string, units = 0): FileRecord {
    this.ctx.rt.call(`File.${method}`, units);
    return this.rec;
  }
  private self(): GoogleAppsScript.Drive.File {
    return this as unknown as GoogleAppsScript.Drive.File;
  }
  getId(): string {
    return this.use('getId').id;
  }
  getName(): string {
    return this.use('getName').name;
  }
  setName(name: string): GoogleAppsScript.Drive.File {
    this.use('setName').name = String(name);
    return this.self();
  }
  getUrl(): string {
    return this.ctx.store.fileUrl(this.use('getUrl'));
  }
  getMimeType(): string {
    return this.use('getMimeType').mimeType;
  }
  getSize(): number {
    return this.use('getSize').bytes.length;
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this.use('getDateCreated').createdMs);
  }
  makeCopy(
    nameOrFolder?: string | GoogleAppsScript.Drive.Folder,
    destination?: GoogleAppsScript.Drive.Folder,
  ): GoogleAppsScript.Drive.File {
    const rec = this.use('makeCopy');
    const folder = typeof nameOrFolder === 'object' ? nameOrFolder : destination;
    const name = typeof nameOrFolder === 'string' ? nameOrFolder : `Copy of ${rec.name}`;
    const parentId = folder ? this.ctx.store.folder(folder.getId()).id : rec.parents[0];
    const { store } = this.ctx;
    let copy: FileRecord;
    if (rec.mimeType === GOOGLE_DOC) {
      const doc = store.documents.docs.get(rec.id);
      copy = store.file(store.addDocument(name, cloneBlocks(doc?.saved ?? []), parentId));
      const target = store.documents.docs.get(copy.id);
      if (target && doc?.page) target.page = { ...doc.page };
    } else {
      const google = store.googleTypes.get(rec.mimeType);
      copy = google
        ? google.copy(rec, name, parentId ?? store.rootId)
        : store.addFileRecord(name, rec.mimeType, [...rec.bytes], parentId);
    }
    this.ctx.rt.effect('File.makeCopy');
    return this.ctx.wrapFile(copy);
  }
  /** A Google Doc or Sheet exports as PDF (a Doc's saved content); other files give their bytes. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const rec = this.use('getBlob', this.rec.bytes.length);
    if (this.isGoogle()) return this.pdf();
    return makeBlob({ name: rec.name, contentType: rec.mimeType, bytes: [...rec.bytes] });
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const rec = this.use('getAs', this.rec.bytes.length);
    if (contentType === rec.mimeType) return this.getBlob();
    if (contentType === 'application/pdf' && this.isGoogle()) return this.pdf();
    return notImplemented('File', `getAs(${contentType}) of ${rec.mimeType}`);
  }
  private isGoogle(): boolean {
    return this.rec.mimeType === GOOGLE_DOC || this.ctx.store.googleTypes.has(this.rec.mimeType);
  }
  private pdf(): GoogleAppsScript.Base.Blob {
    const google = this.ctx.store.googleTypes.get(this.rec.mimeType);
    if (google) {
      const { name, bytes } = google.pdf(this.rec);
      return makeBlob({ name: `${name}.pdf`, contentType: 'application/pdf', bytes });
    }
    const doc = this.ctx.store.documents.docs.get(this.rec.id);
    return pdfBlob(this.ctx.store, this.rec.id, doc?.saved ?? [], doc?.page);
  }
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): GoogleAppsScript.Drive.File {
    const rec = this.use('setSharing');
    rec.access = String(accessType);
    rec.permission = String(permissionType);
    return this.self();
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.use('getSharingAccess').access as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.use('getSharingPermission').permission as unknown as GoogleAppsScript.Drive.Permission;
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    const rec = this.use('addEditor');
    const email = checkAddress(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    if (!rec.editors.includes(email)) rec.editors.push(email);
    return this.self();
  }
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.File {
    const rec = this.use('addViewer');
    const email = checkAddress(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    if (!rec.viewers.includes(email)) rec.viewers.push(email);
    return this.self();
  }
  getEditors(): GoogleAppsScript.Drive.User[] {
    return this.use('getEditors').editors.map(driveUser);
  }
  getViewers(): GoogleAppsScript.Drive.User[] {
    return this.use('getViewers').viewers.map(driveUser);
  }
  setTrashed(trashed: boolean): GoogleAppsScript.Drive.File {
    this.use('setTrashed').trashed = Boolean(trashed);
    this.ctx.rt.effect('File.setTrashed');
    return this.self();
  }
  isTrashed(): boolean {
    return this.use('isTrashed').trashed;
  }
  moveTo(destination: GoogleAppsScript.Drive.Folder): GoogleAppsScript.Drive.File {
    this.use('moveTo').parents = [this.ctx.store.folder(destination.getId()).id];
    return this.self();
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const folders = this.use('getParents').parents.map((id) => this.ctx.wrapFolder(id));
    return loud(
      new EmuIterator(this.ctx.rt, 'FolderIterator', folders),
      'FolderIterator',
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}
