// The step a student is at: count thresholds, the step-4 documentation gate, the kept step, adjustments, court.

import type { DocIndex } from './doc-index';
import { checkGate, courtDecisionIgnoredBecause } from './gates';
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
  StudentStatus,
  StepNumber,
} from './types';

/** The step part of a student's status. */
export type StepDecision = Pick<
  StudentStatus,
  'step' | 'since' | 'stepSince' | 'highestStep' | 'blocked' | 'adjustment' | 'flags' | 'messages'
>;

/** Whether an entry is of `type` (case and spaces aside) with a done outcome. */
function isDone(lookups: PolicyLookups, e: DocumentationEntry, type: string): boolean {
  return lookups.typeKey(e.type) === lookups.typeKey(type) && lookups.isDone(e.outcome);
}

/** The valid step adjustments in the record's order (sequence), and messages about invalid ones. */
function validAdjustments(
  policy: Policy,
  lookups: PolicyLookups,
  docs: DocIndex,
  messages: string[],
): StepAdjustmentApplied[] {
  const found: StepAdjustmentApplied[] = [];
  for (const e of docs.entries) {
    if (!isDone(lookups, e, policy.stepAdjustmentType)) continue;
    const why = !e.verified
      ? 'it was typed in the Documentation tab, and typed rows cannot set a step (an administrator uses ' +
        'Attendance → Adjust a step…)'
      : e.role === '' || !policy.adminRoles.includes(e.role)
        ? `made by ${e.role || 'an unknown role'}, not an administrator`
        : e.note.trim() === ''
          ? 'it has no reason in the note'
          : e.targetStep === null || e.targetStep === undefined
            ? 'it names no step'
            : '';
    if (why !== '') messages.push(`Step adjustment of ${e.date} ignored: ${why}.`);
    else
      found.push({
        seq: e.seq ?? 0,
        date: e.date,
        toStep: e.targetStep as StepNumber,
        role: e.role,
        reason: e.note.trim(),
      });
  }
  return found.sort((a, b) => a.seq - b.seq);
}

/**
 * Where the count-driven climb starts from: the step an applied adjustment set and its day ('' and 0
 * when no adjustment applies). Rule: after an adjustment to step k on day D, only unexcused days
 * AFTER D count toward higher steps, and step j > k needs threshold(j) − threshold(k) of them
 * (threshold(0) = 0), so the gaps of the ladder apply again; step 4 still needs its gate documented
 * on/after the day step 3 (re)began. Court decisions dated on or before D do not count.
 */
interface Basis {
  date: DayKey;
  step: StepNumber;
}

/** What the decision starts from: the kept (or adjusted) step, its since-dates and the climb's basis. */
interface State {
  floor: StepNumber;
  since: Partial<Record<StepNumber, DayKey>>;
  basis: Basis | null;
}

function copySince(from: Partial<Record<StepNumber, DayKey>> | undefined, upTo: number) {
  const since: Partial<Record<StepNumber, DayKey>> = {};
  for (let s = 1; s <= upTo; s++) {
    const kept = from?.[s as StepNumber];
    if (kept) since[s as StepNumber] = kept;
  }
  return since;
}

/**
 * Decides the step for one student (see DESIGN: kept for the year, gated step 4, court by decision only).
 *
 * Adjustments: an administrator's adjustment (with a reason and a step) may only LOWER the step (or
 * confirm the current one): one naming a step above the step the student would otherwise be at is
 * ignored (flag adjustmentIgnored). Adjustments are sealed entries with a sequence number: the one already
 * applied is prior.adjustmentSeq, and an adjustment is new ("fresh") only when its number is higher. An older
 * adjustment is never re-applied (cancelling the latest one keeps the kept step). Fresh ones apply in order.
 */
export function decideStep(
  policy: Policy,
  counts: AttendanceCounts,
  docs: DocIndex,
  prior: PriorStatus | undefined,
  lookups: PolicyLookups = policyLookups(policy),
): StepDecision {
  const messages: string[] = [];
  const valid = validAdjustments(policy, lookups, docs, messages);
  let ignored = messages.length > 0;
  const appliedSeq = prior?.adjustmentSeq ?? null;
  const isFresh = (a: StepAdjustmentApplied): boolean => appliedSeq === null || a.seq > appliedSeq;

  // The climb basis of the adjustment already applied: the latest that is not fresh.
  let basis: Basis | null = null;
  let current: StepAdjustmentApplied | undefined;
  for (const a of valid) {
    if (isFresh(a)) continue;
    basis = { date: a.date, step: a.toStep };
    current = a;
  }
  let state: State = { floor: prior?.step ?? 0, since: copySince(prior?.stepSince, prior?.step ?? 0), basis };
  let applied: StepAdjustmentApplied | undefined;
  let highest = prior ? Math.max(prior.step, prior.highestStep ?? 0) : 0;
  for (const a of valid) {
    if (!isFresh(a)) continue;
    const otherwise = evaluateFrom(policy, counts, docs, lookups, state);
    highest = Math.max(highest, otherwise.step);
    if (a.toStep > otherwise.step) {
      ignored = true;
      messages.push(
        `Step adjustment of ${a.date} ignored: step ${a.toStep} is above step ${otherwise.step}, the step the student is at; an adjustment may only lower the step (step 4 needs its documentation, court a district specialist's decision).`,
      );
      continue;
    }
    const since = copySince(otherwise.stepSince, a.toStep);
    if (a.toStep > 0 && !since[a.toStep]) since[a.toStep] = a.date;
    state = { floor: a.toStep, since, basis: { date: a.date, step: a.toStep } };
    applied = a;
  }

  const decision = evaluateFrom(policy, counts, docs, lookups, state);
  const flags: StatusFlag[] = [];
  if (ignored) flags.push('adjustmentIgnored');
  if (applied) {
    flags.push('stepAdjusted');
    const now =
      decision.step !== applied.toStep
        ? `; now step ${decision.step} (reached again by unexcused days or a decision after the adjustment)`
        : '';
    messages.push(
      `Step set to ${applied.toStep} on ${applied.date} by ${applied.role}: ${applied.reason}${now}`,
    );
  }
  decision.flags = [...flags, ...decision.flags];
  decision.messages = [...messages, ...decision.messages];
  decision.highestStep = Math.max(decision.step, highest) as StepNumber;
  const shown = applied ?? (current && current.seq === appliedSeq ? current : undefined);
  if (shown) decision.adjustment = shown;
  else delete decision.adjustment;
  return decision;
}

