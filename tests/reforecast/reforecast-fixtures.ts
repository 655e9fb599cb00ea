import { ContractSchema, type Contract, type ContractInput } from '../../models/contract/index.js';
import { ActualsSchema, type Actuals } from '../../models/actuals/index.js';
import type { ActualsInput } from '../../models/actuals/actuals-schema.js';

/**
 * A one-profile contract whose only uncertain rate is the programme's job-entry rate with a
 * Beta(alpha, beta) prior: every other rate fixed, no other exits, a programme longer than the
 * observed months, so the job starts are binomial given the persons waiting and the posterior is
 * Beta(alpha + starts, beta + persons waiting who did not start) in closed form.
 */
export function conjugateContract(alpha: number, beta: number, participants = 200): Contract {
  const input: ContractInput = {
    name: 'Conjugate pilot',
    startMonth: '2026-01',
    horizonMonths: 36,
    programmeMonths: 30,
    intake: { cohorts: [{ month: 0, count: participants }] },
    profiles: [
      {
        id: 'all',
        share: 1,
        monthlyBenefit: 1300,
        programme: { monthlyJobEntryRate: { type: 'beta', alpha, beta }, monthlyOtherExitRate: 0 },
        counterfactual: { monthlyJobEntryRate: 0.01, monthlyOtherExitRate: 0 },
      },
    ],
    work: { fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: 0.02 }] },
    payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 3000 }], caps: { perYear: 200_000 } },
  };
  return ContractSchema.parse(input);
}

/** Monthly job starts of the conjugate pilot's actuals (200 taken in at month 0, none leave otherwise). */
export const CONJUGATE_STARTS = [0, 9, 12, 8, 10, 7, 9, 6, 8, 5, 7, 6];
export const CONJUGATE_FALLBACKS = [0, 0, 0, 1, 0, 1, 0, 0, 2, 0, 1, 0];

export function conjugateActuals(participants = 200, price = 3000): Actuals {
  let inWork = 0;
  const months = CONJUGATE_STARTS.map((jobStarts, month) => {
    inWork += jobStarts - CONJUGATE_FALLBACKS[month];
    return { month, intake: month === 0 ? participants : 0, jobStarts, fallbacks: CONJUGATE_FALLBACKS[month], inWork, payments: jobStarts * price };
  });
  return ActualsSchema.parse({ asOfMonth: CONJUGATE_STARTS.length - 1, months } satisfies ActualsInput);
}

/** Starts and non-starts among those waiting, month by month: the Beta posterior's increments. */
export function conjugateCounts(participants = 200): { starts: number; nonStarts: number } {
  let waiting = 0;
  let starts = 0;
  let nonStarts = 0;
  CONJUGATE_STARTS.forEach((s, month) => {
    starts += s;
    nonStarts += waiting - s;
    waiting -= s;
    if (month === 0) waiting += participants;
  });
  return { starts, nonStarts };
}
