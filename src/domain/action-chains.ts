// The policy's actions as chains: an action repeated at higher steps is one chain, due once, owned by the step in force.

import { docTypeKey } from './doc-index';
import type { DayKey, Policy, StepAction, StepGate, StepNumber } from './types';

/** A step's action as one link of a chain. */
export interface ChainLink {
  step: StepNumber;
  action: StepAction;
  /** Position of the action in the policy (steps in order, then each step's actions in order). */
  rank: number;
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
  let rank = 0;
  for (const def of [...policy.steps].sort((a, b) => a.step - b.step)) {
    for (const action of def.actions) {
      const typeKey = docTypeKey(action.docType);
      const key = `${action.cadence}|${typeKey}`;
      const chain = byKey.get(key) ?? { cadence: action.cadence, typeKey, links: [] };
      chain.links.push({ step: def.step, action, rank: rank++ });
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
export function linkInForce(
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

/**
 * The gate whose follow-up a 'once' chain documents and that is still ahead of the student (its step
 * above `step`, the step below it begun): that follow-up is done only when the gate itself holds.
 */
export function pendingGate(
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
