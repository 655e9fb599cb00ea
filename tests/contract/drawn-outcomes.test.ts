import { describe, expect, it } from 'vitest';
import { benchContract } from '../../bench/bench-contract.js';
import {
  CONTRACT_SCALAR_OUTPUTS,
  CONTRACT_SERIES_OUTPUTS,
  ContractSchema,
  createContractModel,
  type Contract,
  type ContractInput,
  type ContractModel,
} from '../../models/contract/index.js';
import { accumulateLogStay, firstEventStep, logStayOf } from '../../models/contract/first-event-step.js';
import { drawsByPerson } from '../../models/contract/population.js';
import { createRng } from '../../models/random/index.js';
import { seriesLength } from '../../models/simulation/model.js';

/**
 * Drawn persons must be right on average: the mean over many drawn evaluations equals the
 * expected-rate evaluation, for both drawn kernels (person by person for small intakes, binomial
 * draws per state for large ones).
 *
 * Tolerance, from the binomial variance. Each count checked here (job starts, counterfactual job
 * starts, completing 6 / 12 / 24 months in work, fall-backs, job starts in one calendar year) adds
 * at most 1 per participant: a participant starts work at most once (nobody re-enters after
 * falling back), completes each milestone at most once and falls back at most once. Participants
 * are independent (the split of a cohort over profiles is multinomial, so each person's profile is
 * an independent draw too), so a count X is a sum of independent Bernoulli(pi_i) with mean
 * mu = sum pi_i, the expected-rate value, and Var X = sum pi_i (1 - pi_i) <= mu. The mean of R
 * independent evaluations has sd <= sqrt(mu / R); we accept |mean - mu| <= 5 sqrt(mu / R) (a
 * false alarm has a chance below 1e-6 per check). An amount due to a trigger is a sum over
 * independent participants of what each is owed, X_i in [0, c] with c the most one person can be
 * owed, so Var X <= sum E[X_i^2] <= c mu and the bound is 5 sqrt(c mu / R).
 * Cohort sizes are whole numbers (the schema refuses fractions), so the drawn intake equals the expected one.
 */
const SIGMAS = 5;

interface Checked {
  name: string;
  expected: number;
  mean: number;
  tolerance: number;
}

