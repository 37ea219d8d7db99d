// The step a student is at: count thresholds, the step-4 documentation gate, the kept step, adjustments, court.

import type { DocIndex } from './doc-index';
import { firstOnOrAfter } from './doc-index';
import type { PolicyLookups } from './lookups';
import { policyLookups } from './lookups';
import type {
  AttendanceCounts,
  BlockedEscalation,
  DayKey,
  DocumentationEntry,
  Policy,
  PriorStatus,
  StatusFlag,
  StepAdjustmentApplied,
  StepGate,
  StepNumber,
} from './types';

export interface StepDecision {
  step: StepNumber;
  since: DayKey | null;
  stepSince: Partial<Record<StepNumber, DayKey>>;
  highestStep: StepNumber;
  blocked?: BlockedEscalation;
  adjustment?: StepAdjustmentApplied;
  flags: StatusFlag[];
  messages: string[];
}

/**
 * Whether a gate is met by documentation made on or after `from`: each required type done on/after
 * `from`, then the follow-up on/after the latest of them. Returns the completion day or what is missing.
 */
export function checkGate(
  policy: Policy,
  gate: StepGate,
  docs: DocIndex,
  from: DayKey,
  lookups: PolicyLookups = policyLookups(policy),
): { completedOn: DayKey | null; missing: string[] } {
  const missing: string[] = [];
  const doneDates = (type: string): DayKey[] => docs.doneDates.get(lookups.typeKey(type)) ?? [];
  let latest = from;
  for (const type of gate.required) {
    const d = firstOnOrAfter(doneDates(type), from);
    if (d === null) missing.push(`${lookups.label(type)} (on or after ${from})`);
    else if (d > latest) latest = d;
  }
  // A follow-up must come after every required entry, so with one missing it is missing too.
  const followUp = missing.length > 0 ? null : firstOnOrAfter(doneDates(gate.followUp), latest);
  if (followUp === null) {
    const after = missing.length > 0 ? 'the entries above' : latest;
    missing.push(`${lookups.label(gate.followUp)} (on or after ${after})`);
  }
  return missing.length > 0 ? { completedOn: null, missing } : { completedOn: followUp, missing };
}

/** Whether an entry is of `type` (case and spaces aside) with a done outcome. */
function isDone(lookups: PolicyLookups, e: DocumentationEntry, type: string): boolean {
  return lookups.typeKey(e.type) === lookups.typeKey(type) && lookups.isDone(e.outcome);
}

/** The latest valid step adjustment and messages about ignored ones. */
function findAdjustment(
  policy: Policy,
  lookups: PolicyLookups,
  docs: DocIndex,
  messages: string[],
): StepAdjustmentApplied | undefined {
  let found: StepAdjustmentApplied | undefined;
  for (const e of docs.entries) {
    if (!isDone(lookups, e, policy.stepAdjustmentType)) continue;
    const why =
      e.role === '' || !policy.adminRoles.includes(e.role)
        ? `made by ${e.role || 'an unknown role'}, not an administrator`
        : e.note.trim() === ''
          ? 'it has no reason in the note'
          : e.targetStep === null || e.targetStep === undefined
            ? 'it names no step'
            : '';
    if (why !== '') messages.push(`Step adjustment of ${e.date} ignored: ${why}.`);
    else found = { date: e.date, toStep: e.targetStep as StepNumber, role: e.role, reason: e.note.trim() };
  }
  return found;
}

