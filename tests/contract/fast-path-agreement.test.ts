import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchContractWithTenUncertainInputs } from '../../bench/bench-contract.js';
import { ContractSchema, createContractModel, type ContractInput, type ContractModel } from '../../models/contract/index.js';
import { fastPathSupports } from '../../models/contract/fast-path/summary-kernel.js';
import { KEPT_LOOPS, keptMonthLoops, monthLoopBytes, monthLoopFor } from '../../models/contract/fast-path/generate-month-loop.js';
import { createRng } from '../../models/random/index.js';
import { runSimulation } from '../../models/simulation/run-simulation.js';
import { SimulationSettingsSchema } from '../../models/simulation/settings.js';
import { seriesLength, summaryModelOf } from '../../models/simulation/model.js';

/**
 * The summary kernel (models/contract/fast-path/) that simulation and sensitivity runs use must
 * give what the full kernel (evaluateContract, the one definition behind /contracts/evaluate)
 * gives, on every scalar and yearly output. The reference here is the full kernel itself, on
 * random valid contracts covering every trigger kind the fast path takes (job start and sustained
 * by work type, per month off benefit gross and attributable, share of savings gross and
 * attributable), caps binding and not (per participant, per year with and without carry-forward,
 * total), a threshold on each metric, an investor with and without a guarantee, a deadweight
 * counterfactual, indexation and delays, each with expected rates and with drawn persons
 * (both kernels given generators with the same seed). Agreement is required to 1e-9 relative;
 * the kernels do the same arithmetic in the same order, so in practice they agree to the bit.
 */

const RELATIVE = 1e-9;
/** Contracts per property; each is evaluated at 3 input vectors, with expected rates and drawn. AGREEMENT_RUNS=2000 for a deeper check after changing either kernel. */
const RUNS = Number(process.env.AGREEMENT_RUNS ?? 0) || 400;

// Unbiased and uniform: fast-check's bias towards small values, and doubles drawn over exponents
// (1e-300 as often as 0.05), would make most contracts place and pay nothing.
const uniform = (min: number, max: number) => fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((k) => min + ((max - min) * k) / 1_000_000);
const rate = (max: number) => uniform(0, max);
const money = (max: number) => fc.noBias(fc.integer({ min: 0, max }));

const triggerArb = (horizon: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('jobStart' as const),
      price: fc.oneof(money(3_000), fc.constant({ bands: [{ minMonthsOnBenefit: 0, price: 800 }, { minMonthsOnBenefit: 24, price: 1_600 }] })),
      workType: fc.constantFrom('any' as const, 'fullTime' as const, 'partTime' as const),
    }),
    fc.record({
      kind: fc.constant('sustained' as const),
      months: fc.integer({ min: 1, max: Math.max(1, horizon - 1) }),
      price: fc.oneof(money(8_000), fc.constant({ bands: [{ minMonthsOnBenefit: 12, price: 5_000 }, { minMonthsOnBenefit: 60, price: 9_000 }] })),
      workType: fc.constantFrom('any' as const, 'fullTime' as const, 'partTime' as const),
    }),
    fc.record({ kind: fc.constant('perMonthOffBenefit' as const), price: money(400), basis: fc.constantFrom('gross' as const, 'attributable' as const) }),
    fc.record({ kind: fc.constant('shareOfSavings' as const), share: rate(0.6), basis: fc.constantFrom('gross' as const, 'attributable' as const) }),
  );

