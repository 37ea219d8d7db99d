// Host side: writes what the emulated Drive holds (Docs as PDF, other files as their bytes) and the outbox to disk.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxMessage } from '../runtime/control';
import { GOOGLE_DOC, type DriveStore } from '../runtime/drive-store';
import { DEFAULT_PAGE } from '../runtime/document-model';
import type { PdfRequest } from '../runtime/pdf';
import { renderPdfSync } from './pdf-sync';
import { writeEml } from './eml';

const safe = (name: string): string =>
  [...name]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .slice(0, 120) || 'untitled';

/** Bytes of a Drive file as a download would give them (a Google Doc exports as PDF, saved content). */
export function fileBytes(drive: DriveStore, id: string): { name: string; bytes: Buffer } {
  const rec = drive.file(id);
  if (rec.mimeType === GOOGLE_DOC) {
    const doc = drive.documents.docs.get(id);
    const request: PdfRequest = {
      title: rec.name,
      page: doc?.page ?? DEFAULT_PAGE,
      blocks: doc?.saved ?? [],
      createdMs: rec.createdMs,
    };
    return { name: `${rec.name}.pdf`, bytes: Buffer.from(renderPdfSync(JSON.stringify(request))) };
  }
  return { name: rec.name, bytes: Buffer.from(rec.bytes.map((b) => b & 255)) };
}

/** Writes every file not in the trash to `dir` (names prefixed by id so they never collide); returns the paths. */
export async function exportDrive(drive: DriveStore, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const rec of drive.files.values()) {
    if (rec.trashed) continue;
    const { name, bytes } = fileBytes(drive, rec.id);
    const path = join(dir, `${rec.id}-${safe(name)}`);
    await writeFile(path, bytes);
    paths.push(path);
  }
  return paths;
}

/** Which Drive files `exportFiles` writes. */
export interface FileFilter {
  /** Only files in this folder (by id), or in a folder of this name anywhere in Drive. */
  folderId?: string;
  folderName?: string;
  /** Also files in folders below it (default false). */
  recursive?: boolean;
  /** Only files of this MIME type (`application/pdf`; a Google Doc is written as PDF whatever is asked). */
  mimeType?: string;
  /** Only files created at or after this epoch ms (the emulated clock: `emu.control.rt.wallNow()`). */
  createdSince?: number;
}

function inFolder(
  drive: DriveStore,
  parents: readonly string[],
  ids: ReadonlySet<string>,
  deep: boolean,
): boolean {
  for (const p of parents) {
    if (ids.has(p)) return true;
    if (deep) {
      const folder = drive.folders.get(p);
      if (folder && inFolder(drive, folder.parents, ids, true)) return true;
    }
  }
  return false;
}

/**
 * Writes the Drive files that match `filter` to `dir` under their own names (a PDF as its bytes, a Google Doc
 * exported as PDF; a second file of the same name gets ` (2)`), oldest first; trashed files are left out.
 * Returns the paths written.
 */
export async function exportFiles(
  drive: DriveStore,
  dir: string,
  filter: FileFilter = {},
): Promise<string[]> {
  const folderIds = new Set<string>();
  if (filter.folderId) folderIds.add(drive.folder(filter.folderId).id);
  if (filter.folderName)
    for (const f of drive.folders.values())
      if (!f.trashed && f.name === filter.folderName) folderIds.add(f.id);
  const byFolder = filter.folderId !== undefined || filter.folderName !== undefined;
  const files = [...drive.files.values()]
    .filter((rec) => !rec.trashed)
    .filter((rec) => !byFolder || inFolder(drive, rec.parents, folderIds, filter.recursive ?? false))
    .filter((rec) => !filter.mimeType || rec.mimeType === filter.mimeType)
    .filter((rec) => filter.createdSince === undefined || rec.createdMs >= filter.createdSince)
    .sort((a, b) => a.createdMs - b.createdMs);
  await mkdir(dir, { recursive: true });
  const used = new Set<string>();
  const paths: string[] = [];
  for (const rec of files) {
    const { name, bytes } = fileBytes(drive, rec.id);
    const base = safe(name);
    let file = base;
    for (let n = 2; used.has(file.toLowerCase()); n += 1) file = base.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    used.add(file.toLowerCase());
    const path = join(dir, file);
    await writeFile(path, bytes);
    paths.push(path);
  }
  return paths;
}

/** Writes each sent message to `dir` as `NNN-subject.eml`; returns the paths. */
export async function exportOutbox(
  outbox: readonly OutboxMessage[],
  dir: string,
  firstNumber = 1,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [i, message] of outbox.entries()) {
    const path = join(dir, `${String(i + firstNumber).padStart(3, '0')}-${safe(message.subject)}.eml`);
    await writeEml(message, path);
    paths.push(path);
  }
  return paths;
}
