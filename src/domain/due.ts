// What is due for a student: actions of every step reached (lower steps continue), letters, the next due action.

import type { CalendarIndex } from './calendar';
import { addSchoolDays, schoolDayOnOrBefore } from './calendar';
import type { DocIndex } from './doc-index';
import { doneDatesOf, firstOnOrAfter, lastOnOrBefore } from './doc-index';
import { startOfWeek } from './dates';
import type { DayKey, DueAction, LetterDue, Policy, StepAction, StepNumber } from './types';

export interface DueContext {
  policy: Policy;
  cal: CalendarIndex;
  asOf: DayKey;
  /** Precomputed school day on or before asOf (null if none); computed when absent. */
  today?: DayKey | null;
  /** Precomputed Monday of asOf's week; computed when absent. */
  monday?: DayKey;
}

/** Key of a letter issued once per student, letter type and school year. */
export function letterKey(studentId: string, letterType: string, schoolYear: string): string {
  return `${studentId}|${letterType}|${schoolYear}`;
}

/**
 * Actions of steps 1..step (policy.steps is in step order), each once: an action repeated at a higher step (same cadence and type)
 * keeps the first step's start date and takes the higher step's owner and label.
 */
function activeActions(policy: Policy, step: StepNumber, stepSince: Partial<Record<StepNumber, DayKey>>) {
  const byKey = new Map<string, { action: StepAction; step: StepNumber; since: DayKey }>();
  for (const def of policy.steps) {
    if (def.step > step) continue;
    const since = stepSince[def.step];
    if (since === undefined) continue;
    for (const action of def.actions) {
      const key = `${action.cadence}|${action.docType.trim().toLowerCase()}`;
      const earlier = byKey.get(key);
      byKey.set(key, { action, step: def.step, since: earlier ? earlier.since : since });
    }
  }
  return [...byKey.values()];
}

function due(ctx: DueContext, action: StepAction, step: StepNumber, since: DayKey, dueBy: DayKey): DueAction {
  return {
    actionId: action.id,
    step,
    label: action.label,
    owner: action.owner,
    cadence: action.cadence,
    docType: action.docType,
    since,
    dueBy,
    overdue: ctx.asOf > dueBy,
  };
}

/**
 * Open actions as of ctx.asOf. `letterIssued(letterType)` tells whether a letter action is already done.
 * once: done if documented on/after the step began; eachSchoolDay: documented on the latest school
 * day; weekly: documented in the current Mon–Sun week; ongoing: due again when nothing within
 * `engagementEverySchoolDays` school days.
 */
export function dueActions(
  ctx: DueContext,
  step: StepNumber,
  stepSince: Partial<Record<StepNumber, DayKey>>,
  docs: DocIndex,
  letterIssued: (letterType: string) => boolean,
): DueAction[] {
  const { policy, cal, asOf } = ctx;
  const today = ctx.today === undefined ? schoolDayOnOrBefore(cal, asOf) : ctx.today;
  const monday = ctx.monday ?? startOfWeek(asOf);
  const out: DueAction[] = [];
  const overdueBy = (since: DayKey): DayKey => addSchoolDays(cal, since, policy.overdueAfterSchoolDays);
  for (const { action, step: s, since } of activeActions(policy, step, stepSince)) {
    if (since > asOf) continue;
    const dates = doneDatesOf(docs, action.docType);
    switch (action.cadence) {
      case 'once': {
        const done =
          (action.letterType !== undefined && letterIssued(action.letterType)) ||
          firstOnOrAfter(dates, since) !== null;
        if (!done) out.push(due(ctx, action, s, since, overdueBy(since)));
        break;
      }
      case 'eachSchoolDay': {
        const day = today;
        if (day === null || day < since) break;
        if (firstOnOrAfter(dates, day) !== day) out.push(due(ctx, action, s, day, day));
        break;
      }
      case 'weekly': {
        const from = since > monday ? since : monday;
        if (firstOnOrAfter(dates, monday) === null) out.push(due(ctx, action, s, from, overdueBy(from)));
        break;
      }
      case 'ongoing': {
        const last = lastOnOrBefore(dates, asOf);
        const next = last === null ? since : addSchoolDays(cal, last, policy.engagementEverySchoolDays);
        const from = next > since ? next : since;
        if (from <= asOf) out.push(due(ctx, action, s, from, overdueBy(from)));
        break;
      }
    }
  }
  return out.sort(compareDue);
}

/** Earliest due-by first (so the most overdue), then earliest since, then higher step. */
export function compareDue(a: DueAction, b: DueAction): number {
  if (a.dueBy !== b.dueBy) return a.dueBy < b.dueBy ? -1 : 1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  return b.step - a.step;
}

/** The action the Status tab shows as "next due". */
export function nextDue(actions: readonly DueAction[]): DueAction | null {
  let best: DueAction | null = null;
  for (const a of actions) if (best === null || compareDue(a, best) < 0) best = a;
  return best;
}

/** Letters the student's step calls for that are not issued yet (`issued` holds letter keys). */
export function lettersDue(
  policy: Policy,
  studentId: string,
  schoolYear: string,
  step: StepNumber,
  stepSince: Partial<Record<StepNumber, DayKey>>,
  issued: ReadonlySet<string>,
): LetterDue[] {
  const out: LetterDue[] = [];
  for (const rule of policy.letters) {
    const since = stepSince[rule.step];
    if (rule.step > step || since === undefined) continue;
    const key = letterKey(studentId, rule.letterType, schoolYear);
    if (!issued.has(key))
      out.push({ key, studentId, letterType: rule.letterType, schoolYear, step: rule.step, since });
  }
  return out;
}