function build(contract: Contract): ContractModel {
  const built = createContractModel(contract);
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

const scalarIndex = (name: string) => CONTRACT_SCALAR_OUTPUTS.findIndex(([n]) => n === name);
const PERSON_COUNTS = ['placements', 'placementsCounterfactual', 'sustained6', 'sustained12', 'sustained24', 'fallbacks'];

/**
 * Means of R drawn evaluations against the expected-rate values: the person counts above, job
 * starts per calendar year, and the amount due to each trigger (with `maxOwedPerPerson` per trigger id).
 */
function compareWithExpected(contract: Contract, evaluations: number, seed: number, maxOwedPerPerson: Record<string, number>): Checked[] {
  const model = build(contract);
  const params = Float64Array.from(model.inputs, (input) => input.base);
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const years = model.plan.calendar.yearLabels.length;
  const yearlyPlacements = CONTRACT_SERIES_OUTPUTS.findIndex(([n]) => n === 'yearlyPlacements') * years;
  const H = model.plan.horizon;
  const triggers = model.plan.triggers;

  const snapshot = (): number[] => [
    ...PERSON_COUNTS.map((name) => scalars[scalarIndex(name)]),
    ...Array.from({ length: years }, (_, y) => series[yearlyPlacements + y]),
    ...triggers.map((_, trigger) => ws.dueByTrigger.subarray(trigger * H, (trigger + 1) * H).reduce((a, b) => a + b, 0)),
  ];
  model.evaluate(params, ws, null, scalars, series);
  const expected = snapshot();
  const sums = new Array<number>(expected.length).fill(0);
  const rng = createRng(seed, 0);
  for (let r = 0; r < evaluations; r++) {
    model.evaluate(params, ws, rng, scalars, series);
    snapshot().forEach((value, i) => (sums[i] += value));
  }
  const names = [...PERSON_COUNTS, ...model.plan.calendar.yearLabels.map((y) => `placements in ${y}`), ...triggers.map((t) => `due to ${t.id}`)];
  return names.map((name, i) => {
    const trigger = i - PERSON_COUNTS.length - years;
    const perPerson = trigger >= 0 ? maxOwedPerPerson[triggers[trigger].id] : 1;
    return { name, expected: expected[i], mean: sums[i] / evaluations, tolerance: SIGMAS * Math.sqrt((perPerson * Math.max(expected[i], 0)) / evaluations) };
  });
}

const outside = (checks: Checked[]) => checks.filter((c) => !(Math.abs(c.mean - c.expected) <= c.tolerance));

/** Whole-person cohorts, two profiles, every per-participant payment kind, part-time and LKS work, three hazard bands. */
function typesAndPerMonthPayments(scale: number): Contract {
  const input: ContractInput = {
    name: 'drawn persons',
    horizonMonths: 36,
    programmeMonths: 9,
    intake: { cohorts: [{ month: 0, count: 30 * scale }, { month: 4, count: 25 * scale }, { month: 10, count: 18 * scale }] },
    profiles: [
      {
        id: 'kort',
        share: 0.6,
        monthlyBenefit: 1_283.83,
        programme: { monthlyJobEntryRate: 0.08, monthlyOtherExitRate: 0.01 },
        counterfactual: { monthlyJobEntryRate: 0.03, monthlyOtherExitRate: 0.01 },
      },
      {
        id: 'lang',
        share: 0.4,
        monthlyBenefit: 1_834.04,
        programme: { monthlyJobEntryRate: 0.05, monthlyOtherExitRate: 0.004 },
        counterfactual: { monthlyJobEntryRate: 0.015, monthlyOtherExitRate: 0.02 },
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
    payment: {
      triggers: [
        { id: 'startDeeltijd', kind: 'jobStart', price: 400, workType: 'partTime' },
        { id: 'zesVoltijd', kind: 'sustained', months: 6, price: 1_500, workType: 'fullTime' },
        { id: 'perMaand', kind: 'perMonthOffBenefit', price: 150 },
      ],
      caps: { perParticipant: 3_000 },
    },
  };
  return ContractSchema.parse(input);
}

describe('drawn persons are right on average', () => {
  it('person by person: the bench contract (200 participants)', () => {
    const contract = benchContract();
    const plan = build(contract).plan;
    expect(drawsByPerson(plan, 200)).toBe(true);
    // Job start pays 1,000; twelve months in work at most 10,000 (the highest band).
    const checks = compareWithExpected(contract, 2_000, 101, { start: 1_000, twaalfMaandenWerk: 10_000 });
    expect(outside(checks)).toEqual([]);
    expect(checks.find((c) => c.name === 'sustained12')!.expected).toBeGreaterThan(10);
  });

  it('person by person: work types, per-month payments under a per-participant cap', () => {
    const contract = typesAndPerMonthPayments(1);
    expect(drawsByPerson(build(contract).plan, 73)).toBe(true);
    const checks = compareWithExpected(contract, 3_000, 202, { startDeeltijd: 400, zesVoltijd: 1_500, perMaand: 3_000 });
    expect(outside(checks)).toEqual([]);
  });

  it('by state: the same contract with 200 times the intake', () => {
    const contract = typesAndPerMonthPayments(200);
    expect(drawsByPerson(build(contract).plan, 0.4 * 73 * 200)).toBe(false);
    const checks = compareWithExpected(contract, 200, 303, { startDeeltijd: 400, zesVoltijd: 1_500, perMaand: 3_000 });
    expect(outside(checks)).toEqual([]);
  });

  it('draws whole persons: every count is an integer', () => {
    const model = build(benchContract());
    const params = Float64Array.from(model.inputs, (input) => input.base);
    const ws = model.createWorkspace();
    const scalars = new Float64Array(model.scalarOutputs.length);
    const series = new Float64Array(seriesLength(model));
    model.evaluate(params, ws, createRng(5, 0), scalars, series);
    for (const name of [...PERSON_COUNTS, 'participants']) expect(Number.isInteger(scalars[scalarIndex(name)])).toBe(true);
    for (const t of ws.programme.inWorkFullTime) expect(Number.isInteger(t)).toBe(true);
    for (const t of ws.programme.onBenefit) expect(Number.isInteger(t)).toBe(true);
  });
});

/**
 * One cohort whose rates change sharply at every boundary the kernels handle: the end of the
 * programme (job entry 30% a month for 3 months, then none and 30% other exits), and the hazard
 * bands (40% a month in the first 2 months of work, 5% after). A month too early or too late at any
 * boundary moves many persons.
 */
function sharpBoundaries(scale: number): Contract {
  return ContractSchema.parse({
    name: 'sharp boundaries',
    horizonMonths: 14,
    programmeMonths: 3,
    intake: { cohorts: [{ month: 1, count: 60 * scale }] },
    profiles: [
      {
        id: 'enig',
        share: 1,
        monthlyBenefit: 1_000,
        programme: { monthlyJobEntryRate: 0.3, monthlyOtherExitRate: 0.05 },
        counterfactual: { monthlyJobEntryRate: 0, monthlyOtherExitRate: 0.3 },
      },
    ],
    work: {
      partTimeShare: 0.5,
      lksShare: 0.3,
      fallbackHazard: [
        { fromMonthsInWork: 0, monthlyRate: 0.4 },
        { fromMonthsInWork: 2, monthlyRate: 0.05 },
      ],
    },
    payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 1 }] },
  } satisfies ContractInput);
}

