// What is due for a student: actions of every step reached (lower steps continue), letters, the next due action.

import type { CalendarIndex } from './calendar';
import { addSchoolDays, isInSchoolYear, schoolDayOnOrBefore } from './calendar';
import type { DocIndex } from './doc-index';
import { docTypeKey, firstOnOrAfter, lastOnOrBefore } from './doc-index';
import { startOfWeek } from './dates';
import type { PolicyLookups } from './lookups';
import { policyLookups } from './lookups';
import { checkGate } from './steps';
import type { DayKey, DueAction, LetterDue, Policy, StepAction, StepGate, StepNumber } from './types';

const NONE: readonly DayKey[] = [];

export interface DueContext {
  policy: Policy;
  cal: CalendarIndex;
  asOf: DayKey;
  /** Precomputed school day on or before asOf (null if none); computed when absent. */
  today?: DayKey | null;
  /** Precomputed Monday of asOf's week; computed when absent. */
  monday?: DayKey;
  /** Precomputed actionChains(policy); computed when absent. */
  chains?: readonly ActionChain[];
  /** Shared policy lookups (for the gates' follow-up check); computed when absent. */
  lookups?: PolicyLookups;
}

/** Options of dueActions. */
export interface DueOptions {
  /** False when the student is not enrolled as of asOf: no each-school-day or weekly actions. */
  enrolled?: boolean;
}

/**
 * The gate whose follow-up a 'once' chain documents and that is still ahead of the student (its step
 * above `step`, the step below it begun): that follow-up is done only when the gate itself holds.
 */
function pendingGate(
  policy: Policy,
  typeKey: string,
  step: StepNumber,
  stepSince: Partial<Record<StepNumber, DayKey>>,
): { gate: StepGate; from: DayKey } | undefined {
  for (const def of policy.steps) {
    const gate = def.gate;
    if (!gate || def.step <= step || docTypeKey(gate.followUp) !== typeKey) continue;
    const from = stepSince[(def.step - 1) as StepNumber];
    if (from !== undefined) return { gate, from };
  }
  return undefined;
}

/** Key of a letter issued once per student, letter type and school year. */
export function letterKey(studentId: string, letterType: string, schoolYear: string): string {
  return `${studentId}|${letterType}|${schoolYear}`;
}

/** A step's action as one link of a chain. */
export interface ChainLink {
  step: StepNumber;
  action: StepAction;
}

/**
 * An action and its repeats at higher steps (same cadence and documentation type), in step order:
 * lower steps' actions continue at higher steps, so a repeated action is due once, not once per step.
 */
export interface ActionChain {
  cadence: StepAction['cadence'];
  /** Normalised documentation type (the DocIndex key). */
  typeKey: string;
  links: ChainLink[];
}

/** The policy's action chains in order of first appearance (policy.steps is in step order). */
export function actionChains(policy: Policy): ActionChain[] {
  const byKey = new Map<string, ActionChain>();
  for (const def of policy.steps) {
    for (const action of def.actions) {
      const typeKey = docTypeKey(action.docType);
      const key = `${action.cadence}|${typeKey}`;
      const chain = byKey.get(key) ?? { cadence: action.cadence, typeKey, links: [] };
      chain.links.push({ step: def.step, action });
      byKey.set(key, chain);
    }
  }
  return [...byKey.values()];
}

/**
 * The link of the highest reached step that had begun by `day`. An open action is reported as that
 * step's action (owner, label, step), so its owner and step always match its since and due-by: a
 * "Document all efforts" left open since step 1 stays the step-1 owner's, however high the student is now.
 */
function linkInForce(
  chain: ActionChain,
  step: StepNumber,
  stepSince: Partial<Record<StepNumber, DayKey>>,
  day: DayKey,
): ChainLink | undefined {
  let found: ChainLink | undefined;
  for (const link of chain.links) {
    const began = stepSince[link.step];
    if (link.step <= step && began !== undefined && began <= day) found = link;
  }
  return found;
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
 * `engagementEverySchoolDays` school days. An action repeated at several steps is listed once, from
 * the day the lowest of those steps began, as the action of the step in force when it became due.
 * A gate's follow-up (a once action) stays due until the gate holds (follow-up after every required
 * entry). Nothing is due when asOf is outside the school year; a student not enrolled gets no
 * each-school-day or weekly actions (once and ongoing actions stay listed).
 */
export function dueActions(
  ctx: DueContext,
  step: StepNumber,
  stepSince: Partial<Record<StepNumber, DayKey>>,
  docs: DocIndex,
  letterIssued: (letterType: string) => boolean,
  options: DueOptions = {},
): DueAction[] {
  const { policy, cal, asOf } = ctx;
  if (!isInSchoolYear(cal, asOf)) return [];
  const enrolled = options.enrolled ?? true;
  const today = ctx.today === undefined ? schoolDayOnOrBefore(cal, asOf) : ctx.today;
  const monday = ctx.monday ?? startOfWeek(asOf);
  const out: DueAction[] = [];
  for (const chain of ctx.chains ?? actionChains(policy)) {
    // The chain runs from the day its lowest reached step began; the highest reached link's letter counts.
    let first: ChainLink | undefined;
    let last: ChainLink | undefined;
    for (const link of chain.links) {
      if (link.step > step || stepSince[link.step] === undefined) continue;
      first ??= link;
      last = link;
    }
    if (first === undefined || last === undefined) continue;
    const since = stepSince[first.step] as DayKey;
    if (since > asOf) continue;
    if (!enrolled && (chain.cadence === 'eachSchoolDay' || chain.cadence === 'weekly')) continue;
    const dates = docs.doneDates.get(chain.typeKey) ?? NONE;
    let from: DayKey | null = null; // the day the open action became due; null when nothing is open
    switch (chain.cadence) {
      case 'once': {
        const letterType = last.action.letterType;
        const pending = pendingGate(policy, chain.typeKey, step, stepSince);
        const lookups = pending ? (ctx.lookups ??= policyLookups(policy)) : undefined;
        const done =
          (letterType !== undefined && letterIssued(letterType)) ||
          (pending
            ? checkGate(policy, pending.gate, docs, pending.from, lookups).completedOn !== null
            : firstOnOrAfter(dates, since) !== null);
        if (!done) from = since;
        break;
      }
      case 'eachSchoolDay': {
        if (today !== null && today >= since && firstOnOrAfter(dates, today) !== today) from = today;
        break;
      }
      case 'weekly': {
        if (firstOnOrAfter(dates, monday) === null) from = since > monday ? since : monday;
        break;
      }
      case 'ongoing': {
        const latest = lastOnOrBefore(dates, asOf);
        const next = latest === null ? since : addSchoolDays(cal, latest, policy.engagementEverySchoolDays);
        const start = next > since ? next : since;
        if (start <= asOf) from = start;
        break;
      }
    }
    if (from === null) continue;
    const dueBy =
      chain.cadence === 'eachSchoolDay' ? from : addSchoolDays(cal, from, policy.overdueAfterSchoolDays);
    const owner = linkInForce(chain, step, stepSince, from) ?? first;
    out.push(due(ctx, owner.action, owner.step, from, dueBy));
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
