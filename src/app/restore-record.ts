// Attendance → Restore the record: puts back the sealed entries missing from the Documentation tab (deleted rows,
// a deleted tab, a row changed by hand, put back in its place) from the add-on's own copy, as sealed, never twice.
import { DOCUMENTATION } from '../ports/tabs';
import { readRules } from './campus';
import { classify, Ledger, missingEntries, sealedSeq } from './record';
import type { RecalcDeps } from './recalculate';
import { dropdownLists } from './set-up';

export interface RestoreSummary {
  /** Entries put back. */
  restored: number;
  /** Missing entries the copy does not have either. */
  lost: number;
}

export function restoreRecord(deps: RecalcDeps): RestoreSummary {
  return deps.lock.withLock(() => {
    const { workbook } = deps;
    if (!workbook.hasTab(DOCUMENTATION))
      workbook.ensureTab(DOCUMENTATION, dropdownLists(readRules(workbook, deps.clock.today()).policy));
    const ledger = new Ledger(deps.store, deps.sealer);
    const { rows } = classify(workbook.read(DOCUMENTATION), deps.sealer);
    const missing = ledger.missingSealed(rows);
    const { restorable } = missingEntries(missing, deps.archive);
    restorable.sort((a, b) => sealedSeq(a.entryId) - sealedSeq(b.entryId));
    // A row changed by hand is put back as it was, in its place; a deleted one is appended.
    const changedAt = new Map(
      rows.filter((r) => r.trust === 'changed').map((r) => [r.values.entryId.trim(), r.row]),
    );
    const inPlace = restorable.filter((e) => changedAt.has(e.entryId));
    workbook.update(
      DOCUMENTATION,
      inPlace.map((values) => ({ row: changedAt.get(values.entryId)!, values })),
    );
    workbook.append(
      DOCUMENTATION,
      restorable.filter((e) => !changedAt.has(e.entryId)),
    );
    return { restored: restorable.length, lost: missing.length - restorable.length };
  });
}
