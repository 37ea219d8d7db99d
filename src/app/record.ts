// The trusted record: Entry IDs for every Documentation entry, seals on the add-on's own rows and on the entries
// it writes for a verified person, and what a run finds typed, changed, copied or missing.
import { DOC } from '../domain/policy';
import type { Problem } from '../domain/types';
import type { DocumentStore } from '../ports/platform';
import type { ArchivedEntry, RecordArchive, Sealer } from '../ports/record';
import type { DOCUMENTATION } from '../ports/tabs';
import type { RowOf, SheetRow } from '../ports/workbook';

export type DocRow = RowOf<typeof DOCUMENTATION.columns>;

/** Who the add-on's own Documentation rows are by (the Staff column), with Role `System`. */
export const ADDON_STAFF = 'Attendance Steps (automatic)';

/** Types only the add-on's sealed entries may carry: a typed one sets no step. */
const STEP_SETTING_TYPES = [DOC.stepReached, DOC.stepAdjustment, DOC.courtDecision].map((t) =>
  t.toLowerCase(),
);

const SEALED_ID = /^S(\d{6,})$/;

/** Store keys: the last sequence numbers given, and sealed ranges reserved by a run that has not confirmed them. */
export const RECORD_KEYS = {
  lastSealed: 'record.lastSealed',
  lastTyped: 'record.lastTyped',
  pending: 'record.pending',
  archivedThrough: 'record.archivedThrough',
} as const;

/** How far a Documentation row can be trusted. */
export type Trust = 'sealed' | 'typed' | 'changed' | 'copy';

export interface ClassifiedRow {
  row: number;
  values: DocRow;
  trust: Trust;
  /** The add-on's sequence number of a sealed entry: its order in the record (0 for the others). */
  seq: number;
}

/** The text a seal is computed over: every cell of the entry, as it reads back from the tab. */
export function sealedText(v: Omit<DocRow, 'seal'>): string {
  return JSON.stringify([
    v.entryId,
    v.loggedAt,
    v.studentId,
    v.date,
    v.type,
    v.outcome,
    v.role,
    v.staff,
    v.notes,
    v.targetStep ?? '',
    v.refersTo,
  ]);
}

function entryId(prefix: 'S' | 'T', n: number): string {
  return `${prefix}${String(n).padStart(6, '0')}`;
}

/** The Entry ID of the sealed entry with sequence number `n`. */
export function sealedEntryId(n: number): string {
  return entryId('S', n);
}

/** The sequence number of a sealed Entry ID ('S000042' → 42), 0 for any other. */
export function sealedSeq(id: string): number {
  const m = SEALED_ID.exec(id.trim());
  return m ? Number(m[1]) : 0;
}

/**
 * Sorts out the Documentation rows a run read: a sealed row whose seal matches its cells is the add-on's; a seal
 * that does not match means the row was changed after it was written (or typed to look like the add-on's); a
 * second row with the same sealed Entry ID is a copy. Each of those, and every typed row that tries to set a step,
 * becomes a Data Issue with its reason. Typed efforts stay documentation, marked typed.
 */
