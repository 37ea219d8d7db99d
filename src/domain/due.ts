// What is due for a student: the open actions of every step reached (lower steps continue), most urgent first.

import type { CalendarIndex } from './calendar';
import { addSchoolDays, dayNumberOf, isInSchoolYear, schoolDayOnOrBefore } from './calendar';
import type { ActionChain, ChainLink } from './action-chains';
import { actionChains, linkInForce, pendingGate } from './action-chains';
import type { DocIndex } from './doc-index';
import { firstOnOrAfter, lastOnOrBefore } from './doc-index';
import { startOfWeek } from './dates';
import { checkGate } from './gates';
import type { PolicyLookups } from './lookups';
import { policyLookups } from './lookups';
import type { DayKey, DueAction, Policy, StepAction, StepNumber } from './types';

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
  /** Shared policy lookups (gates, prerequisites); computed when absent. */
  lookups?: PolicyLookups;
}

/** The student whose open actions are asked for. */
export interface DueSubject {
  step: StepNumber;
  stepSince: Partial<Record<StepNumber, DayKey>>;
  docs: DocIndex;
  /** The student's unexcused days or parts of days, sorted: the automated call is due on those days. */
  unexcusedDates: readonly DayKey[];
  /**
   * Day the add-on first saw the student: an action's lateness counts from the later of the day it
   * became due and this day (on a new campus nothing starts out overdue).
   */
  firstSeen: DayKey;
  /** False when the student is not enrolled as of asOf: no each-unexcused-day or weekly actions. */
  enrolled: boolean;
  /** Whether a letter action is already done because its letter was issued. */
  letterIssued: (letterType: string) => boolean;
}

/**
 * The first day on or after `since` by which every type in `after` was done on or after `since`
 * (`since` itself when `after` is empty), or null while one is missing.
 */
function prerequisitesMet(
  lookups: PolicyLookups,
  docs: DocIndex,
  after: readonly string[] | undefined,
  since: DayKey,
): DayKey | null {
  let ready = since;
  for (const type of after ?? NONE) {
    const d = firstOnOrAfter(docs.doneDates.get(lookups.typeKey(type)) ?? NONE, since);
    if (d === null) return null;
    if (d > ready) ready = d;
  }
  return ready;
}

/**
 * The day the chain's open action became due, or null when nothing is open. once: open until
 * documented on/after the step began (or its letter issued; a gate's follow-up until the gate holds);
 * eachUnexcusedDay: open on the latest school day when the student has an unexcused absence or part
 * of a day that day and nothing is documented that day; weekly: open when nothing is documented in the
 * current Mon–Sun week; ongoing: open when nothing within `engagementEverySchoolDays` school days.
 * `ready` is the day the action could first fall due (the step's start, or its prerequisites').
 */
function openSince(
  ctx: DueContext,
  s: DueSubject,
  chain: ActionChain,
  last: ChainLink,
  since: DayKey,
  ready: DayKey,
): DayKey | null {
  const { policy, cal, asOf } = ctx;
  const dates = s.docs.doneDates.get(chain.typeKey) ?? NONE;
  switch (chain.cadence) {
    case 'once': {
      const letterType = last.action.letterType;
      if (letterType !== undefined && s.letterIssued(letterType)) return null;
      const pending = pendingGate(policy, chain.typeKey, s.step, s.stepSince);
      const done = pending
        ? checkGate(policy, pending.gate, s.docs, pending.from, ctx.lookups).completedOn !== null
        : firstOnOrAfter(dates, since) !== null;
      return done ? null : ready;
    }
    case 'eachUnexcusedDay': {
      const today = ctx.today === undefined ? schoolDayOnOrBefore(cal, asOf) : ctx.today;
      if (today === null || today < ready) return null;
      const absent = firstOnOrAfter(s.unexcusedDates, today) === today;
      return absent && firstOnOrAfter(dates, today) !== today ? today : null;
    }
    case 'weekly': {
      const monday = ctx.monday ?? startOfWeek(asOf);
      return firstOnOrAfter(dates, monday) === null ? (ready > monday ? ready : monday) : null;
    }
    case 'ongoing': {
      const latest = lastOnOrBefore(dates, asOf);
      const next = latest === null ? ready : addSchoolDays(cal, latest, policy.engagementEverySchoolDays);
      const start = next > ready ? next : ready;
      return start <= asOf ? start : null;
    }
  }
}

