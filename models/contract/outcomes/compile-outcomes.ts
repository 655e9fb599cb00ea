import type { InputSlots } from '../../simulation/input-slots.js';
import type { Outcome } from './outcome-schema.js';

export interface OutcomePlan {
  id: string;
  label: string;
  eligibleShare: number;
  programmeRate: number;
  counterfactualRate: number;
}

/** Parameter slots of each outcome's rates (its values become budget lines in the budget-holder plan). */
export function compileOutcomes(outcomes: Outcome[], slots: InputSlots): OutcomePlan[] {
  const ids = new Set<string>();
  return outcomes.map((outcome, i) => {
    if (ids.has(outcome.id)) slots.problems.push({ path: ['outcomes', i, 'id'], message: `duplicate outcome id '${outcome.id}'` });
    ids.add(outcome.id);
    return {
      id: outcome.id,
      label: outcome.label ?? outcome.id,
      eligibleShare: slots.add(outcome.eligibleShare, ['outcomes', i, 'eligibleShare'], 'probability'),
      programmeRate: slots.add(outcome.programme.monthlyRate, ['outcomes', i, 'programme', 'monthlyRate'], 'probability'),
      counterfactualRate: slots.add(outcome.counterfactual.monthlyRate, ['outcomes', i, 'counterfactual', 'monthlyRate'], 'probability'),
    };
  });
}