export function classify(
  rows: readonly SheetRow<typeof DOCUMENTATION.columns>[],
  sealer: Sealer,
): { rows: ClassifiedRow[]; problems: Problem[] } {
  const out: ClassifiedRow[] = [];
  const problems: Problem[] = [];
  const seen = new Set<number>();
  const problem = (r: SheetRow<typeof DOCUMENTATION.columns>, column: string, reason: string) =>
    problems.push({
      tab: 'Documentation',
      row: r.row,
      column,
      reason,
      severity: 'error',
      ...(r.values.studentId ? { studentId: r.values.studentId } : {}),
    });
  for (const r of rows) {
    const v = r.values;
    const seq = sealedSeq(v.entryId);
    if (v.seal !== '' || seq > 0) {
      const intact = seq > 0 && v.seal !== '' && sealer.seal(sealedText(v)) === v.seal;
      if (!intact) {
        problem(
          r,
          'Seal',
          `Entry ${v.entryId || '(no Entry ID)'} was changed after it was written, or typed to look like the ` +
            "add-on's: it is not used. The add-on's own copy is restored by Attendance → Restore the record.",
        );
        out.push({ row: r.row, values: v, trust: 'changed', seq: 0 });
        continue;
      }
      if (seen.has(seq)) {
        problem(r, 'Entry ID', `A copy of entry ${v.entryId}, which is already in the tab: it is not used.`);
        out.push({ row: r.row, values: v, trust: 'copy', seq: 0 });
        continue;
      }
      seen.add(seq);
      out.push({ row: r.row, values: v, trust: 'sealed', seq });
      continue;
    }
    if (STEP_SETTING_TYPES.includes(v.type.trim().toLowerCase())) {
      problem(
        r,
        'Type',
        `Typed rows cannot set a step: this "${v.type}" was not made through the add-on by a person the Staff ` +
          'tab names, so it changes no step. An administrator uses Attendance → Adjust a step…; a district ' +
          'specialist Attendance → Court referral decision….',
      );
    }
    out.push({ row: r.row, values: v, trust: 'typed', seq: 0 });
  }
  return { rows: out, problems };
}

/** Gives Entry IDs and seals, keeping the sequence in the workbook's document properties. */
export class Ledger {
  constructor(
    private readonly store: DocumentStore,
    private readonly sealer: Sealer,
  ) {}

  /** The last sealed sequence number given in this workbook. */
  lastSealed(): number {
    return Number(this.store.get(RECORD_KEYS.lastSealed) ?? '0') || 0;
  }

  /**
   * Seals rows (their Entry ID, Refers To and Seal are filled here) and reserves their sequence numbers before
   * they are written, so that a run interrupted after this never gives the same number twice. `confirm` after
   * the rows are written; a reservation left unconfirmed is sorted out by the next full check.
   */
  seal(rows: Omit<DocRow, 'entryId' | 'seal'>[]): DocRow[] {
    if (rows.length === 0) return [];
    const first = this.lastSealed() + 1;
    const sealed = rows.map((r, i) => {
      const withId = { ...r, entryId: entryId('S', first + i) };
      return { ...withId, seal: this.sealer.seal(sealedText({ ...withId, seal: '' } as DocRow)) };
    });
    const last = first + rows.length - 1;
    this.setPending([...this.pending(), [first, last]]);
    this.store.set(RECORD_KEYS.lastSealed, String(last));
    return sealed;
  }

  /** The rows of `seal` are written: their reservation is done. */
  confirm(rows: DocRow[]): void {
    if (rows.length === 0) return;
    const seqs = new Set(rows.map((r) => sealedSeq(r.entryId)));
    this.setPending(this.pending().filter(([a]) => !seqs.has(a)));
  }

  /** Entry IDs for typed rows that have none. */
  typedIds(count: number): string[] {
    const first = (Number(this.store.get(RECORD_KEYS.lastTyped) ?? '0') || 0) + 1;
    if (count > 0) this.store.set(RECORD_KEYS.lastTyped, String(first + count - 1));
    return Array.from({ length: count }, (_, i) => entryId('T', first + i));
  }