/** Decides the step for one student (see DESIGN: kept for the year, gated step 4, court by decision only). */
export function decideStep(
  policy: Policy,
  counts: AttendanceCounts,
  docs: DocIndex,
  prior: PriorStatus | undefined,
  lookups: PolicyLookups = policyLookups(policy),
): StepDecision {
  const flags: StatusFlag[] = [];
  const messages: string[] = [];
  const adjustment = findAdjustment(policy, lookups, docs, messages);
  if (messages.length > 0) flags.push('adjustmentIgnored');
  const freshAdjustment = adjustment !== undefined && prior?.adjustmentDate !== adjustment.date;

  // Floor: the kept step (or the adjusted one) and its since-dates.
  let floor: StepNumber = 0;
  const since: Partial<Record<StepNumber, DayKey>> = {};
  if (freshAdjustment && adjustment) {
    floor = adjustment.toStep;
    for (let s = 1; s <= floor; s++) {
      const kept = prior?.stepSince[s as StepNumber];
      if (kept) since[s as StepNumber] = kept;
    }
    if (floor > 0 && !since[floor]) since[floor] = adjustment.date;
    flags.push('stepAdjusted');
    messages.push(`Step set to ${floor} on ${adjustment.date} by ${adjustment.role}: ${adjustment.reason}`);
  } else if (prior) {
    floor = prior.step;
    for (let s = 1; s <= floor; s++) {
      const kept = prior.stepSince[s as StepNumber];
      if (kept) since[s as StepNumber] = kept;
    }
  }
  // Thresholds and decisions dated on or before an adjustment were consumed by it.
  const consumedThrough = adjustment?.date ?? '';
  const earliest = (s: StepNumber, day: DayKey): void => {
    const cur = since[s];
    if (cur === undefined || day < cur) since[s] = day;
  };

  let computed: StepNumber = 0;
  for (const { step, threshold, gate } of lookups.thresholds) {
    const reachedOn = counts.unexcusedDates[threshold - 1];
    if (reachedOn === undefined || reachedOn <= consumedThrough) continue;
    if (!gate) {
      computed = step;
      earliest(step, reachedOn);
      continue;
    }
    const prevSince = since[(step - 1) as StepNumber] ?? counts.unexcusedDates[threshold - 1];
    const result = checkGate(policy, gate, docs, prevSince ?? reachedOn, lookups);
    if (result.completedOn !== null) {
      computed = step;
      earliest(step, result.completedOn > reachedOn ? result.completedOn : reachedOn);
    } else if (Math.max(floor, computed) < step) {
      flags.push('escalationBlocked');
      const blocked: BlockedEscalation = { targetStep: step, missing: result.missing };
      messages.push(`Escalation to step ${step} blocked; missing: ${result.missing.join('; ')}.`);
      return finish(policy, lookups, docs, prior, {
        floor,
        computed,
        since,
        flags,
        messages,
        adjustment,
        blocked,
        consumedThrough,
      });
    }
  }
  return finish(policy, lookups, docs, prior, {
    floor,
    computed,
    since,
    flags,
    messages,
    adjustment,
    consumedThrough,
  });
}

interface Partial_ {
  floor: StepNumber;
  computed: StepNumber;
  since: Partial<Record<StepNumber, DayKey>>;
  flags: StatusFlag[];
  messages: string[];
  adjustment: StepAdjustmentApplied | undefined;
  blocked?: BlockedEscalation;
  consumedThrough: DayKey;
}

function finish(
  policy: Policy,
  lookups: PolicyLookups,
  docs: DocIndex,
  prior: PriorStatus | undefined,
  p: Partial_,
): StepDecision {
  let step = (p.floor > p.computed ? p.floor : p.computed) as StepNumber;
  if (p.floor > p.computed) p.flags.push('stepKept');

  // Court: only a done decision entry by a decider, dated while the student was at step 4.
  for (const e of docs.entries) {
    if (step === 5 || !isDone(lookups, e, policy.courtDecisionType)) continue;
    if (e.date <= p.consumedThrough) continue;
    const step4Since = p.since[4];
    const byDecider = e.role !== '' && policy.courtDeciderRoles.includes(e.role);
    if (byDecider && step >= 4 && step4Since !== undefined && e.date >= step4Since) {
      step = 5;
      p.since[5] = e.date;
    } else {
      p.flags.push('courtDecisionIgnored');
      p.messages.push(
        `Court decision of ${e.date} ignored: ${byDecider ? 'the student was not at step 4 on that day' : 'it was not made by a district specialist'}.`,
      );
    }
  }

  // Drop since-dates above the step; fill lower ones missing (e.g. after an adjustment upward).
  for (let s = 5; s >= 1; s--) {
    const k = s as StepNumber;
    if (s > step) delete p.since[k];
    else if (p.since[k] === undefined) {
      const higher = p.since[(s + 1) as StepNumber];
      if (higher !== undefined) p.since[k] = higher;
    }
  }
  const priorHighest = prior ? Math.max(prior.step, prior.highestStep ?? 0) : 0;
  const decision: StepDecision = {
    step,
    since: step > 0 ? (p.since[step] ?? null) : null,
    stepSince: p.since,
    highestStep: Math.max(step, priorHighest) as StepNumber,
    flags: p.flags,
    messages: p.messages,
  };
  if (p.blocked && step < p.blocked.targetStep) decision.blocked = p.blocked;
  else if (p.blocked) {
    decision.flags = p.flags.filter((f) => f !== 'escalationBlocked');
    decision.messages = p.messages.filter((m) => !m.startsWith('Escalation to step'));
  }
  if (p.adjustment) decision.adjustment = p.adjustment;
  return decision;
}
