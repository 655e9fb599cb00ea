import { ContractSchema, type ContractInput, evaluateContractExpected, type ContractEvaluation } from '../../models/contract/index.js';

/**
 * The smallest contract the closed forms in these tests describe: one cohort of `participants`
 * at month 0, one full-time profile, no other exits, no fall-back, one job-start trigger, no
 * caps, no discounting, no costs. Tests override what they study.
 */
export function simpleContract(overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    name: 'closed form',
    startMonth: '2026-01',
    horizonMonths: 24,
    programmeMonths: 24,
    intake: { cohorts: [{ month: 0, count: 100 }] },
    profiles: [
      {
        id: 'single',
        share: 1,
        monthlyBenefit: 1_000,
        administrationCostPerYear: 1_200,
        programme: { monthlyJobEntryRate: 0.1, monthlyOtherExitRate: 0 },
        counterfactual: { monthlyJobEntryRate: 0.05, monthlyOtherExitRate: 0 },
      },
    ],
    work: { fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: 0 }] },
    payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1_000 }] },
    money: { discountRate: 0 },
    ...overrides,
  };
}

export function evaluate(input: ContractInput): ContractEvaluation {
  const contract = ContractSchema.parse(input);
  const result = evaluateContractExpected(contract);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

export const total = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Sum of x^t for t = 0 .. n-1 (geometric series). */
export const geometricSum = (x: number, n: number): number => (x === 1 ? n : (1 - Math.pow(x, n)) / (1 - x));
