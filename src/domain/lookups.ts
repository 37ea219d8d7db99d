// Per-evaluation memo of the policy questions every student asks: outcome done?, type key, type label, thresholds.

import { countThresholds, outcomeIsDone, stepDefinition } from './policy';
import type { Policy, StepGate } from './types';
import { ANY_DOCUMENTATION } from './types';

/** Key of a documentation type in DocIndex.doneDates: trimmed, lower case; ANY_DOCUMENTATION as is. */
export function docTypeKey(type: string): string {
  return type === ANY_DOCUMENTATION ? type : type.trim().toLowerCase();
}

/** Human-readable label of a documentation type. */
export function docLabel(policy: Policy, type: string): string {
  const t = type.trim().toLowerCase();
  return policy.documentationTypes.find((d) => d.type.trim().toLowerCase() === t)?.label ?? type;
}

/** A count-driven step, its threshold and its documentation gate (if any), in step order. */
export interface ThresholdStep {
  step: 1 | 2 | 3 | 4;
  threshold: number;
  gate: StepGate | undefined;
}

/**
 * Answers derived from one policy, memoised per distinct text. Build one per evaluateCampus (a
 * policy may be edited between evaluations) and share it between students: a campus has thousands
 * of Documentation rows but only a few distinct types and outcomes.
 */
export interface PolicyLookups {
  isDone(outcome: string): boolean;
  typeKey(type: string): string;
  label(type: string): string;
  thresholds: readonly ThresholdStep[];
  /** Step 5's gate: what step 4 must document before a court decision counts. */
  courtGate: StepGate | undefined;
}

function memo(compute: (text: string) => string): (text: string) => string;
function memo(compute: (text: string) => boolean): (text: string) => boolean;
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = compute(text);
      cache.set(text, v);
    }
    return v;
  };
}

export function policyLookups(policy: Policy): PolicyLookups {
  return {
    isDone: memo((outcome) => outcomeIsDone(policy, outcome)),
    typeKey: memo(docTypeKey),
    label: memo((type) => docLabel(policy, type)),
    thresholds: countThresholds(policy).map((t) => ({ ...t, gate: stepDefinition(policy, t.step)?.gate })),
    courtGate: stepDefinition(policy, 5)?.gate,
  };
}
