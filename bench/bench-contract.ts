import { ContractSchema, type Contract } from '../models/contract/index.js';
import { ROTTERDAM_PRESET_BEFORE_ISSUE_14 } from './bench-base-contract.js';

/**
 * The benchmark contract named in the issues: 200 participants (10 a month for 20 months) over a
 * 60-month horizon, three profiles, fall-back bands, LKS, a rate card, caps. It is the Rotterdam
 * preset (as frozen before issue 14, all plain numbers) with its intake cut to 200 and a job-start
 * trigger added.
 */
export function benchContract(): Contract {
  const preset = ROTTERDAM_PRESET_BEFORE_ISSUE_14;
  return ContractSchema.parse({
    ...preset,
    horizonMonths: 60,
    intake: { cohorts: Array.from({ length: 20 }, (_, month) => ({ month, count: 10 })) },
    payment: {
      ...preset.payment,
      triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }, ...preset.payment.triggers],
    },
  });
}

/**
 * The bench contract with ten uncertain inputs (the "ten uncertain inputs" of the issues): the
 * three programme job-entry rates, both fall-back bands, the single benefit level, part-time and
 * LKS shares, the provider's cost per participant-month and the job-start price.
 */
export function benchContractWithTenUncertainInputs(): Contract {
  const c = benchContract();
  const spread = (value: number, relative: number) => ({ type: 'pert' as const, min: value * (1 - relative), mode: value, max: value * (1 + relative), lambda: 4 });
  const asNumber = (value: unknown): number => {
    if (typeof value !== 'number') throw new Error('bench contract expects plain numbers');
    return value;
  };
  for (const profile of c.profiles) profile.programme.monthlyJobEntryRate = spread(asNumber(profile.programme.monthlyJobEntryRate), 0.4);
  for (const band of c.work.fallbackHazard) band.monthlyRate = spread(asNumber(band.monthlyRate), 0.5);
  c.profiles[0].monthlyBenefit = spread(asNumber(c.profiles[0].monthlyBenefit), 0.1);
  c.work.partTimeShare = spread(asNumber(c.work.partTimeShare), 0.3);
  c.work.lksShare = spread(asNumber(c.work.lksShare), 0.3);
  c.provider.costPerParticipantMonth = spread(asNumber(c.provider.costPerParticipantMonth), 0.25);
  const start = c.payment.triggers[0];
  if (start.kind === 'jobStart') start.price = spread(asNumber(start.price), 0.2);
  return c;
}