/** The step from a starting state: count thresholds climbed from the basis, the step-4 gate, court decisions. */
function evaluateFrom(
  policy: Policy,
  counts: AttendanceCounts,
  docs: DocIndex,
  lookups: PolicyLookups,
  state: State,
): StepDecision {
  const flags: StatusFlag[] = [];
  const messages: string[] = [];
  const floor = state.floor;
  const since: Partial<Record<StepNumber, DayKey>> = { ...state.since };
  const basisDate = state.basis?.date ?? '';
  const basisStep = state.basis?.step ?? 0;
  const thresholdOf = (k: number): number =>
    k === 0 ? 0 : (lookups.thresholds.find((t) => t.step === k)?.threshold ?? Infinity);
  const baseCount = thresholdOf(basisStep);
  const after = basisDate === '' ? counts.unexcusedDates : counts.unexcusedDates.filter((d) => d > basisDate);
  const earliest = (s: StepNumber, day: DayKey): void => {
    const cur = since[s];
    if (cur === undefined || day < cur) since[s] = day;
  };
  const p: Partial_ = { floor, computed: 0, since, flags, messages, consumedThrough: basisDate };

  for (const { step, threshold, gate } of lookups.thresholds) {
    if (step <= basisStep) continue;
    const reachedOn = after[Math.max(1, threshold - baseCount) - 1];
    if (reachedOn === undefined) continue;
    if (!gate) {
      p.computed = step;
      earliest(step, reachedOn);
      continue;
    }
    // The gate is checked only from the day the step below began; without that day it is unmet.
    const prevSince = since[(step - 1) as StepNumber];
    const result =
      prevSince === undefined
        ? { completedOn: null, missing: [`step ${step - 1} first (the day it began is unknown)`] }
        : checkGate(policy, gate, docs, prevSince, lookups);
    if (result.completedOn !== null) {
      p.computed = step;
      earliest(step, result.completedOn > reachedOn ? result.completedOn : reachedOn);
    } else if (Math.max(floor, p.computed) < step) {
      flags.push('escalationBlocked');
      p.blocked = { targetStep: step, missing: result.missing };
      messages.push(`Escalation to step ${step} blocked; missing: ${result.missing.join('; ')}.`);
      break;
    }
  }
  return finish(policy, lookups, docs, p);
}

interface Partial_ {
  floor: StepNumber;
  computed: StepNumber;
  since: Partial<Record<StepNumber, DayKey>>;
  flags: StatusFlag[];
  messages: string[];
  blocked?: BlockedEscalation;
  consumedThrough: DayKey;
}

function finish(policy: Policy, lookups: PolicyLookups, docs: DocIndex, p: Partial_): StepDecision {
  let step = (p.floor > p.computed ? p.floor : p.computed) as StepNumber;
  if (p.floor > p.computed) p.flags.push('stepKept');

  // Court: only a done decision entry by a decider, at step 4, once step 5's gate (the district's efforts) holds.
  for (const e of docs.entries) {
    if (step === 5 || !isDone(lookups, e, policy.courtDecisionType)) continue;
    if (e.date <= p.consumedThrough) continue;
    const why = courtDecisionIgnoredBecause(policy, lookups, docs, e, step, p.since[4]);
    if (why === null) {
      step = 5;
      p.since[5] = e.date;
    } else {
      p.flags.push('courtDecisionIgnored');
      p.messages.push(`Court decision of ${e.date} ignored: ${why}.`);
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
  const decision: StepDecision = {
    step,
    since: step > 0 ? (p.since[step] ?? null) : null,
    stepSince: p.since,
    highestStep: step,
    flags: p.flags,
    messages: p.messages,
  };
  if (p.blocked && step < p.blocked.targetStep) decision.blocked = p.blocked;
  else if (p.blocked) {
    decision.flags = p.flags.filter((f) => f !== 'escalationBlocked');
    decision.messages = p.messages.filter((m) => !m.startsWith('Escalation to step'));
  }
  return decision;
}