/**
 * Month by month: each of these monthly series counts a participant at most once per month
 * (on benefit, in work of a kind, starting work, falling back, leaving for other reasons), so the
 * same bound holds month by month, and a month with expected value 0 must have none drawn.
 */
function compareMonthByMonth(contract: Contract, evaluations: number, seed: number): Checked[] {
  const model = build(contract);
  const params = Float64Array.from(model.inputs, (input) => input.base);
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const names = ['onBenefit', 'placements', 'inWorkFullTime', 'inWorkPartTime', 'inWorkWithLks', 'fallbacks', 'otherExits'] as const;
  const worlds = ['programme', 'counterfactual'] as const;
  const snapshot = (): number[] => worlds.flatMap((world) => names.flatMap((name) => Array.from(ws[world][name])));
  model.evaluate(params, ws, null, scalars, series);
  const expected = snapshot();
  const sums = new Array<number>(expected.length).fill(0);
  const rng = createRng(seed, 0);
  for (let r = 0; r < evaluations; r++) {
    model.evaluate(params, ws, rng, scalars, series);
    snapshot().forEach((value, i) => (sums[i] += value));
  }
  const H = model.plan.horizon;
  return expected.map((value, i) => ({
    name: `${worlds[Math.floor(i / (names.length * H))]} ${names[Math.floor(i / H) % names.length]}[${i % H}]`,
    expected: value,
    mean: sums[i] / evaluations,
    tolerance: SIGMAS * Math.sqrt(Math.max(value, 0) / evaluations) + 1e-9 * Math.abs(value),
  }));
}

describe('drawn persons follow the monthly timing', () => {
  it('person by person: entry, programme end and hazard bands fall in the right months', () => {
    const contract = sharpBoundaries(1);
    expect(drawsByPerson(build(contract).plan, 60)).toBe(true);
    expect(outside(compareMonthByMonth(contract, 4_000, 606))).toEqual([]);
  });

  it('by state: the same with 100 times the cohort', () => {
    const contract = sharpBoundaries(100);
    expect(drawsByPerson(build(contract).plan, 6_000)).toBe(false);
    expect(outside(compareMonthByMonth(contract, 400, 707))).toEqual([]);
  });
});

describe('first event in monthly trials with chances constant in pieces', () => {
  // Pieces: steps 0-2 with chance 0.2, steps 3 on with chance 0.5. Exact law:
  // P(k) = 0.8^k 0.2 for k < 3, and 0.8^3 0.5^(k-3) 0.5 for k >= 3.
  const start = Float64Array.of(0, 3);
  const logStay = Float64Array.of(logStayOf(0.2), logStayOf(0.5));
  const logStayBefore = new Float64Array(2);
  accumulateLogStay(start, logStay, logStayBefore, 2);
  const exact = (k: number) => (k < 3 ? 0.8 ** k * 0.2 : 0.8 ** 3 * 0.5 ** (k - 3) * 0.5);

  it('gives each step its exact chance (within 5 binomial sd)', () => {
    const draws = 200_000;
    const rng = createRng(404, 0);
    const counts = new Array<number>(12).fill(0);
    for (let i = 0; i < draws; i++) {
      const step = firstEventStep(rng, start, logStay, logStayBefore, 2);
      if (step < counts.length) counts[step]++;
    }
    counts.forEach((count, k) => {
      const p = exact(k);
      expect(Math.abs(count - draws * p)).toBeLessThanOrEqual(SIGMAS * Math.sqrt(draws * p * (1 - p)));
    });
  });

  it('ends at the start of a piece with chance 1 and never in a last piece with chance 0', () => {
    const rng = createRng(505, 0);
    const certain = Float64Array.of(logStayOf(0), logStayOf(1));
    const before = new Float64Array(2);
    accumulateLogStay(start, certain, before, 2);
    for (let i = 0; i < 100; i++) expect(firstEventStep(rng, start, certain, before, 2)).toBe(3);
    const never = Float64Array.of(logStayOf(0.5), logStayOf(0));
    accumulateLogStay(start, never, before, 2);
    let endless = 0;
    for (let i = 0; i < 10_000; i++) if (firstEventStep(rng, start, never, before, 2) === Infinity) endless++;
    // P(no event in steps 0-2) = 0.5^3 = 0.125.
    expect(Math.abs(endless - 1_250)).toBeLessThanOrEqual(SIGMAS * Math.sqrt(10_000 * 0.125 * 0.875));
  });
});
