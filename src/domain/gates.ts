// Documentation gates: what must be documented before step 4 begins and before a court decision counts.

import type { DocIndex } from './doc-index';
import { firstOnOrAfter } from './doc-index';
import type { PolicyLookups } from './lookups';
import { policyLookups } from './lookups';
import type { DayKey, DocumentationEntry, Policy, StepGate, StepNumber } from './types';

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

/**
 * Why a court decision does not count, or null when it does. It counts when made by a decider role,
 * while the student is at step 4, and on or after the day step 5's gate was met by documentation
 * made since step 4 began (court comes "after all campus- and district-based interventions have been
 * implemented and failed"). Every further condition on a decision belongs here.
 */
export function courtDecisionIgnoredBecause(
  policy: Policy,
  lookups: PolicyLookups,
  docs: DocIndex,
  e: DocumentationEntry,
  step: StepNumber,
  step4Since: DayKey | undefined,
): string | null {
  if (!e.verified)
    return (
      'it was typed in the Documentation tab, and typed rows cannot set a step (a district specialist uses ' +
      'Attendance → Court referral decision…)'
    );
  if (e.role === '' || !policy.courtDeciderRoles.includes(e.role))
    return 'it was not made by a district specialist';
  if (step < 4 || step4Since === undefined || e.date < step4Since)
    return 'the student was not at step 4 on that day';
  const gate = lookups.courtGate;
  if (!gate) return null;
  const result = checkGate(policy, gate, docs, step4Since, lookups);
  if (result.completedOn === null)
    return `the step-4 efforts are not documented; missing: ${result.missing.join('; ')}`;
  if (e.date < result.completedOn)
    return `it was made before the step-4 efforts were documented (complete on ${result.completedOn}); enter the decision again`;
  return null;
}
