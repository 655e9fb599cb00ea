import { readFileSync } from 'node:fs';
import { benchContract, benchContractWithTenUncertainInputs } from '../../bench/bench-contract.js';
import {
  ContractSchema,
  createContractModel,
  evaluateContractExpected,
  type Contract,
  type ContractInput,
} from '../../models/contract/index.js';
import { seriesLength } from '../../models/simulation/model.js';

/** The three presets as they were when fixtures/expected-outputs.json was written (plain numbers). */
const frozenPresetContracts = JSON.parse(
  readFileSync(new URL('./fixtures/preset-contracts-before-issue-14.json', import.meta.url), 'utf8'),
) as Record<string, ContractInput>;

/**
 * The contracts whose expected-rate outputs pin the contract kernel (see kernel-regression.test.ts).
 * `scripts/generate-kernel-fixture.ts` writes what the kernel gives for them to
 * `fixtures/expected-outputs.json`; the test compares the kernel of the day with that file.
 */

/**
 * Every kernel path the bench contract and the presets leave out: per-participant triggers
 * restricted to one work type, per-month payments under a per-participant cap (the whole horizon
 * is tracked as tenure), a threshold on sustained work, a custom rule, a payer guarantee,
 * indexation, a start delay and a July start.
 */
const everyKernelPath: ContractInput = {
  name: 'every kernel path',
  startMonth: '2026-07',
  horizonMonths: 48,
  programmeMonths: 9,
  intake: { cohorts: [{ month: 0, count: 30 }, { month: 3, count: 25 }, { month: 10, count: 18 }], delayMonths: 1 },
  profiles: [
    {
      id: 'kort',
      share: 0.6,
      monthlyBenefit: 1_283.83,
      monthsOnBenefitBeforeIntake: 6,
      programme: { monthlyJobEntryRate: 0.08, monthlyOtherExitRate: 0.01 },
      counterfactual: { monthlyJobEntryRate: 0.03, monthlyOtherExitRate: 0.01 },
    },
    {
      id: 'lang',
      share: 0.4,
      monthlyBenefit: 1_834.04,
      monthsOnBenefitBeforeIntake: 48,
      administrationCostPerYear: 3_100,
      programme: { monthlyJobEntryRate: 0.05, monthlyOtherExitRate: 0.004 },
      counterfactual: { monthlyJobEntryRate: 0.015, monthlyOtherExitRate: 0.004 },
    },
  ],
  work: {
    partTimeShare: 0.4,
    partTimeBenefitShare: 0.45,
    lksShare: 0.25,
    lksMonthlyAmount: 900,
    fallbackHazard: [
      { fromMonthsInWork: 0, monthlyRate: 0.04 },
      { fromMonthsInWork: 3, monthlyRate: 0.025 },
      { fromMonthsInWork: 9, monthlyRate: 0.01 },
    ],
  },
  counterfactual: { method: 'rates' },
  payment: {
    triggers: [
      { id: 'startDeeltijd', kind: 'jobStart', price: 400, workType: 'partTime' },
      { id: 'zesVoltijd', kind: 'sustained', months: 6, price: { bands: [{ minMonthsOnBenefit: 0, price: 1_500 }, { minMonthsOnBenefit: 24, price: 2_500 }] }, workType: 'fullTime', lagMonths: 2 },
      { id: 'perMaand', kind: 'perMonthOffBenefit', price: 150, basis: 'gross', payee: 'investor' },
      { id: 'perMaandExtra', kind: 'perMonthOffBenefit', price: 60, basis: 'attributable', lagMonths: 1 },
      { id: 'regel', kind: 'custom', expression: 'min(2000, 0.1 * savingsAttributable + 50 * sustained12)' },
      { id: 'aandeel', kind: 'shareOfSavings', share: 0.05, basis: 'gross' },
    ],
    caps: { perParticipant: 3_000, perYear: 90_000, total: 250_000, carryForwardYearly: true },
    threshold: { minimumImprovement: 0.2, metric: 'sustained', months: 12, assessFromMonth: 6 },
  },
  payer: { ownCostsOneOff: 10_000, ownCostsPerMonth: 500 },
  provider: { costPerParticipantMonth: 250, costPerPlacement: 300, fixedCostPerMonth: 1_000 },
  investor: { commitment: 150_000, financedShare: 0.8, returnCap: 0.1, hurdleRate: 0.06, firstLossGuarantee: { amount: 40_000, guarantor: 'payer' } },
  money: { discountRate: 0.03, benefitIndexation: 0.02, priceIndexation: 0.015, costIndexation: 0.025 },
};

