import { ContractSchema, type Contract } from '../models/contract/index.js';
import { rotterdamPrestatiecontractWerk } from '../scenarios/rotterdam-prestatiecontract-werk.js';

/**
 * The benchmark contract named in the issues: 200 participants (10 a month for 20 months) over a
 * 60-month horizon, three profiles, fall-back bands, LKS, a rate card, caps. It is the Rotterdam
 * preset with its intake cut to 200 and a job-start trigger added.
 */
export function benchContract(): Contract {
  const preset = rotterdamPrestatiecontractWerk.contract;
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