const contractArb: fc.Arbitrary<ContractInput> = fc.integer({ min: 6, max: 48 }).chain((horizon) =>
  fc
    .record({
      startMonthOfYear: fc.integer({ min: 1, max: 12 }),
      programmeMonths: fc.integer({ min: 1, max: horizon }),
      cohorts: fc.uniqueArray(fc.record({ month: fc.integer({ min: 0, max: horizon - 1 }), count: fc.noBias(fc.integer({ min: 0, max: 60 })) }), {
        minLength: 1,
        maxLength: 4,
        selector: (c) => c.month,
      }),
      delayMonths: fc.integer({ min: 0, max: 3 }),
      profiles: fc.array(
        fc.record({
          share: uniform(0.05, 1),
          monthlyBenefit: money(2_000),
          monthsOnBenefitBeforeIntake: fc.integer({ min: 0, max: 100 }),
          administrationCostPerYear: money(4_000),
          programme: fc.record({ monthlyJobEntryRate: rate(0.3), monthlyOtherExitRate: rate(0.05) }),
          counterfactual: fc.record({ monthlyJobEntryRate: rate(0.1), monthlyOtherExitRate: rate(0.05) }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      work: fc.record({
        partTimeShare: rate(1),
        partTimeBenefitShare: rate(1),
        lksShare: rate(1),
        lksMonthlyAmount: money(1_200),
        bandStarts: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 2 }),
        bandRates: fc.array(rate(0.08), { minLength: 3, maxLength: 3 }),
      }),
      counterfactual: fc.oneof(
        fc.constant({ method: 'rates' as const }),
        fc.record({ method: fc.constant('deadweight' as const), deadweightShare: rate(1) }),
      ),
      triggers: fc.array(
        fc.record({ trigger: triggerArb(horizon), lagMonths: fc.integer({ min: 0, max: 4 }), toInvestor: fc.boolean() }),
        { minLength: 1, maxLength: 4 },
      ),
      caps: fc.record({
        // Small enough to bind in many contracts, large enough not to in others.
        perParticipant: fc.option(money(3_000), { nil: undefined, freq: 2 }),
        perYear: fc.option(money(15_000), { nil: undefined, freq: 2 }),
        total: fc.option(money(40_000), { nil: undefined, freq: 2 }),
        carryForwardYearly: fc.boolean(),
      }),
      threshold: fc.option(
        fc.record({
          metric: fc.constantFrom('placements' as const, 'sustained' as const, 'benefitMonthsSaved' as const),
          minimumImprovement: uniform(-0.5, 1.5),
          months: fc.integer({ min: 1, max: Math.max(1, horizon - 1) }),
          assessFromMonth: fc.integer({ min: 0, max: horizon - 1 }),
        }),
        { nil: undefined, freq: 2 },
      ),
      investor: fc.option(
        fc.record({
          commitment: money(300_000),
          financedShare: rate(1),
          returnCap: rate(0.2),
          hurdleRate: rate(0.1),
          guarantee: fc.option(fc.record({ amount: money(100_000), guarantor: fc.constantFrom('payer' as const, 'thirdParty' as const) }), { nil: undefined, freq: 2 }),
        }),
        { nil: undefined, freq: 2 },
      ),
      money: fc.record({ discountRate: rate(0.06), benefitIndexation: rate(0.03), priceIndexation: rate(0.03), costIndexation: rate(0.03) }),
      payer: fc.record({ ownCostsOneOff: money(30_000), ownCostsPerMonth: money(2_000) }),
      provider: fc.record({ costPerParticipantMonth: money(400), costPerPlacement: money(800), fixedCostPerMonth: money(3_000) }),
    })
    .map((c): ContractInput => {
      const starts = [0, ...[...c.work.bandStarts].sort((a, b) => a - b)];
      return {
        name: 'random',
        startMonth: `2026-${String(c.startMonthOfYear).padStart(2, '0')}`,
        horizonMonths: horizon,
        programmeMonths: c.programmeMonths,
        intake: { cohorts: [...c.cohorts].sort((a, b) => a.month - b.month), delayMonths: c.delayMonths },
        profiles: c.profiles.map((p, i) => ({ id: `p${i}`, ...p })),
        work: {
          partTimeShare: c.work.partTimeShare,
          partTimeBenefitShare: c.work.partTimeBenefitShare,
          lksShare: c.work.lksShare,
          lksMonthlyAmount: c.work.lksMonthlyAmount,
          fallbackHazard: starts.map((fromMonthsInWork, i) => ({ fromMonthsInWork, monthlyRate: c.work.bandRates[i] })),
        },
        counterfactual: c.counterfactual,
        payment: {
          triggers: c.triggers.map(({ trigger, lagMonths, toInvestor }, i) => ({
            id: `t${i}`,
            ...trigger,
            lagMonths,
            payee: toInvestor && c.investor ? ('investor' as const) : ('provider' as const),
          })) as unknown as NonNullable<ContractInput['payment']>['triggers'],
          caps: c.caps,
          ...(c.threshold ? { threshold: c.threshold } : {}),
        },
        payer: c.payer,
        provider: c.provider,
        ...(c.investor
          ? {
              investor: {
                commitment: c.investor.commitment,
                financedShare: c.investor.financedShare,
                returnCap: c.investor.returnCap,
                hurdleRate: c.investor.hurdleRate,
                ...(c.investor.guarantee ? { firstLossGuarantee: c.investor.guarantee } : {}),
              },
            }
          : {}),
        money: c.money,
      };
    }),
);

function buildModel(input: ContractInput): ContractModel | null {
  const parsed = ContractSchema.safeParse(input);
  if (!parsed.success) return null;
  const built = createContractModel(parsed.data);
  return built.ok ? built.value : null;
}

function agree(name: string, full: number, fast: number): void {
  if (Object.is(full, fast) || (Number.isNaN(full) && Number.isNaN(fast))) return;
  const scale = Math.max(1, Math.abs(full), Math.abs(fast));
  if (!(Math.abs(full - fast) <= RELATIVE * scale)) expect.fail(`${name}: full kernel ${full}, summary kernel ${fast}`);
}

/** Evaluates both kernels at `params` and compares every scalar and yearly output; drawn: same seed, and the same numbers consumed. */
function compareAt(model: ContractModel, params: Float64Array, seed: number | null, label: string): void {
  const fast = summaryModelOf(model);
  expect(fast).not.toBe(model);
  const scalarsFull = new Float64Array(model.scalarOutputs.length);
  const scalarsFast = new Float64Array(model.scalarOutputs.length);
  const seriesFull = new Float64Array(seriesLength(model));
  const seriesFast = new Float64Array(seriesLength(model));
  const rngFull = seed === null ? null : createRng(seed);
  const rngFast = seed === null ? null : createRng(seed);
  // Twice on the same workspaces: nothing the kernels keep between calls may change a result.
  const wsFull = model.createWorkspace();
  const wsFast = fast.createWorkspace();
  for (let repeat = 0; repeat < 2; repeat++) {
    model.evaluate(params, wsFull, rngFull, scalarsFull, seriesFull);
    fast.evaluate(params, wsFast, rngFast, scalarsFast, seriesFast);
    model.scalarOutputs.forEach((output, k) => agree(`${label} ${output.name}`, scalarsFull[k], scalarsFast[k]));
    for (let e = 0; e < seriesFull.length; e++) agree(`${label} series element ${e}`, seriesFull[e], seriesFast[e]);
    if (rngFull && rngFast) expect(rngFast.nextDouble(), `${label}: random numbers consumed`).toBe(rngFull.nextDouble());
  }
}

describe('the summary kernel of simulation runs agrees with the full kernel', () => {
  it('on random contracts with every trigger kind, caps, threshold, investor and deadweight, expected rates and drawn persons', () => {
    fc.assert(
      fc.property(contractArb, fc.integer({ min: 1, max: 2 ** 30 }), (input, seed) => {
        const model = buildModel(input);
        fc.pre(model !== null);
        expect(fastPathSupports(model!.plan)).toBe(true);
        const base = Float64Array.from(model!.inputs, (i) => i.base);
        // Three input vectors: the base, and two with every input moved by up to +-40% (rates may leave [0, 1]: the kernels clamp).
        const vectors = [base];
        const rng = createRng(seed);
        for (let v = 0; v < 2; v++) vectors.push(Float64Array.from(base, (x) => x * (0.6 + 0.8 * rng.nextDouble())));
        vectors.forEach((params, v) => {
          compareAt(model!, params, null, `vector ${v}, expected`);
          compareAt(model!, params, seed + v, `vector ${v}, drawn`);
        });
      }),
      { numRuns: RUNS, seed: 20_2026 },
    );
  });

  it('on the 10-input bench contract in a whole simulation: the same summary as the full kernel run', () => {
    const model = buildModel(benchContractWithTenUncertainInputs() as ContractInput)!;
    // The same model with its summary model taken away: every iteration on the full kernel.
    const fullOnly = { ...model, summaryModel: undefined };
    for (const drawIndividualOutcomes of [false, true]) {
      const settings = SimulationSettingsSchema.parse({ seed: 3, iterations: 600, drawIndividualOutcomes });
      const fast = runSimulation(model, settings);
      const full = runSimulation(fullOnly, settings);
      expect(fast.ok && full.ok).toBe(true);
      if (fast.ok && full.ok) expect(JSON.stringify(fast.value)).toBe(JSON.stringify(full.value));
    }
  });

  it('leaves contracts with a custom payment rule to the full kernel', () => {
    const model = buildModel({
      ...(benchContractWithTenUncertainInputs() as ContractInput),
      payment: { triggers: [{ id: 'regel', kind: 'custom', expression: '0.1 * savingsAttributable' }] },
    })!;
    expect(fastPathSupports(model.plan)).toBe(false);
    expect(summaryModelOf(model)).toBe(model);
  });

  it('leaves a copy of the model that evaluates differently to itself', () => {
    const model = buildModel(benchContractWithTenUncertainInputs() as ContractInput)!;
    const copy = { ...model, evaluate: model.evaluate.bind(model) };
    expect(summaryModelOf(copy)).toBe(copy);
  });

  it('generates a month loop holding no text from the contract: names and ids never reach the code', () => {
    // The module's bytes are a function of the plan's numbers alone: renaming the contract and its
    // profiles gives the same bytes, and none of the names appears in them.
    const input = benchContractWithTenUncertainInputs() as ContractInput;
    const marker = 'x"); process.exit(1); ("';
    const renamed = buildModel({ ...input, name: marker, profiles: input.profiles!.map((p, i) => ({ ...p, id: `process${i}`, label: marker })) })!;
    const plain = buildModel(input)!;
    const bytes = Buffer.from(monthLoopBytes(renamed.plan).bytes);
    expect(bytes.equals(Buffer.from(monthLoopBytes(plain.plan).bytes))).toBe(true);
    expect(bytes.includes('process')).toBe(false);
    expect(bytes.includes(marker)).toBe(false);
  });

  it('gives a contract compiled again the month loop already made (and optimised), another contract its own, and keeps a bounded number', () => {
    const input = benchContractWithTenUncertainInputs() as ContractInput;
    const first = buildModel(input)!;
    const again = buildModel(structuredClone(input))!;
    expect(again.plan).not.toBe(first.plan);
    expect(monthLoopFor(again.plan)).toBe(monthLoopFor(first.plan));
    const longer = buildModel({ ...input, horizonMonths: 72 })!;
    expect(monthLoopFor(longer.plan)).not.toBe(monthLoopFor(first.plan));
    for (let horizon = 30; horizon < 30 + KEPT_LOOPS + 10; horizon++) monthLoopFor(buildModel({ ...input, horizonMonths: horizon })!.plan);
    expect(keptMonthLoops()).toBe(KEPT_LOOPS);
  });
});
