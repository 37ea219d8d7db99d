// Layout 1 → 2: the Documentation rows the add-on relied on under layout 1 are sealed once, in place, so that the
// kept step and the adjustments and decisions already applied carry over; typed rows get their Entry IDs.
import { DOC } from '../domain/policy';
import type { Clock } from '../ports/platform';
import { DOCUMENTATION } from '../ports/tabs';
import type { SheetRow, Workbook } from '../ports/workbook';
import { ADDON_STAFF, Ledger, sealedEntryId, type DocRow } from './record';

type Row = SheetRow<typeof DOCUMENTATION.columns>;

/** Roles that layout 1 honoured for adjustments (administrators) and court decisions (district specialists). */
const ADMIN_LABELS = ['assistant principal', 'principal'];
const DECIDER_LABELS = ['district specialist'];

const norm = (t: string) => t.trim().toLowerCase();

/** How a layout-1 step row named the adjustment it applied (read once, here, to link the two by Entry ID). */
const ADJUSTMENT_NOTE = /after the step adjustment of (\d{4}-\d{2}-\d{2}) to step ([0-5])/;

/**
 * Seals, in place, the layout-1 rows the add-on wrote ("Step reached", Role System, its own Staff name) and the
 * adjustments and court decisions it applied (one a step row names; one a step-5 row follows), and writes one note
 * saying so. Rows whose date is not a real date are left as they are (they were not used either). Rows that
 * already have an Entry ID are not touched, so a second run changes nothing.
 */
export function sealLayoutOneRows(workbook: Workbook, ledger: Ledger, clock: Clock): string[] {
  const rows = workbook.read(DOCUMENTATION).filter((r) => r.values.entryId === '' && r.values.seal === '');
  if (rows.length === 0) return [];
  const isDay = (r: Row) => /^\d{4}-\d{2}-\d{2}$/.test(r.values.date);
  const stepRows = rows
    .filter(
      (r) =>
        isDay(r) &&
        r.values.type === DOC.stepReached &&
        norm(r.values.role) === 'system' &&
        r.values.staff === ADDON_STAFF &&
        r.values.targetStep !== null &&
        Number.isInteger(r.values.targetStep),
    )
    // Layout 1's own order: the time logged, then the row.
    .sort((a, b) =>
      a.values.loggedAt < b.values.loggedAt ? -1 : a.values.loggedAt > b.values.loggedAt ? 1 : a.row - b.row,
    );
  // Only the adjustments and decisions layout 1 applied: an adjustment a step row names, a decision followed by a
  // step-5 row. Any other typed one stays typed (and, typed, sets no step).
  const applied = (d: Row): boolean =>
    isDay(d) &&
    ((norm(d.values.type) === norm(DOC.stepAdjustment) &&
      ADMIN_LABELS.includes(norm(d.values.role)) &&
      stepRows.some((r) => {
        const m = ADJUSTMENT_NOTE.exec(r.values.notes);
        return (
          m !== null &&
          r.values.studentId === d.values.studentId &&
          m[1] === d.values.date &&
          Number(m[2]) === d.values.targetStep
        );
      })) ||
      (norm(d.values.type) === norm(DOC.courtDecision) &&
        DECIDER_LABELS.includes(norm(d.values.role)) &&
        stepRows.some(
          (r) =>
            r.values.studentId === d.values.studentId &&
            r.values.targetStep === 5 &&
            r.values.date === d.values.date,
        )));
  const decisions = rows.filter(applied);
  const chosen = [...decisions, ...stepRows];
  const first = ledger.lastSealed() + 1;
  const idOf = new Map(chosen.map((r, i) => [r.row, sealedEntryId(first + i)]));
  const linked = (r: Row): string => {
    const m = ADJUSTMENT_NOTE.exec(r.values.notes);
    if (!m) return '';
    const adjustment = decisions.find(
      (d) =>
        norm(d.values.type) === norm(DOC.stepAdjustment) &&
        d.values.studentId === r.values.studentId &&
        d.values.date === m[1] &&
        d.values.targetStep === Number(m[2]),
    );
    return adjustment ? idOf.get(adjustment.row)! : '';
  };
  const sealed = ledger.seal(
    chosen.map((r) => {
      const { entryId: _id, seal: _seal, ...values } = r.values;
      return { ...values, refersTo: stepRows.includes(r) ? linked(r) : values.refersTo };
    }),
  );
  const changes: string[] = [];
  if (sealed.length > 0) {
    for (const column of ['entryId', 'refersTo', 'seal'] as const)
      workbook.fill(
        DOCUMENTATION,
        column,
        chosen.map((r, i) => ({ row: r.row, value: sealed[i]![column] })),
      );
    ledger.confirm(sealed);
  }
  const typed = rows.filter((r) => !idOf.has(r.row));
  if (typed.length > 0) {
    const ids = ledger.typedIds(typed.length);
    workbook.fill(
      DOCUMENTATION,
      'entryId',
      typed.map((r, i) => ({ row: r.row, value: ids[i]! })),
    );
  }
  const note: Omit<DocRow, 'entryId' | 'seal'> = {
    loggedAt: clock.now(),
    studentId: '',
    date: clock.today(),
    type: DOC.note,
    outcome: '',
    role: 'System',
    staff: ADDON_STAFF,
    notes:
      `Layout 2: Entry ID, Refers To and Seal were added. ${stepRows.length} step rows of the add-on and ` +
      `${decisions.length} adjustments and court decisions it had applied were sealed as they stood; ` +
      `${typed.length} typed entries got Entry IDs.`,
    targetStep: null,
    refersTo: '',
  };
  const noteRow = ledger.seal([note]);
  workbook.append(DOCUMENTATION, noteRow);
  ledger.confirm(noteRow);
  changes.push(
    `sealed ${sealed.length} Documentation rows the add-on relied on, and gave ${typed.length} typed entries ` +
      'their Entry IDs (layout 2)',
  );
  return changes;
}