function due(ctx: DueContext, s: DueSubject, action: StepAction, step: StepNumber, since: DayKey): DueAction {
  const { cal, asOf, policy } = ctx;
  const inherited = since < s.firstSeen;
  const countsFrom = inherited ? s.firstSeen : since;
  const dueBy =
    action.cadence === 'eachUnexcusedDay'
      ? countsFrom
      : addSchoolDays(cal, countsFrom, policy.overdueAfterSchoolDays);
  const overdue = asOf > dueBy;
  return {
    actionId: action.id,
    step,
    label: action.label,
    owner: action.owner,
    cadence: action.cadence,
    docType: action.docType,
    since,
    countsFrom,
    dueBy,
    overdue,
    daysLate: overdue ? dayNumberOf(cal, asOf) - dayNumberOf(cal, dueBy) : 0,
    inherited,
  };
}

/**
 * The student's open actions as of ctx.asOf, most urgent first (see compareDue). An action repeated at
 * several steps is listed once, from the day the lowest of those steps began, as the action of the step
 * in force when it became due. An action with prerequisites (`after`) falls due only once they are
 * documented since its step began, from the latest of them. Nothing is due when asOf is outside the
 * school year; a student not enrolled gets no each-unexcused-day or weekly actions.
 */
export function dueActions(ctx: DueContext, s: DueSubject): DueAction[] {
  if (!isInSchoolYear(ctx.cal, ctx.asOf)) return [];
  const lookups = (ctx.lookups ??= policyLookups(ctx.policy));
  const found: { action: DueAction; rank: number }[] = [];
  for (const chain of (ctx.chains ??= actionChains(ctx.policy))) {
    // The chain runs from the day its lowest reached step began; the highest reached link's letter counts.
    let first: ChainLink | undefined;
    let last: ChainLink | undefined;
    for (const link of chain.links) {
      if (link.step > s.step || s.stepSince[link.step] === undefined) continue;
      first ??= link;
      last = link;
    }
    if (first === undefined || last === undefined) continue;
    const since = s.stepSince[first.step] as DayKey;
    if (since > ctx.asOf) continue;
    if (!s.enrolled && (chain.cadence === 'eachUnexcusedDay' || chain.cadence === 'weekly')) continue;
    const ready = prerequisitesMet(lookups, s.docs, last.action.after, since);
    if (ready === null) continue;
    const from = openSince(ctx, s, chain, last, since, ready);
    if (from === null) continue;
    const owner = linkInForce(chain, s.step, s.stepSince, from) ?? first;
    found.push({ action: due(ctx, s, owner.action, owner.step, from), rank: owner.rank });
  }
  return found.sort((a, b) => compareDue(a.action, b.action) || a.rank - b.rank).map((f) => f.action);
}

/**
 * Most urgent first: the higher step's action first (the student's current step's own work, then lower
 * steps' continuing actions), then the earliest due-by (the most overdue), then the earliest since.
 * dueActions breaks the remaining ties by the order of the actions in the policy.
 */
export function compareDue(a: DueAction, b: DueAction): number {
  if (a.step !== b.step) return b.step - a.step;
  if (a.dueBy !== b.dueBy) return a.dueBy < b.dueBy ? -1 : 1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  return 0;
}

/** The most urgent of a list in dueActions order (or a subset of it, kept in that order), or null. */
export function nextDue(actions: readonly DueAction[]): DueAction | null {
  let best: DueAction | null = null;
  for (const a of actions) if (best === null || compareDue(a, best) < 0) best = a;
  return best;
}
