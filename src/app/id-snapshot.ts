// The Student ID each row of a people tab held when the add-on last read it, so that a pasted block recalculates
// the students it replaced as well as the ones it wrote (onEdit gives no old values for a range).
//
// Where it is kept, by the numbers (20,000 students, 400,000 Absences rows, bench/ campus): the Students column
// encodes to about 160 KB, Absences (sorted nightly, run-length encoded) to about 230 KB and Documentation to
// about 0.2–0.4 MB, so about 0.6–0.8 MB in all. Document properties hold 500 KB a store (and the record's keys
// live there), so they cannot; CacheService holds 100 KB a value and keeps nothing past 6 hours, so a snapshot
// made by the 2 a.m. run would be gone by mid-morning and every paste would recalculate everyone. A hidden tab
// the add-on owns has room, is read in one getValues and rewritten in one setValues (chunks of 40,000
// characters: a cell holds 50,000), and is tied to the workbook it describes. Anyone who unhides and edits it
// can only make a paste recalculate the wrong students until the next full run, which rewrites it.
import type { SnapshotStore } from '../ports/id-snapshot';

/** A cell holds at most 50,000 characters (Sheets' limit); a chunk stays well under it. */
const CHUNK_CHARS = 40_000;
/** Written first in every chunk, so that a chunk that happens to look like a number stays text. */
const MARK = 'ids1:';

/** Row `r` (1-based sheet row, from 2) of the tab held `ids[r - 2]`. */
export type IdColumn = string[];

/** Encodes a column as runs: `id` or `id<TAB>count`, one per line; null when an id holds a tab or newline. */
export function encodeIds(ids: IdColumn): string[] | null {
  const lines: string[] = [];
  for (let i = 0; i < ids.length;) {
    const id = ids[i]!;
    if (/[\t\n]/.test(id)) return null;
    let n = 1;
    while (ids[i + n] === id) n++;
    lines.push(n === 1 ? id : `${id}\t${n}`);
    i += n;
  }
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > CHUNK_CHARS && current.length > 0) {
      chunks.push(MARK + current.join('\n'));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(MARK + current.join('\n'));
  return chunks;
}

/** The column a tab's chunks describe; null when they are not the add-on's encoding. */
export function decodeIds(chunks: string[]): IdColumn | null {
  const ids: IdColumn = [];
  for (const chunk of chunks) {
    if (!chunk.startsWith(MARK)) return null;
    const body = chunk.slice(MARK.length);
    if (body === '') continue;
    for (const line of body.split('\n')) {
      const [id, count] = line.split('\t');
      const n = count === undefined ? 1 : Number(count);
      if (!Number.isInteger(n) || n < 1) return null;
      for (let k = 0; k < n; k++) ids.push(id!);
    }
  }
  return ids;
}

/** A tab's column from the rows a full run read (row numbers from 2; blank rows left out by the read). */
export function columnOfRows(rows: readonly { row: number; values: { studentId: string } }[]): IdColumn {
  const ids: IdColumn = [];
  for (const r of rows) {
    while (ids.length < r.row - 2) ids.push('');
    ids[r.row - 2] = String(r.values.studentId);
  }
  return ids;
}

/** The snapshot of the people tabs: read once per run, patched, and written back tab by tab. */
export class IdSnapshot {
  private cache: Map<string, string[]> | null | undefined;

  constructor(private readonly store: SnapshotStore) {}

  /** The ids rows `start`…`start + count - 1` held; null when the tab has no usable snapshot. */
  idsAt(tabName: string, start: number, count: number): string[] | null {
    const column = this.column(tabName);
    if (!column) return null;
    return column.slice(start - 2, start - 2 + count).filter((id) => id !== '');
  }

  /** Stores a tab's whole column (a full run read every row). A column that cannot be encoded is dropped. */
  replace(tabName: string, ids: IdColumn): void {
    this.store.write(tabName, encodeIds(ids) ?? []);
  }

  /** Sets the ids of rows from `start` (an edit wrote them); a tab with no snapshot stays without one. */
  patch(tabName: string, start: number, ids: string[]): void {
    const column = this.column(tabName);
    if (!column) return;
    while (column.length < start - 2) column.push('');
    ids.forEach((id, i) => (column[start - 2 + i] = id));
    this.replace(tabName, column);
  }

  private column(tabName: string): IdColumn | null {
    if (this.cache === undefined) this.cache = this.store.read();
    const chunks = this.cache?.get(tabName);
    return chunks && chunks.length > 0 ? decodeIds(chunks) : null;
  }
}
