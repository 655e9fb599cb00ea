import type { ContractPlan } from '../contract/compile-contract.js';
import type { ObservedState } from '../contract/observed-state.js';

/**
 * Persons at risk in each observed month, from the persons rebuilt from the actuals: what the
 * likelihood conditions on. At the start of month t (before that month's moves, in the order of
 * `population.ts`):
 * - waiting within the programme months: taken in before t, not yet left, with spell step
 *   t - intake - 1 below `programmeMonths` (they start work with the programme rate);
 * - waiting after the programme months (they start work with the counterfactual rate);
 * - in work, by fall-back hazard band of the step t - 1 - start (they fall back with its rate).
 * Arrays per profile and month at `p * months + t`; bands at `(p * months + t) * bands + b`.
 */
export interface PersonsAtRisk {
  months: number;
  profiles: number;
  bands: number;
  waitingInProgramme: Float64Array;
  waitingAfterProgramme: Float64Array;
  inWorkByBand: Float64Array;
}

export function personsAtRisk(plan: ContractPlan, state: ObservedState): PersonsAtRisk {
  const M = state.months;
  const P = plan.profiles.length;
  const B = plan.hazardBandStarts.length;
  const A = plan.programmeMonths;
  const waitingInProgramme = new Float64Array(P * M);
  const waitingAfterProgramme = new Float64Array(P * M);
  const inWorkByBand = new Float64Array(P * M * B);
  const persons = state.persons;
  for (let i = 0; i < persons.count; i++) {
    const p = persons.profile[i];
    const intake = persons.intakeMonth[i];
    const start = persons.startMonth[i];
    const other = persons.otherExitMonth[i];
    const leftWaiting = start >= 0 ? start : other >= 0 ? other : M;
    for (let t = intake + 1; t <= leftWaiting && t < M; t++) {
      if (t - intake - 1 < A) waitingInProgramme[p * M + t] += 1;
      else waitingAfterProgramme[p * M + t] += 1;
    }
    if (start < 0) continue;
    const end = persons.fallMonth[i] >= 0 ? persons.fallMonth[i] : M - 1;
    for (let t = start + 1; t <= end && t < M; t++) {
      const step = t - 1 - start;
      let band = 0;
      while (band + 1 < B && plan.hazardBandStarts[band + 1] <= step) band++;
      inWorkByBand[(p * M + t) * B + band] += 1;
    }
  }
  return { months: M, profiles: P, bands: B, waitingInProgramme, waitingAfterProgramme, inWorkByBand };
}