/** Per-month payments without a per-participant cap (paid at every tenure of a short tenure range), a threshold on benefit months. */
const perMonthWithoutCap: ContractInput = {
  name: 'per month without cap',
  startMonth: '2026-03',
  horizonMonths: 30,
  programmeMonths: 12,
  intake: { cohorts: [{ month: 0, count: 40 }, { month: 2, count: 40 }] },
  profiles: [
    {
      id: 'enig',
      share: 1,
      monthlyBenefit: 1_300,
      programme: { monthlyJobEntryRate: 0.12, monthlyOtherExitRate: 0.02 },
      counterfactual: { monthlyJobEntryRate: 0.04, monthlyOtherExitRate: 0.02 },
    },
  ],
  work: { partTimeShare: 0.3, partTimeBenefitShare: 0.6, fallbackHazard: [{ fromMonthsInWork: 0, monthlyRate: 0.05 }, { fromMonthsInWork: 4, monthlyRate: 0.02 }] },
  counterfactual: { method: 'rates' },
  payment: {
    triggers: [
      { id: 'perMaand', kind: 'perMonthOffBenefit', price: 200 },
      { id: 'twaalf', kind: 'sustained', months: 12, price: 1_000 },
    ],
    threshold: { minimumImprovement: 0.5, metric: 'benefitMonthsSaved' },
  },
  provider: { costPerParticipantMonth: 150 },
};

export interface ExpectedCase {
  name: string;
  contract: Contract;
}

/** Contracts evaluated once at their base inputs. */
export function expectedCases(): ExpectedCase[] {
  return [
    { name: 'bench contract', contract: benchContract() },
    // The presets as the fixture was written from them: issue 14 turned their estimates into
    // distributions (new base values), which is a change of scenario, not of kernel.
    ...Object.entries(frozenPresetContracts).map(([id, contract]) => ({ name: `preset ${id}`, contract: ContractSchema.parse(contract) })),
    { name: 'every kernel path', contract: ContractSchema.parse(everyKernelPath) },
    { name: 'per month without cap', contract: ContractSchema.parse(perMonthWithoutCap) },
  ];
}

/**
 * Input vectors for the ten-uncertain-input bench contract, evaluated one after the other on one
 * workspace (so that anything a kernel keeps between calls is exercised). Vector j sets uncertain
 * input i to base x (1 + 0.3 sin(1 + i + 3j)); the last vector also pushes the first job-entry rate
 * above 1 and the first fall-back rate below 0, which the kernel clamps.
 */
export const SEQUENCE_VECTORS = 6;

export function sequenceParams(): Float64Array[] {
  const built = createContractModel(benchContractWithTenUncertainInputs());
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const inputs = built.value.inputs;
  const uncertain = inputs.flatMap((input, index) => (input.distribution !== null ? [index] : []));
  const vectors: Float64Array[] = [];
  for (let j = 0; j < SEQUENCE_VECTORS; j++) {
    const params = Float64Array.from(inputs, (input) => input.base);
    uncertain.forEach((index, i) => (params[index] = inputs[index].base * (1 + 0.3 * Math.sin(1 + i + 3 * j))));
    vectors.push(params);
  }
  // Repeat the first vector after the others: a kernel that caches must notice the change back.
  vectors.push(vectors[0].slice());
  const last = vectors[vectors.length - 2];
  last[inputs.findIndex((input) => input.path === 'profiles[0].programme.monthlyJobEntryRate')] = 1.2;
  last[inputs.findIndex((input) => input.path === 'work.fallbackHazard[0].monthlyRate')] = -0.1;
  return vectors;
}

export interface CaseOutputs {
  summary: Record<string, number | null>;
  yearly: Record<string, number[]>;
  monthly: Record<string, number[]>;
  paymentsDueByTrigger: Record<string, number[]>;
}

export function expectedOutputs(contract: Contract): CaseOutputs {
  const result = evaluateContractExpected(contract);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const { summary, yearly, monthly, paymentsDueByTrigger } = result.value;
  return { summary, yearly, monthly, paymentsDueByTrigger: Object.fromEntries(paymentsDueByTrigger.map((t) => [t.trigger, t.monthly])) };
}

export interface SequenceOutputs {
  scalars: (number | null)[];
  series: (number | null)[];
}

/** The scalar and series outputs of each sequence vector, evaluated in order on one workspace. */
export function sequenceOutputs(): SequenceOutputs[] {
  const built = createContractModel(benchContractWithTenUncertainInputs());
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const model = built.value;
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return sequenceParams().map((params) => {
    model.evaluate(params, ws, null, scalars, series);
    return { scalars: Array.from(scalars, finiteOrNull), series: Array.from(series, finiteOrNull) };
  });
}

export interface KernelFixture {
  note: string;
  cases: Record<string, CaseOutputs>;
  sequence: SequenceOutputs[];
}
