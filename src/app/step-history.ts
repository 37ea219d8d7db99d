// The step kept for the school year lives in the Documentation log: every step change writes a sealed row, and the
// kept step is read back from those rows only, in the record's own sequence, so the Status tab can be deleted or
// rebuilt and the Documentation tab sorted by hand without losing or repeating a step.
import { DOC } from '../domain/policy';
import type { DayKey, PriorStatus, StepNumber, StudentStatus } from '../domain/types';
import { sealedEntryId, sealedSeq } from './record';

/** Documentation type of the rows the add-on writes when a student's step changes. */
export const STEP_CHANGE_TYPE = DOC.stepReached;

/** A sealed "Step reached" row, as the step history reads it. */
export interface StepRow {
  /** The sealed entry's sequence number: the log's own order, whatever order the tab's rows are in. */
  seq: number;
  /** `yyyy-MM-dd HH:mm`: when the add-on wrote the row (sealed with it). */
  loggedAt: string;
  studentId: string;
  date: DayKey;
  targetStep: number | null;
  /** The Entry ID of the adjustment this row applied, if any. */
  refersTo: string;
}

/** The school year's bounds (from Settings, so a damaged Calendar tab cannot drop a kept step). */
export interface YearBounds {
  firstDay: DayKey;
  lastDay: DayKey;
}

/**
 * The kept status of each student this school year, from the add-on's sealed step rows taken in sequence order.
 * Rows of other school years are left out.
 */
export function priorFromLog(rows: readonly StepRow[], year: YearBounds) {
  const prior: Record<string, PriorStatus> = {};
  const mine = rows
    .filter(
      (r) =>
        r.targetStep !== null &&
        Number.isInteger(r.targetStep) &&
        r.date >= year.firstDay &&
        r.date <= year.lastDay,
    )
    .sort((a, b) => a.seq - b.seq);
  for (const r of mine) {
    const step = Math.max(0, Math.min(5, r.targetStep!)) as StepNumber;
    const p = (prior[r.studentId] ??= { step: 0, highestStep: 0, stepSince: {} });
    for (let s = step + 1; s <= 5; s++) delete p.stepSince[s as StepNumber];
    if (step > 0 && p.stepSince[step] === undefined) p.stepSince[step] = r.date;
    p.step = step;
    p.highestStep = Math.max(p.highestStep ?? 0, step) as StepNumber;
    const adjustment = sealedSeq(r.refersTo);
    if (adjustment > 0) p.adjustmentSeq = adjustment;
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
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
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
  /** The Entry ID of the adjustment that set the step ('' for a step reached by the count or a decision). */
  refersTo: string;
}

/**
 * The step rows a new status calls for: one per step newly reached (a count jumping from 2 to 9 writes steps 1, 2
 * and 3, each on its own day), or one for a step set by an administrator's adjustment (logged once: it refers to
 * the adjustment's Entry ID).
 */
export function stepChanges(
  status: StudentStatus,
  prior: PriorStatus | undefined,
  stepName: (s: number) => string,
) {
  const changes: StepChange[] = [];
  const before = prior?.step ?? 0;
  const applied = status.adjustment;
  if (applied && applied.seq !== (prior?.adjustmentSeq ?? null)) {
    changes.push({
      studentId: status.studentId,
      // Dated the day of the adjustment: the row records when the step was set, not when it first began.
      date: applied.date,
      step: status.step,
      notes:
        `Step ${status.step} (${stepName(status.step)}) after the step adjustment of ${applied.date} ` +
        `to step ${applied.toStep}: ${applied.reason}`,
      refersTo: sealedEntryId(applied.seq),
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
      refersTo: '',
    });
  }
  return changes;
}
