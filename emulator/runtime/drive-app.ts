// Emulated DriveApp and Folder over the shared Drive/Docs store. Runs inside the vm context: no Node APIs.
import { gasError, loud, type Runtime } from './core';
import { readBlob } from './drive-blob';
import { utf8Encode } from './utilities-bytes';
import { DriveStore, GOOGLE_DOC, type FileRecord } from './drive-store';
import { EmuFile, EmuIterator, type DriveContext } from './drive-file';

const names = (list: string[]): Record<string, string> => Object.fromEntries(list.map((k) => [k, k]));

type FolderMethods =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'createFile'
  | 'createFolder'
  | 'getFiles'
  | 'getFilesByName'
  | 'addFile'
  | 'isTrashed'
  | 'setTrashed';

export class EmuFolder implements Pick<GoogleAppsScript.Drive.Folder, FolderMethods> {
  constructor(
    private readonly ctx: DriveContext,
    private readonly id: string,
  ) {}
  private use(method: string): string {
    this.ctx.rt.call(`Folder.${method}`);
    return this.ctx.store.folder(this.id).id;
  }
  getId(): string {
    return this.use('getId');
  }
  getName(): string {
    return this.ctx.store.folder(this.use('getName')).name;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.use('getUrl')}`;
  }
  createFile(
    blobOrName: GoogleAppsScript.Base.BlobSource | string,
    content?: string,
    mimeType?: string,
  ): GoogleAppsScript.Drive.File {
    const file = createFile(this.ctx, this.use('createFile'), blobOrName, content, mimeType);
    this.ctx.rt.effect('Folder.createFile');
    return file;
  }
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    const folder = this.ctx.wrapFolder(this.ctx.store.addFolder(String(name), this.use('createFolder')));
    this.ctx.rt.effect('Folder.createFolder');
    return folder;
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    const id = this.use('getFiles');
    return fileIterator(this.ctx, (f) => f.parents.includes(id));
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    const id = this.use('getFilesByName');
    return fileIterator(this.ctx, (f) => f.parents.includes(id) && f.name === String(name));
  }
  isTrashed(): boolean {
    return this.ctx.store.folder(this.use('isTrashed')).trashed;
  }
  setTrashed(trashed: boolean): GoogleAppsScript.Drive.Folder {
    this.ctx.store.folder(this.use('setTrashed')).trashed = Boolean(trashed);
    return this as unknown as GoogleAppsScript.Drive.Folder;
  }
  addFile(child: GoogleAppsScript.Drive.File): GoogleAppsScript.Drive.Folder {
    const id = this.use('addFile');
    const rec = this.ctx.store.file(child.getId());
    if (!rec.parents.includes(id)) rec.parents.push(id);
    return this as unknown as GoogleAppsScript.Drive.Folder;
  }
}

function fileIterator(
  ctx: DriveContext,
  keep: (f: FileRecord) => boolean,
): GoogleAppsScript.Drive.FileIterator {
  const files = [...ctx.store.files.values()]
    .filter((f) => !f.trashed && keep(f))
    .map((f) => ctx.wrapFile(f));
  return loud(
    new EmuIterator(ctx.rt, 'FileIterator', files),
    'FileIterator',
  ) as unknown as GoogleAppsScript.Drive.FileIterator;
}

function createFile(
  ctx: DriveContext,
  parentId: string,
  blobOrName: GoogleAppsScript.Base.BlobSource | string,
  content?: string,
  mimeType?: string,
): GoogleAppsScript.Drive.File {
  if (typeof blobOrName === 'string') {
    const type = mimeType ?? 'text/plain';
    if (type === GOOGLE_DOC || ctx.store.googleTypes.has(type))
      throw gasError('Invalid argument: file.contentType');
    return ctx.wrapFile(
      ctx.store.addFileRecord(blobOrName, type, utf8Encode(String(content ?? '')), parentId),
    );
  }
  const blob = readBlob(blobOrName);
  ctx.rt.call('DriveApp.createFile.bytes', blob.bytes.length);
  return ctx.wrapFile(ctx.store.addFileRecord(blob.name, blob.contentType, blob.bytes, parentId));
}

type AppMethods =
  'getFileById' | 'getFolderById' | 'getRootFolder' | 'createFile' | 'createFolder' | 'getFilesByName';

export class EmuDriveApp implements Pick<GoogleAppsScript.Drive.DriveApp, AppMethods> {
  /** Enum values are their names, as Apps Script enums print. */
  readonly Access = names(['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE']);
  readonly Permission = names(['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE']);
  private readonly ctx: DriveContext;

  constructor(rt: Runtime, store: DriveStore) {
    const ctx: DriveContext = {
      rt,
      store,
      wrapFile: (rec) => loud(new EmuFile(ctx, rec), 'File') as unknown as GoogleAppsScript.Drive.File,
      wrapFolder: (id) => loud(new EmuFolder(ctx, id), 'Folder') as unknown as GoogleAppsScript.Drive.Folder,
    };
    this.ctx = ctx;
  }
  getFileById(id: string): GoogleAppsScript.Drive.File {
    this.ctx.rt.call('DriveApp.getFileById');
    return this.ctx.wrapFile(this.ctx.store.file(id));
  }
  getFolderById(id: string): GoogleAppsScript.Drive.Folder {
    this.ctx.rt.call('DriveApp.getFolderById');
    return this.ctx.wrapFolder(this.ctx.store.folder(id).id);
  }
  getRootFolder(): GoogleAppsScript.Drive.Folder {
    this.ctx.rt.call('DriveApp.getRootFolder');
    return this.ctx.wrapFolder(this.ctx.store.rootId);
  }
  createFile(
    blobOrName: GoogleAppsScript.Base.BlobSource | string,
    content?: string,
    mimeType?: string,
  ): GoogleAppsScript.Drive.File {
    this.ctx.rt.call('DriveApp.createFile');
    const file = createFile(this.ctx, this.ctx.store.rootId, blobOrName, content, mimeType);
    this.ctx.rt.effect('DriveApp.createFile');
    return file;
  }
  createFolder(name: string): GoogleAppsScript.Drive.Folder {
    this.ctx.rt.call('DriveApp.createFolder');
    const folder = this.ctx.wrapFolder(this.ctx.store.addFolder(String(name)));
    this.ctx.rt.effect('DriveApp.createFolder');
    return folder;
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    this.ctx.rt.call('DriveApp.getFilesByName');
    return fileIterator(this.ctx, (f) => f.name === String(name));
  }
}
