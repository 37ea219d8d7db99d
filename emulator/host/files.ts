// Host side: writes what the emulated Drive holds (Docs as PDF, other files as their bytes) and the outbox to disk.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxMessage } from '../runtime/control';
import { GOOGLE_DOC, type DriveStore } from '../runtime/drive-store';
import { renderPdf } from '../runtime/pdf';
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
    return { name: `${rec.name}.pdf`, bytes: Buffer.from(renderPdf(doc?.saved ?? [], rec.name)) };
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

/** Writes each sent message to `dir` as `NNN-subject.eml`; returns the paths. */
export async function exportOutbox(outbox: readonly OutboxMessage[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [i, message] of outbox.entries()) {
    const path = join(dir, `${String(i + 1).padStart(3, '0')}-${safe(message.subject)}.eml`);
    await writeEml(message, path);
    paths.push(path);
  }
  return paths;
}
