// The step kept for the school year lives in the Documentation log: every step change writes a system row, and the
// kept step is read back from those rows, so the Status tab can be deleted or rebuilt without losing a step.
import { DOC } from '../domain/policy';
import type { DayKey, PriorStatus, StepNumber, StudentStatus } from '../domain/types';

/** Documentation type of the rows the add-on writes when a student's step changes. */
export const STEP_CHANGE_TYPE = DOC.stepReached;

/** Who the add-on's own Documentation rows are by (the Staff column), with Role `System`. */
export const ADDON_STAFF = 'Attendance Steps (automatic)';

export interface StepRow {
  /** `yyyy-MM-dd HH:mm`: the log's own order, whatever order the tab's rows are sorted in. */
  loggedAt: string;
  studentId: string;
  date: DayKey;
  type: string;
  role: string;
  staff: string;
  targetStep: number | null;
  notes: string;
}

/** How a step row names the adjustment it applied: its date and the step it set (which identify it). */
const ADJUSTMENT_NOTE = /after the step adjustment of (\d{4}-\d{2}-\d{2}) to step ([0-5])/;

/** True for a step row the add-on wrote: a person's entry of the same type never moves a kept step. */
function isAddOnStepRow(r: StepRow): boolean {
  return (
    r.type === STEP_CHANGE_TYPE &&
    r.role.trim().toLowerCase() === 'system' &&
    r.staff.trim() === ADDON_STAFF &&
    r.targetStep !== null &&
    Number.isInteger(r.targetStep)
  );
}

/**
 * The kept status of each student this school year, from the add-on's step rows taken in the order they were
 * logged (a tab sorted by hand does not change it). Rows of earlier school years are left out.
 */
export function priorFromLog(rows: readonly StepRow[], year: { firstDay: DayKey; lastDay: DayKey }) {
  const prior: Record<string, PriorStatus> = {};
  const mine = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => isAddOnStepRow(r) && r.date >= year.firstDay && r.date <= year.lastDay)
    .sort((a, b) => (a.r.loggedAt < b.r.loggedAt ? -1 : a.r.loggedAt > b.r.loggedAt ? 1 : a.i - b.i));
  for (const { r } of mine) {
    const step = Math.max(0, Math.min(5, r.targetStep!)) as StepNumber;
    const p = (prior[r.studentId] ??= { step: 0, highestStep: 0, stepSince: {} });
    for (let s = step + 1; s <= 5; s++) delete p.stepSince[s as StepNumber];
    if (step > 0 && p.stepSince[step] === undefined) p.stepSince[step] = r.date;
    p.step = step;
    p.highestStep = Math.max(p.highestStep ?? 0, step) as StepNumber;
    const adjusted = ADJUSTMENT_NOTE.exec(r.notes);
    if (adjusted) {
      p.adjustmentDate = adjusted[1]!;
      p.adjustmentStep = Number(adjusted[2]) as StepNumber;
    }
  }
  return prior;
}

/**
 * The day the add-on first saw each student, as the engine's `firstSeen`: the day its first step row for the
 * student was logged (a student never logged is seen for the first time by this recalculation).
 */
export function firstSeenFromLog(rows: readonly StepRow[]): Record<string, DayKey> {
  const seen: Record<string, DayKey> = {};
  for (const r of rows) {
    const day = r.loggedAt.slice(0, 10);
    if (!isAddOnStepRow(r) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    const before = Object.prototype.hasOwnProperty.call(seen, r.studentId) ? seen[r.studentId] : undefined;
    if (before === undefined || day < before) seen[r.studentId] = day;
  }
  return seen;
}

export interface StepChange {
  studentId: string;
  date: DayKey;
  step: StepNumber;
  notes: string;
}

/**
 * The step rows a new status calls for: one per step newly reached (a count jumping from 2 to 9 writes steps 1, 2
 * and 3, each on its own day), or one for a step set by an administrator's adjustment.
 */
export function stepChanges(
  status: StudentStatus,
  prior: PriorStatus | undefined,
  stepName: (s: number) => string,
) {
  const changes: StepChange[] = [];
  const before = prior?.step ?? 0;
  // An adjustment is logged once: it is identified by its date and the step it set.
  const applied = status.adjustment;
  const adjustment =
    applied && (applied.date !== prior?.adjustmentDate || applied.toStep !== prior?.adjustmentStep)
      ? applied
      : null;
  if (adjustment) {
    changes.push({
      studentId: status.studentId,
      // Dated the day of the adjustment: the row records when the step was set, not when it first began.
      date: adjustment.date,
      step: status.step,
      notes:
        `Step ${status.step} (${stepName(status.step)}) after the step adjustment of ${adjustment.date} ` +
        `to step ${adjustment.toStep}: ${adjustment.reason}`,
    });
    return changes;
  }
  for (let s = before + 1; s <= status.step; s++) {
    const since = status.stepSince[s as StepNumber] ?? status.since;
    if (!since) continue;
    const count = status.counts.unexcusedDates.filter((d) => d <= since).length;
    changes.push({
      studentId: status.studentId,
      date: since,
      step: s as StepNumber,
      notes:
        s === 5
          ? `Step 5 (${stepName(5)}) by the documented court referral decision.`
          : `Step ${s} (${stepName(s)}) began: ${count} unexcused days or parts of days.`,
    });
  }
  return changes;
}