  /**
   * Adds to the archive the sealed rows it does not have yet, in sequence order. With `whole` (a full run, which
   * read every row of the tab) a gap is skipped: what is missing from the tab and the copy alike is reported.
   * Otherwise only rows that follow on from what the copy has are added, and a gap waits for the next full run.
   * A Drive failure loses nothing: the rows are in the tab, and the next run tries again.
   */
  archive(rows: readonly DocRow[], archive: RecordArchive, day: string, whole: boolean): void {
    const through = Number(this.store.get(RECORD_KEYS.archivedThrough) ?? '0') || 0;
    const next = [...rows]
      .map((r) => ({ r, seq: sealedSeq(r.entryId) }))
      .filter(({ seq }) => seq > through)
      .sort((a, b) => a.seq - b.seq);
    let last = through;
    const batch: ArchivedEntry[] = [];
    for (const { r, seq } of next) {
      if (!whole && seq !== last + 1) break;
      batch.push({ ...r, targetStep: typeof r.targetStep === 'number' ? r.targetStep : null });
      last = seq;
    }
    if (batch.length === 0) return;
    try {
      archive.save(batch, day);
    } catch (e) {
      // The rows are in the tab; the copy catches up on a later run.
      console.error(`The record's copy could not be updated: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.store.set(RECORD_KEYS.archivedThrough, String(last));
  }

  /** Sealed ranges reserved by runs that did not confirm them. */
  pending(): [number, number][] {
    try {
      const parsed: unknown = JSON.parse(this.store.get(RECORD_KEYS.pending) ?? '[]');
      return Array.isArray(parsed) ? (parsed as [number, number][]) : [];
    } catch {
      return [];
    }
  }

  private setPending(ranges: [number, number][]): void {
    this.store.set(RECORD_KEYS.pending, JSON.stringify(ranges));
  }

  /**
   * The full check, from every row of the tab: which sealed entries are missing (deleted, or changed so that
   * their seal no longer matches). Reserved numbers a run never wrote are not losses: the reservation is dropped.
   * A workbook whose rows run past the stored sequence (a copy of the workbook) moves the sequence on.
   */
  missingSealed(rows: readonly ClassifiedRow[]): number[] {
    const present = new Set(rows.filter((r) => r.trust === 'sealed').map((r) => r.seq));
    let last = this.lastSealed();
    const maxPresent = Math.max(0, ...present);
    if (maxPresent > last) {
      last = maxPresent;
      this.store.set(RECORD_KEYS.lastSealed, String(last));
    }
    const pending = this.pending();
    const neverWritten = new Set<number>();
    for (const [a, b] of pending) {
      const none = Array.from({ length: b - a + 1 }, (_, i) => a + i).every((n) => !present.has(n));
      if (none) for (let n = a; n <= b; n++) neverWritten.add(n);
    }
    if (pending.length > 0) this.setPending([]);
    const missing: number[] = [];
    for (let n = 1; n <= last; n++) if (!present.has(n) && !neverWritten.has(n)) missing.push(n);
    return missing;
  }
}

/** An archived entry as a Documentation row (every cell as it read back, so its seal still matches). */
function fromArchived(e: ArchivedEntry): DocRow {
  return {
    loggedAt: e.loggedAt,
    studentId: e.studentId,
    date: e.date,
    type: e.type,
    outcome: e.outcome,
    role: e.role,
    staff: e.staff,
    notes: e.notes,
    targetStep: e.targetStep,
    entryId: e.entryId,
    refersTo: e.refersTo,
    seal: e.seal,
  };
}

/**
 * The missing sealed entries as the archive has them, and a Data Issue for each (so nobody loses one unawares).
 */
export function missingEntries(
  missing: number[],
  archive: RecordArchive,
): { restorable: DocRow[]; problems: Problem[] } {
  if (missing.length === 0) return { restorable: [], problems: [] };
  const copy = new Map(archive.read(missing).map((e) => [sealedSeq(e.entryId), e]));
  const restorable: DocRow[] = [];
  const problems: Problem[] = [];
  for (const n of missing) {
    const e = copy.get(n);
    const id = entryId('S', n);
    if (e) restorable.push(fromArchived(e));
    problems.push({
      tab: 'Documentation',
      column: 'Entry ID',
      severity: 'error',
      // No studentId: a campus-wide issue, listed by every full run until restored (the edit path, which
      // rewrites a student's issues, cannot see what is missing and must not drop it).
      reason: e
        ? `Entry ${id} (${e.type}, ${e.date}, student ${e.studentId}) is missing from the Documentation tab or was ` +
          "changed. The kept step still counts it; Attendance → Restore the record puts the add-on's copy back."
        : `Entry ${id} is missing from the Documentation tab or was changed, and the add-on's copy does not have ` +
          'it either.',
    });
  }
  return { restorable, problems };
}
